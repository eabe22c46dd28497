import * as THREE from 'three';
import { smooth } from './geom.js';
import { FrontProjector } from './projector.js';
import { MORPHS, NEUTRAL, type BrowState, type EyeState, type FaceState, type MouthState } from './face-states.js';
import { col, HEX, mixCol } from './palette.js';
import { HEAD_PIVOT, HEAD_SCALE } from './proportions.js';

type V2 = [number, number];

/** Collects the drawn face: 2-D positions (front view), a layer height above the skin, colours, triangles. */
class Sink {
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly layer: number[] = [];
  readonly colors: THREE.Color[] = [];
  readonly tris: number[] = [];
  v(p: V2, layer: number, c: THREE.Color): number {
    this.x.push(p[0]);
    this.y.push(p[1]);
    this.layer.push(layer);
    this.colors.push(c);
    return this.x.length - 1;
  }
  tri(a: number, b: number, c: number): void {
    this.tris.push(a, b, c);
  }
  /** Grid of rows × cols vertices, row-major, joined into quads. */
  grid(rows: number[][]): void {
    for (let r = 0; r + 1 < rows.length; r++) {
      const A = rows[r]!, B = rows[r + 1]!;
      for (let i = 0; i + 1 < A.length; i++) {
        this.tri(A[i]!, A[i + 1]!, B[i]!);
        this.tri(A[i + 1]!, B[i + 1]!, B[i]!);
      }
    }
  }
  /** A ribbon along `pts` with per-point widths (centred), in one colour function. */
  stroke(pts: V2[], widths: number[], layer: number, color: (i: number) => THREE.Color, side = 0): void {
    const rows: number[][] = [[], []];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[Math.max(0, i - 1)]!, b = pts[Math.min(pts.length - 1, i + 1)]!;
      let dx = b[0] - a[0], dy = b[1] - a[1];
      const len = Math.hypot(dx, dy) || 1;
      dx /= len;
      dy /= len;
      const n: V2 = [-dy, dx];
      const w = widths[i]!;
      const c = pts[i]!;
      const off = side * w * 0.5;
      rows[0]!.push(this.v([c[0] + n[0] * (off - w / 2), c[1] + n[1] * (off - w / 2)], layer, color(i)));
      rows[1]!.push(this.v([c[0] + n[0] * (off + w / 2), c[1] + n[1] * (off + w / 2)], layer, color(i)));
    }
    this.grid(rows);
  }
  /** A polar disc: centre vertex plus rings; `place` may move (clamp) each vertex. */
  disc(c: V2, rx: number, ry: number, rings: number[], segs: number, layer: number, color: (r: number, a: number) => THREE.Color, place: (p: V2) => V2 = (p) => p): void {
    const centre = this.v(place(c), layer, color(0, 0));
    let prev: number[] | null = null;
    for (const r of rings) {
      if (r === 0) continue;
      const ring: number[] = [];
      for (let i = 0; i < segs; i++) {
        const a = (i / segs) * Math.PI * 2;
        ring.push(this.v(place([c[0] + Math.cos(a) * rx * r, c[1] + Math.sin(a) * ry * r]), layer, color(r, a)));
      }
      for (let i = 0; i < segs; i++) {
        const j = (i + 1) % segs;
        if (!prev) this.tri(centre, ring[i]!, ring[j]!);
        else {
          this.tri(prev[i]!, ring[i]!, ring[j]!);
          this.tri(prev[i]!, ring[j]!, prev[j]!);
        }
      }
      prev = ring;
    }
  }
}

const bez = (p: V2[], s: number): V2 => {
  const u = 1 - s;
  const a = u * u * u, b = 3 * u * u * s, c = 3 * u * s * s, d = s * s * s;
  return [a * p[0]![0] + b * p[1]![0] + c * p[2]![0] + d * p[3]![0], a * p[0]![1] + b * p[1]![1] + c * p[2]![1] + d * p[3]![1]];
};
const range = (n: number, a = 0, b = 1) => Array.from({ length: n + 1 }, (_, i) => a + ((b - a) * i) / n);

