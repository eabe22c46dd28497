/**
 * @snowstage/motion — the host's motion runtime: idle life, gestures, expressions, lip sync, beat
 * tracking and dance, as pure TypeScript that runs the same in Node and the browser.
 */
export * from './types.js';
export { Performer, BLEND, type PerformerOptions, type SpeechIntent, type DanceIntent, type Activity } from './performer.js';
export { vrmMouthWeights, VISEME_TO_VRM, VISEME_CROSSFADE_MS, type MouthWeights } from './face/lipsync.js';
export { emotionExpression, resolveFace, MOUTH_CONFLICT, EYE_CLOSURE, type EmotionExpression } from './face/expressions.js';
export { trackBeats, type BeatTrack } from './audio/beat-tracker.js';
export { onsetEnvelope, type OnsetEnvelope } from './audio/onset.js';
export { generateThemeSong, type ThemeSong, type ThemeSongOptions } from './audio/theme-song.js';
export { generateClickTrack, type ClickTrackOptions } from './audio/synth.js';
export { choreograph, type ChoreographInput } from './dance/choreograph.js';
export { DANCE_MOVES, moveByName, type MoveDef } from './dance/moves.js';
export { dancePose, beatAt } from './dance/perform.js';
export { gestureNames, gestureClip } from './gestures/library.js';
export { sampleGesture, type GestureClip, type BodyPart } from './gestures/clip.js';
export { REST_SKELETON, forwardKinematics, boneDirection, type WorldPose } from './body/skeleton.js';
export { RELAXED_POSE } from './body/rest-pose.js';
export type { Pose, BoneMap } from './body/pose.js';
export * as quat from './math/quat.js';
