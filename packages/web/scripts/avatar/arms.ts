import * as THREE from 'three';
import { curve, Part, roundEnds, samples, smooth, superSection, tube, v3, type Influence } from './geom.js';
import { col, HEX, mixCol } from './palette.js';
import { bone, jointPos, mix, TIPS } from './skeleton.js';

const X0 = 0.1, X1 = 0.606;
const SLEEVE_R = curve([[0.1, 0.044], [0.16, 0.046], [0.24, 0.046], [0.32, 0.044], [0.395, 0.042], [0.47, 0.041], [0.55, 0.039], [0.566, 0.039], [0.57, 0.042], [0.606, 0.041]]);
const CUFF = 0.568;
const SLEEVE_SEAMS = [0.25, 0.46];

function sleevePuff(x: number): number {
  const edges = [0.17, ...SLEEVE_SEAMS, CUFF];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]!, b = edges[i + 1]!;
    if (x >= a && x <= b) return Math.sin((Math.PI * (x - a)) / (b - a)) ** 0.7;
  }
  return 0;
}

function armWeights(side: 'left' | 'right', x: number, p: THREE.Vector3): Influence {
  const b = (n: string) => `${side}${n}`;
  if (x < 0.16) {
    const t = smooth(0.1, 0.16, x);
    const up = smooth(0.13, 0.19, x);
    return [
      [bone('upperChest'), (1 - t) * 0.5],
      [bone(b('Shoulder')), (1 - up) * (0.5 + 0.5 * t)],
      [bone(b('UpperArm')), up],
    ];
  }
  if (x < 0.5) {
    const e = smooth(0.365, 0.425, x);
    // The underside of the elbow follows the forearm sooner, which keeps the bend from collapsing.
    const under = p.y < 1.2 ? 0.1 : 0;
    const t = Math.min(1, e + under * smooth(0.34, 0.4, x));
    const up = smooth(0.13, 0.19, x);
    return [
      [bone(b('Shoulder')), 1 - up],
      [bone(b('UpperArm')), up * (1 - t)],
      [bone(b('LowerArm')), t],
    ];
  }
  return mix(b('LowerArm'), b('Hand'), smooth(0.6, 0.625, x));
}

/** Puffer sleeves with a white and an ice-blue stripe along the top and ice-blue cuffs. */
export function sleeves(part: Part): void {
  for (const s of [1, -1] as const) {
    const side = s > 0 ? 'left' : 'right';
    tube(part, {
      path: (t) => v3((X0 + (X1 - X0) * t) * s, 1.213 - 0.004 * t, -0.012),
      ts: samples(24, [CUFF].map((x) => (x - X0) / (X1 - X0)), 0.004),
      up: v3(0, 1, 0),
      radial: 18,
      section: (t, a) => {
        const x = X0 + (X1 - X0) * t;
        const r = SLEEVE_R(x) * (1 + 0.04 * sleevePuff(x)) * roundEnds(t, 0, 0.03);
        return [Math.cos(a) * r, Math.sin(a) * r];
      },
      color: (t, a) => {
        const x = X0 + (X1 - X0) * t;
        if (x > CUFF) return col(HEX.ice);
        const d = Math.abs(a - Math.PI / 2);
        if (x > 0.14 && d < 0.1) return col(HEX.white);
        if (x > 0.14 && d > 0.17 && d < 0.3) return col(HEX.ice);
        return mixCol(HEX.redDeep, HEX.red, 0.35 + 0.65 * sleevePuff(x));
      },
      weights: (t, p) => armWeights(side, X0 + (X1 - X0) * t, p),
      capStart: true,
      capEnd: true,
    });
  }
}

interface FingerSpec {
  joints: string[];
  tip: readonly number[];
  r: number;
}

