import { HANDS, type HandShape } from '../body/hands.js';
import type { FootPlacement } from '../body/legs.js';
import { mirrorVec } from '../body/mirror.js';
import { buildPose, type ArmSpec, type BoneMap, type PoseSpec, type Side } from '../body/pose.js';
import { relaxedArm } from '../body/rest-pose.js';
import { euler, rotX, rotY, rotZ } from '../math/quat.js';
import type { Vec3 } from '../types.js';

/*
 * The dance move library. A move is a cycle of key poses, one per beat: the body *arrives* at key k
 * exactly on beat k (with a knee dip that is deepest on the beat), so every move lands on the beat.
 * Positions are wrist targets in model space (hips at y 0.90, shoulders at ±0.11, 1.255; +Z towards
 * the camera, +X the model's left) or, with frame 'chest', relative to the upright upper chest.
 */

export interface DanceKey {
  bones: BoneMap;
  hipsOffset: Vec3;
  /** Ankle offsets from their rest positions (steps, skate pushes) and turns of the feet. */
  feet: { left: Required<FootPlacement>; right: Required<FootPlacement> };
}

export type MoveLevel = 'low' | 'mid' | 'high';

export interface MoveDef {
  name: string;
  bars: 1 | 2;
  /** The music energy it suits: low (sways), mid (steps), high (jumps, spins). */
  level: MoveLevel;
  doc: string;
  /** One key per beat, cycled over the move's beats. */
  keys: readonly DanceKey[];
  /** Knee dip on every beat at full energy, metres. */
  bounce: number;
  /** Jump height in the beat that follows key k (cycled); 0 = stay on the floor. */
  lift?: readonly number[];
  /** A full turn over these beats of the move. */
  spin?: { startBeat: number; beats: number };
}

const M = (s: Side) => (v: Vec3): Vec3 => (s === 'left' ? v : mirrorVec(v));
function key(spec: PoseSpec & { step?: { left?: Vec3; right?: Vec3 } }): DanceKey {
  const pose = buildPose({ left: relaxedArm('left'), right: relaxedArm('right'), ...spec });
  const foot = (s: Side): Required<FootPlacement> => ({ offset: spec.step?.[s] ?? [0, 0, 0], yaw: spec.feet?.[s]?.yaw ?? 0 });
  return { bones: pose.bones, hipsOffset: pose.hipsOffset, feet: { left: foot('left'), right: foot('right') } };
}

// ── arm shapes ────────────────────────────────────────────────────────────────────────────────
const armOut = (s: Side, y: number, shape: HandShape = HANDS.flat): ArmSpec =>
  ({ wrist: M(s)([0.53, y, 0.04]), palm: [0, -1, 0.2], pole: M(s)([0, -1, -1]), shape, frame: 'chest' });
const fistUp = (s: Side, drop = 0): ArmSpec =>
  ({ wrist: M(s)([0.32, 1.64 - drop, 0.1]), palm: M(s)([-0.6, 0, 0.8]), pole: M(s)([1, -0.3, -0.3]), shape: HANDS.fist });
const fistPump = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.24, 1.34, 0.12]), palm: M(s)([-0.7, 0, 0.7]), pole: M(s)([1, -1, -0.2]), shape: HANDS.fist });
const clapOpen = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.17, 1.1, 0.27]), hand: M(s)([-0.3, 0.4, 0.85]), palm: M(s)([-1, 0, 0]), pole: M(s)([0.6, -1, -0.2]), shape: HANDS.flat });
const clapShut = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.035, 1.14, 0.3]), hand: M(s)([-0.12, 0.4, 0.9]), palm: M(s)([-1, 0, 0]), pole: M(s)([0.6, -1, -0.2]), shape: HANDS.flat });
const onHip = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.175, 0.98, 0.03]), hand: M(s)([-0.3, -0.6, 0.75]), palm: M(s)([-1, 0, 0]), pole: M(s)([1, 0, -0.6]), shape: HANDS.flat });
const jog = (s: Side, fwd: number): ArmSpec =>
  ({ wrist: M(s)([0.19, 1.02 + fwd * 0.5, 0.12 + fwd]), hand: [0, 0.3, 1], palm: M(s)([-1, 0, 0]), pole: M(s)([0.2, -0.5, -1]), shape: HANDS.fist });
