import type { Vec3 } from '../types.js';

/** Small 3-vector helpers on plain tuples (no classes, no allocation tricks: clarity first). */

export const v3 = (x: number, y: number, z: number): Vec3 => [x, y, z];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** Unit vector in the direction of `a`. Throws on a zero vector (a programmer error in a pose). */
export function normalize(a: Vec3): Vec3 {
  const n = length(a);
  if (n < 1e-12) throw new Error('motion: cannot normalize a zero vector');
  return [a[0] / n, a[1] / n, a[2] / n];
}

/** The part of `a` perpendicular to the unit vector `axis`, normalized; `fallback` if `a` is parallel. */
export function perpendicular(a: Vec3, axis: Vec3, fallback: Vec3): Vec3 {
  const p = sub(a, scale(axis, dot(a, axis)));
  if (length(p) > 1e-6) return normalize(p);
  const f = sub(fallback, scale(axis, dot(fallback, axis)));
  return normalize(f);
}
