import type { Emotion, EmotionTag } from '@snowstage/protocol';
import { clamp } from '../math/ease.js';
import type { ExpressionName } from '../types.js';
import type { MouthWeights } from './lipsync.js';

export type EmotionExpression = Partial<Record<'happy' | 'angry' | 'sad' | 'relaxed' | 'surprised', number>>;

/** Emotion → VRM preset expressions at full intensity. */
const EMOTION_FACE: Readonly<Record<Emotion, EmotionExpression>> = {
  neutral: {},
  happy: { happy: 1 },
  excited: { happy: 1, surprised: 0.3 },
  calm: { relaxed: 1 },
  sad: { sad: 1 },
  surprised: { surprised: 1 },
  angry: { angry: 1 },
};

/** The VRM expression weights of an emotion at its intensity. */
export function emotionExpression(tag: EmotionTag): EmotionExpression {
  const out: EmotionExpression = {};
  for (const [k, v] of Object.entries(EMOTION_FACE[tag.name]) as [keyof EmotionExpression, number][]) {
    out[k] = v * clamp(tag.intensity);
  }
  return out;
}

/**
 * How much each emotion expression fights an open mouth (its own mouth shape: the smile of happy,
 * the O of surprised…). While speaking, it is scaled by (1 − factor × mouth opening).
 */
export const MOUTH_CONFLICT: Readonly<Record<keyof EmotionExpression, number>> = {
  happy: 0.55,
  surprised: 0.7,
  angry: 0.4,
  sad: 0.35,
  relaxed: 0.5,
};

/** How much each expression closes the eyes at weight 1 (many VRM models close the eyes in happy: ^ ^). */
export const EYE_CLOSURE: Readonly<Record<keyof EmotionExpression, number>> = {
  happy: 1,
  relaxed: 0.6,
  angry: 0,
  sad: 0,
  surprised: 0,
};

export interface FaceInput {
  emotion: EmotionExpression;
  mouth: MouthWeights;
  /** The idle blink, 0 open … 1 closed. */
  blink: number;
}

/**
 * Resolves the face layers into one set of expression weights (one call per frame):
 * the mouth (visemes or loudness) is kept as is and the emotion's weights that fight it are reduced;
 * the blink is suppressed as far as the emotion already closes the eyes (fully from 0.7 closure on),
 * and never adds up past closed.
 */
export function resolveFace({ emotion, mouth, blink }: FaceInput): Partial<Record<ExpressionName, number>> {
  const out: Partial<Record<ExpressionName, number>> = {};
  let open = 0;
  for (const [k, v] of Object.entries(mouth) as [ExpressionName, number][]) {
    if (v <= 0) continue;
    out[k] = clamp(v);
    open = Math.max(open, clamp(v));
  }
  let closure = 0;
  for (const [k, v] of Object.entries(emotion) as [keyof EmotionExpression, number][]) {
    const w = clamp(v) * (1 - MOUTH_CONFLICT[k] * open);
    if (w <= 0) continue;
    out[k] = w;
    closure += w * EYE_CLOSURE[k];
  }
  closure = clamp(closure);
  const suppress = clamp((closure - 0.3) / 0.4);
  const b = Math.min(clamp(blink) * (1 - suppress), 1 - closure);
  if (b > 0) out.blink = b;
  return out;
}
