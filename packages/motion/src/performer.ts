import type { DanceMove, EmotionTag, Gesture, GestureCue, VisemeCue } from '@snowstage/protocol';
import type { BoneMap } from './body/pose.js';
import { dancePose } from './dance/perform.js';
import { emotionExpression, resolveFace, type EmotionExpression } from './face/expressions.js';
import { LoudnessMouth, vrmMouthWeights, type MouthWeights } from './face/lipsync.js';
import { sampleGesture, type GestureClip } from './gestures/clip.js';
import { gestureClip } from './gestures/library.js';
import { IdleLife, NEUTRAL_MOOD, type Mood } from './idle/idle.js';
import { clamp, EASES, envelope, lerp } from './math/ease.js';
import { IDENTITY, mul, scaleAngle, slerp } from './math/quat.js';
import { lerp3 } from './math/vec.js';
import type { HumanBone, PoseFrame, Vec3 } from './types.js';

export interface PerformerOptions {
  /** Seeds idle life (blinks, saccades, sway phases): the same seed and clock give the same frames. @default 1 */
  seed?: number;
}

export interface SpeechIntent {
  /** Audio start on the caller's clock (ms). */
  startMs: number;
  durationMs: number;
  /** Mouth timeline, ms from the audio start. Empty: the mouth follows setMouthLoudness(). */
  visemes: readonly VisemeCue[];
  /** Shown for the length of the speech (fading in 250 ms, out 500 ms after it). */
  emotion: EmotionTag;
  /**
   * Gestures with `atMs` relative to `startMs`: the word they go with. The gesture starts early enough
   * that its stroke (first key pose: hand up, heart formed, head down) lands on that word.
   */
  gestures: readonly GestureCue[];
}

export interface DanceIntent {
  startMs: number;
  durationMs: number;
  /** Beat times, ms from `startMs`. */
  beatsMs: readonly number[];
  /** Moves with `startMs` relative to the dance's `startMs`. */
  moves: readonly DanceMove[];
}

export type Activity = 'idle' | 'speaking' | 'gesturing' | 'dancing';

/** Blend times, ms. */
export const BLEND = {
  emotionIn: 250,
  emotionOut: 500,
  danceIn: 400,
  danceOut: 600,
  /** Fade of gestures and dance after stop(). */
  stopFade: 400,
  /** The mouth closes this fast after stop(). */
  mouthStop: 80,
} as const;

interface Timed {
  startMs: number;
  /** stop() time: the item fades out from here. Infinity while not stopped. */
  cutAt: number;
}
interface SpeechItem extends Timed { endMs: number; visemes: readonly VisemeCue[] }
interface GestureItem extends Timed { clip: GestureClip }
interface EmotionItem extends Timed { tag: EmotionTag; endMs: number; speech: boolean }
interface DanceItem extends Timed { endMs: number; beatsMs: readonly number[]; moves: readonly DanceMove[] }

const finite = (...xs: number[]) => xs.every((x) => Number.isFinite(x));
/** 1 before `cutAt`, easing to 0 over `fadeMs` after it. */
const cutFactor = (now: number, cutAt: number, fadeMs: number): number =>
  now < cutAt ? 1 : 1 - EASES.inOutSine(clamp((now - cutAt) / fadeMs));
const insertByStart = <T extends Timed>(list: T[], item: T): void => {
  let i = list.length;
  while (i > 0 && list[i - 1]!.startMs > item.startMs) i--;
  list.splice(i, 0, item);
};

/** How an emotion colours the idle body. */
function moodOf(tag: EmotionTag): Mood {
  const i = clamp(tag.intensity);
  switch (tag.name) {
    case 'excited': return { lively: i, low: 0, startled: 0 };
    case 'happy': return { lively: 0.4 * i, low: 0, startled: 0 };
    case 'sad': return { lively: 0, low: i, startled: 0 };
    case 'surprised': return { lively: 0.2 * i, low: 0, startled: i };
    case 'angry': return { lively: 0.2 * i, low: 0, startled: 0.2 * i };
    default: return NEUTRAL_MOOD;
  }
}

/**
 * The host's motion runtime. Intents (speak, gesture, express, dance, stop) only schedule; one
 * `update(now)` per frame resolves every layer, in this order:
 * idle life (breath, weight shift, blinks, saccades, mood posture) → dance (full body, faded in/out) →
 * gestures (replace the bones of their body parts, or add to the head for nod/shake-head) →
 * face: visemes (or loudness) keep the mouth, emotion weights that fight it are reduced, blinks are
 * suppressed while the emotion closes the eyes.
 * All times are on the caller's clock (the audio clock), so lips and dance stay on the sound.
 * Malformed times (NaN, ∞) are ignored rather than thrown: a bad event must not stop the stage.
 */
