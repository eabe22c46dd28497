import { onsetEnvelope, type OnsetOptions } from './onset.js';
import { estimatePeriod } from './tempo.js';

export interface BeatTrack {
  bpm: number;
  /** Beat times in ms from the start of the audio. */
  beatsMs: number[];
  /** Loudness around each beat, 0–1 (0 = 24 dB below the loudest beat). */
  energy: number[];
}

/**
 * Dynamic-programming beat tracking (Ellis 2007): each frame's score is its onset strength plus the
 * best previous beat's score, penalised by how far the gap is from the period on a log scale.
 * Returns: beat frame indices, in order.
 */
export function trackBeatFrames(onset: Float64Array, period: number, tightness = 100): number[] {
  const n = onset.length;
  if (n === 0) return [];
  const score = new Float64Array(n);
  const back = new Int32Array(n).fill(-1);
  const lo = Math.max(1, Math.round(period / 2));
  const hi = Math.round(period * 2);
  const penalty = new Float64Array(hi + 1);
  for (let d = lo; d <= hi; d++) penalty[d] = tightness * Math.log(d / period) ** 2;
  for (let t = 0; t < n; t++) {
    let best = -Infinity;
    let arg = -1;
    for (let tau = Math.max(0, t - hi); tau <= t - lo; tau++) {
      const s = score[tau]! - penalty[t - tau]!;
      if (s > best) { best = s; arg = tau; }
    }
    score[t] = onset[t]! + (arg >= 0 ? Math.max(0, best) : 0);
    back[t] = arg >= 0 && best > 0 ? arg : -1;
  }
  // The last beat: the best-scoring frame in the final period.
  let last = n - 1;
  for (let t = Math.max(0, n - Math.round(period)); t < n; t++) if (score[t]! > score[last]!) last = t;
  const beats: number[] = [];
  for (let t = last; t >= 0; t = back[t]!) beats.push(t);
  beats.reverse();
  return beats;
}

/** Sub-frame peak position by a parabola through a local maximum and its neighbours. */
function refinePeak(x: Float64Array, i: number): number {
  let k = i;
  // Snap to the local maximum within ±2 frames first.
  for (let j = Math.max(0, i - 2); j <= Math.min(x.length - 1, i + 2); j++) if (x[j]! > x[k]!) k = j;
  const a = x[k - 1];
  const b = x[k]!;
  const c = x[k + 1];
  if (a === undefined || c === undefined) return k;
  const den = a - 2 * b + c;
  return den < 0 ? k + (0.5 * (a - c)) / den : k;
}

/** Least-squares slope and intercept of y over x. */
function fitLine(xs: number[], ys: number[]): { slope: number; intercept: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

/** Loudness per beat: RMS from each beat to the next, in dB relative to the loudest, mapped −24..0 dB → 0..1. */
export function beatEnergy(pcm: Float32Array, sampleRate: number, beatsMs: number[], periodMs: number): number[] {
  const rms = beatsMs.map((b, i) => {
    const start = Math.max(0, Math.floor((b * sampleRate) / 1000));
    const endMs = beatsMs[i + 1] ?? b + periodMs;
    const end = Math.min(pcm.length, Math.floor((endMs * sampleRate) / 1000));
    let s = 0;
    for (let k = start; k < end; k++) s += pcm[k]! * pcm[k]!;
    return end > start ? Math.sqrt(s / (end - start)) : 0;
  });
  const max = Math.max(1e-9, ...rms);
  return rms.map((r) => {
    const db = 20 * Math.log10(Math.max(r, 1e-9) / max);
    return Math.round(Math.min(1, Math.max(0, 1 + db / 24)) * 1000) / 1000;
  });
}

/**
 * Finds the tempo and the beat times of a song.
 * Method: spectral-flux onset envelope → tempo by autocorrelation and a comb filter over 60–200 BPM
 * with a prior for octave errors → beat phase by dynamic programming → each beat moved to the onset
 * peak (sub-frame) → BPM from a least-squares line through the beats (robust to a skipped beat).
 * Expects: mono PCM (−1..1) and its sample rate; works on anything from a click track to a full mix.
 * Returns: bpm, beat times in ms and a 0–1 loudness per beat. Silence gives no beats and bpm 0.
 */
export function trackBeats(pcm: Float32Array, sampleRate: number, opts: OnsetOptions = {}): BeatTrack {
  const env = onsetEnvelope(pcm, sampleRate, opts);
  const total = env.strength.reduce((a, b) => a + b, 0);
  if (env.strength.length < 4 || total === 0) return { bpm: 0, beatsMs: [], energy: [] };
  const period = estimatePeriod(env.strength, env.fps);
  const frames = trackBeatFrames(env.strength, period);
  // Drop weak beats at the edges (leading silence or fade-out found by the DP chain).
  const strong = frames.map((f) => env.strength[f]!);
  const sorted = [...strong].sort((a, b) => a - b);
  const floor = 0.1 * (sorted[Math.floor(sorted.length / 2)] ?? 0);
  let first = 0;
  let last = frames.length - 1;
  while (first < last && strong[first]! < floor) first++;
  while (last > first && strong[last]! < floor) last--;
  const kept = frames.slice(first, last + 1);
  const times = kept.map((f) => (env.t0 + refinePeak(env.strength, f) / env.fps) * 1000);
  const periodMs = (period / env.fps) * 1000;
  let bpm = 60_000 / periodMs;
  if (times.length >= 4) {
    const idx = times.map((t) => Math.round((t - times[0]!) / periodMs));
    const { slope } = fitLine(idx, times);
    if (slope > 0) bpm = 60_000 / slope;
  }
  const beatsMs = times.map((t) => Math.round(t * 10) / 10);
  return { bpm: Math.round(bpm * 100) / 100, beatsMs, energy: beatEnergy(pcm, sampleRate, beatsMs, 60_000 / bpm) };
}
