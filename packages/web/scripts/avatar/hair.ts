import * as THREE from 'three';
import { blob, lerp, Part, samples, smooth, tube, v3, type Influence } from './geom.js';
import { dirAt, HEAD_CENTRE, headNormal, headPoint } from './head.js';
import { col, HEX, mixCol } from './palette.js';
import { HEAD_SCALE as K } from './proportions.js';
import { bone, jointPos, rigid } from './skeleton.js';

/** How far down the hair cap reaches at azimuth φ (polar angle; 0 = crown). */
function hairline(phi: number): number {
  const back = (1 - Math.cos(phi)) / 2;
  return 1.18 + 1.55 * back ** 2.2 + 0.3 * Math.sin(phi) ** 2 * (1 - back);
}

/** Hair colour with the anime "angel ring" shine band on the upper front half. */
function hairColor(theta: number, phi: number): THREE.Color {
  const frontness = smooth(2.0, 1.2, Math.abs(phi));
  const jag = 0.05 * Math.sin(phi * 26) + 0.03 * Math.sin(phi * 11 + 1);
  const band = smooth(0.52, 0.6, theta + jag) * (1 - smooth(0.72, 0.8, theta - jag));
  const deep = smooth(1.4, 2.0, theta) * 0.6;
  const c = mixCol(HEX.hair, HEX.hairShine, band * frontness);
  return c.lerp(col(HEX.hairDeep), deep);
}

/** The hair cap: a shell over the cranium whose edge tucks back into the head. */
export function hairCap(part: Part): void {
  const cols = 64, rows = 20;
  const grid: number[][] = [];
  for (let j = 0; j < cols; j++) {
    const phi = (j / cols) * Math.PI * 2 - Math.PI;
    const tmax = hairline(phi);
    const col: number[] = [];
    for (let i = 0; i <= rows + 2; i++) {
      const tuck = i > rows;
      const theta = tuck ? tmax - 0.01 * (i - rows) : tmax * (i / rows) ** 0.95;
      const d = dirAt(theta, phi);
      const k = theta / tmax;
      const groove = 0.0016 * Math.abs(Math.sin(phi * 15)) ** 0.6 * smooth(0.2, 0.7, k);
      const gather = 0.004 * smooth(0.5, 0.0, Math.abs(Math.abs(phi) - Math.PI)) * smooth(0.6, 0.9, k);
      const thick = tuck ? -0.002 : lerp(0.02, 0.006, smooth(0.25, 1, k)) - groove - gather;
      const p = headPoint(d, thick);
      col.push(part.vertex(p, hairColor(theta, phi), rigid('head')));
    }
    grid.push(col);
  }
  const top = part.vertex(headPoint(v3(0, 1, 0), 0.02), hairColor(0, 0), rigid('head'));
  for (let j = 0; j < cols; j++) {
    const A = grid[j]!, B = grid[(j + 1) % cols]!;
    part.tri(top, A[0]!, B[0]!);
    for (let i = 0; i + 1 < A.length; i++) {
      part.tri(A[i]!, A[i + 1]!, B[i]!);
      part.tri(B[i]!, A[i + 1]!, B[i + 1]!);
    }
  }
}

interface Lock {
  /** Root and tip azimuths (φ) and polar angles (θ); length past the hairline follows the head. */
  phi0: number;
  phi1: number;
  theta0: number;
  theta1: number;
  width: number;
  /** Gap between the lock and the skin at the tip (metres). */
  lift?: number;
  /** Tip curls towards the face centre (+) or away (-), radians of azimuth. */
  curl?: number;
}

