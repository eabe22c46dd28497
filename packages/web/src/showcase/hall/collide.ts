import { DIM, type Circle, type Rect, type Segment, type Vec2 } from './layout.js';

export interface Colliders {
  segments: Segment[];
  circles: Circle[];
}

function closestOnSegment(p: Vec2, s: Segment): Vec2 {
  const dx = s.b.x - s.a.x;
  const dz = s.b.z - s.a.z;
  const len2 = dx * dx + dz * dz;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - s.a.x) * dx + (p.z - s.a.z) * dz) / len2));
  return { x: s.a.x + t * dx, z: s.a.z + t * dz };
}

/**
 * Use when: moving a body of radius `r` to `p`. Pushes it out of walls (with their thickness) and
 * solid circles, then keeps it inside `bounds`; several passes settle corners. Sliding along a wall
 * falls out naturally: only the part of the move into the wall is removed.
 * Returns: the corrected position (a new object).
 */
export function resolve(p: Vec2, r: number, colliders: Colliders, bounds: Rect): Vec2 {
  const out = { x: p.x, z: p.z };
  const wallR = r + DIM.wallThickness / 2;
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (const s of colliders.segments) {
      const q = closestOnSegment(out, s);
      moved = pushOut(out, q, wallR) || moved;
    }
    for (const c of colliders.circles) moved = pushOut(out, c.c, r + c.r) || moved;
    if (!moved) break;
  }
  out.x = Math.max(bounds.x0 + r, Math.min(bounds.x1 - r, out.x));
  out.z = Math.max(bounds.z0 + r, Math.min(bounds.z1 - r, out.z));
  return out;
}

function pushOut(p: Vec2, q: Vec2, minDist: number): boolean {
  let dx = p.x - q.x;
  let dz = p.z - q.z;
  const d = Math.hypot(dx, dz);
  if (d >= minDist) return false;
  if (d < 1e-6) {
    // Exactly on the obstacle: leave towards +z (any fixed direction keeps it deterministic).
    dx = 0;
    dz = 1;
  } else {
    dx /= d;
    dz /= d;
  }
  p.x = q.x + dx * minDist;
  p.z = q.z + dz * minDist;
  return true;
}

/**
 * Use when: a follow camera must not end up behind a wall. Casts from `from` towards `to` and
 * returns the fraction (0–1) of the way that is free of wall segments.
 */
export function freeFraction(from: Vec2, to: Vec2, segments: Segment[]): number {
  let best = 1;
  const rx = to.x - from.x;
  const rz = to.z - from.z;
  for (const s of segments) {
    const sx = s.b.x - s.a.x;
    const sz = s.b.z - s.a.z;
    const den = rx * sz - rz * sx;
    if (Math.abs(den) < 1e-9) continue;
    const qx = s.a.x - from.x;
    const qz = s.a.z - from.z;
    const t = (qx * sz - qz * sx) / den;
    const u = (qx * rz - qz * rx) / den;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1 && t < best) best = t;
  }
  return best;
}
