import type { TtsEvent } from '../types.js';
import { isSilentFrame, soundIntervals, type Envelope } from '../audio/envelope.js';
import { phonemeSpans, type PhonemeSpan } from '../visemes/timeline.js';
import { visemesForPhoneme } from '../visemes/lookup.js';

/**
 * How well phoneme timing matches the audio, measured from the audio's loudness alone (no ground
 * truth needed), as used by the tests and the benchmark.
 *
 * The envelope gives the audio's *onsets and offsets* (edges of silences of 30 ms or more, silence
 * being `SILENCE_DB` below normal loudness). For every pause in the phoneme timeline:
 * - the audio must fall silent at the pause: the error is the distance from the nearest offset to the
 *   last phoneme before the pause (0 if the offset falls inside that phoneme or exactly at the pause);
 * - and resume after it: the distance from the nearest onset to the first phoneme after the pause.
 * The same is done for the utterance's first onset and last offset. Why "inside the phoneme" counts
 * as 0: voiceless stops begin with a silent closure and h/f/s are near-silent, so the audible edge
 * can honestly sit anywhere inside them; a pause or vowel placed over the wrong stretch of audio
 * still shows as an error of its full size.
 *
 * Also: every pause of 80 ms or more must be silent in its middle, and `silentVowelShare` counts
 * vowels that sit over silence. This measures where speech starts and stops around pauses and
 * whether vowels sit on sound; it does not claim to locate each phoneme boundary inside a word.
 */
export interface PauseAlignment {
  errorsMs: number[];
  meanMs: number;
  p90Ms: number;
  maxMs: number;
  /** Pauses ≥ 80 ms whose middle is not silent in the audio. */
  noisyPauses: number;
  /** Share of vowel phonemes whose time in the audio is mostly silent. */
  silentVowelShare: number;
}

const dist = (x: number, a: number, b: number) => (x < a ? a - x : x > b ? x - b : 0);
const nearest = (xs: number[], a: number, b: number) => (xs.length ? Math.min(...xs.map((x) => dist(x, a, b))) : Infinity);

export function pauseAlignment(events: readonly TtsEvent[], durationMs: number, env: Envelope): PauseAlignment {
  const spans = phonemeSpans(events, durationMs);
  const onsets: number[] = [];
  const offsets: number[] = [];
  const total = env.rms.length * env.hopMs;
  for (const s of soundIntervals(env, 30)) {
    if (s.endMs - s.startMs < 15) continue; // clicks
    onsets.push(s.startMs);
    if (s.endMs < total - env.hopMs) offsets.push(s.endMs);
  }
  const sounding = (s: PhonemeSpan | undefined) => !!s && s.ipa !== '';
  const errors: number[] = [];
  let noisyPauses = 0;
  const first = spans.find(sounding);
  const last = [...spans].reverse().find(sounding);
  if (first) errors.push(nearest(onsets, first.startMs, first.endMs));
  if (last && last.endMs < durationMs - 20) errors.push(nearest(offsets, last.startMs, last.endMs));
  // Inner pauses: merge consecutive pause spans into one.
  for (let i = 0; i < spans.length; i++) {
    if (sounding(spans[i]) || !sounding(spans[i - 1])) continue;
    let j = i;
    while (j + 1 < spans.length && !sounding(spans[j + 1])) j++;
    const before = spans[i - 1]!;
    const after = spans[j + 1];
    const start = spans[i]!.startMs;
    const end = spans[j]!.endMs;
    if (after && end - start >= 40) {
      errors.push(nearest(offsets, before.startMs, start));
      errors.push(nearest(onsets, end, after.endMs));
      if (end - start >= 80 && !mostlySilent(env, start + 30, end - 30)) noisyPauses++;
    }
    i = j;
  }
  const vowels = spans.filter((s) => visemesForPhoneme(s.ipa, s.lang)?.some(([v]) => ['aa', 'E', 'ih', 'oh', 'ou'].includes(v)));
  const silentVowels = vowels.filter((s) => mostlySilent(env, s.startMs, s.endMs)).length;
  const sorted = [...errors].sort((a, b) => a - b);
  return {
    errorsMs: errors,
    meanMs: errors.length ? errors.reduce((s, x) => s + x, 0) / errors.length : 0,
    p90Ms: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]! : 0,
    maxMs: sorted.length ? sorted[sorted.length - 1]! : 0,
    noisyPauses,
    silentVowelShare: vowels.length ? silentVowels / vowels.length : 0,
  };
}

function mostlySilent(env: Envelope, startMs: number, endMs: number): boolean {
  const a = Math.max(0, Math.floor(startMs / env.hopMs));
  const b = Math.min(env.rms.length, Math.ceil(endMs / env.hopMs));
  if (b <= a) return false;
  let silent = 0;
  for (let i = a; i < b; i++) if (isSilentFrame(env, i)) silent++;
  return silent / (b - a) >= 0.8;
}