export class Performer {
  private readonly idle: IdleLife;
  private readonly loudnessMouth = new LoudnessMouth();
  private speeches: SpeechItem[] = [];
  private gestures: GestureItem[] = [];
  private emotions: EmotionItem[] = [];
  private dances: DanceItem[] = [];
  private loudness = 0;
  private lastNow = Number.NaN;

  constructor(opts: PerformerOptions = {}) {
    this.idle = new IdleLife(opts.seed ?? 1);
  }

  /** Schedules a speech: its mouth timeline, its emotion and its word-timed gestures. */
  speak(s: SpeechIntent): void {
    if (!finite(s.startMs, s.durationMs) || s.durationMs < 0) return;
    const visemes = [...s.visemes].sort((a, b) => a.startMs - b.startMs);
    insertByStart(this.speeches, { startMs: s.startMs, endMs: s.startMs + s.durationMs, visemes, cutAt: Infinity });
    insertByStart(this.emotions, { tag: s.emotion, startMs: s.startMs, endMs: s.startMs + s.durationMs, speech: true, cutAt: Infinity });
    for (const g of s.gestures) {
      const clip = gestureClip(g.name) as GestureClip | undefined;
      if (clip) this.gesture(g.name, s.startMs + g.atMs - clip.keys[0]!.atMs);
    }
  }

  /** Schedules a gesture to start at `startMs`. Unknown names are ignored. */
  gesture(name: Gesture, startMs: number): void {
    const clip = gestureClip(name) as GestureClip | undefined;
    if (!clip || !finite(startMs)) return;
    insertByStart(this.gestures, { clip, startMs, cutAt: Infinity });
  }

  /** Shows an emotion from `startMs` for `durationMs` (fading in 250 ms and out 500 ms after). */
  express(emotion: EmotionTag, startMs: number, durationMs: number): void {
    if (!finite(startMs, durationMs) || durationMs < 0) return;
    insertByStart(this.emotions, { tag: emotion, startMs, endMs: startMs + durationMs, speech: false, cutAt: Infinity });
  }

  /** Schedules a dance; beat and move times are relative to `startMs`. */
  dance(d: DanceIntent): void {
    if (!finite(d.startMs, d.durationMs) || d.durationMs <= 0) return;
    const beatsMs = [...d.beatsMs].sort((a, b) => a - b);
    const moves = [...d.moves].sort((a, b) => a.startMs - b.startMs);
    insertByStart(this.dances, { startMs: d.startMs, endMs: d.startMs + d.durationMs, beatsMs, moves, cutAt: Infinity });
  }

  /**
   * Barge-in: from `atMs` the mouth closes, speech emotions, gestures and dances fade back to idle;
   * anything scheduled to start at or after `atMs` is dropped. Emotions set by express() stay.
   */
  stop(atMs: number): void {
    if (!finite(atMs)) return;
    const cut = <T extends Timed>(list: T[], only: (x: T) => boolean = () => true): T[] =>
      list.filter((x) => !(only(x) && x.startMs >= atMs)).map((x) => (only(x) ? { ...x, cutAt: Math.min(x.cutAt, atMs) } : x));
    this.speeches = cut(this.speeches);
    this.gestures = cut(this.gestures);
    this.dances = cut(this.dances);
    this.emotions = cut(this.emotions, (e) => e.speech);
    this.loudness = 0;
  }

  /** Current audio loudness 0–1 (RMS, normalised by the caller); drives the mouth of speeches without visemes. */
  setMouthLoudness(level: number): void {
    this.loudness = Number.isFinite(level) ? clamp(level) : 0;
  }

  /** What the host is doing at `nowMs` (for camera framing): dancing > gesturing (body) > speaking > idle. */
  activity(nowMs: number): Activity {
    const live = (x: Timed & { endMs: number }) => x.startMs <= nowMs && nowMs < Math.min(x.endMs, x.cutAt);
    if (this.dances.some(live)) return 'dancing';
    const body = this.gestures.some((g) => g.clip.parts.some((p) => p !== 'head') && live({ ...g, endMs: g.startMs + g.clip.durationMs }));
    if (body) return 'gesturing';
    if (this.speeches.some(live)) return 'speaking';
    return 'idle';
  }

