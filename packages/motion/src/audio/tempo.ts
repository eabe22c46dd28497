/** Tempo range the tracker considers, in beats per minute. */
export const MIN_BPM = 60;
export const MAX_BPM = 200;

/** Autocorrelation of `x` for lags 0..maxLag, each normalised by the number of overlapping terms. */
export function autocorrelation(x: Float64Array, maxLag: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let s = 0;
    for (let i = lag; i < n; i++) s += x[i]! * x[i - lag]!;
    out[lag] = s / (n - lag);
  }
  return out;
}

/** Linear interpolation of an array at a fractional index (0 outside). */
export function at(a: Float64Array, i: number): number {
  if (i < 0 || i > a.length - 1) return 0;
  const k = Math.floor(i);
  const f = i - k;
  return k + 1 < a.length ? a[k]! * (1 - f) + a[k + 1]! * f : a[k]!;
}

/** A log-normal preference for tempos near 120 BPM, one octave wide: it settles octave ties (75 vs 150). */
export function tempoPrior(bpm: number): number {
  const octaves = Math.log2(bpm / 120);
  return Math.exp(-0.5 * (octaves / 0.9) ** 2);
}

const HARMONICS = [1, 0.5, 0.33, 0.25] as const;

/**
 * Comb-filter score of a beat period (in frames): the autocorrelation at the period and its multiples,
 * so a period whose multiples also line up with the music wins over one that matches by accident.
 */
export function combScore(ac: Float64Array, period: number): number {
  let s = 0;
  HARMONICS.forEach((w, k) => { s += w * at(ac, period * (k + 1)); });
  return s;
}

/**
 * Estimates the beat period of an onset envelope (frames per beat) within 60–200 BPM.
 * Method: autocorrelation, a 4-harmonic comb score on a 0.02-frame grid of periods, weighted by the
 * tempo prior (octave handling); the best period is then refined without the prior within ±4 %.
 */
export function estimatePeriod(onset: Float64Array, fps: number): number {
  const minP = (60 / MAX_BPM) * fps;
  const maxP = (60 / MIN_BPM) * fps;
  const ac = autocorrelation(onset, Math.ceil(maxP * HARMONICS.length) + 2);
  let best = minP;
  let bestScore = -Infinity;
  for (let p = minP; p <= maxP; p += 0.02) {
    const s = combScore(ac, p) * tempoPrior((60 * fps) / p);
    if (s > bestScore) { bestScore = s; best = p; }
  }
  let refined = best;
  let refinedScore = -Infinity;
  for (let p = best * 0.96; p <= best * 1.04; p += 0.005) {
    const s = combScore(ac, p);
    if (s > refinedScore) { refinedScore = s; refined = p; }
  }
  return refined;
}
