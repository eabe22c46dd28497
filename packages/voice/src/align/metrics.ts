import type { TtsEvent } from '../types.js';
import { soundIntervals, type Envelope } from '../audio/envelope.js';
import { phonemeSpans } from '../visemes/timeline.js';

/**
 * How well phoneme timing matches the audio, measured from the audio alone.
 *
 * The audio's envelope gives its *audible edges*: every start and end of sound around a silence of at
 * least `minSilenceMs` (default 60 ms) at -35 dB below normal loudness. The phoneme events give their
 * *pause edges*: every boundary between a pause (`''`) and a sounding phoneme, plus the first
 * phoneme's start and the last's end. For each audible edge, the error is the distance to the nearest
 * pause edge. A perfect timeline has every audible edge on a pause edge.
 *
 * This measures where speech starts and stops, not where each vowel begins inside a word: those
 * boundaries have no reliable energy landmark, and we do not pretend to measure them.
 */
export interface EdgeAlignment {
  errorsMs: number[];
  meanMs: number;
  maxMs: number;
  p90Ms: number;
}

export function pauseEdges(events: readonly TtsEvent[], durationMs: number): number[] {
  const spans = phonemeSpans(events, durationMs);
  const edges: number[] = [];
  spans.forEach((s, i) => {
    const prev = spans[i - 1];
    const sounding = s.ipa !== '';
    if (sounding && (!prev || prev.ipa === '')) edges.push(s.startMs);
    if (!sounding && prev && prev.ipa !== '') edges.push(s.startMs);
  });
  const last = spans[spans.length - 1];
  if (last && last.ipa !== '') edges.push(last.endMs);
  return edges;
}

export function audibleEdges(env: Envelope, minSilenceMs = 60): number[] {
  const out: number[] = [];
  const total = env.rms.length * env.hopMs;
  for (const s of soundIntervals(env, minSilenceMs)) {
    if (s.endMs - s.startMs < 20) continue; // clicks
    out.push(s.startMs);
    if (s.endMs < total) out.push(s.endMs);
  }
  return out;
}

export function edgeAlignment(events: readonly TtsEvent[], durationMs: number, env: Envelope, minSilenceMs = 60): EdgeAlignment {
  const edges = pauseEdges(events, durationMs);
  const errorsMs = audibleEdges(env, minSilenceMs).map((a) => Math.min(...edges.map((e) => Math.abs(e - a))));
  const sorted = [...errorsMs].sort((a, b) => a - b);
  return {
    errorsMs,
    meanMs: errorsMs.length ? errorsMs.reduce((s, x) => s + x, 0) / errorsMs.length : 0,
    maxMs: sorted.length ? sorted[sorted.length - 1]! : 0,
    p90Ms: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]! : 0,
  };
}
