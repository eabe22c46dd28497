import * as THREE from 'three';
import { blob, Part, samples, smooth, tube, v3 } from './geom.js';
import { col, HEX, mixCol } from './palette.js';
import { HEAD_SCALE, scaleHead } from './proportions.js';
import { mix, rigid } from './skeleton.js';

/** Centre and radius of the head (cranium) sphere before shaping. */
export const HEAD_CENTRE = v3(0, 1.44, 0.005);
export const HEAD_R = 0.112;

/**
 * The head's shape: maps a unit direction from the head centre to a surface point.
 * A sphere with a flatter face, a soft V-shaped jaw and a chin pulled down and forward.
 */
export function headPoint(d: THREE.Vector3, inflate = 0): THREE.Vector3 {
  const lower = Math.max(0, -d.y);
  const front = Math.max(0, d.z);
  const back = Math.max(0, -d.z);
  const wx = 1 - 0.26 * lower ** 1.8 * (0.5 + 0.5 * front);
  const hy = d.y < 0 ? 1 + 0.46 * lower ** 1.4 * front ** 1.2 - 0.12 * lower * back : 1.02;
  const dz = d.z >= 0 ? 0.9 - 0.06 * lower : 1.02 - 0.22 * lower ** 1.5;
  const r = HEAD_R + inflate;
  return scaleHead(v3(d.x * wx * r, d.y * hy * r, d.z * dz * r).add(HEAD_CENTRE));
}

/** Unit direction from polar angle θ (0 = top) and azimuth φ (0 = front, +π/2 = her left). */
export function dirAt(theta: number, phi: number): THREE.Vector3 {
  return v3(Math.sin(theta) * Math.sin(phi), Math.cos(theta), Math.sin(theta) * Math.cos(phi));
}

/** Outward normal of the shaped head at direction d (finite differences). */
export function headNormal(d: THREE.Vector3): THREE.Vector3 {
  const t = new THREE.Vector3(0, 1, 0);
  if (Math.abs(d.y) > 0.9) t.set(1, 0, 0);
  const a = t.clone().cross(d).normalize();
  const b = d.clone().cross(a).normalize();
  const e = 1e-3;
  const pa = headPoint(d.clone().addScaledVector(a, e).normalize()).sub(headPoint(d.clone().addScaledVector(a, -e).normalize()));
  const pb = headPoint(d.clone().addScaledVector(b, e).normalize()).sub(headPoint(d.clone().addScaledVector(b, -e).normalize()));
  const n = pa.cross(pb).normalize();
  return n.dot(d) < 0 ? n.negate() : n;
}

/** The head's skin as its own part (also the surface the face features are projected onto). */
export function headSkin(): Part {
  const part = new Part();
  blob(part, {
    center: v3(0, 0, 0),
    radii: [1, 1, 1],
    rings: 40,
    segments: 48,
    shape: (u) => headPoint(u.normalize()),
    color: (p, u) => {
      // Scalp under the hair is hair-coloured, so no skin can show through at the nape.
      if (u.z < -0.25 && u.y < 0.6) return col(HEX.hairDeep);
      // A warm shadow under the jaw so the chin reads against the neck.
      const under = smooth(1.35, 1.31, p.y) * smooth(0.0, 0.05, -p.z + 0.05);
      return mixCol(HEX.skin, HEX.skinShadow, under * 0.6);
    },
    weights: () => rigid('head'),
  });
  return part;
}

/** Neck and ears. */
export function neckAndEars(part: Part): void {
  tube(part, {
    path: (t) => v3(0, 1.22 + 0.14 * t, -0.012 + 0.006 * t),
    ts: samples(6),
    up: v3(0, 0, 1),
    section: (_t, a) => [Math.cos(a) * 0.031, Math.sin(a) * 0.029],
    radial: 14,
    color: (t) => mixCol(HEX.skinShadow, HEX.skin, smooth(0.55, 0.8, t)),
    weights: (t) => (t < 0.35 ? mix('upperChest', 'neck', smooth(0.1, 0.35, t)) : mix('neck', 'head', smooth(0.75, 0.98, t))),
    capStart: true,
  });
  for (const s of [1, -1]) {
    blob(part, {
      center: scaleHead(v3(0.104 * s, 1.418, -0.012)),
      radii: [0.011 * HEAD_SCALE, 0.023 * HEAD_SCALE, 0.015 * HEAD_SCALE],
      rotation: new THREE.Quaternion().setFromEuler(new THREE.Euler(0.15, 0.35 * s, -0.12 * s)),
      rings: 7,
      segments: 10,
      color: (_p, u) => (u.x * s > 0.3 && Math.abs(u.z) < 0.6 ? col(HEX.skinShadow) : col(HEX.skin)),
      weights: () => rigid('head'),
    });
  }
}
