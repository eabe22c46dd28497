import { VISEME_TO_VRM, type Viseme, type VisemeCue, type VrmMouth } from '@snowstage/protocol';
import { clamp } from '../math/ease.js';

export type MouthWeights = Partial<Record<VrmMouth, number>>;

/** The viseme → VRM mouth table lives in the protocol (one table for every stage). */
export { VISEME_TO_VRM };

/** Length of the crossfade between two cues, in ms (centred on the boundary). */
export const VISEME_CROSSFADE_MS = 60;

/** First index whose cue ends after `t` (cues sorted by start, non-overlapping as the voice makes them). */
function firstEndingAfter(cues: readonly VisemeCue[], t: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.endMs <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The VRM mouth weights at `tMs` (ms from the audio's start) of a viseme timeline.
 * Each cue fades in over the 60 ms centred on its start and out over the 60 ms centred on its end, so
 * at a boundary between two cues each shows at half weight (a crossfade); short cues peak lower.
 * Before the first cue, after the last and in gaps the mouth is closed; `sil` and `PP` close it.
 * Expects: cues sorted by startMs (as the voice emits them). Returns: weights in 0–1 (absent = 0).
 */
export function vrmMouthWeights(visemes: readonly VisemeCue[], tMs: number): MouthWeights {
  const half = VISEME_CROSSFADE_MS / 2;
  const out: MouthWeights = {};
  for (let i = firstEndingAfter(visemes, tMs - half); i < visemes.length; i++) {
    const c = visemes[i]!;
    if (c.startMs - half >= tMs) break;
    const rise = clamp((tMs - (c.startMs - half)) / VISEME_CROSSFADE_MS);
    const fall = clamp((c.endMs + half - tMs) / VISEME_CROSSFADE_MS);
    const w = Math.min(rise, fall) * c.weight;
    if (w <= 0) continue;
    for (const [m, x] of Object.entries(VISEME_TO_VRM[c.v]) as [VrmMouth, number][]) {
      out[m] = Math.min(1, (out[m] ?? 0) + x * w);
    }
  }
  return out;
}

/**
 * Mouth from loudness when a speech has no timeline: the opening follows the level with a fast attack
 * and a slower release, and mixes aa with a little oh so it reads as speech.
 */
export class LoudnessMouth {
  private level = 0;
  /** Advances the smoothing by `dtMs` towards the target level (0–1) and returns the mouth weights. */
  step(target: number, dtMs: number): MouthWeights {
    const t = clamp(target);
    const tau = t > this.level ? 25 : 90;
    this.level += (t - this.level) * (1 - Math.exp(-Math.max(0, dtMs) / tau));
    const open = Math.pow(clamp(this.level), 0.7);
    return open < 0.01 ? {} : { aa: 0.85 * open, oh: 0.3 * open };
  }
  reset(): void {
    this.level = 0;
  }
}
