import { add, length, normalize, perpendicular, scale, sub } from '../math/vec.js';
import type { Vec3 } from '../types.js';

export interface TwoBoneSolution {
  /** Middle joint (elbow or knee) position. */
  mid: Vec3;
  /** End joint (wrist or ankle) position actually reached (the target, or the nearest reachable point). */
  end: Vec3;
  /** Unit directions of the first and second segment. */
  upperDir: Vec3;
  lowerDir: Vec3;
}

/**
 * Analytic two-bone inverse kinematics (law of cosines).
 * Expects: root joint, target, the two segment lengths and a pole direction the middle joint bends towards.
 * Returns: joint positions and segment directions; an out-of-reach target is approached as far as possible.
 */
export function solveTwoBone(root: Vec3, target: Vec3, a: number, b: number, pole: Vec3): TwoBoneSolution {
  const toTarget = sub(target, root);
  const rawD = length(toTarget);
  const u = rawD > 1e-9 ? scale(toTarget, 1 / rawD) : ([0, -1, 0] as Vec3);
  const d = Math.min(Math.max(rawD, Math.abs(a - b) + 1e-4), a + b - 1e-4);
  const cosA = (a * a + d * d - b * b) / (2 * a * d);
  const sinA = Math.sqrt(Math.max(0, 1 - cosA * cosA));
  const v = perpendicular(pole, u, [0, 0, 1]);
  const mid = add(root, add(scale(u, a * cosA), scale(v, a * sinA)));
  const end = add(root, scale(u, d));
  return { mid, end, upperDir: normalize(sub(mid, root)), lowerDir: normalize(sub(end, mid)) };
}
