/**
 * The motion runtime's output, applied by the stage once per frame.
 *
 * Conventions (those of @pixiv/three-vrm's *normalized* humanoid, VRM 1.0 bone names):
 * - every rotation is the bone's local rotation relative to the rest pose; identity everywhere is the T-pose;
 * - the model stands on y = 0, +Y up, faces +Z (towards the camera); the model's left is +X;
 * - so the left upper arm points along +X at rest; rotating it about +Z by a negative angle lowers it.
 * - on the spine, neck and head a positive rotation about +X bends forward / tips the head down, about
 *   +Y turns towards the model's left, about +Z tilts towards the model's right shoulder;
 * - fingers point along ±X with the palm facing −Y at rest; curling is a rotation about Z
 *   (negative on the left hand, positive on the right); the thumb rests 45° between ±X and +Z.
 */

/** VRM 1.0 humanoid bone names (three-vrm maps VRM 0.x files onto these). */
export const HUMAN_BONES = [
  'hips', 'spine', 'chest', 'upperChest', 'neck', 'head', 'jaw', 'leftEye', 'rightEye',
  'leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'leftToes',
  'rightUpperLeg', 'rightLowerLeg', 'rightFoot', 'rightToes',
  'leftShoulder', 'leftUpperArm', 'leftLowerArm', 'leftHand',
  'rightShoulder', 'rightUpperArm', 'rightLowerArm', 'rightHand',
  'leftThumbMetacarpal', 'leftThumbProximal', 'leftThumbDistal',
  'leftIndexProximal', 'leftIndexIntermediate', 'leftIndexDistal',
  'leftMiddleProximal', 'leftMiddleIntermediate', 'leftMiddleDistal',
  'leftRingProximal', 'leftRingIntermediate', 'leftRingDistal',
  'leftLittleProximal', 'leftLittleIntermediate', 'leftLittleDistal',
  'rightThumbMetacarpal', 'rightThumbProximal', 'rightThumbDistal',
  'rightIndexProximal', 'rightIndexIntermediate', 'rightIndexDistal',
  'rightMiddleProximal', 'rightMiddleIntermediate', 'rightMiddleDistal',
  'rightRingProximal', 'rightRingIntermediate', 'rightRingDistal',
  'rightLittleProximal', 'rightLittleIntermediate', 'rightLittleDistal',
] as const;
export type HumanBone = (typeof HUMAN_BONES)[number];

/** A unit quaternion [x, y, z, w]. */
export type Quat = readonly [number, number, number, number];
export type Vec3 = readonly [number, number, number];

/** VRM 1.0 preset expressions. */
export const EXPRESSIONS = [
  'happy', 'angry', 'sad', 'relaxed', 'surprised',
  'aa', 'ih', 'ou', 'ee', 'oh',
  'blink', 'blinkLeft', 'blinkRight',
] as const;
export type ExpressionName = (typeof EXPRESSIONS)[number];

/** Everything the stage needs to pose the avatar for one frame. */
export interface PoseFrame {
  /** Local rotations of normalized humanoid bones; bones not listed stay at rest. */
  bones: Partial<Record<HumanBone, Quat>>;
  /** Offset of the hips from their rest position, in metres (bounces, bows, weight shift). */
  hipsOffset: Vec3;
  /** Expression weights 0–1. */
  expressions: Partial<Record<ExpressionName, number>>;
  /**
   * Where the eyes look: yaw/pitch in radians from straight at the camera, with the signs of
   * three-vrm's VRMLookAt (after converting to degrees): yaw > 0 looks towards the model's left (+X),
   * pitch > 0 looks down. { yaw: 0, pitch: 0 } is eye contact.
   */
  lookAt: { yaw: number; pitch: number };
}
