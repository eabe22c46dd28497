/**
 * A YIN pitch estimator (de Cheveigné & Kawahara, 2002) for voiced speech, used to measure that the
 * emotion presets really change the voice. Not tuned for music.
 */

export interface F0Options {
  minHz?: number;
  maxHz?: number;
  /** Cumulative-mean-normalised difference threshold; lower = stricter voicing. */
  threshold?: number;
  hopMs?: number;
}

/**
 * Use when: you need the pitch track of a speech clip.
 * Returns: one F0 in Hz per hop, or 0 for unvoiced/silent frames.
 */
export function pitchTrack(pcm: Int16Array, sampleRate: number, opts: F0Options = {}): Float32Array {
  const minHz = opts.minHz ?? 60;
  const maxHz = opts.maxHz ?? 500;
  const threshold = opts.threshold ?? 0.15;
  const hop = Math.round((sampleRate * (opts.hopMs ?? 10)) / 1000);
  const maxLag = Math.ceil(sampleRate / minHz);
  const minLag = Math.floor(sampleRate / maxHz);
  const win = maxLag; // integration window: one longest period
  const frames = Math.max(0, Math.floor((pcm.length - win - maxLag) / hop) + 1);
  const out = new Float32Array(frames);
  const d = new Float64Array(maxLag + 1);
  let peak = 0;
  for (let i = 0; i < pcm.length; i++) peak = Math.max(peak, Math.abs(pcm[i]!));
  const floor = (peak * 0.05) ** 2 * win;

  for (let f = 0; f < frames; f++) {
    const at = f * hop;
    let energy = 0;
    for (let i = 0; i < win; i++) energy += pcm[at + i]! ** 2;
    if (energy < floor) continue; // silence: unvoiced
    d[0] = 0;
    for (let lag = 1; lag <= maxLag; lag++) {
      let sum = 0;
      for (let i = 0; i < win; i++) {
        const diff = pcm[at + i]! - pcm[at + i + lag]!;
        sum += diff * diff;
      }
      d[lag] = sum;
    }
    // Cumulative mean normalisation, then the first dip under the threshold.
    let running = 0;
    let best = -1;
    for (let lag = 1; lag <= maxLag; lag++) {
      running += d[lag]!;
      d[lag] = running > 0 ? (d[lag]! * lag) / running : 1;
    }
    for (let lag = minLag; lag <= maxLag; lag++) {
      if (d[lag]! < threshold) {
        while (lag + 1 <= maxLag && d[lag + 1]! < d[lag]!) lag++;
        best = lag;
        break;
      }
    }
    if (best < 0) continue;
    // Parabolic interpolation around the dip.
    const a = d[best - 1] ?? d[best]!;
    const b = d[best]!;
    const c = d[best + 1] ?? d[best]!;
    const denom = a - 2 * b + c;
    const shift = denom !== 0 ? (0.5 * (a - c)) / denom : 0;
    out[f] = sampleRate / (best + Math.max(-1, Math.min(1, shift)));
  }
  return out;
}

/** Median F0 over voiced frames, or NaN if none is voiced. */
export function medianF0(pcm: Int16Array, sampleRate: number, opts?: F0Options): number {
  const voiced = Array.from(pitchTrack(pcm, sampleRate, opts)).filter((x) => x > 0).sort((a, b) => a - b);
  return voiced.length ? voiced[Math.floor(voiced.length / 2)]! : NaN;
}
