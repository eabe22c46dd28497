/**
 * Frame features for aligning two recordings of the same words by different voices: 12 mel-cepstral
 * coefficients (with per-utterance mean and variance normalisation, which removes most of the
 * speaker and channel), log energy relative to the utterance's peak (so silences match silences),
 * and the deltas of all of them (so onsets match onsets). Energy stays the last dimension.
 */
export interface Features {
  hopMs: number;
  /** frames × dims, row-major. */
  data: Float32Array;
  frames: number;
  dims: number;
}

const MELS = 26;
const CEPS = 12;
const ENERGY_WEIGHT = 2.5;
/** The energy feature's value 30 dB under the peak. */
export const ENERGY_AT_30_DB = (ENERGY_WEIGHT * -30) / 40;

export function speechFeatures(pcm: Int16Array, sampleRate: number, hopMs = 10): Features {
  const hop = Math.round((sampleRate * hopMs) / 1000);
  const win = Math.round(sampleRate * 0.025);
  let fftSize = 1;
  while (fftSize < win) fftSize <<= 1;
  const frames = Math.max(1, Math.ceil(pcm.length / hop));
  const dims = CEPS + 1;
  const data = new Float32Array(frames * dims);
  const window = Float32Array.from({ length: win }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (win - 1)));
  const bank = melBank(fftSize, sampleRate, MELS, 80, Math.min(7600, sampleRate / 2 - 100));
  const re = new Float64Array(fftSize);
  const im = new Float64Array(fftSize);
  const logE = new Float32Array(frames);
  const mel = new Float64Array(MELS);
  for (let f = 0; f < frames; f++) {
    re.fill(0);
    im.fill(0);
    const start = f * hop - Math.floor(win / 2) + Math.floor(hop / 2);
    let energy = 0;
    for (let i = 0; i < win; i++) {
      const s = (pcm[start + i] ?? 0) / 32768;
      energy += s * s;
      re[i] = s * window[i]!;
    }
    logE[f] = 10 * Math.log10(energy / win + 1e-10);
    fft(re, im);
    for (let m = 0; m < MELS; m++) {
      let sum = 0;
      for (const [k, w] of bank[m]!) sum += w * (re[k]! * re[k]! + im[k]! * im[k]!);
      mel[m] = Math.log(sum + 1e-8);
    }
    for (let c = 1; c <= CEPS; c++) {
      let sum = 0;
      for (let m = 0; m < MELS; m++) sum += mel[m]! * Math.cos((Math.PI * c * (m + 0.5)) / MELS);
      data[f * dims + c - 1] = sum;
    }
  }
  // Cepstral mean/variance normalisation over the voiced frames' statistics.
  let peak = -Infinity;
  for (const e of logE) peak = Math.max(peak, e);
  const voiced = Array.from({ length: frames }, (_, f) => f).filter((f) => logE[f]! > peak - 35);
  for (let c = 0; c < CEPS; c++) {
    let mean = 0;
    for (const f of voiced) mean += data[f * dims + c]!;
    mean /= Math.max(1, voiced.length);
    let v = 0;
    for (const f of voiced) v += (data[f * dims + c]! - mean) ** 2;
    const sd = Math.sqrt(v / Math.max(1, voiced.length)) || 1;
    for (let f = 0; f < frames; f++) data[f * dims + c] = (data[f * dims + c]! - mean) / sd;
  }
  // Energy: 0 at the peak, -1 at 40 dB below it and under (all silences look alike).
  for (let f = 0; f < frames; f++) data[f * dims + CEPS] = (ENERGY_WEIGHT * Math.max(-40, logE[f]! - peak)) / 40;
  return withDeltas({ hopMs: (hop * 1000) / sampleRate, data, frames, dims });
}

function melBank(fftSize: number, sr: number, n: number, lo: number, hi: number): [number, number][][] {
  const toMel = (f: number) => 2595 * Math.log10(1 + f / 700);
  const toHz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const pts = Array.from({ length: n + 2 }, (_, i) => toHz(toMel(lo) + ((toMel(hi) - toMel(lo)) * i) / (n + 1)));
  const bin = (hz: number) => (hz * fftSize) / sr;
  return Array.from({ length: n }, (_, m) => {
    const [a, b, c] = [bin(pts[m]!), bin(pts[m + 1]!), bin(pts[m + 2]!)];
    const out: [number, number][] = [];
    for (let k = Math.floor(a); k <= Math.ceil(c) && k <= fftSize / 2; k++) {
      const w = k < b ? (k - a) / (b - a) : (c - k) / (c - b);
      if (w > 0) out.push([k, w]);
    }
    return out;
  });
}

/** In-place radix-2 complex FFT. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
        const t = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = t;
      }
    }
  }
}

/** Appends first-order deltas (regression over ±2 frames) of every dimension, energy last as before. */
function withDeltas(f: Features): Features {
  const dims = f.dims * 2;
  const data = new Float32Array(f.frames * dims);
  const at = (t: number, k: number) => f.data[Math.min(f.frames - 1, Math.max(0, t)) * f.dims + k]!;
  for (let t = 0; t < f.frames; t++) {
    for (let k = 0; k < f.dims; k++) {
      data[t * dims + f.dims + k] = DELTA_WEIGHT * ((at(t + 1, k) - at(t - 1, k)) + 2 * (at(t + 2, k) - at(t - 2, k))) / 10;
      data[t * dims + k] = at(t, k);
    }
  }
  // Keep energy as the last dimension (soundSpan reads it there): swap it with the last delta.
  for (let t = 0; t < f.frames; t++) {
    const e = data[t * dims + f.dims - 1]!;
    data[t * dims + f.dims - 1] = data[t * dims + dims - 1]!;
    data[t * dims + dims - 1] = e;
  }
  return { ...f, data, dims };
}
const DELTA_WEIGHT = 1;
