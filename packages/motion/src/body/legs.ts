import { conjugate, IDENTITY, aimFrame, mul, rotate, rotY } from '../math/quat.js';
import { add, scale } from '../math/vec.js';
import type { HumanBone, Quat, Vec3 } from '../types.js';
import { solveTwoBone } from './ik.js';
import { REST_SKELETON, segmentLength } from './skeleton.js';

export interface FootPlacement {
  /** Where the ankle is, relative to its rest position (metres, model space). */
  offset?: Vec3;
  /** Turn of the foot about +Y, radians (positive turns the toes towards the model's left, +X). */
  yaw?: number;
}

/**
 * Leg rotations that keep the feet where they are told while the hips move (bounces, weight shift,
 * crouches, steps). Knees bend forward; feet stay flat.
 * Expects: the hips offset and the hips' local rotation of the same frame.
 * Returns: local rotations for upperLeg, lowerLeg and foot on both sides.
 */
export function plantLegs(
  hipsOffset: Vec3,
  hipsRot: Quat = IDENTITY,
  feet: { left?: FootPlacement; right?: FootPlacement } = {},
): Partial<Record<HumanBone, Quat>> {
  const out: Partial<Record<HumanBone, Quat>> = {};
  const hipsPos = add(REST_SKELETON.hips.offset, hipsOffset);
  const back = rotate(hipsRot, [0, 0, -1]);
  for (const side of ['left', 'right'] as const) {
    const upper = `${side}UpperLeg` as const;
    const lower = `${side}LowerLeg` as const;
    const foot = `${side}Foot` as const;
    const place = feet[side] ?? {};
    const hip = add(hipsPos, rotate(hipsRot, REST_SKELETON[upper].offset));
    const restAnkle = add(
      add(REST_SKELETON.hips.offset, REST_SKELETON[upper].offset),
      add(REST_SKELETON[lower].offset, REST_SKELETON[foot].offset),
    );
    const ankle = add(restAnkle, place.offset ?? [0, 0, 0]);
    const forward = scale(back, -1);
    const sol = solveTwoBone(hip, ankle, segmentLength(lower), segmentLength(foot), add(forward, [0, -0.2, 0]));
    const wThigh = aimFrame([0, -1, 0], [0, 0, -1], sol.upperDir, back);
    const wShin = aimFrame([0, -1, 0], [0, 0, -1], sol.lowerDir, back);
    const wFoot = rotY(place.yaw ?? 0);
    out[upper] = mul(conjugate(hipsRot), wThigh);
    out[lower] = mul(conjugate(wThigh), wShin);
    out[foot] = mul(conjugate(wShin), wFoot);
  }
  return out;
}
