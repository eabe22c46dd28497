import { GESTURES, type Gesture } from '@snowstage/protocol';
import { HANDS } from '../body/hands.js';
import { mirrorVec } from '../body/mirror.js';
import { buildPose, type ArmSpec, type PoseSpec, type Side } from '../body/pose.js';
import { relaxedArm } from '../body/rest-pose.js';
import { euler, rotX, rotY, rotZ } from '../math/quat.js';
import type { Vec3 } from '../types.js';
import { defineGesture, type GestureClip, type GestureKey } from './clip.js';

/*
 * The twelve gestures of the protocol. Every position is a wrist target in model space on the rest
 * skeleton (metres; hips at y 0.90, shoulders at y 1.255 and x ±0.11, eyes at y 1.45, chin at about
 * y 1.36; +Z towards the camera, +X the model's left). Rotations follow the VRM normalized humanoid:
 * +X rotation bends the spine forward / tips the head down, +Y turns towards the model's left, +Z tilts
 * the head towards the model's right shoulder.
 */

const L = (v: Vec3): Vec3 => v;
const R = (v: Vec3): Vec3 => mirrorVec(v);
const side = (s: Side) => (s === 'left' ? L : R);
const pose = (spec: PoseSpec) => buildPose({ left: relaxedArm('left'), right: relaxedArm('right'), ...spec });
const key = (atMs: number, spec: PoseSpec, ease?: GestureKey['ease']): GestureKey =>
  ease ? { atMs, pose: pose(spec), ease } : { atMs, pose: pose(spec) };

// thumbs-up ─ right hand raised above the elbow, fist in the hand-shake orientation (palm to the
// midline, +X), knuckles towards the camera, thumb extended straight up (and a little back).
const thumbArm = (lift: number): ArmSpec => ({
  wrist: [-0.17, 1.24 + lift, 0.28 + lift / 2],
  hand: [0.12, 0.35, 0.93],
  palm: [1, 0, 0],
  pole: [-0.6, -1, -0.1],
  shape: HANDS.thumbsUp,
});
const thumbsUp = defineGesture({
  name: 'thumbs-up',
  durationMs: 1600,
  parts: ['rightArm', 'head'],
  doc: 'Right wrist rises to (−0.17, 1.24, 0.28), in front of the right chest and above the elbow; fist with the thumb pointing up; a small pump up 5 cm at 0.70 s; head tilts 0.08 rad towards the raised hand.',
  keys: [
    key(380, { right: thumbArm(0), head: rotZ(0.08) }, 'outBack'),
    key(700, { right: thumbArm(0.05), head: rotZ(0.1) }),
    key(1050, { right: thumbArm(0), head: rotZ(0.08) }),
  ],
});

// heart-hands ─ both hands in front of the upper chest, fingers bent and tilted towards each other at
// the top, thumbs pointing in and down to meet at the bottom: a heart seen by the camera.
const heartArm = (s: Side, fwd: number): ArmSpec => ({
  wrist: side(s)([0.085, 1.25 + fwd / 2, 0.26 + fwd]),
  hand: side(s)([-0.45, 0.88, 0.12]),
  palm: [0, 0.1, 1],
  pole: side(s)([0.7, -1, -0.2]),
  shape: HANDS.heart,
});
const heartHands = defineGesture({
  name: 'heart-hands',
  durationMs: 2000,
  parts: ['leftArm', 'rightArm', 'head', 'torso'],
  doc: 'Wrists at (±0.085, 1.25, 0.26) in front of the upper chest (the heart itself above it), hands tilted in at the top, palms to the camera, fingers half-curled, thumbs in and down; pulses 3 cm towards the camera at 0.90 s; head tilts 0.1 rad.',
  keys: [
    key(450, { left: heartArm('left', 0), right: heartArm('right', 0), head: rotZ(0.1) }, 'outBack'),
    key(900, { left: heartArm('left', 0.03), right: heartArm('right', 0.03), head: rotZ(0.12), upperChest: rotX(-0.03) }),
    key(1350, { left: heartArm('left', 0), right: heartArm('right', 0), head: rotZ(0.1) }),
  ],
});