/** Where the features sit on the face (front view, metres). */
export const EYE_X = 0.0435, EYE_Y = 1.424, MOUTH_Y = 1.3565;
const UPPER: V2[] = [[-0.0195, -0.0028], [-0.0165, 0.0158], [0.0085, 0.0238], [0.021, 0.0048]];
const LOWER: V2[] = [[-0.0195, -0.0028], [-0.0152, -0.0192], [0.0112, -0.0215], [0.021, 0.0048]];

/** Samples a curve as y(x) for clamping features inside the eye opening. */
function asFunction(pts: V2[]): (x: number) => number {
  return (x) => {
    if (x <= pts[0]![0]) return pts[0]![1];
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i]!, b = pts[i + 1]!;
      if (x <= b[0]) return a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0] || 1);
    }
    return pts[pts.length - 1]![1];
  };
}

/** One eye in local coordinates (x points away from the nose); `side` is +1 for her left eye. */
function eye(sink: Sink, st: EyeState, side: number): void {
  const toWorld = (p: V2): V2 => [side * (EYE_X + p[0]), EYE_Y + p[1]];
  const local = (wx: number, wy: number): V2 => [wx * side, wy];
  const S = 26;
  const ss = range(S);
  const closed = (s: number): V2 => {
    const u = bez(UPPER, s);
    const y0 = UPPER[0]![1], y1 = UPPER[3]![1];
    return [u[0], y0 + (y1 - y0) * s + st.arc * Math.sin(Math.PI * s) - 0.0032 * Math.sin(Math.PI * s) ** 0.5];
  };
  const upper = (s: number): V2 => {
    const u = bez(UPPER, s);
    const k = closed(s);
    const y = u[1] * st.scale;
    const tiltW = st.tilt > 0 ? s ** 1.3 : (1 - s) ** 1.3;
    const yt = y - Math.abs(st.tilt) * tiltW * (y - k[1]);
    return [u[0], k[1] + (yt - k[1]) * st.open];
  };
  const lower = (s: number): V2 => {
    const l = bez(LOWER, s);
    const k = closed(s);
    const y0 = l[1] * (1 + (st.scale - 1) * 0.5);
    const raised = y0 + st.lowerRaise * (k[1] - y0);
    const y = k[1] - 0.0002 + (raised - k[1] + 0.0002) * st.open;
    return [l[0], Math.min(y, upper(s)[1] - 0.0001)];
  };
  const U = ss.map(upper), L = ss.map(lower);
  const uy = asFunction(range(48).map(upper)), ly = asFunction(range(48).map(lower));
  const xin = UPPER[0]![0], xout = UPPER[3]![0];
  const inside = (p: V2): V2 => {
    const x = Math.min(xout - 0.0006, Math.max(xin + 0.0006, p[0]));
    const top = uy(x) - 0.00025, bot = ly(x) + 0.00025;
    const y = top <= bot ? (top + bot) / 2 : Math.min(top, Math.max(bot, p[1]));
    return [x, y];
  };
  const place = (p: V2) => toWorld(inside(p));

  // Sclera, shaded under the upper lid.
  const R = 6;
  const rows: number[][] = [];
  for (let k = 0; k <= R; k++) {
    const f = k / R;
    rows.push(ss.map((_, i) => sink.v(toWorld([L[i]![0] + (U[i]![0] - L[i]![0]) * f, L[i]![1] + (U[i]![1] - L[i]![1]) * f]), 0.0006, mixCol(HEX.eyeWhite, HEX.eyeShade, smooth(0.55, 1, f)))));
  }
  sink.grid(rows);

  // Iris: dark at the top, warm amber at the bottom, with a dark rim.
  const look = local(st.look[0], st.look[1]);
  const c: V2 = [0.0006 + look[0], -0.0022 + look[1]];
  const irx = 0.0128 * st.irisScale, iry = 0.0158 * st.irisScale;
  sink.disc(c, irx, iry, [0, 0.3, 0.55, 0.78, 0.9, 1], 32, 0.001, (r, a) => {
    if (r >= 0.9) return col(HEX.irisDark);
    const lowness = smooth(0.2, -0.9, Math.sin(a)) * smooth(0.2, 0.6, r);
    return mixCol(HEX.irisDark, HEX.irisMid, 0.35 + 0.25 * r).lerp(col(HEX.irisLight), lowness);
  }, place);
  // Pupil.
  sink.disc([c[0], c[1] + 0.0006], 0.0054 * st.pupilScale, 0.0072 * st.pupilScale, [0, 0.6, 1], 20, 0.0013, () => col(HEX.pupil), place);
  // Highlights (fixed in world space: upper left of the iris on screen, a small one lower right).
  const h1 = local(-0.0041, 0.0056), h2 = local(0.0043, -0.0064);
  sink.disc([c[0] + h1[0], c[1] + h1[1]], 0.0034, 0.004, [0, 1], 16, 0.0016, () => col(HEX.white), place);
  sink.disc([c[0] + h2[0], c[1] + h2[1]], 0.0016, 0.0016, [0, 1], 12, 0.0016, () => col(HEX.white), place);

  // A tear drop under the eye (sad): a rounded drop with a pointed top and a glint.
  const tc: V2 = [0.0015, -0.0268];
  const drop = (rx: number, ry: number) => (p: V2): V2 => {
    const dx = (p[0] - tc[0]) / (rx || 1), dy = (p[1] - tc[1]) / (ry || 1);
    const up = Math.max(0, dy);
    return toWorld([tc[0] + dx * rx * (1 - 0.75 * up), tc[1] + dy * ry * (1 + 0.7 * up)]);
  };
  const tr = 0.0034 * st.tear;
  sink.disc(tc, tr, tr, [0, 0.6, 1], 16, 0.0012, (r) => (r < 0.7 ? mixCol(HEX.white, HEX.ice, 0.45) : mixCol(HEX.white, HEX.ice, 0.8)), drop(tr, tr));
  sink.disc([tc[0] - 0.001 * side, tc[1] - 0.0006], tr * 0.28, tr * 0.28, [0, 1], 8, 0.0014, () => col(HEX.white), (p) => toWorld(p));

  // Lower lash: a short soft line under the outer half.
  const ls = range(12, 0.5, 1);
  const lowerPts = ls.map((s) => {
    const p = lower(s);
    return toWorld([p[0], p[1] - 0.0005]);
  });
  sink.stroke(lowerPts, ls.map((s) => 0.0009 * Math.sin((Math.PI * (s - 0.5)) / 0.5) ** 0.7 * st.open), 0.001, () => mixCol(HEX.lash, HEX.irisMid, 0.35));

  // Double-eyelid crease, fading as the eye closes.
  const cs = range(12, 0.3, 0.94);
  const creasePts = cs.map((s) => {
    const p = upper(s);
    return toWorld([p[0], p[1] + 0.0046 * st.open]);
  });
  sink.stroke(creasePts, cs.map((s) => 0.0006 * Math.sin((Math.PI * (s - 0.3)) / 0.64) * st.open), 0.0007, () => col(HEX.crease));

  // Upper lash line with a little wing at the outer corner.
  const pts: V2[] = U.map((p) => [p[0], p[1]]);
  const widths = ss.map((s) => 0.001 + 0.0023 * smooth(0, 0.42, s) + 0.0006 * smooth(0.6, 1, s));
  const o = U[U.length - 1]!;
  for (let k = 1; k <= 4; k++) {
    pts.push([o[0] + 0.0046 * (k / 4), o[1] + 0.0026 * (k / 4) ** 1.2]);
    widths.push(0.0029 * (1 - k / 4.4));
  }
  sink.stroke(pts.map(toWorld), widths, 0.0019, () => col(HEX.lash), side > 0 ? 0.45 : -0.45);
}

