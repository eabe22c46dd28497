import { plantLegs } from '../body/legs.js';
import type { BoneMap, Pose } from '../body/pose.js';
import { RELAXED_POSE } from '../body/rest-pose.js';
import { euler, IDENTITY, mul, rotX, rotZ } from '../math/quat.js';
import { Rng } from '../math/rng.js';
import type { Vec3 } from '../types.js';
import { BlinkSchedule, SaccadeSchedule, type Gaze } from './schedules.js';

/** How the current emotion colours the idle body (each 0–1). */
export interface Mood {
  /** Livelier idle: bigger sway and a little bounce (excited, happy). */
  lively: number;
  /** Head and shoulders down, eyes down (sad). */
  low: number;
  /** Head back, shoulders up a little (surprised). */
  startled: number;
}

export const NEUTRAL_MOOD: Mood = { lively: 0, low: 0, startled: 0 };

export interface IdleSample extends Pose {
  blink: number;
  gaze: Gaze;
}

const TAU = Math.PI * 2;

/**
 * Idle life under everything else: breathing (about 14 breaths a minute), a slow weight shift from foot
 * to foot with the feet planted, small head drift, arms relaxed by the sides swaying a little, natural
 * blinks and eye saccades around eye contact. The body part is a pure function of time and mood;
 * blinks and saccades come from seeded schedules.
 */
export class IdleLife {
  private readonly blinks: BlinkSchedule;
  private readonly saccades: SaccadeSchedule;
  /** Phase offsets so two hosts with different seeds do not sway in lockstep. */
  private readonly phase: readonly number[];

  constructor(seed: number) {
    const rng = new Rng(seed);
    this.blinks = new BlinkSchedule(seed * 31 + 7);
    this.saccades = new SaccadeSchedule(seed * 17 + 3);
    this.phase = Array.from({ length: 8 }, () => rng.range(0, TAU));
  }

  sample(nowMs: number, mood: Mood = NEUTRAL_MOOD): IdleSample {
    const t = nowMs / 1000;
    const p = this.phase;
    const amp = 1 + 0.8 * mood.lively;
    const breath = Math.sin(TAU * 0.23 * t + p[0]!);
    const shift = 0.7 * Math.sin((TAU * t) / 9.3 + p[1]!) + 0.3 * Math.sin((TAU * t) / 13.7 + p[2]!);
    const bounce = mood.lively * 0.012 * (0.5 - 0.5 * Math.cos(TAU * 1.9 * t));
    const hipsOffset: Vec3 = [0.014 * amp * shift, 0.002 * breath - bounce, 0];
    const hips = rotZ(-0.025 * amp * shift);

    const headYaw = 0.035 * amp * (Math.sin(TAU * 0.07 * t + p[3]!) + 0.5 * Math.sin(TAU * 0.19 * t + p[4]!));
    const headPitch = 0.02 * amp * Math.sin(TAU * 0.11 * t + p[5]!) + 0.2 * mood.low - 0.05 * mood.startled;
    const headRoll = 0.02 * amp * Math.sin(TAU * 0.05 * t + p[6]!) - 0.3 * 0.025 * amp * shift;
    const armSway = 0.025 * amp * Math.sin(TAU * 0.17 * t + p[7]!);
    const shoulder = 0.012 * breath - 0.06 * mood.low + 0.06 * mood.startled;

    const bones: BoneMap = { ...RELAXED_POSE.bones };
    bones.hips = hips;
    bones.spine = rotZ(0.02 * amp * shift);
    bones.chest = mul(rotX(-0.012 * breath + 0.05 * mood.low), rotZ(0.008 * amp * shift));
    bones.upperChest = rotX(-0.016 * breath + 0.05 * mood.low);
    bones.neck = euler(headPitch * 0.35, headYaw * 0.4, headRoll * 0.4);
    bones.head = euler(headPitch * 0.65, headYaw * 0.6, headRoll * 0.6);
    bones.leftShoulder = rotZ(shoulder);
    bones.rightShoulder = rotZ(-shoulder);
    // Pre-multiplied: the swing is about the shoulder's X axis, so a hanging arm swings forward and back.
    bones.leftUpperArm = mul(rotX(armSway), RELAXED_POSE.bones.leftUpperArm ?? IDENTITY);
    bones.rightUpperArm = mul(rotX(-armSway), RELAXED_POSE.bones.rightUpperArm ?? IDENTITY);
    Object.assign(bones, plantLegs(hipsOffset, hips));

    const g = this.saccades.sample(nowMs);
    return {
      bones,
      hipsOffset,
      blink: this.blinks.sample(nowMs),
      gaze: { yaw: g.yaw, pitch: g.pitch + 0.12 * mood.low },
    };
  }
}