// wipe-tears ─ head bowed, both hands brought up so the bent index fingers rub under the eyes.
const wipeArm = (s: Side, rub: number): ArmSpec => ({
  wrist: side(s)([0.085 + rub, 1.31 + rub, 0.2]),
  hand: side(s)([-0.35, 0.9, -0.12]),
  palm: side(s)([-0.35, 0, -1]),
  pole: side(s)([0.3, -1, -0.2]),
  shape: HANDS.cupped,
});
const sadHead = { head: rotX(0.2), neck: rotX(0.08), upperChest: rotX(0.05), shoulders: { left: 0.08, right: 0.08 } };
const wipeTears = defineGesture({
  name: 'wipe-tears',
  durationMs: 2200,
  parts: ['leftArm', 'rightArm', 'head', 'torso'],
  doc: 'Head bows 0.28 rad; wrists at (±0.085, 1.31, 0.20), hands pointing up and in, palms to the face, curled index knuckles under the eyes; two small outward rubs of 1.5 cm at 0.80 s and 1.40 s; eyes look down.',
  keys: [
    key(500, { left: wipeArm('left', 0), right: wipeArm('right', 0), ...sadHead, gaze: { yaw: 0, pitch: 0.25 } }),
    key(800, { left: wipeArm('left', 0.015), right: wipeArm('right', 0.015), ...sadHead, gaze: { yaw: 0, pitch: 0.25 } }),
    key(1100, { left: wipeArm('left', 0), right: wipeArm('right', 0), ...sadHead, gaze: { yaw: 0, pitch: 0.25 } }),
    key(1400, { left: wipeArm('left', 0.015), right: wipeArm('right', 0.015), ...sadHead, gaze: { yaw: 0, pitch: 0.25 } }),
    key(1650, { left: wipeArm('left', 0), right: wipeArm('right', 0), ...sadHead, gaze: { yaw: 0, pitch: 0.25 } }),
  ],
});

// wave ─ right upper arm out to the side, forearm up, open palm to the camera, swinging side to side.
const waveArm = (x: number, tilt: number): ArmSpec => ({
  wrist: [-0.37 + x, 1.5 - Math.abs(x) * 0.3, 0.1],
  hand: [tilt, 1, 0.05],
  palm: [0, 0, 1],
  pole: [-1, -0.5, -0.1],
  shape: HANDS.flat,
});
const wave = defineGesture({
  name: 'wave',
  durationMs: 2000,
  parts: ['rightArm', 'head'],
  doc: 'Right wrist up at (−0.37, 1.50, 0.10), above the shoulder and outside it, palm to the camera; the forearm swings 7 cm to each side twice (0.65–1.40 s) with the hand flapping; head tilts towards it.',
  keys: [
    key(400, { right: waveArm(0, 0), head: rotZ(0.06) }, 'outCubic'),
    key(650, { right: waveArm(0.07, 0.35), head: rotZ(0.06) }),
    key(900, { right: waveArm(-0.07, -0.35), head: rotZ(0.06) }),
    key(1150, { right: waveArm(0.07, 0.35), head: rotZ(0.06) }),
    key(1400, { right: waveArm(-0.07, -0.35), head: rotZ(0.06) }),
    key(1550, { right: waveArm(0, 0), head: rotZ(0.06) }),
  ],
});

// clap ─ hands in front of the chest, palms facing each other, meeting three times.
const clapArm = (s: Side, open: number): ArmSpec => ({
  wrist: side(s)([0.035 + open, 1.13, 0.3]),
  hand: side(s)([-0.12 - open, 0.4, 0.9]),
  palm: side(s)([-1, 0, 0]),
  pole: side(s)([0.6, -1, -0.2]),
  shape: HANDS.flat,
});
const clapKeys: GestureKey[] = [];
[300, 470, 640, 810, 980, 1150].forEach((t, i) => {
  const open = i % 2 === 0 ? 0.11 : 0;
  clapKeys.push(key(t, { left: clapArm('left', open), right: clapArm('right', open) }, i % 2 === 0 ? 'inOutSine' : 'inCubic'));
});
const clap = defineGesture({
  name: 'clap',
  durationMs: 1600,
  parts: ['leftArm', 'rightArm'],
  doc: 'Hands in front of the chest at y 1.13, 30 cm towards the camera, palms facing each other, fingers forward and up; they open to ±0.145 m and meet at ±0.035 m (palms touching) at 0.47, 0.81 and 1.15 s.',
  keys: clapKeys,
});

