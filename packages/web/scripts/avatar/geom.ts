import * as THREE from 'three';

/** Up to four (bone index, weight) pairs; normalised when a vertex is added. */
export type Influence = ReadonlyArray<readonly [number, number]>;
export type ColorFn = (t: number, a: number, p: THREE.Vector3) => THREE.Color;
export type WeightFn = (t: number, p: THREE.Vector3) => Influence;

export const v3 = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z);
export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
export const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
export const smooth = (e0: number, e1: number, x: number) => {
  const t = clamp01((x - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
};

/**
 * A piece of skinned, vertex-coloured geometry under construction.
 * Use when: building one connected surface (a tube, a blob); normals are smoothed within the part only,
 * so separate parts keep crisp silhouettes where they meet.
 */
export class Part {
  readonly positions: number[] = [];
  readonly colors: number[] = [];
  readonly skinIndex: number[] = [];
  readonly skinWeight: number[] = [];
  readonly indices: number[] = [];

  get count(): number {
    return this.positions.length / 3;
  }

  vertex(p: THREE.Vector3, c: THREE.Color, w: Influence): number {
    this.positions.push(p.x, p.y, p.z);
    this.colors.push(c.r, c.g, c.b);
    const sorted = [...w].filter(([, x]) => x > 1e-4).sort((a, b) => b[1] - a[1]).slice(0, 4);
    const total = sorted.reduce((s, [, x]) => s + x, 0) || 1;
    for (let i = 0; i < 4; i++) {
      const e = sorted[i];
      this.skinIndex.push(e ? e[0] : 0);
      this.skinWeight.push(e ? e[1] / total : 0);
    }
    return this.count - 1;
  }

  tri(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  /** Builds the geometry with smooth normals. */
  geometry(): THREE.BufferGeometry {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3));
    g.setAttribute('color', new THREE.Float32BufferAttribute(this.colors, 3));
    g.setAttribute('skinIndex', new THREE.Uint16BufferAttribute(this.skinIndex, 4));
    g.setAttribute('skinWeight', new THREE.Float32BufferAttribute(this.skinWeight, 4));
    g.setIndex(this.indices);
    g.computeVertexNormals();
    return g;
  }
}

export interface TubeSpec {
  /** Centreline position at parameter t. */
  path: (t: number) => THREE.Vector3;
  /** Parameters of the rings, ascending (include band edges twice, a hair apart, for crisp colours). */
  ts: number[];
  /** Reference direction for the ring's v axis (projected off the tangent). */
  up: THREE.Vector3 | ((t: number) => THREE.Vector3);
  /** Offsets (u, v) of the ring point at angle a; u = tangent × v. */
  section: (t: number, a: number) => readonly [number, number];
  radial: number;
  color: ColorFn;
  weights: WeightFn;
  capStart?: boolean;
  capEnd?: boolean;
  /** Joins the last ring back to the first (a torus-like loop); `ts` should then stop short of 1. */
  loop?: boolean;
}

/** Samples [0,1] with n steps and adds each break twice (±eps) so colours change crisply there. */
export function samples(n: number, breaks: number[] = [], eps = 0.002, from = 0, to = 1): number[] {
  const out = new Set<number>();
  for (let i = 0; i <= n; i++) out.add(from + ((to - from) * i) / n);
  for (const b of breaks) {
    out.add(b - eps);
    out.add(b + eps);
  }
  return [...out].filter((t) => t >= from && t <= to).sort((a, b) => a - b);
}

/** A generalised cylinder: rings of `section` swept along `path`. Winding is made outward-facing. */
export function tube(part: Part, s: TubeSpec): void {
  const base = part.count;
  const rings: number[][] = [];
  const centres: THREE.Vector3[] = [];
  const h = 1e-3;
  for (const t of s.ts) {
    const c = s.path(t);
    const tan = s.loop
      ? s.path((t + h) % 1).sub(s.path((t - h + 1) % 1)).normalize()
      : s.path(Math.min(1, t + h)).sub(s.path(Math.max(0, t - h))).normalize();
    const upRef = typeof s.up === 'function' ? s.up(t) : s.up;
    const v = upRef.clone().sub(tan.clone().multiplyScalar(upRef.dot(tan))).normalize();
    const u = new THREE.Vector3().crossVectors(tan, v).normalize();
    const ring: number[] = [];
    for (let i = 0; i < s.radial; i++) {
      const a = (i / s.radial) * Math.PI * 2;
      const [du, dv] = s.section(t, a);
      const p = c.clone().addScaledVector(u, du).addScaledVector(v, dv);
      ring.push(part.vertex(p, s.color(t, a, p), s.weights(t, p)));
    }
    rings.push(ring);
    centres.push(c);
  }
  // Decide the winding by summing, over all quads, how much each one's normal points outward.
  const P = (i: number) => new THREE.Vector3().fromArray(part.positions, i * 3);
  let outward = 0;
  for (let r = 0; r + 1 < rings.length; r++) {
    for (let i = 0; i < s.radial; i++) {
      const a = P(rings[r]![i]!), b = P(rings[r]![(i + 1) % s.radial]!), c = P(rings[r + 1]![i]!);
      const n = new THREE.Vector3().subVectors(b, a).cross(new THREE.Vector3().subVectors(c, a));
      outward += n.dot(a.clone().sub(centres[r]!));
    }
  }
  const flip = outward < 0;
  const quad = (a: number, b: number, c: number, d: number) => {
    if (flip) {
      part.tri(a, c, b);
      part.tri(b, c, d);
    } else {
      part.tri(a, b, c);
      part.tri(b, d, c);
    }
  };
  const last = s.loop ? rings.length : rings.length - 1;
  for (let r = 0; r < last; r++) {
    const next = rings[(r + 1) % rings.length]!;
    for (let i = 0; i < s.radial; i++) {
      const j = (i + 1) % s.radial;
      quad(rings[r]![i]!, rings[r]![j]!, next[i]!, next[j]!);
    }
  }
  const cap = (ringIdx: number, t: number, atEnd: boolean) => {
    const ring = rings[ringIdx]!;
    const c = new THREE.Vector3();
    for (const i of ring) c.add(P(i));
    c.divideScalar(ring.length);
    const pole = part.vertex(c, s.color(t, 0, c), s.weights(t, c));
    for (let i = 0; i < s.radial; i++) {
      const j = (i + 1) % s.radial;
      // Same orientation rule as the side quads: end caps continue the sweep direction.
      if (atEnd !== flip) part.tri(ring[i]!, ring[j]!, pole);
      else part.tri(ring[j]!, ring[i]!, pole);
    }
  };
  if (s.capStart) cap(0, s.ts[0]!, false);
  if (s.capEnd) cap(rings.length - 1, s.ts[s.ts.length - 1]!, true);
  void base;
}

/** A rounded profile: 0 at the ends (t=0 and t=1 when `round` says so), 1 in the middle. */
export function roundEnds(t: number, start: number, end: number): number {
  let k = 1;
  if (start > 0 && t < start) k *= Math.sqrt(Math.max(0, 1 - ((start - t) / start) ** 2));
  if (end > 0 && t > 1 - end) k *= Math.sqrt(Math.max(0, 1 - ((t - (1 - end)) / end) ** 2));
  return k;
}

export interface BlobSpec {
  center: THREE.Vector3;
  radii: readonly [number, number, number];
  rotation?: THREE.Quaternion;
  /** Rings from the -Y pole to the +Y pole (local), and segments around. */
  rings: number;
  segments: number;
  /** Optional displacement of the unit-sphere point before scaling (for lumps, flattening). */
  shape?: (unit: THREE.Vector3) => THREE.Vector3;
  color: (p: THREE.Vector3, unit: THREE.Vector3) => THREE.Color;
  weights: (p: THREE.Vector3) => Influence;
}

/** An ellipsoid (optionally reshaped). */
export function blob(part: Part, s: BlobSpec): void {
  const rot = s.rotation ?? new THREE.Quaternion();
  const ts: number[] = [];
  for (let i = 0; i <= s.rings; i++) ts.push(i / s.rings);
  const unitAt = (t: number, a: number) => {
    const phi = Math.PI * (1 - t); // from bottom (π) to top (0)
    return new THREE.Vector3(Math.sin(phi) * Math.cos(a), Math.cos(phi), Math.sin(phi) * Math.sin(a));
  };
  const toWorld = (u: THREE.Vector3) => {
    const q = s.shape ? s.shape(u.clone()) : u.clone();
    return q.set(q.x * s.radii[0], q.y * s.radii[1], q.z * s.radii[2]).applyQuaternion(rot).add(s.center);
  };
  const rows: number[][] = [];
  for (const t of ts) {
    const row: number[] = [];
    const n = t === 0 || t === 1 ? 1 : s.segments;
    for (let i = 0; i < n; i++) {
      const u = unitAt(t, (i / s.segments) * Math.PI * 2);
      const p = toWorld(u);
      row.push(part.vertex(p, s.color(p, u), s.weights(p)));
    }
    rows.push(row);
  }
  for (let r = 0; r + 1 < rows.length; r++) {
    const A = rows[r]!, B = rows[r + 1]!;
    for (let i = 0; i < s.segments; i++) {
      const j = (i + 1) % s.segments;
      if (A.length === 1) part.tri(A[0]!, B[i]!, B[j]!);
      else if (B.length === 1) part.tri(A[i]!, B[0]!, A[j]!);
      else {
        part.tri(A[i]!, B[i]!, A[j]!);
        part.tri(A[j]!, B[i]!, B[j]!);
      }
    }
  }
}

/**
 * A smooth 1-D curve through keys [x, y] (x ascending): cubic Hermite with averaged slopes,
 * clamped to the end values outside the keys. Use for body profiles (radius by height, …).
 */
export function curve(keys: ReadonlyArray<readonly [number, number]>): (x: number) => number {
  const n = keys.length;
  const slope = (i: number) => {
    const a = keys[Math.max(0, i - 1)]!, b = keys[Math.min(n - 1, i + 1)]!;
    return (b[1] - a[1]) / (b[0] - a[0] || 1);
  };
  return (x) => {
    if (x <= keys[0]![0]) return keys[0]![1];
    if (x >= keys[n - 1]![0]) return keys[n - 1]![1];
    let i = 0;
    while (keys[i + 1]![0] < x) i++;
    const [x0, y0] = keys[i]!, [x1, y1] = keys[i + 1]!;
    const h = x1 - x0, t = (x - x0) / h;
    const m0 = slope(i) * h, m1 = slope(i + 1) * h;
    const t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * m1;
  };
}

/** Superellipse section helper: exponent 2 is an ellipse, larger is boxier. */
export function superSection(a: number, rx: number, rNeg: number, rPos: number, n = 2): [number, number] {
  const c = Math.cos(a), s = Math.sin(a);
  const k = 2 / n;
  return [Math.sign(c) * Math.abs(c) ** k * rx, Math.sign(s) * Math.abs(s) ** k * (s >= 0 ? rPos : rNeg)];
}