const heart = (s: Side, fwd: number): ArmSpec =>
  ({ wrist: M(s)([0.085, 1.25 + fwd / 2, 0.26 + fwd]), hand: M(s)([-0.45, 0.88, 0.12]), palm: [0, 0.1, 1], pole: M(s)([0.7, -1, -0.2]), shape: HANDS.heart });
const tuck = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.09, 1.2, 0.3]), hand: [0, 0.2, 1], palm: M(s)([-1, 0, 0]), pole: M(s)([0.4, -1, 0]), shape: HANDS.fist, frame: 'chest' });
const swingArm = (s: Side, fwd: number): ArmSpec =>
  ({ wrist: M(s)([0.16 - fwd * 0.1, 0.95 + Math.abs(fwd) * 0.2, 0.3 * fwd]), palm: M(s)([-1, 0, 0]), pole: M(s)([0.3, 0, -1]), shape: HANDS.flat, frame: 'chest' });
const pointUp = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.38, 1.62, 0.14]), hand: M(s)([0.45, 0.85, 0.2]), palm: M(s)([-1, 0, 0]), pole: M(s)([1, -0.5, -0.3]), shape: HANDS.point });
const pointDown = (s: Side): ArmSpec =>
  ({ wrist: M(s)([-0.05, 0.98, 0.32]), hand: M(s)([-0.55, -0.6, 0.55]), palm: [0, -0.4, -1], pole: M(s)([0.6, -0.4, -0.6]), shape: HANDS.point });
const hug = (s: Side): ArmSpec =>
  ({ wrist: M(s)([-0.03, 1.15, 0.2]), hand: M(s)([-1, 0.1, 0]), palm: [0, 0, -1], pole: M(s)([1, -0.6, 0]), shape: HANDS.relaxed });
const vLow = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.4, 0.95, 0.1]), palm: [0, -0.3, 1], pole: M(s)([0, -1, -1]), shape: HANDS.open });
const vHigh = (s: Side): ArmSpec =>
  ({ wrist: M(s)([0.36, 1.66, 0.06]), palm: [0, 0, 1], pole: M(s)([1, -0.3, -0.3]), shape: HANDS.open });
const cross = (s: Side): ArmSpec =>
  ({ wrist: M(s)([-0.1, 1.18, 0.24]), hand: M(s)([-0.7, 0.7, 0]), palm: [0, 0, -1], pole: M(s)([0.8, -1, -0.2]), shape: HANDS.flat });
const both = (f: (s: Side) => ArmSpec) => ({ left: f('left'), right: f('right') });

// ── the moves ─────────────────────────────────────────────────────────────────────────────────
const sideStepClap: MoveDef = {
  name: 'side-step-clap', bars: 1, level: 'mid', bounce: 0.035,
  doc: 'Step out to her right with arms open (beat 1), feet together and clap in front of the chest (2), step to her left (3), clap (4).',
  keys: [
    key({ ...both(clapOpen), hipsOffset: [-0.05, 0, 0], step: { right: [-0.1, 0, 0] }, hips: rotZ(0.04) }),
    key({ ...both(clapShut), head: rotZ(0.05) }),
    key({ ...both(clapOpen), hipsOffset: [0.05, 0, 0], step: { left: [0.1, 0, 0] }, hips: rotZ(-0.04) }),
    key({ ...both(clapShut), head: rotZ(-0.05) }),
  ],
};