// bow ─ a polite bow from the waist, hands folded in front of the belly.
const bowArm = (s: Side): ArmSpec => ({
  wrist: side(s)([0.05, 0.86, s === 'right' ? 0.22 : 0.2]),
  hand: side(s)([-0.6, -0.8, 0]),
  palm: [0, 0, -1],
  pole: side(s)([0.5, -0.4, -1]),
  shape: HANDS.flat,
});
const bowSpec: PoseSpec = {
  spine: rotX(0.32), chest: rotX(0.25), upperChest: rotX(0.15), neck: rotX(0.1), head: rotX(0.1),
  hipsOffset: [0, 0, -0.04],
  left: bowArm('left'), right: bowArm('right'),
  gaze: { yaw: 0, pitch: 0.3 },
};
const bow = defineGesture({
  name: 'bow',
  durationMs: 2400,
  parts: ['leftArm', 'rightArm', 'head', 'torso', 'legs'],
  doc: 'Spine, chest and upper chest bend forward 0.72 rad together (+X rotations), neck and head 0.2 rad more, hips shift back 4 cm; hands fold in front of the belly (wrists near (±0.05, 0.86, 0.21)); down by 0.90 s, held until 1.50 s, up by 2.40 s.',
  keys: [key(900, bowSpec), key(1500, bowSpec)],
});

// point-product ─ the right arm points to the model's right and forward (the viewer's left, where the
// product card is), index finger extended; head and chest turn towards it.
const POINT_DIR: Vec3 = [-0.72, 0.06, 0.69];
const pointArm = (reach: number): ArmSpec => ({
  wrist: [-0.11 + POINT_DIR[0] * reach, 1.255 + POINT_DIR[1] * reach, -0.01 + POINT_DIR[2] * reach],
  hand: POINT_DIR,
  palm: [0.2, -1, 0.1],
  pole: [-0.3, -1, -0.5],
  shape: HANDS.point,
});
const pointProduct = defineGesture({
  name: 'point-product',
  durationMs: 1800,
  parts: ['rightArm', 'head', 'torso'],
  doc: 'Right arm nearly straight along (−0.72, 0.06, 0.69) from the shoulder — the model\'s right and forward, the viewer\'s left-front — palm down, index extended; chest turns 0.12 rad and head 0.25 rad towards it, eyes follow; a 3 cm jab at 0.85 s.',
  keys: [
    key(450, { right: pointArm(0.43), chest: rotY(-0.12), head: rotY(-0.15), gaze: { yaw: -0.25, pitch: 0 } }, 'outBack'),
    key(850, { right: pointArm(0.45), chest: rotY(-0.12), head: rotY(-0.15), gaze: { yaw: -0.25, pitch: 0 } }),
    key(1250, { right: pointArm(0.43), chest: rotY(-0.1), head: rotY(-0.1), gaze: { yaw: -0.15, pitch: 0 } }),
  ],
});

// cheer ─ both fists thrown up in a V, shoulders lifted, a little knee bounce.
const cheerArm = (s: Side, drop: number): ArmSpec => ({
  wrist: side(s)([0.33, 1.64 - drop, 0.1]),
  palm: side(s)([-0.6, 0, 0.8]),
  pole: side(s)([1, -0.3, -0.3]),
  shape: HANDS.fist,
});
const cheerPose = (drop: number): PoseSpec => ({
  left: cheerArm('left', drop), right: cheerArm('right', drop),
  shoulders: { left: 0.15, right: 0.15 },
  head: rotX(-0.1),
  hipsOffset: [0, -drop * 0.4, 0],
});
const cheer = defineGesture({
  name: 'cheer',
  durationMs: 1600,
  parts: ['leftArm', 'rightArm', 'head', 'legs'],
  doc: 'Fists up in a V, wrists at (±0.33, 1.64, 0.10) above the head, shoulders raised 0.15 rad, head up 0.1 rad; two pumps (fists down 7 cm, knees dip 3 cm) at 0.60 and 1.10 s.',
  keys: [
    key(350, cheerPose(0), 'outBack'),
    key(600, cheerPose(0.07)),
    key(850, cheerPose(0)),
    key(1100, cheerPose(0.07)),
    key(1250, cheerPose(0)),
  ],
});