function brow(sink: Sink, st: BrowState, side: number): void {
  const P: V2[] = [[-0.0178, 0.0312], [-0.009, 0.0352], [0.008, 0.0368], [0.0212, 0.0318]];
  const ss = range(16);
  const pts = ss.map((s): V2 => {
    const p = bez(P, s);
    return [side * (EYE_X + p[0]), EYE_Y + p[1] + st.raise + st.inner * (1 - s) ** 1.5];
  });
  const widths = ss.map((s) => (0.0024 * (1 - s) ** 0.6 + 0.0006) * (0.55 + 0.45 * smooth(0, 0.12, s)));
  sink.stroke(pts, widths, 0.0008, () => col(HEX.brow));
}

function mouth(sink: Sink, m: MouthState): void {
  const T = 24;
  const ts = range(T, -1, 1);
  const prof = (t: number) => Math.max(0, 1 - t * t) ** m.round;
  const thick = (t: number) => 0.0012 * Math.max(0, 1 - t * t) ** 0.6 + 0.00022;
  const up = (t: number): V2 => [m.halfWidth * t, MOUTH_Y + m.corner * t * t + m.upper * prof(t) + thick(t) / 2];
  const lo = (t: number): V2 => [m.halfWidth * t, MOUTH_Y + m.corner * t * t + m.lower * prof(t) - thick(t) / 2];
  const R = 4;
  const rows: number[][] = [];
  for (let k = 0; k <= R; k++) {
    const f = k / R;
    rows.push(ts.map((t) => {
      const a = lo(t), b = up(t);
      return sink.v([a[0], a[1] + (b[1] - a[1]) * f], 0.0008, mixCol(HEX.mouth, HEX.mouthDeep, smooth(0.5, 1, f)));
    }));
  }
  sink.grid(rows);
  // Tongue.
  const tt = range(16, -0.8, 0.8);
  const tongue: number[][] = [[], []];
  for (const t of tt) {
    const a = lo(t), b = up(t);
    const h = m.tongue * 0.42 * (b[1] - a[1]) * Math.max(0, 1 - (t / 0.8) ** 2) ** 0.7;
    tongue[0]!.push(sink.v([a[0], a[1] + 0.0003], 0.0011, col(HEX.tongue)));
    tongue[1]!.push(sink.v([a[0], a[1] + 0.0003 + h], 0.0011, col(HEX.tongue)));
  }
  sink.grid(tongue);
  // Upper teeth.
  const te = range(14, -0.7, 0.7);
  const teeth: number[][] = [[], []];
  for (const t of te) {
    const a = lo(t), b = up(t);
    const h = m.teeth * Math.min(0.0024, 0.32 * (b[1] - a[1])) * Math.max(0, 1 - (t / 0.7) ** 2) ** 0.4;
    teeth[0]!.push(sink.v([b[0], b[1] - 0.0003 - h], 0.0011, col(HEX.teeth)));
    teeth[1]!.push(sink.v([b[0], b[1] - 0.0003], 0.0011, col(HEX.teeth)));
  }
  sink.grid(teeth);
}