const armWave: MoveDef = {
  name: 'arm-wave', bars: 2, level: 'low', bounce: 0.02,
  doc: 'Arms out to the sides; a wave rolls through them — one wrist high while the other is low, alternating every beat — with the chest and hips swaying against it.',
  keys: Array.from({ length: 8 }, (_, i) => {
    const up = i % 2 === 0 ? 1 : -1;
    return key({
      left: armOut('left', 1.26 + 0.14 * up), right: armOut('right', 1.26 - 0.14 * up),
      chest: rotZ(0.06 * up), hips: rotZ(-0.04 * up), hipsOffset: [0.03 * up, 0, 0], head: rotZ(-0.05 * up),
    });
  }),
};

const hipSway: MoveDef = {
  name: 'hip-sway', bars: 1, level: 'low', bounce: 0.015,
  doc: 'Hands on the hips, elbows out; the hips swing to her left and right on alternate beats (5 cm, rolled 0.08 rad) while the head tilts against them.',
  keys: [1, -1, 1, -1].map((d) => key({
    ...both(onHip), hipsOffset: [0.05 * d, 0, 0], hips: rotZ(-0.08 * d), spine: rotZ(0.06 * d), chest: rotZ(0.03 * d), head: rotZ(0.06 * d),
  })),
};

const jumpCheer: MoveDef = {
  name: 'jump-cheer', bars: 1, level: 'high', bounce: 0.05, lift: [0, 0.07, 0, 0.07],
  doc: 'Fists thrown up in a V on beats 1 and 3, pulled down to the shoulders on 2 and 4; she jumps 7 cm after 2 and after 4 and lands on the next beat.',
  keys: [
    key({ ...both((s) => fistUp(s)), shoulders: { left: 0.12, right: 0.12 }, head: rotX(-0.1) }),
    key({ ...both(fistPump), hipsOffset: [0, -0.04, 0] }),
    key({ ...both((s) => fistUp(s)), shoulders: { left: 0.12, right: 0.12 }, head: rotX(-0.1) }),
    key({ ...both(fistPump), hipsOffset: [0, -0.04, 0] }),
  ],
};

const skateKey = (d: number) => key({
  hipsOffset: [0.1 * d, -0.08, 0], hips: euler(0, 0.15 * d, -0.05 * d), spine: rotX(0.3), chest: rotX(0.1), head: rotX(-0.3),
  left: swingArm('left', -d), right: swingArm('right', d),
  step: d > 0 ? { right: [-0.12, 0.04, -0.08] } : { left: [0.12, 0.04, -0.08] },
});
const skateGlide: MoveDef = {
  name: 'skate-glide', bars: 2, level: 'mid', bounce: 0.025,
  doc: 'A speed skater: knees bent 8 cm, back leaned forward 0.4 rad; she glides 10 cm to her left over two beats, then to her right, the free leg pushing out behind, arms swinging across like a skater.',
  keys: [skateKey(1), skateKey(1), skateKey(-1), skateKey(-1), skateKey(1), skateKey(1), skateKey(-1), skateKey(-1)],
};

const skiKey = (d: number) => key({
  hipsOffset: [0.05 * d, -0.16, -0.05], hips: rotY(0.2 * d), spine: rotX(0.35), chest: rotX(0.15), head: rotX(-0.4),
  ...both(tuck),
  step: { left: [0, 0, 0.02], right: [0, 0, 0.02] },
  feet: { left: { yaw: 0.2 * d }, right: { yaw: 0.2 * d } },
});
const skiTuck: MoveDef = {
  name: 'ski-tuck', bars: 2, level: 'high', bounce: 0.03,
  doc: 'A downhill racer\'s tuck: hips down 16 cm, back forward 0.5 rad, fists in front of the chin; she carves left and right on each beat (hips turn 0.2 rad, skis follow).',
  keys: [1, -1, 1, -1, 1, -1, 1, -1].map(skiKey),
};

const heartPulse: MoveDef = {
  name: 'heart-pulse', bars: 1, level: 'low', bounce: 0.02,
  doc: 'Heart hands in front of the upper chest, pushed 5 cm towards the camera on every beat, hips swaying a little.',
  keys: [1, -1, 1, -1].map((d) => key({
    left: heart('left', 0.05), right: heart('right', 0.05), hipsOffset: [0.025 * d, 0, 0], hips: rotZ(-0.04 * d), head: rotZ(0.08 * d),
  })),
};

