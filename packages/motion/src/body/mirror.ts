import type { HumanBone, Quat, Vec3 } from '../types.js';

/** Mirrors a local rotation across the model's sagittal plane (x → −x): a left-side pose becomes right. */
export const mirrorQuat = (q: Quat): Quat => [q[0], -q[1], -q[2], q[3]];
export const mirrorVec = (v: Vec3): Vec3 => [-v[0], v[1], v[2]];

/** The same bone on the other side ('leftHand' ↔ 'rightHand'); centre bones map to themselves. */
export function mirrorBone(b: HumanBone): HumanBone {
  if (b.startsWith('left')) return `right${b.slice(4)}` as HumanBone;
  if (b.startsWith('right')) return `left${b.slice(5)}` as HumanBone;
  return b;
}