/** Static touches: blush with soft edges and fine hatching, a hint of a nose. */
function cheeksAndNose(sink: Sink): void {
  for (const side of [1, -1]) {
    const c: V2 = [side * 0.052, 1.3975];
    sink.disc(c, 0.0155, 0.0078, [0, 0.45, 0.75, 1], 24, 0.0004, (r) => mixCol(HEX.skin, HEX.blush, [0.62, 0.5, 0.28, 0][[0, 0.45, 0.75, 1].indexOf(r)]!));
    for (let k = -1; k <= 1; k++) {
      const x = c[0] + k * 0.0052 + side * 0.0006;
      sink.stroke([[x - 0.0016, c[1] - 0.0026], [x + 0.0016, c[1] + 0.0026]], [0.0006, 0.0006], 0.0006, () => mixCol(HEX.blush, HEX.red, 0.18));
    }
  }
  sink.stroke([[-0.0022, 1.3885], [0.0004, 1.3868], [0.0026, 1.3878]], [0.0004, 0.0011, 0.0004], 0.0006, () => col(HEX.crease));
}

function draw(st: FaceState): Sink {
  const sink = new Sink();
  cheeksAndNose(sink);
  eye(sink, st.eyeL, 1);
  eye(sink, st.eyeR, -1);
  brow(sink, st.browL, 1);
  brow(sink, st.browR, -1);
  mouth(sink, st.mouth);
  return sink;
}