// thinking ─ right index finger to the chin, left arm across the waist holding the right elbow,
// head tilted, eyes up and to the side.
const thinkPose = (tilt: number): PoseSpec => ({
  right: { wrist: [-0.045, 1.26, 0.15], hand: [0.2, 0.95, -0.1], palm: [0.7, 0, -0.7], pole: [-0.2, -1, 0.3], shape: { curl: [0.25, 0.85, 0.9, 0.95], thumb: 'out' } },
  left: { wrist: [-0.1, 1.0, 0.16], hand: [-1, 0.1, 0], palm: [0, 1, 0], pole: [0.6, -1, -0.3], shape: HANDS.relaxed },
  head: euler(-0.06, 0, tilt),
  gaze: { yaw: 0.25, pitch: -0.2 },
});
const thinking = defineGesture({
  name: 'thinking',
  durationMs: 2400,
  parts: ['leftArm', 'rightArm', 'head'],
  doc: 'Right wrist at (−0.045, 1.26, 0.15) under the chin, index finger up to the chin; left forearm across the waist (wrist at (−0.10, 1.00, 0.16)), palm up under the right elbow; head up 0.06 rad and tilted 0.12→0.16 rad; eyes up and to her left.',
  keys: [key(500, thinkPose(0.12)), key(1100, thinkPose(0.16)), key(1800, thinkPose(0.14))],
});

// shrug ─ shoulders up, forearms out with open palms up, head tilted.
const shrugArm = (s: Side, up: number): ArmSpec => ({
  wrist: side(s)([0.32 + up / 2, 1.0 + up, 0.2]),
  hand: side(s)([0.6, 0.1, 0.8]),
  palm: side(s)([0.25, 1, 0]),
  pole: side(s)([0.2, -1, -0.4]),
  shape: HANDS.open,
});
const shrugPose = (up: number): PoseSpec => ({
  left: shrugArm('left', up), right: shrugArm('right', up),
  shoulders: { left: 0.28 + up, right: 0.28 + up },
  head: euler(-0.04, 0, -0.12),
});
const shrug = defineGesture({
  name: 'shrug',
  durationMs: 1400,
  parts: ['leftArm', 'rightArm', 'head'],
  doc: 'Shoulders raised 0.28 rad; elbows at the sides, forearms out and forward, wrists at (±0.32, 1.00, 0.20) with open palms up; head tilts 0.12 rad towards her left; held from 0.45 to 0.85 s.',
  keys: [key(450, shrugPose(0), 'outBack'), key(850, shrugPose(0.02))],
});

// nod ─ additive: the head and neck tip forward twice.
const headKey = (atMs: number, x: number, y: number): GestureKey => ({
  atMs,
  pose: { bones: { neck: euler(x * 0.3, y * 0.3, 0), head: euler(x * 0.7, y * 0.7, 0) }, hipsOffset: [0, 0, 0] },
});
const nod = defineGesture({
  name: 'nod',
  durationMs: 1000,
  parts: ['head'],
  additive: true,
  doc: 'Added on top of the current head pose: head and neck tip up 0.05 rad at 0.15 s, down 0.32 rad at 0.35 s, up to 0.02 at 0.55 s, down 0.22 rad at 0.72 s, then back.',
  keys: [headKey(150, -0.05, 0), headKey(350, 0.32, 0), headKey(550, -0.02, 0), headKey(720, 0.22, 0)],
});

// shake-head ─ additive: the head turns side to side, fading.
const shakeHead = defineGesture({
  name: 'shake-head',
  durationMs: 1200,
  parts: ['head'],
  additive: true,
  doc: 'Added on top of the current head pose: head and neck turn about +Y to 0.30 (her left) at 0.18 s, −0.30 at 0.40 s, 0.24 at 0.62 s, −0.16 at 0.83 s, with the head dipped 0.05 rad.',
  keys: [headKey(180, 0.05, 0.3), headKey(400, 0.05, -0.3), headKey(620, 0.05, 0.24), headKey(830, 0.05, -0.16)],
});

const CLIPS: Record<Gesture, GestureClip> = {
  'thumbs-up': thumbsUp,
  'heart-hands': heartHands,
  'wipe-tears': wipeTears,
  wave,
  clap,
  bow,
  'point-product': pointProduct,
  cheer,
  thinking,
  shrug,
  nod,
  'shake-head': shakeHead,
};

/** The clip of a gesture (key poses, timing, driven bones). */
export function gestureClip(name: Gesture): GestureClip {
  return CLIPS[name];
}

/** All 12 gesture names of the protocol, in protocol order. */
export function gestureNames(): readonly Gesture[] {
  return GESTURES;
}
