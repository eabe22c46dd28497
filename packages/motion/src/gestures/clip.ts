import type { Gesture } from '@snowstage/protocol';
import { RELAXED_POSE } from '../body/rest-pose.js';
import type { BoneMap, Pose } from '../body/pose.js';
import { clamp, EASES, lerp, type EaseName } from '../math/ease.js';
import { IDENTITY, slerp } from '../math/quat.js';
import { lerp3 } from '../math/vec.js';
import type { HumanBone, Quat, Vec3 } from '../types.js';

/** Parts of the body a gesture may drive; everything else keeps doing what it did (idle, dance). */
export type BodyPart = 'head' | 'torso' | 'leftArm' | 'rightArm' | 'legs';

const PART_OF = (b: HumanBone): BodyPart | null => {
  if (b === 'neck' || b === 'head') return 'head';
  if (b === 'spine' || b === 'chest' || b === 'upperChest') return 'torso';
  if (b === 'hips' || b.includes('Leg') || b.includes('Foot') || b.includes('Toes')) return 'legs';
  if (b.startsWith('left')) return b.includes('Eye') ? null : 'leftArm';
  if (b.startsWith('right')) return b.includes('Eye') ? null : 'rightArm';
  return null;
};

/** A key pose the gesture passes through at `atMs` (ms after the gesture starts). */
export interface GestureKey {
  atMs: number;
  pose: Pose;
  /** Easing used on the way from the previous key to this one. @default 'inOutSine' */
  ease?: EaseName;
}

export interface GestureSpec {
  name: Gesture;
  durationMs: number;
  parts: readonly BodyPart[];
  /** Additive gestures (nod, shake-head) rotate on top of the current pose instead of replacing it. */
  additive?: boolean;
  keys: readonly GestureKey[];
  /** The key poses in words, in the model's frame (+Y up, +Z to the camera, +X the model's left). */
  doc: string;
}

/**
 * A gesture clip: it blends in from whatever the body is doing to its first key, passes through its
 * keys, then blends out after the last key. Blend-in time = first key's time; blend-out time =
 * duration − last key's time. Keys are complete over the driven bones (missing bones are filled from
 * the relaxed pose, or identity for additive clips).
 */
export interface GestureClip extends GestureSpec {
  bones: readonly HumanBone[];
  drivesHips: boolean;
}

export function defineGesture(spec: GestureSpec): GestureClip {
  if (spec.keys.length === 0) throw new Error(`motion: gesture ${spec.name} has no keys`);
  const bones = new Set<HumanBone>();
  const parts = new Set(spec.parts);
  for (const k of spec.keys) for (const b of Object.keys(k.pose.bones) as HumanBone[]) {
    const p = PART_OF(b);
    if (p && parts.has(p)) bones.add(b);
  }
  const list = [...bones];
  const fill = (pose: Pose): Pose => {
    const out: BoneMap = {};
    for (const b of list) out[b] = pose.bones[b] ?? (spec.additive ? IDENTITY : RELAXED_POSE.bones[b] ?? IDENTITY);
    return pose.gaze ? { bones: out, hipsOffset: pose.hipsOffset, gaze: pose.gaze } : { bones: out, hipsOffset: pose.hipsOffset };
  };
  const keys = spec.keys.map((k) => ({ ...k, pose: fill(k.pose) }));
  for (let i = 1; i < keys.length; i++)
    if (keys[i]!.atMs <= keys[i - 1]!.atMs) throw new Error(`motion: gesture ${spec.name} keys out of order`);
  if (keys[0]!.atMs <= 0 || keys[keys.length - 1]!.atMs >= spec.durationMs)
    throw new Error(`motion: gesture ${spec.name} needs time to blend in and out`);
  return { ...spec, keys, bones: list, drivesHips: parts.has('legs') };
}

export interface GestureSample {
  /** The clip's own pose at this time (its driven bones only). */
  pose: Pose;
  /** How much of it shows, 0–1 (the blend in/out envelope). */
  weight: number;
}

/** Samples a clip `t` ms after it started. Returns null outside [0, duration). */
export function sampleGesture(clip: GestureClip, t: number): GestureSample | null {
  if (t < 0 || t >= clip.durationMs) return null;
  const keys = clip.keys;
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  let weight = 1;
  if (t < first.atMs) weight = EASES.inOutSine(t / first.atMs);
  else if (t > last.atMs) weight = EASES.inOutSine(clamp((clip.durationMs - t) / (clip.durationMs - last.atMs)));
  let i = 0;
  while (i < keys.length - 1 && keys[i + 1]!.atMs <= t) i++;
  const a = keys[i]!;
  const b = keys[i + 1];
  if (t <= first.atMs || !b) return { pose: a.pose, weight };
  const u = EASES[b.ease ?? 'inOutSine']((t - a.atMs) / (b.atMs - a.atMs));
  const bones: BoneMap = {};
  for (const name of clip.bones) bones[name] = slerp(a.pose.bones[name] as Quat, b.pose.bones[name] as Quat, u);
  const hipsOffset: Vec3 = lerp3(a.pose.hipsOffset, b.pose.hipsOffset, u);
  const ga = a.pose.gaze ?? { yaw: 0, pitch: 0 };
  const gb = b.pose.gaze ?? { yaw: 0, pitch: 0 };
  const pose: Pose = a.pose.gaze || b.pose.gaze
    ? { bones, hipsOffset, gaze: { yaw: lerp(ga.yaw, gb.yaw, u), pitch: lerp(ga.pitch, gb.pitch, u) } }
    : { bones, hipsOffset };
  return { pose, weight };
}
