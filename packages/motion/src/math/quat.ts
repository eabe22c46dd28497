import type { Quat, Vec3 } from '../types.js';
import { cross, dot, normalize, perpendicular } from './vec.js';

/**
 * Quaternion helpers on [x, y, z, w] tuples, the same layout as three.js `Quaternion.toArray()`.
 * Products compose like three.js: `mul(a, b)` applies `b` first, then `a` (parent * child).
 */

export const IDENTITY: Quat = [0, 0, 0, 1];

/** Rotation of `angle` radians about the unit `axis` (right-handed). */
export function axisAngle(axis: Vec3, angle: number): Quat {
  const h = angle / 2;
  const s = Math.sin(h);
  return [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(h)];
}

export const rotX = (a: number): Quat => axisAngle([1, 0, 0], a);
export const rotY = (a: number): Quat => axisAngle([0, 1, 0], a);
export const rotZ = (a: number): Quat => axisAngle([0, 0, 1], a);

/** Hamilton product: the rotation `b` followed by `a`. */
export function mul(a: Quat, b: Quat): Quat {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

/** Product of several rotations, left to right as written (`mulAll(a, b, c)` = a * b * c). */
export function mulAll(...qs: Quat[]): Quat {
  let r: Quat = IDENTITY;
  for (const q of qs) r = mul(r, q);
  return r;
}

/** Inverse of a unit quaternion. */
export const conjugate = (q: Quat): Quat => [-q[0], -q[1], -q[2], q[3]];

export function normalizeQ(q: Quat): Quat {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  return n < 1e-12 ? IDENTITY : [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}

/** Rotates vector `v` by `q`. */
export function rotate(q: Quat, v: Vec3): Vec3 {
  const [qx, qy, qz, qw] = q;
  const tx = 2 * (qy * v[2] - qz * v[1]);
  const ty = 2 * (qz * v[0] - qx * v[2]);
  const tz = 2 * (qx * v[1] - qy * v[0]);
  return [
    v[0] + qw * tx + (qy * tz - qz * ty),
    v[1] + qw * ty + (qz * tx - qx * tz),
    v[2] + qw * tz + (qx * ty - qy * tx),
  ];
}

/**
 * Spherical interpolation along the shorter arc; t = 0 gives `a`, t = 1 gives `b`.
 * t outside [0, 1] extrapolates along the same arc (an overshooting ease such as outBack).
 */
export function slerp(a: Quat, b: Quat, t: number): Quat {
  if (t === 0) return a;
  if (t === 1) return b;
  let [bx, by, bz, bw] = b;
  let d = a[0] * bx + a[1] * by + a[2] * bz + a[3] * bw;
  if (d < 0) {
    d = -d;
    bx = -bx; by = -by; bz = -bz; bw = -bw;
  }
  if (d > 0.9995) {
    return normalizeQ([a[0] + (bx - a[0]) * t, a[1] + (by - a[1]) * t, a[2] + (bz - a[2]) * t, a[3] + (bw - a[3]) * t]);
  }
  const theta = Math.acos(d);
  const s = Math.sin(theta);
  const wa = Math.sin((1 - t) * theta) / s;
  const wb = Math.sin(t * theta) / s;
  return [a[0] * wa + bx * wb, a[1] * wa + by * wb, a[2] * wa + bz * wb, a[3] * wa + bw * wb];
}

/** Angle in radians between two rotations (0 when equal, sign of the quaternion ignored). */
export function angleBetween(a: Quat, b: Quat): number {
  const d = Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
  return 2 * Math.acos(Math.min(1, d));
}

/** Scales a rotation's angle by `s` (s = 0.5 gives half the rotation): an additive layer's weight. */
export const scaleAngle = (q: Quat, s: number): Quat => slerp(IDENTITY, q, s);

/** Rotation from Euler angles applied in X, then Y, then Z order of the *intrinsic* XYZ convention of three.js. */
export function euler(x: number, y: number, z: number): Quat {
  return mulAll(rotX(x), rotY(y), rotZ(z));
}

/** Rotation from a 3×3 matrix given by its columns (must be orthonormal, right-handed). */
export function fromBasis(c0: Vec3, c1: Vec3, c2: Vec3): Quat {
  const m00 = c0[0], m10 = c0[1], m20 = c0[2];
  const m01 = c1[0], m11 = c1[1], m21 = c1[2];
  const m02 = c2[0], m12 = c2[1], m22 = c2[2];
  const trace = m00 + m11 + m22;
  let q: Quat;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    q = [(m21 - m12) * s, (m02 - m20) * s, (m10 - m01) * s, 0.25 / s];
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    q = [0.25 * s, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s];
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    q = [(m01 + m10) / s, 0.25 * s, (m12 + m21) / s, (m02 - m20) / s];
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    q = [(m02 + m20) / s, (m12 + m21) / s, 0.25 * s, (m10 - m01) / s];
  }
  return normalizeQ(q);
}

/**
 * The rotation that turns a bone's rest frame (`restDir` along the bone, `restSide` a perpendicular
 * reference such as the palm normal) into a target frame (`dir`, and `side` as close as possible).
 * Use when: posing a bone by where it should point, rather than by Euler angles.
 */
export function aimFrame(restDir: Vec3, restSide: Vec3, dir: Vec3, side: Vec3): Quat {
  const p0 = normalize(restDir);
  const s0 = perpendicular(restSide, p0, [0, 0, 1]);
  const t0 = cross(p0, s0);
  const p = normalize(dir);
  const s = perpendicular(side, p, s0);
  const t = cross(p, s);
  const rest = fromBasis(p0, s0, t0);
  const target = fromBasis(p, s, t);
  return mul(target, conjugate(rest));
}

/** Shortest rotation taking unit vector `a` onto unit vector `b`. */
export function fromTo(a: Vec3, b: Vec3): Quat {
  const d = dot(a, b);
  if (d < -0.999999) {
    const axis = perpendicular([1, 0, 0], a, [0, 1, 0]);
    return axisAngle(axis, Math.PI);
  }
  const c = cross(a, b);
  return normalizeQ([c[0], c[1], c[2], 1 + d]);
}