  /** Resolves all layers at `nowMs` into one frame. Call once per rendered frame. */
  update(nowMs: number): PoseFrame {
    const dt = Number.isFinite(this.lastNow) ? clamp(nowMs - this.lastNow, 0, 100) : 16;
    this.lastNow = nowMs;
    this.prune(nowMs);

    const { face: emotion, mood } = this.emotionAt(nowMs);
    const idle = this.idle.sample(nowMs, mood);
    const bones: BoneMap = { ...idle.bones };
    let hipsOffset: Vec3 = idle.hipsOffset;
    let gaze = idle.gaze;

    for (const d of this.dances) {
      const w = envelope(nowMs - d.startMs, d.endMs - d.startMs, BLEND.danceIn, BLEND.danceOut) * cutFactor(nowMs, d.cutAt, BLEND.stopFade);
      if (w <= 0) continue;
      const pose = dancePose(d, nowMs - d.startMs);
      for (const [b, q] of Object.entries(pose.bones) as [HumanBone, NonNullable<BoneMap[HumanBone]>][]) {
        bones[b] = slerp(bones[b] ?? IDENTITY, q, w);
      }
      hipsOffset = lerp3(hipsOffset, pose.hipsOffset, w);
    }

    for (const g of this.gestures) {
      const s = sampleGesture(g.clip, nowMs - g.startMs);
      if (!s) continue;
      const w = s.weight * cutFactor(nowMs, g.cutAt, BLEND.stopFade);
      if (w <= 0) continue;
      for (const b of g.clip.bones) {
        const q = s.pose.bones[b]!;
        bones[b] = g.clip.additive ? mul(bones[b] ?? IDENTITY, scaleAngle(q, w)) : slerp(bones[b] ?? IDENTITY, q, w);
      }
      if (g.clip.drivesHips) hipsOffset = lerp3(hipsOffset, s.pose.hipsOffset, w);
      if (s.pose.gaze) gaze = { yaw: lerp(gaze.yaw, s.pose.gaze.yaw, w), pitch: lerp(gaze.pitch, s.pose.gaze.pitch, w) };
    }

    const expressions = resolveFace({ emotion, mouth: this.mouthAt(nowMs, dt), blink: idle.blink });
    return { bones, hipsOffset, expressions, lookAt: gaze };
  }

  /** The blended emotion expression and mood: later emotions fade in over earlier ones. */
  private emotionAt(now: number): { face: EmotionExpression; mood: Mood } {
    let face: EmotionExpression = {};
    let mood: Mood = NEUTRAL_MOOD;
    for (const e of this.emotions) {
      const t = now - e.startMs;
      const hold = e.endMs - e.startMs;
      if (t < 0 || t >= hold + BLEND.emotionOut) continue;
      const fadeIn = hold > 0 ? EASES.inOutSine(clamp(t / BLEND.emotionIn)) : 1;
      const fadeOut = t <= hold ? 1 : 1 - EASES.inOutSine((t - hold) / BLEND.emotionOut);
      const w = Math.min(fadeIn, fadeOut) * cutFactor(now, e.cutAt, BLEND.emotionOut);
      if (w <= 0) continue;
      const target = emotionExpression(e.tag);
      const next: EmotionExpression = {};
      for (const k of new Set([...Object.keys(face), ...Object.keys(target)]) as Set<keyof EmotionExpression>) {
        const v = lerp(face[k] ?? 0, target[k] ?? 0, w);
        if (v > 1e-4) next[k] = v;
      }
      face = next;
      const m = moodOf(e.tag);
      mood = { lively: lerp(mood.lively, m.lively, w), low: lerp(mood.low, m.low, w), startled: lerp(mood.startled, m.startled, w) };
    }
    return { face, mood };
  }

  /** The mouth: the latest started speech's visemes, or loudness for a speech without a timeline. */
  private mouthAt(now: number, dt: number): MouthWeights {
    let speech: SpeechItem | undefined;
    for (const s of this.speeches) if (s.startMs <= now && now < s.endMs + 100) speech = s;
    if (speech && speech.visemes.length > 0) {
      this.loudnessMouth.step(0, dt);
      const close = now < speech.cutAt ? 1 : 1 - clamp((now - speech.cutAt) / BLEND.mouthStop);
      if (close <= 0) return {};
      const m = vrmMouthWeights(speech.visemes, now - speech.startMs);
      if (close < 1) for (const k of Object.keys(m) as (keyof MouthWeights)[]) m[k] = m[k]! * close;
      return m;
    }
    const talking = speech !== undefined && now < Math.min(speech.endMs, speech.cutAt);
    return this.loudnessMouth.step(talking ? this.loudness : 0, dt);
  }

  /** Forgets items that ended more than 2 s ago. */
  private prune(now: number): void {
    const keep = (end: number) => end + 2000 > now;
    this.speeches = this.speeches.filter((s) => keep(Math.min(s.endMs, s.cutAt + BLEND.stopFade)));
    this.gestures = this.gestures.filter((g) => keep(Math.min(g.startMs + g.clip.durationMs, g.cutAt + BLEND.stopFade)));
    this.emotions = this.emotions.filter((e) => keep(Math.min(e.endMs, e.cutAt) + BLEND.emotionOut));
    this.dances = this.dances.filter((d) => keep(Math.min(d.endMs, d.cutAt + BLEND.stopFade)));
  }
}