/** White knit gloves: a red cuff, a palm, and five jointed fingers. */
export function gloves(part: Part): void {
  for (const s of [1, -1] as const) {
    const side = s > 0 ? 'left' : 'right';
    const b = (n: string) => `${side}${n}`;
    const hand = jointPos(b('Hand'));
    // Knit cuff, tucked inside the sleeve.
    tube(part, {
      path: (t) => v3((0.585 + 0.04 * t) * s, 1.212, -0.012),
      ts: samples(3),
      up: v3(0, 1, 0),
      radial: 12,
      section: (_t, a) => [Math.cos(a) * 0.036, Math.sin(a) * 0.032],
      color: (t) => (t > 0.55 && t < 0.75 ? col(HEX.white) : col(HEX.red)),
      weights: (t) => mix(b('LowerArm'), b('Hand'), smooth(0.4, 0.9, t)),
      capStart: true,
    });
    // Palm: a soft, flattened box from the wrist to the knuckles (palm faces down in the T-pose).
    const px0 = 0.612, px1 = 0.712;
    tube(part, {
      path: (t) => v3((px0 + (px1 - px0) * t) * s, 1.218 + 0.002 * t, -0.002),
      ts: samples(9),
      up: v3(0, 1, 0),
      radial: 14,
      section: (t, a) => {
        const w = (0.03 + 0.012 * smooth(0, 0.5, t)) * roundEnds(t, 0.08, 0.22);
        const h = (0.019 - 0.004 * t) * roundEnds(t, 0.08, 0.22);
        const [u, v] = superSection(a, w, h, h, 2.8);
        return [u, v];
      },
      color: () => col(HEX.glove),
      weights: () => [[bone(b('Hand')), 1]],
      capStart: true,
      capEnd: true,
    });
    const fingers: FingerSpec[] = [
      { joints: ['IndexProximal', 'IndexIntermediate', 'IndexDistal'], tip: TIPS.index, r: 0.0088 },
      { joints: ['MiddleProximal', 'MiddleIntermediate', 'MiddleDistal'], tip: TIPS.middle, r: 0.009 },
      { joints: ['RingProximal', 'RingIntermediate', 'RingDistal'], tip: TIPS.ring, r: 0.0085 },
      { joints: ['LittleProximal', 'LittleIntermediate', 'LittleDistal'], tip: TIPS.little, r: 0.0076 },
      { joints: ['ThumbMetacarpal', 'ThumbProximal', 'ThumbDistal'], tip: TIPS.thumb, r: 0.0098 },
    ];
    for (const f of fingers) finger(part, s, b, f, hand);
  }
}

function finger(part: Part, s: number, b: (n: string) => string, f: FingerSpec, hand: THREE.Vector3): void {
  const pts = f.joints.map((j) => jointPos(b(j)));
  pts.push(v3(f.tip[0]! * s, f.tip[1]!, f.tip[2]!));
  const isThumb = f.joints[0]!.startsWith('Thumb');
  // Start a little inside the palm so the knuckle is hidden.
  const start = pts[0]!.clone().lerp(hand, isThumb ? 0.15 : 0.12);
  const path = new THREE.CatmullRomCurve3([start, ...pts], false, 'centripetal');
  const lengths = [0];
  const all = [start, ...pts];
  for (let i = 1; i < all.length; i++) lengths.push(lengths[i - 1]! + all[i]!.distanceTo(all[i - 1]!));
  const total = lengths[lengths.length - 1]!;
  const bones = [isThumb ? b('Hand') : b('Hand'), ...f.joints.map((j) => b(j))];
  tube(part, {
    path: (t) => path.getPointAt(t),
    ts: samples(12),
    up: v3(0, 1, 0),
    radial: 8,
    section: (t, a) => {
      const r = f.r * (1 - 0.12 * t) * roundEnds(t, 0, 0.1);
      return [Math.cos(a) * r, Math.sin(a) * r * 0.92];
    },
    color: () => col(HEX.glove),
    weights: (t) => {
      const d = t * total;
      // Segment k spans lengths[k]..lengths[k+1] and belongs to bones[k]; blend 4 mm around joints.
      const w: [number, number][] = [];
      for (let k = 1; k < lengths.length - 1; k++) {
        const j = lengths[k]!;
        const into = smooth(j - 0.004, j + 0.004, d);
        if (d < j - 0.004) {
          w.push([bone(bones[k - 1]!), 1]);
          return w;
        }
        if (into < 1) {
          w.push([bone(bones[k - 1]!), 1 - into], [bone(bones[k]!), into]);
          return w;
        }
      }
      w.push([bone(bones[bones.length - 1]!), 1]);
      return w;
    },
    capStart: true,
    capEnd: true,
  });
}
