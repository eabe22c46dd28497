import type { SynthesisRequest, TtsEngine, TtsEvent } from '../types.js';
import { concatPcm } from '../audio/wav.js';
import { abortError } from '../async-queue.js';
import { ENERGY_AT_30_DB, speechFeatures, type Features } from './features.js';
import { dtwMap } from './dtw.js';

/**
 * Gives audio that came without phoneme events (HTTP engines) a phoneme timeline: the embedded
 * engine speaks the same text, and its phoneme, word and mark events are carried over to the
 * received audio along a DTW alignment of the two recordings (mel-cepstra + energy, so pauses meet
 * pauses and onsets meet onsets). The synthesiser then snaps pauses onto the audio's silences.
 */
export interface ReferenceSpeech {
  pcm: Int16Array;
  sampleRate: number;
  events: TtsEvent[];
}

/** Use when: you need the embedded engine's rendering of a line as the alignment reference. */
export async function referenceSpeech(phonemizer: TtsEngine, text: string, req: SynthesisRequest, signal?: AbortSignal): Promise<ReferenceSpeech> {
  const chunks: Int16Array[] = [];
  const events: TtsEvent[] = [];
  let sampleRate = phonemizer.describe().sampleRate;
  for await (const c of phonemizer.synthesize(text, { lang: req.lang, emotion: req.emotion }, signal)) {
    if ('pcm' in c) {
      chunks.push(c.pcm);
      sampleRate = c.sampleRate;
    } else if (c.event.type !== 'end') events.push(c.event);
  }
  if (signal?.aborted) throw abortError(signal);
  return { pcm: concatPcm(chunks), sampleRate, events };
}

/**
 * Use when: an engine returned audio without timing.
 * Expects: the reference rendering of the same text and the received audio.
 * Returns: the reference's events moved onto the received audio's timeline, in time order, ending with `end`.
 */
export function alignEvents(ref: ReferenceSpeech, pcm: Int16Array, sampleRate: number): TtsEvent[] {
  const durationMs = (pcm.length / sampleRate) * 1000;
  if (!pcm.length || !ref.pcm.length) return [{ type: 'end', ms: Math.round(durationMs * 10) / 10 }];
  const a = speechFeatures(ref.pcm, ref.sampleRate);
  const b = speechFeatures(pcm, sampleRate);
  // Align the voiced cores; leading and trailing silence (padding, breaths) stay outside the warp.
  const [a0, a1] = soundSpan(a);
  const [b0, b1] = soundSpan(b);
  const map = dtwMap(slice(a, a0, a1), slice(b, b0, b1));
  const toTarget = (ms: number) => {
    const f = ms / a.hopMs;
    let t: number;
    if (f < a0) t = (b0 - (a0 - f)) * b.hopMs;
    else if (f > a1 + 1) t = (b1 + 1 + (f - a1 - 1)) * b.hopMs;
    else t = (b0 + map[Math.min(map.length - 1, Math.round(f - a0))]!) * b.hopMs;
    return Math.min(durationMs, Math.max(0, t));
  };
  const moved = ref.events.map((e) => ({ ...e, ms: Math.round(toTarget(e.ms) * 10) / 10 }));
  moved.sort((x, y) => x.ms - y.ms);
  moved.push({ type: 'end', ms: Math.round(durationMs * 10) / 10 });
  return moved;
}

/** First and last frame within 30 dB of the peak (the energy feature is the last dimension). */
function soundSpan(f: Features): [number, number] {
  const e = (i: number) => f.data[i * f.dims + f.dims - 1]!;
  let lo = 0;
  while (lo < f.frames - 1 && e(lo) < ENERGY_AT_30_DB) lo++;
  let hi = f.frames - 1;
  while (hi > lo && e(hi) < ENERGY_AT_30_DB) hi--;
  return [lo, hi];
}

function slice(f: Features, from: number, to: number): Features {
  return { ...f, frames: to - from + 1, data: f.data.subarray(from * f.dims, (to + 1) * f.dims) };
}
