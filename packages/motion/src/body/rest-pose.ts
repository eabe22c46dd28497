import { HANDS } from './hands.js';
import { buildPose, type ArmSpec, type Pose, type Side } from './pose.js';
import { mirrorVec } from './mirror.js';
import type { Vec3 } from '../types.js';

/**
 * The relaxed standing pose under all idle motion: arms hanging by the sides (not the T-pose),
 * elbows a little bent with the elbows back, palms facing the thighs, fingers softly curled.
 * Left wrist at (0.205, 0.84, 0.01): 9 cm outside the shoulder line, at the top of the thigh.
 */
export function relaxedArm(side: Side): ArmSpec {
  const m = (v: Vec3): Vec3 => (side === 'left' ? v : mirrorVec(v));
  return {
    wrist: m([0.205, 0.84, 0.01]),
    palm: m([-1, 0, -0.15]),
    pole: m([0.3, 0, -1]),
    shape: HANDS.relaxed,
  };
}

export const RELAXED_POSE: Pose = buildPose({ left: relaxedArm('left'), right: relaxedArm('right') });
