import { z } from 'zod';
import { Lang } from './i18n.js';
import { EpochMs, Slug } from './ids.js';

/**
 * The vocabulary of the host's performance, shared by the brain (which picks it), the voice (which
 * speaks it), the motion runtime (which plays it) and every viewer's stage.
 */

/** Emotions the host can show and voice. `neutral` is the resting face. */
export const EMOTIONS = ['neutral', 'happy', 'excited', 'calm', 'sad', 'surprised', 'angry'] as const;
export const Emotion = z.enum(EMOTIONS);
export type Emotion = z.infer<typeof Emotion>;

/** An emotion with its strength: 0 is barely there, 1 is full. */
export const EmotionTag = z.object({ name: Emotion, intensity: z.number().min(0).max(1) });
export type EmotionTag = z.infer<typeof EmotionTag>;

/** Gestures of the host's body and hands. */
export const GESTURES = [
  'thumbs-up',
  'heart-hands',
  'wipe-tears',
  'wave',
  'clap',
  'bow',
  'point-product',
  'cheer',
  'thinking',
  'shrug',
  'nod',
  'shake-head',
] as const;
export const Gesture = z.enum(GESTURES);
export type Gesture = z.infer<typeof Gesture>;

/** A gesture timed inside a speech: `atMs` after the speech's audio starts (e.g. at a `<mark>`). */
export const GestureCue = z.object({ name: Gesture, atMs: z.number().int().nonnegative() });
export type GestureCue = z.infer<typeof GestureCue>;

/**
 * Mouth shapes: the Oculus/Meta 15-viseme set. `sil` is the closed/neutral mouth;
 * PP closes the lips (p b m). The stage maps them onto the 5 VRM mouth shapes (aa ih ou ee oh).
 */
export const VISEMES = ['sil', 'PP', 'FF', 'TH', 'DD', 'kk', 'CH', 'SS', 'nn', 'RR', 'aa', 'E', 'ih', 'oh', 'ou'] as const;
export const Viseme = z.enum(VISEMES);
export type Viseme = z.infer<typeof Viseme>;

/** The five mouth shapes every VRM model has. */
export const VRM_MOUTHS = ['aa', 'ih', 'ou', 'ee', 'oh'] as const;
export type VrmMouth = (typeof VRM_MOUTHS)[number];

/**
 * The 15 visemes as blends of the 5 VRM mouth shapes, used by every stage. Closed shapes (sil, PP)
 * are empty: a closed mouth. Consonants get small openings of the vowel they look most like, so
 * speech never looks frozen. A cue's weight scales its blend.
 */
export const VISEME_TO_VRM: Readonly<Record<Viseme, Readonly<Partial<Record<VrmMouth, number>>>>> = {
  sil: {},
  PP: {},
  FF: { ih: 0.25, ou: 0.1 },
  TH: { ih: 0.3, aa: 0.1 },
  DD: { ih: 0.3, aa: 0.2 },
  kk: { aa: 0.35, ih: 0.2 },
  CH: { ih: 0.35, ou: 0.3 },
  SS: { ih: 0.45, ee: 0.2 },
  nn: { ih: 0.3, aa: 0.15 },
  RR: { ou: 0.4, oh: 0.2 },
  aa: { aa: 1 },
  E: { ee: 0.75, ih: 0.2 },
  ih: { ih: 0.9 },
  oh: { oh: 1 },
  ou: { ou: 1 },
};

/** One mouth shape over an interval of the audio, in ms from the audio's start. */
export const VisemeCue = z.object({
  v: Viseme,
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
  weight: z.number().min(0).max(1),
});
export type VisemeCue = z.infer<typeof VisemeCue>;

/** A cacheable audio file the server made (speech or song). */
export const AudioRef = z.object({
  url: z.string().max(500),
  durationMs: z.number().int().nonnegative(),
  sampleRate: z.number().int().positive(),
});
export type AudioRef = z.infer<typeof AudioRef>;

/** What the host is doing; the show director moves between these. */
export const HOST_MODES = ['idle', 'pitch', 'qa', 'talkshow', 'dance', 'saleHype', 'draw', 'tour', 'paused'] as const;
export const HostMode = z.enum(HOST_MODES);
export type HostMode = z.infer<typeof HostMode>;

/** A named dance move placed on the song's timeline (ms from the song's start). */
export const DanceMove = z.object({
  name: z.string().max(40),
  startMs: z.number().nonnegative(),
  durationMs: z.number().positive(),
  /** 0–1: how big the move is played, following the music's loudness. */
  energy: z.number().min(0).max(1),
});
export type DanceMove = z.infer<typeof DanceMove>;

/** The comment a speech answers, so viewers see whom she is talking to. */
export const ReplyRef = z.object({ messageId: z.string(), nickname: z.string(), text: z.string() });
export type ReplyRef = z.infer<typeof ReplyRef>;

/**
 * Show events: the host's performance as the room broadcasts it. Each carries `startAt`, the
 * room-clock time (server epoch ms) at which it starts playing, so every viewer sees the same moment.
 */
export const showEventShapes = {
  speech: {
    speechId: z.string(),
    startAt: EpochMs,
    text: z.string(),
    lang: Lang,
    emotion: EmotionTag,
    gestures: z.array(GestureCue),
    audio: AudioRef,
    visemes: z.array(VisemeCue),
    /** The product the line is about, if any (the stage may point at its card). */
    productId: Slug.nullable(),
    replyTo: ReplyRef.nullable(),
  },
  gesture: { name: Gesture, startAt: EpochMs },
  expression: { emotion: EmotionTag, startAt: EpochMs, durationMs: z.number().int().positive() },
  dance: {
    songId: Slug,
    title: z.object({ zh: z.string(), en: z.string() }),
    startAt: EpochMs,
    audio: AudioRef,
    bpm: z.number().positive(),
    /** Beat times in ms from the song's start, as the beat tracker found them. */
    beatsMs: z.array(z.number().nonnegative()),
    moves: z.array(DanceMove),
  },
  hostMode: { mode: HostMode, by: z.enum(['director', 'operator']) },
  /** Tour guide: the host walks to a showcase booth (its story follows as speech). */
  tourStop: { boothId: Slug, startAt: EpochMs, index: z.number().int().nonnegative(), of: z.number().int().positive() },
  /**
   * Barge-in: everything the host was performing or had scheduled stops at `startAt` (lines already
   * broadcast for later included), so what she says next never plays over it.
   */
  hush: { startAt: EpochMs },
} as const;