/** A lock of hair that lies over the head: a tapered, flattened ribbon ending in a point. */
function lock(part: Part, l: Lock, weights: (p: THREE.Vector3) => Influence = () => rigid('head')): void {
  const lift = l.lift ?? 0.007;
  const at = (t: number) => {
    const theta = lerp(l.theta0, l.theta1, t);
    const phi = lerp(l.phi0, l.phi1, t) + (l.curl ?? 0) * t * t;
    return { d: dirAt(theta, phi), theta, phi };
  };
  tube(part, {
    path: (t) => {
      const { d } = at(t);
      return headPoint(d, lerp(0.017, lift, smooth(0, 0.6, t)));
    },
    ts: samples(12),
    up: (t) => headNormal(at(t).d),
    radial: 8,
    section: (t, a) => {
      const w = K * l.width * (1 - t ** 1.6) ** 0.8 * (1 - t) ** 0.25;
      const th = K * (0.004 * (1 - 0.6 * t) + 0.0006);
      return [Math.cos(a) * (w / 2 + 0.0006), Math.sin(a) * th];
    },
    color: (t) => {
      const { theta, phi } = at(t);
      return hairColor(theta, phi);
    },
    weights: (_t, p) => weights(p),
    capStart: true,
    capEnd: true,
  });
}

/** Bangs over the forehead, locks framing the face, a high ponytail with a red scrunchie. */
export function hairLocks(part: Part): void {
  const bangs: Lock[] = [
    { phi0: 0.02, phi1: -0.06, theta0: 0.5, theta1: 1.36, width: 0.060, curl: -0.04 },
    { phi0: -0.22, phi1: -0.32, theta0: 0.5, theta1: 1.42, width: 0.060, curl: -0.05 },
    { phi0: 0.24, phi1: 0.3, theta0: 0.5, theta1: 1.41, width: 0.060, curl: 0.03 },
    { phi0: -0.46, phi1: -0.6, theta0: 0.55, theta1: 1.43, width: 0.059, curl: -0.06 },
    { phi0: 0.47, phi1: 0.58, theta0: 0.55, theta1: 1.42, width: 0.059, curl: 0.05 },
    { phi0: -0.7, phi1: -0.86, theta0: 0.6, theta1: 1.5, width: 0.057, curl: -0.04 },
    { phi0: 0.7, phi1: 0.86, theta0: 0.6, theta1: 1.5, width: 0.057, curl: 0.04 },
    { phi0: -0.92, phi1: -1.04, theta0: 0.65, theta1: 1.56, width: 0.054 },
    { phi0: 0.92, phi1: 1.04, theta0: 0.65, theta1: 1.56, width: 0.054 },
    { phi0: -0.1, phi1: -0.18, theta0: 0.48, theta1: 1.3, width: 0.054, lift: 0.01 },
    { phi0: 0.12, phi1: 0.16, theta0: 0.48, theta1: 1.32, width: 0.054, lift: 0.01 },
    { phi0: -0.34, phi1: -0.44, theta0: 0.5, theta1: 1.33, width: 0.054, lift: 0.01 },
    { phi0: 0.36, phi1: 0.44, theta0: 0.5, theta1: 1.34, width: 0.054, lift: 0.01 },
  ];
  for (const b of bangs) lock(part, b);
  for (const s of [1, -1]) sideLocks(part, s);
  ahoge(part);
  ponytail(part);
}

/** Long locks in front of the ears down to the jaw line, curving in a little at the tips. */
function sideLocks(part: Part, s: number): void {
  const pts = (phi: number, drop: number, out: number) => {
    const a = headPoint(dirAt(0.7, phi * s), 0.016);
    const b = headPoint(dirAt(1.3, phi * s), 0.011);
    const c = headPoint(dirAt(1.72, (phi + 0.05) * s), 0.013 + out);
    const d = v3(c.x * 1.01, c.y - 0.06 * drop * K, c.z + 0.003);
    const e = v3(c.x * 0.95, c.y - 0.105 * drop * K, c.z + 0.012);
    return new THREE.CatmullRomCurve3([a, b, c, d, e], false, 'centripetal');
  };
  const specs = [
    { phi: 1.02, drop: 1.0, out: 0.0, width: 0.06 },
    { phi: 1.28, drop: 0.8, out: 0.006, width: 0.064 },
  ];
  for (const sp of specs) {
    const curve = pts(sp.phi, sp.drop, sp.out);
    tube(part, {
      path: (t) => curve.getPointAt(t),
      ts: samples(14),
      up: (t) => {
        // Turned partly forward so the lock's width (not its edge) frames the face from the front.
        const p = curve.getPointAt(t);
        return v3(p.x - HEAD_CENTRE.x, 0, p.z - HEAD_CENTRE.z).normalize().multiplyScalar(0.55).add(v3(0, 0, 0.85)).normalize();
      },
      radial: 8,
      section: (t, a) => {
        const w = K * sp.width * (0.35 + 0.65 * smooth(0, 0.4, t)) * (1 - t ** 1.8) ** 0.8 * (1 - t) ** 0.3;
        const th = K * (0.0045 * (1 - 0.6 * t) + 0.0006);
        return [Math.cos(a) * (w / 2 + 0.0006), Math.sin(a) * th];
      },
      color: (t) => hairColor(0.75 + t * 1.2, sp.phi * s),
      weights: () => rigid('head'),
      capStart: true,
      capEnd: true,
    });
  }
}