/**
 * Builds the face-feature geometry (eyes, brows, mouth, blush) lying on the head's skin, with one
 * morph target per expression in MORPHS. Every vertex is skinned to the head bone (index `headBone`).
 */
export function faceGeometry(projector: FrontProjector, headBone: number): THREE.BufferGeometry {
  const base = draw(NEUTRAL);
  const n = base.x.length;
  const lift = (s: Sink, out: Float32Array, normals?: Float32Array) => {
    for (let i = 0; i < n; i++) {
      // The face is designed at natural head size; the head was scaled up about HEAD_PIVOT.
      const hit = projector.project(HEAD_PIVOT.x + (s.x[i]! - HEAD_PIVOT.x) * HEAD_SCALE, HEAD_PIVOT.y + (s.y[i]! - HEAD_PIVOT.y) * HEAD_SCALE);
      const l = s.layer[i]! * HEAD_SCALE;
      out.set([hit.point.x + hit.normal.x * l, hit.point.y + hit.normal.y * l, hit.point.z + hit.normal.z * l], i * 3);
      normals?.set([hit.normal.x, hit.normal.y, hit.normal.z], i * 3);
    }
  };
  const pos = new Float32Array(n * 3), nor = new Float32Array(n * 3);
  lift(base, pos, nor);
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  g.setAttribute('normal', new THREE.BufferAttribute(nor, 3));
  const colors = new Float32Array(n * 3);
  base.colors.forEach((c, i) => colors.set([c.r, c.g, c.b], i * 3));
  g.setAttribute('color', new THREE.BufferAttribute(colors, 3));
  const si = new Uint16Array(n * 4), sw = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    si[i * 4] = headBone;
    sw[i * 4] = 1;
  }
  g.setAttribute('skinIndex', new THREE.BufferAttribute(si, 4));
  g.setAttribute('skinWeight', new THREE.BufferAttribute(sw, 4));
  const states = MORPHS.map(([name, st]) => {
    const s = draw(st);
    if (s.x.length !== n) throw new Error(`face state ${name} changed the topology`);
    return [name, s] as const;
  });
  // Make every triangle face the viewer (counter-clockwise in the front view). Features that are
  // collapsed at rest (tears) take their orientation from the states where they appear.
  const idx = base.tris.slice();
  for (let t = 0; t < idx.length; t += 3) {
    const [a, b, c] = [idx[t]!, idx[t + 1]!, idx[t + 2]!];
    let area = 0;
    for (const s of [base, ...states.map(([, s]) => s)]) {
      area += (s.x[b]! - s.x[a]!) * (s.y[c]! - s.y[a]!) - (s.x[c]! - s.x[a]!) * (s.y[b]! - s.y[a]!);
    }
    if (area < 0) [idx[t + 1], idx[t + 2]] = [c, b];
  }
  g.setIndex(idx);
  g.morphAttributes.position = states.map(([name, s]) => {
    const p = new Float32Array(n * 3);
    lift(s, p);
    for (let i = 0; i < p.length; i++) p[i] = p[i]! - pos[i]!;
    const attr = new THREE.BufferAttribute(p, 3);
    attr.name = name;
    return attr;
  });
  g.morphTargetsRelative = true;
  return g;
}

export const MORPH_NAMES = MORPHS.map(([name]) => name);
