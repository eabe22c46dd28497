import * as THREE from 'three';
import { blob, Part, samples, smooth, tube, v3, type Influence } from './geom.js';
import { col, HEX, mixCol } from './palette.js';
import { bone, jointPos, mix, rigid } from './skeleton.js';

const TAIL = ['scarf1', 'scarf2', 'scarf3', 'scarf4'];

/** Knit ribbing: fine stripes across the knit in two close blues. */
function knit(t: number, ribs: number): THREE.Color {
  const rib = 0.5 + 0.5 * Math.sin(t * Math.PI * 2 * ribs);
  return mixCol(HEX.ice, HEX.iceDeep, rib * 0.35);
}

function neckWeights(p: THREE.Vector3): Influence {
  return mix('upperChest', 'neck', smooth(1.25, 1.3, p.y) * 0.6);
}

/** An ice-blue knit scarf: two wraps round the neck, a knot, and a striped tail with a fringe. */
export function scarf(part: Part): void {
  const wraps = [
    { y: 1.252, rx: 0.086, rz: 0.082, h: 0.024, th: 0.017, tilt: 0.012 },
    { y: 1.295, rx: 0.07, rz: 0.066, h: 0.022, th: 0.016, tilt: 0.006 },
  ];
  for (const w of wraps) {
    tube(part, {
      path: (t) => {
        const ang = t * Math.PI * 2;
        const z = Math.cos(ang);
        return v3(Math.sin(ang) * w.rx, w.y - w.tilt * Math.max(0, z), -0.01 + z * w.rz);
      },
      ts: samples(32).slice(0, -1),
      loop: true,
      up: v3(0, 1, 0),
      radial: 8,
      section: (t, a) => {
        const bulge = 1 + 0.08 * Math.sin(t * Math.PI * 2 * 3 + 1);
        return [Math.cos(a) * w.th * bulge, Math.sin(a) * w.h];
      },
      color: (t) => knit(t, 40),
      weights: (_t, p) => neckWeights(p),
    });
  }
  // The knot at the front, on her right.
  const knot = v3(-0.042, 1.248, 0.07);
  blob(part, {
    center: knot,
    radii: [0.026, 0.024, 0.019],
    rings: 8,
    segments: 12,
    shape: (u) => u.multiplyScalar(1 + 0.06 * Math.sin(u.x * 9) * Math.cos(u.y * 7)),
    color: (p) => knit(p.y * 6, 3),
    weights: () => rigid('upperChest'),
  });
  // The tail hangs from the knot down her front and swings on spring bones.
  const pts = TAIL.map((n) => jointPos(n));
  pts[0] = knot.clone().add(v3(0, -0.012, 0.01));
  const curve = new THREE.CatmullRomCurve3(pts, false, 'centripetal');
  const chain = TAIL.map((n) => jointPos(n));
  const tailWeights = (p: THREE.Vector3): Influence => {
    const y = p.y;
    const w: [number, number][] = [];
    for (let i = 0; i + 1 < chain.length; i++) {
      const y0 = chain[i]!.y, y1 = chain[i + 1]!.y;
      if (y <= y0 + 1e-6 && y >= y1 - 1e-6) {
        const k = (y0 - y) / (y0 - y1);
        w.push([bone(TAIL[i]!), 1 - k * 0.5], [bone(TAIL[Math.min(i + 1, TAIL.length - 2)]!), k * 0.5]);
        return w;
      }
    }
    return y > chain[0]!.y ? rigid(TAIL[0]!) : rigid(TAIL[TAIL.length - 2]!);
  };
  tube(part, {
    path: (t) => curve.getPointAt(t),
    ts: samples(16, [0.7, 0.76, 0.82, 0.88], 0.004),
    up: v3(0, 0, 1),
    radial: 8,
    section: (t, a) => {
      const w = 0.028 + 0.004 * t;
      const c = Math.cos(a), s = Math.sin(a);
      return [Math.sign(c) * Math.abs(c) ** 0.5 * w, s * 0.0065];
    },
    color: (t) => {
      if ((t > 0.7 && t < 0.76) || (t > 0.82 && t < 0.88)) return col(HEX.white);
      return knit(t, 22);
    },
    weights: (_t, p) => tailWeights(p),
    capStart: true,
    capEnd: true,
  });
  // Fringe.
  const end = curve.getPointAt(1);
  for (let k = 0; k < 6; k++) {
    const x = end.x + (k - 2.5) * 0.0105;
    tube(part, {
      path: (t) => v3(x, end.y + 0.004 - 0.028 * t, end.z + 0.001 * t),
      ts: samples(2),
      up: v3(0, 0, 1),
      radial: 4,
      section: (t, a) => [Math.cos(a) * 0.0028 * (1 - 0.5 * t), Math.sin(a) * 0.0025 * (1 - 0.5 * t)],
      color: () => col(HEX.white),
      weights: () => rigid(TAIL[TAIL.length - 2]!),
      capStart: true,
      capEnd: true,
    });
  }
}
