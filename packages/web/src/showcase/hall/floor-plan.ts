/**
 * The floor as a flat mosaic that never overlaps itself. Shapes (rectangles and discs) are stacked
 * by priority like paint; this turns the stack into trapezoids covering each point exactly once
 * with the colour of the topmost shape there. In software WebGL every layer of floor drawn on top
 * of another costs a full pass over those pixels, so the floor is one layer.
 *
 * Method: cut the plane into slabs along z at every rectangle edge and, for discs, at steps of a
 * few degrees round the circle; at each slab's middle sweep along x to find which shape shows in
 * each interval; each interval's two ends are edges of known shapes, whose x at the slab's top and
 * bottom give the trapezoid (discs' edges are taken as straight within a slab).
 */

export type FloorShape =
  | { kind: 'rect'; x0: number; x1: number; z0: number; z1: number; color: string; priority: number }
  | { kind: 'disc'; cx: number; cz: number; r: number; color: string; priority: number };

export interface Trapezoid {
  color: string;
  z0: number;
  z1: number;
  /** x of the left and right edges at z0 and at z1. */
  l0: number;
  r0: number;
  l1: number;
  r1: number;
}

const DISC_STEP = (10 * Math.PI) / 180;

/** The x-interval a shape covers on the line at z, or null. */
function span(s: FloorShape, z: number): [number, number] | null {
  if (s.kind === 'rect') return z >= s.z0 && z <= s.z1 ? [s.x0, s.x1] : null;
  const d = z - s.cz;
  if (Math.abs(d) > s.r) return null;
  const h = Math.sqrt(Math.max(0, s.r * s.r - d * d));
  return [s.cx - h, s.cx + h];
}

/** x of one side of a shape at z (clamped to the shape's extent, so slab ends on a tangent are exact). */
function edgeX(s: FloorShape, side: 0 | 1, z: number): number {
  if (s.kind === 'rect') return side === 0 ? s.x0 : s.x1;
  const d = Math.max(-s.r, Math.min(s.r, z - s.cz));
  const h = Math.sqrt(Math.max(0, s.r * s.r - d * d));
  return side === 0 ? s.cx - h : s.cx + h;
}

/**
 * Use when: building the floor mesh. `background` is the lowest layer and bounds everything.
 * Returns: trapezoids that tile the background rectangle without overlaps or gaps.
 */
export function floorTrapezoids(background: Extract<FloorShape, { kind: 'rect' }>, shapes: FloorShape[]): Trapezoid[] {
  const all = [background, ...shapes].sort((a, b) => a.priority - b.priority);
  const cuts = new Set<number>([background.z0, background.z1]);
  for (const s of shapes) {
    if (s.kind === 'rect') {
      cuts.add(s.z0);
      cuts.add(s.z1);
    } else {
      for (let a = -Math.PI / 2; a < Math.PI / 2 + 1e-9; a += DISC_STEP) cuts.add(s.cz + s.r * Math.sin(Math.min(a, Math.PI / 2)));
      cuts.add(s.cz + s.r);
    }
  }
  // Where a disc's edge meets a rectangle's side or another disc's edge, edges swap order: cut there.
  const discs = shapes.filter((s): s is Extract<FloorShape, { kind: 'disc' }> => s.kind === 'disc');
  for (const d of discs) {
    for (const s of all) {
      if (s.kind === 'rect') {
        for (const x of [s.x0, s.x1]) {
          const dx = x - d.cx;
          if (Math.abs(dx) >= d.r) continue;
          const h = Math.sqrt(d.r * d.r - dx * dx);
          cuts.add(d.cz - h);
          cuts.add(d.cz + h);
        }
      } else if (s !== d) {
        for (const z of circleCrossings(d, s)) cuts.add(z);
      }
    }
  }
  const zs = [...cuts].filter((z) => z >= background.z0 && z <= background.z1).sort((a, b) => a - b);
  const out: Trapezoid[] = [];
  for (let i = 1; i < zs.length; i++) {
    const z0 = zs[i - 1]!;
    const z1 = zs[i]!;
    if (z1 - z0 < 1e-6) continue;
    const zm = (z0 + z1) / 2;
    // Every shape edge crossing the middle line, as (x, shape, side).
    const edges: { x: number; s: FloorShape; side: 0 | 1 }[] = [];
    for (const s of all) {
      const sp = span(s, zm);
      if (!sp) continue;
      edges.push({ x: sp[0], s, side: 0 }, { x: sp[1], s, side: 1 });
    }
    edges.sort((a, b) => a.x - b.x || a.side - b.side);
    // Sweep: the topmost active shape owns each interval between consecutive edges.
    const active = new Set<FloorShape>();
    let prev: (typeof edges)[number] | null = null;
    for (const e of edges) {
      if (prev && e.x > prev.x + 1e-9 && active.size > 0) {
        let top: FloorShape | null = null;
        for (const s of active) if (!top || s.priority > top.priority) top = s;
        const last = out.at(-1);
        const l0 = edgeX(prev.s, prev.side, z0);
        const l1 = edgeX(prev.s, prev.side, z1);
        const r0 = edgeX(e.s, e.side, z0);
        const r1 = edgeX(e.s, e.side, z1);
        // Neighbours of one colour on the same slab merge into one trapezoid.
        if (last && last.z0 === z0 && last.color === top!.color && Math.abs(last.r0 - l0) < 1e-9 && Math.abs(last.r1 - l1) < 1e-9) {
          last.r0 = r0;
          last.r1 = r1;
        } else out.push({ color: top!.color, z0, z1, l0, r0, l1, r1 });
      }
      if (e.side === 0) active.add(e.s);
      else active.delete(e.s);
      prev = e;
    }
  }
  return out;
}

/** Area of a trapezoid (for tests and sanity checks). */
export function trapezoidArea(t: Trapezoid): number {
  return ((t.r0 - t.l0 + (t.r1 - t.l1)) / 2) * (t.z1 - t.z0);
}

/** The z of the points where two circles cross (none, or two). */
function circleCrossings(a: { cx: number; cz: number; r: number }, b: { cx: number; cz: number; r: number }): number[] {
  const dx = b.cx - a.cx;
  const dz = b.cz - a.cz;
  const d = Math.hypot(dx, dz);
  if (d < 1e-9 || d > a.r + b.r || d < Math.abs(a.r - b.r)) return [];
  const along = (a.r * a.r - b.r * b.r + d * d) / (2 * d);
  const h = Math.sqrt(Math.max(0, a.r * a.r - along * along));
  const mz = a.cz + (along * dz) / d;
  return [mz + (h * dx) / d, mz - (h * dx) / d];
}
