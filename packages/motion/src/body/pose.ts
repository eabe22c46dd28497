import { aimFrame, conjugate, IDENTITY, mul, rotate, rotZ } from '../math/quat.js';
import { add, normalize, perpendicular, sub } from '../math/vec.js';
import type { HumanBone, Quat, Vec3 } from '../types.js';
import { handBones, type HandShape } from './hands.js';
import { solveTwoBone } from './ik.js';
import { plantLegs, type FootPlacement } from './legs.js';
import { forwardKinematics, segmentLength } from './skeleton.js';

export type BoneMap = Partial<Record<HumanBone, Quat>>;
export type Side = 'left' | 'right';

/** A full or partial body pose: local bone rotations plus the hips offset, and optionally a gaze. */
export interface Pose {
  bones: BoneMap;
  hipsOffset: Vec3;
  /** Gaze offset from the camera (radians); absent = keep looking at the camera. */
  gaze?: { yaw: number; pitch: number };
}

/** An arm placed by where its wrist should be (a point in model space on the rest skeleton). */
export interface ArmSpec {
  /** Wrist joint target, metres, model space (+Y up, +Z towards the camera, +X the model's left). */
  wrist: Vec3;
  /** Palm normal: the direction the palm faces. */
  palm: Vec3;
  /** Direction from the wrist to the knuckles; default: continue the forearm. */
  hand?: Vec3;
  /** Direction the elbow points to; default down, a little out and back. */
  pole?: Vec3;
  /** Finger shape. */
  shape: HandShape;
  /**
   * 'model' (default): positions and directions are in model space. 'chest': they are given as if the
   * torso were upright and follow the upper chest wherever the pose bends or turns it.
   */
  frame?: 'model' | 'chest';
}

export interface PoseSpec {
  hips?: Quat;
  spine?: Quat;
  chest?: Quat;
  upperChest?: Quat;
  neck?: Quat;
  head?: Quat;
  /** Shoulder raise in radians (a shrug is about 0.25); negative drops the shoulders. */
  shoulders?: { left?: number; right?: number };
  left?: ArmSpec;
  right?: ArmSpec;
  hipsOffset?: Vec3;
  /** Feet placement for the legs; legs are always solved so the feet stay on the floor. */
  feet?: { left?: FootPlacement; right?: FootPlacement };
  gaze?: { yaw: number; pitch: number };
}

const REST_UPPER_CHEST = forwardKinematics({ bones: {} }).position.upperChest;
const TORSO = ['hips', 'spine', 'chest', 'upperChest', 'neck', 'head'] as const;
const OUT = { left: [1, 0, 0] as Vec3, right: [-1, 0, 0] as Vec3 };

/** Shoulder bone rotation for a raise angle (positive lifts the shoulder towards the ear). */
export const shoulderRaise = (side: Side, a: number): Quat => rotZ(side === 'left' ? a : -a);

/**
 * Solves one arm so its wrist reaches `spec.wrist`, the elbow bends like a hinge and the palm faces
 * `spec.palm`. Expects: the bone map already holding the torso and shoulder of the pose.
 * Returns: local rotations of upperArm, lowerArm, hand and the fingers of that side.
 */
export function solveArm(side: Side, spec: ArmSpec, torso: BoneMap, hipsOffset: Vec3 = [0, 0, 0]): BoneMap {
  const upper = `${side}UpperArm` as const;
  const lower = `${side}LowerArm` as const;
  const hand = `${side}Hand` as const;
  const world = forwardKinematics({ bones: torso, hipsOffset });
  const shoulderWorld = world.rotation[`${side}Shoulder`];
  let toWorld = (v: Vec3): Vec3 => v;
  let wrist = spec.wrist;
  if (spec.frame === 'chest') {
    const rot = world.rotation.upperChest;
    toWorld = (v) => rotate(rot, v);
    wrist = add(world.position.upperChest, rotate(rot, sub(spec.wrist, REST_UPPER_CHEST)));
  }
  const palm = toWorld(spec.palm);
  const pole = toWorld(spec.pole ?? [side === 'left' ? 0.35 : -0.35, -1, -0.35]);
  const sol = solveTwoBone(world.position[upper], wrist, segmentLength(lower), segmentLength(hand), pole);
  // At rest (palms down) the elbow bends the forearm forward (+Z): that is the upper arm's side axis.
  const flex = perpendicular(sol.lowerDir, sol.upperDir, pole);
  const wUpper = aimFrame(OUT[side], [0, 0, 1], sol.upperDir, flex);
  const wLower = aimFrame(OUT[side], [0, -1, 0], sol.lowerDir, palm);
  const wHand = aimFrame(OUT[side], [0, -1, 0], spec.hand ? normalize(toWorld(spec.hand)) : sol.lowerDir, palm);
  return {
    [upper]: mul(conjugate(shoulderWorld), wUpper),
    [lower]: mul(conjugate(wUpper), wLower),
    [hand]: mul(conjugate(wLower), wHand),
    ...handBones(side, spec.shape),
  };
}

/**
 * Builds a pose from a readable description (torso rotations, wrist targets, palm directions, hand
 * shapes). Use when: defining key poses of gestures and dance moves once, at module load.
 * Returns: local rotations for the torso, shoulders, both arms, both hands and both legs.
 */
export function buildPose(spec: PoseSpec): Pose {
  const bones: BoneMap = {};
  for (const b of TORSO) bones[b] = spec[b] ?? IDENTITY;
  bones.leftShoulder = shoulderRaise('left', spec.shoulders?.left ?? 0);
  bones.rightShoulder = shoulderRaise('right', spec.shoulders?.right ?? 0);
  const hipsOffset = spec.hipsOffset ?? [0, 0, 0];
  Object.assign(bones, plantLegs(hipsOffset, bones.hips, spec.feet));
  const torso = { ...bones };
  if (spec.left) Object.assign(bones, solveArm('left', spec.left, torso, hipsOffset));
  if (spec.right) Object.assign(bones, solveArm('right', spec.right, torso, hipsOffset));
  return spec.gaze ? { bones, hipsOffset, gaze: spec.gaze } : { bones, hipsOffset };
}