/** The one lock that will not lie down: a small curl springing up from the crown. */
function ahoge(part: Part): void {
  const root = headPoint(dirAt(0.2, -0.35), 0.012);
  const pts = [v3(0, 0, 0), v3(-0.004, 0.024, 0.004), v3(0.006, 0.044, 0.006), v3(0.022, 0.047, 0.004), v3(0.03, 0.036, 0.002)].map((p) => root.clone().addScaledVector(p, K));
  const curve = new THREE.CatmullRomCurve3(pts, false, 'centripetal');
  tube(part, {
    path: (t) => curve.getPointAt(t),
    ts: samples(12),
    up: v3(0, 0, 1),
    radial: 8,
    section: (t, a) => [Math.cos(a) * K * (0.007 * (1 - t) ** 0.8 + 0.0005), Math.sin(a) * K * 0.0025],
    color: (t) => mixCol(HEX.hair, HEX.hairShine, 0.3 * Math.sin(Math.PI * t)),
    weights: () => rigid('head'),
    capStart: true,
    capEnd: true,
  });
}

const PONY = ['ponytail1', 'ponytail2', 'ponytail3', 'ponytail4', 'ponytail5'];

/** Skin weights along the ponytail chain, blended around each joint. */
function ponyWeights(p: THREE.Vector3): Influence {
  const js = PONY.map((n) => jointPos(n));
  let best = 0, bestD = Infinity, bestT = 0;
  for (let i = 0; i + 1 < js.length; i++) {
    const a = js[i]!, b = js[i + 1]!;
    const ab = b.clone().sub(a);
    const t = Math.min(1, Math.max(0, p.clone().sub(a).dot(ab) / ab.lengthSq()));
    const d = a.clone().addScaledVector(ab, t).distanceTo(p);
    if (d < bestD) [best, bestD, bestT] = [i, d, t];
  }
  if (best === 0 && bestT < 0.3) return [[bone('head'), 1 - bestT / 0.3], [bone(PONY[0]!), bestT / 0.3]];
  const w: [number, number][] = [[bone(PONY[best]!), 1]];
  if (bestT > 0.75 && best + 1 < PONY.length - 1) {
    const k = (bestT - 0.75) / 0.25 / 2;
    w[0]![1] = 1 - k;
    w.push([bone(PONY[best + 1]!), k]);
  } else if (bestT < 0.25 && best > 0) {
    const k = (0.25 - bestT) / 0.25 / 2;
    w[0]![1] = 1 - k;
    w.push([bone(PONY[best - 1]!), k]);
  }
  return w;
}