const pointAndSpin: MoveDef = {
  name: 'point-and-spin', bars: 2, level: 'high', bounce: 0.03, spin: { startBeat: 6, beats: 2 },
  doc: 'Disco points: right index up and out over her right shoulder (beats 1, 3, 5), then down across her body (2, 4, 6), left hand on the hip; on beats 7–8 she spins a full turn, arms hugged in.',
  keys: [
    key({ left: onHip('left'), right: pointUp('right'), hips: rotZ(0.05), head: euler(-0.1, -0.15, 0) }),
    key({ left: onHip('left'), right: pointDown('right'), hips: rotZ(-0.05), head: euler(0.1, 0.1, 0) }),
    key({ left: onHip('left'), right: pointUp('right'), hips: rotZ(0.05), head: euler(-0.1, -0.15, 0) }),
    key({ left: onHip('left'), right: pointDown('right'), hips: rotZ(-0.05), head: euler(0.1, 0.1, 0) }),
    key({ left: onHip('left'), right: pointUp('right'), hips: rotZ(0.05), head: euler(-0.1, -0.15, 0) }),
    key({ left: onHip('left'), right: pointDown('right'), hips: rotZ(-0.05), head: euler(0.1, 0.1, 0) }),
    key({ ...both(hug), hipsOffset: [0, 0.01, 0] }),
    key({ ...both(hug), hipsOffset: [0, 0.01, 0] }),
  ],
};

const shoulderBounce: MoveDef = {
  name: 'shoulder-bounce', bars: 1, level: 'low', bounce: 0.025,
  doc: 'Elbows bent, fists at the waist like jogging; shoulders pop up alternately on every beat, arms pumping forward and back, head bobbing.',
  keys: [1, -1, 1, -1].map((d) => key({
    left: jog('left', 0.06 * d), right: jog('right', -0.06 * d),
    shoulders: { left: d > 0 ? 0.18 : 0, right: d > 0 ? 0 : 0.18 }, chest: rotY(0.08 * d), head: rotX(0.06),
  })),
};

const snowflakeArms: MoveDef = {
  name: 'snowflake-arms', bars: 2, level: 'mid', bounce: 0.03,
  doc: 'The arms draw a big snowflake: up in a V (beat 1), straight out (2), down in a low V (3), crossed in front of the chest (4), then the same with a step to each side.',
  keys: [
    key({ ...both(vHigh), head: rotX(-0.1) }),
    key({ left: armOut('left', 1.26, HANDS.open), right: armOut('right', 1.26, HANDS.open) }),
    key({ ...both(vLow), hipsOffset: [0, -0.03, 0] }),
    key({ ...both(cross), head: rotX(0.08) }),
    key({ ...both(vHigh), head: rotX(-0.1), hipsOffset: [-0.05, 0, 0], step: { right: [-0.1, 0, 0] } }),
    key({ left: armOut('left', 1.26, HANDS.open), right: armOut('right', 1.26, HANDS.open) }),
    key({ ...both(vLow), hipsOffset: [0.05, -0.03, 0], step: { left: [0.1, 0, 0] } }),
    key({ ...both(cross), head: rotX(0.08) }),
  ],
};

export const MOVES: readonly MoveDef[] = [
  sideStepClap, armWave, hipSway, jumpCheer, skateGlide, skiTuck, heartPulse, pointAndSpin, shoulderBounce, snowflakeArms,
];

/** Names of the dance moves the choreographer can use (each one or two bars long). */
export const DANCE_MOVES: readonly string[] = MOVES.map((m) => m.name);

/** A move by name, or undefined for a name this runtime does not know. */
export function moveByName(name: string): MoveDef | undefined {
  return MOVES.find((m) => m.name === name);
}
