/**
 * Loudness envelope of speech and the silences in it. Used to scale viseme weights, to align phonemes
 * to audio from engines that report none, and to check alignment in tests.
 */

export interface Envelope {
  /** Frame hop in ms; frame i covers [i*hopMs, (i+1)*hopMs). */
  hopMs: number;
  /** RMS of each frame, 0–1 of full scale. */
  rms: Float32Array;
  /** 95th-percentile RMS of the non-silent frames: "normal speaking loudness". */
  reference: number;
}

/**
 * Use when: you need the loudness of the audio over time.
 * Expects: mono PCM, its sample rate, and the frame hop (default 5 ms).
 */
export function loudnessEnvelope(pcm: Int16Array, sampleRate: number, hopMs = 5): Envelope {
  const hop = Math.max(1, Math.round((sampleRate * hopMs) / 1000));
  const n = Math.ceil(pcm.length / hop);
  const rms = new Float32Array(n);
  for (let f = 0; f < n; f++) {
    let sum = 0;
    const end = Math.min(pcm.length, (f + 1) * hop);
    for (let i = f * hop; i < end; i++) sum += (pcm[i]! / 32768) ** 2;
    rms[f] = Math.sqrt(sum / Math.max(1, end - f * hop));
  }
  const loud = Array.from(rms).filter((x) => x > 1e-3).sort((a, b) => a - b);
  const reference = loud.length ? loud[Math.min(loud.length - 1, Math.floor(loud.length * 0.95))]! : 1;
  return { hopMs: (hop * 1000) / sampleRate, rms, reference };
}

/**
 * A frame is silent when it is this many dB below the reference loudness. eSpeak's female variants
 * add breath noise at about -25…-40 dB through pauses, so "silence" here means "no voice" (quiet
 * consonants such as f, h, s can fall under it too; alignment code allows for that).
 */
export const SILENCE_DB = -22;

export function isSilentFrame(env: Envelope, i: number, db = SILENCE_DB): boolean {
  const x = env.rms[i] ?? 0;
  return x <= env.reference * 10 ** (db / 20);
}

export interface Interval {
  startMs: number;
  endMs: number;
}

/**
 * Use when: you need the pauses of an utterance.
 * Returns: silent stretches at least `minMs` long (default 40 ms), in order, including leading and trailing ones.
 */
export function silences(env: Envelope, minMs = 40, db = SILENCE_DB): Interval[] {
  const out: Interval[] = [];
  let start = -1;
  const n = env.rms.length;
  for (let i = 0; i <= n; i++) {
    const silent = i < n && isSilentFrame(env, i, db);
    if (silent && start < 0) start = i;
    if (!silent && start >= 0) {
      // Leading and trailing silence counts at any length; inner ones must last `minMs`.
      if ((i - start) * env.hopMs >= minMs || start === 0 || i === n) out.push({ startMs: start * env.hopMs, endMs: i * env.hopMs });
      start = -1;
    }
  }
  return out;
}

/** Sound intervals: the complement of `silences` within [0, duration]. */
export function soundIntervals(env: Envelope, minSilenceMs = 40, db = SILENCE_DB): Interval[] {
  const total = env.rms.length * env.hopMs;
  const out: Interval[] = [];
  let at = 0;
  for (const s of silences(env, minSilenceMs, db)) {
    if (s.startMs > at) out.push({ startMs: at, endMs: s.startMs });
    at = s.endMs;
  }
  if (at < total) out.push({ startMs: at, endMs: total });
  return out;
}

/** Mean RMS over [startMs, endMs), relative to the envelope's reference (0 = silent, ~1 = normal loudness). */
export function relativeLoudness(env: Envelope, startMs: number, endMs: number): number {
  const a = Math.max(0, Math.floor(startMs / env.hopMs));
  const b = Math.min(env.rms.length, Math.max(a + 1, Math.ceil(endMs / env.hopMs)));
  let sum = 0;
  for (let i = a; i < b; i++) sum += env.rms[i]!;
  return b > a ? sum / (b - a) / env.reference : 0;
}