function ponytail(part: Part): void {
  const root = jointPos('ponytail1');
  const strands = [
    { off: v3(0, 0, 0), r: 0.036, len: 1.0, swing: 0 },
    { off: v3(0.016, 0.004, -0.004), r: 0.022, len: 0.86, swing: 0.025 },
    { off: v3(-0.016, 0.004, -0.004), r: 0.022, len: 0.9, swing: -0.022 },
    { off: v3(0.0, 0.012, -0.012), r: 0.022, len: 0.8, swing: 0.006 },
  ];
  for (const st of strands) {
    const pts = PONY.map((n, i) => {
      const p = jointPos(n);
      const k = i / (PONY.length - 1);
      return p.add(st.off.clone().multiplyScalar(1 - 0.4 * k)).add(v3(st.swing * k * k, 0, 0));
    });
    pts[0] = root.clone().add(v3(st.off.x * 0.4, st.off.y, 0.012));
    const curve = new THREE.CatmullRomCurve3(pts, false, 'centripetal');
    tube(part, {
      path: (t) => curve.getPointAt(t * st.len),
      ts: samples(18),
      up: v3(0, 0, -1),
      radial: 10,
      section: (t, a) => {
        const swell = Math.sin(Math.PI * Math.min(1, 0.25 + t * 0.9)) ** 0.8;
        const r = K * st.r * (0.55 + 0.45 * swell) * (1 - t) ** 0.55 + 0.0008;
        return [Math.cos(a) * r, Math.sin(a) * r * 0.82];
      },
      color: (t, a) => {
        const shine = smooth(0.1, 0.2, t) * (1 - smooth(0.3, 0.4, t)) * smooth(0.3, 0.9, Math.sin(a));
        return mixCol(HEX.hair, HEX.hairShine, shine * 0.8).lerp(col(HEX.hairDeep), smooth(0.6, 1, t) * 0.4);
      },
      weights: (_t, p) => ponyWeights(p),
      capStart: true,
      capEnd: true,
    });
  }
  // Scrunchie: a lumpy red ring around the tail's root.
  const axis = jointPos('ponytail2').sub(root).normalize();
  const a1 = new THREE.Vector3(1, 0, 0);
  const a2 = new THREE.Vector3().crossVectors(axis, a1).normalize();
  const centre = root.clone().addScaledVector(axis, 0.012);
  tube(part, {
    path: (t) => {
      const ang = t * Math.PI * 2;
      return centre.clone().addScaledVector(a1, Math.cos(ang) * 0.024 * K).addScaledVector(a2, Math.sin(ang) * 0.024 * K);
    },
    ts: samples(24).slice(0, -1),
    loop: true,
    up: axis,
    radial: 8,
    section: (t, a) => {
      const r = K * 0.0105 * (1 + 0.22 * Math.sin(t * Math.PI * 2 * 7));
      return [Math.cos(a) * r, Math.sin(a) * r * 1.2];
    },
    color: (_t, a) => mixCol(HEX.scrunchie, HEX.redDeep, smooth(0.3, 1, -Math.cos(a)) * 0.5),
    weights: () => rigid('ponytail1'),
  });
  snowflakeClip(part);
}

/** An ice-blue snowflake hair clip over her left temple. */
function snowflakeClip(part: Part): void {
  const d = dirAt(1.12, 0.82);
  const n = headNormal(d);
  const c = headPoint(d, 0.022);
  const t1 = new THREE.Vector3(0, 1, 0).addScaledVector(n, -n.y).normalize();
  blob(part, {
    center: c,
    radii: [0.0045, 0.0045, 0.0025],
    rotation: new THREE.Quaternion().setFromUnitVectors(v3(0, 0, 1), n),
    rings: 4,
    segments: 8,
    color: () => col(HEX.white),
    weights: () => rigid('head'),
  });
  for (let k = 0; k < 6; k++) {
    const dir = t1.clone().applyAxisAngle(n, (k / 6) * Math.PI * 2);
    tube(part, {
      path: (t) => c.clone().addScaledVector(dir, 0.014 * t),
      ts: samples(2),
      up: n,
      radial: 5,
      section: (t, a) => [Math.cos(a) * 0.0026 * (1 - 0.4 * t), Math.sin(a) * 0.0018],
      color: () => col(HEX.ice),
      weights: () => rigid('head'),
      capStart: true,
      capEnd: true,
    });
  }
  void blob;
}
