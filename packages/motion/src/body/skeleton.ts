import { mul, rotate, IDENTITY } from '../math/quat.js';
import { add } from '../math/vec.js';
import type { HumanBone, PoseFrame, Quat, Vec3 } from '../types.js';

/**
 * An approximate rest skeleton with the proportions of a typical VRM girl (about 1.58 m tall),
 * in the normalized T-pose: every bone's rest rotation is identity, so a bone's offset from its parent
 * is expressed in model axes (+Y up, +Z towards the camera, +X the model's left).
 *
 * Use when: building poses from targets (where a hand should be) and checking poses with forward
 * kinematics. Real models differ by a few centimetres; the runtime only ever outputs rotations.
 */
export interface RestBone {
  parent: HumanBone | null;
  /** Joint position relative to the parent's joint, at rest, in metres. */
  offset: Vec3;
  /** Direction from this joint to the bone's tip (the child joint or the end of the bone). */
  tip: Vec3;
}

const L = (x: number, y: number, z: number): Vec3 => [x, y, z];
const R = (x: number, y: number, z: number): Vec3 => [-x, y, z];

function side(s: 'left' | 'right'): Partial<Record<HumanBone, RestBone>> {
  const m = s === 'left' ? L : R;
  const b = (name: string) => `${s}${name}` as HumanBone;
  const fingers = (name: string, base: Vec3, seg: [number, number, number], dir: Vec3) => {
    const d = m(...dir);
    return {
      [b(`${name}Proximal`)]: { parent: b('Hand'), offset: m(...base), tip: d },
      [b(`${name}Intermediate`)]: { parent: b(`${name}Proximal`), offset: [d[0] * seg[0], d[1] * seg[0], d[2] * seg[0]] as Vec3, tip: d },
      [b(`${name}Distal`)]: { parent: b(`${name}Intermediate`), offset: [d[0] * seg[1], d[1] * seg[1], d[2] * seg[1]] as Vec3, tip: d },
    };
  };
  const thumbDir: Vec3 = m(Math.SQRT1_2, 0, Math.SQRT1_2);
  return {
    [b('Shoulder')]: { parent: 'upperChest', offset: m(0.025, 0.085, -0.01), tip: m(1, 0, 0) },
    [b('UpperArm')]: { parent: b('Shoulder'), offset: m(0.085, 0, 0), tip: m(1, 0, 0) },
    [b('LowerArm')]: { parent: b('UpperArm'), offset: m(0.235, 0, 0), tip: m(1, 0, 0) },
    [b('Hand')]: { parent: b('LowerArm'), offset: m(0.215, 0, 0), tip: m(1, 0, 0) },
    ...fingers('Index', [0.075, 0, 0.022], [0.035, 0.025, 0.02], [1, 0, 0]),
    ...fingers('Middle', [0.078, 0, 0.004], [0.038, 0.027, 0.02], [1, 0, 0]),
    ...fingers('Ring', [0.074, 0, -0.014], [0.034, 0.024, 0.02], [1, 0, 0]),
    ...fingers('Little', [0.066, 0, -0.03], [0.026, 0.02, 0.018], [1, 0, 0]),
    [b('ThumbMetacarpal')]: { parent: b('Hand'), offset: m(0.018, -0.012, 0.022), tip: thumbDir },
    [b('ThumbProximal')]: { parent: b('ThumbMetacarpal'), offset: [thumbDir[0] * 0.04, 0, thumbDir[2] * 0.04], tip: thumbDir },
    [b('ThumbDistal')]: { parent: b('ThumbProximal'), offset: [thumbDir[0] * 0.032, 0, thumbDir[2] * 0.032], tip: thumbDir },
    [b('UpperLeg')]: { parent: 'hips', offset: m(0.08, -0.05, 0), tip: [0, -1, 0] },
    [b('LowerLeg')]: { parent: b('UpperLeg'), offset: [0, -0.39, 0], tip: [0, -1, 0] },
    [b('Foot')]: { parent: b('LowerLeg'), offset: [0, -0.38, 0], tip: [0, -0.3, 0.95] },
    [b('Toes')]: { parent: b('Foot'), offset: [0, -0.05, 0.11], tip: [0, 0, 1] },
  };
}

export const REST_SKELETON: Readonly<Record<HumanBone, RestBone>> = {
  hips: { parent: null, offset: [0, 0.9, 0], tip: [0, 1, 0] },
  spine: { parent: 'hips', offset: [0, 0.07, 0], tip: [0, 1, 0] },
  chest: { parent: 'spine', offset: [0, 0.1, 0], tip: [0, 1, 0] },
  upperChest: { parent: 'chest', offset: [0, 0.1, 0], tip: [0, 1, 0] },
  neck: { parent: 'upperChest', offset: [0, 0.13, -0.01], tip: [0, 1, 0] },
  head: { parent: 'neck', offset: [0, 0.08, 0.01], tip: [0, 1, 0] },
  jaw: { parent: 'head', offset: [0, 0.0, 0.04], tip: [0, -0.5, 0.85] },
  leftEye: { parent: 'head', offset: [0.032, 0.07, 0.075], tip: [0, 0, 1] },
  rightEye: { parent: 'head', offset: [-0.032, 0.07, 0.075], tip: [0, 0, 1] },
  ...side('left'),
  ...side('right'),
} as Record<HumanBone, RestBone>;

/** Length of the segment from a bone's joint to its child joint, in the rest skeleton. */
export function segmentLength(child: HumanBone): number {
  const o = REST_SKELETON[child].offset;
  return Math.hypot(o[0], o[1], o[2]);
}

export interface WorldPose {
  position: Record<HumanBone, Vec3>;
  rotation: Record<HumanBone, Quat>;
}

/**
 * Forward kinematics of a pose on the rest skeleton: each joint's world position and rotation.
 * Expects: local rotations (missing bones = rest) and the hips offset of a PoseFrame.
 * Returns: world positions of every joint (metres, model space) and world rotations.
 */
export function forwardKinematics(frame: Pick<PoseFrame, 'bones'> & { hipsOffset?: Vec3 }): WorldPose {
  const position = {} as Record<HumanBone, Vec3>;
  const rotation = {} as Record<HumanBone, Quat>;
  const visit = (bone: HumanBone): void => {
    if (position[bone]) return;
    const rest = REST_SKELETON[bone];
    const local = frame.bones[bone] ?? IDENTITY;
    if (rest.parent === null) {
      position[bone] = add(rest.offset, frame.hipsOffset ?? [0, 0, 0]);
      rotation[bone] = local;
      return;
    }
    visit(rest.parent);
    const parentRot = rotation[rest.parent];
    position[bone] = add(position[rest.parent], rotate(parentRot, rest.offset));
    rotation[bone] = mul(parentRot, local);
  };
  for (const bone of Object.keys(REST_SKELETON) as HumanBone[]) visit(bone);
  return { position, rotation };
}

/** World direction in which a bone points (its rest tip direction, rotated). */
export function boneDirection(world: WorldPose, bone: HumanBone): Vec3 {
  return rotate(world.rotation[bone], REST_SKELETON[bone].tip);
}
