import { Rng } from '../math/rng.js';

/**
 * Tiny synthesiser voices writing into a Float32 buffer. Everything is computed, nothing is loaded,
 * so the demo song exists wherever the code runs and is identical for a given seed.
 */
export class Mixer {
  readonly out: Float32Array;
  /** Rendered one-shots (a drum hit, a note of a given pitch and length), mixed in by copying. */
  private readonly cache = new Map<string, Float32Array>();
  constructor(readonly sampleRate: number, durationS: number, readonly rng: Rng) {
    this.out = new Float32Array(Math.ceil(durationS * sampleRate));
  }

  /** Renders `fn` once per `key` (like a sampler) and adds the recording at `atS`. */
  private addCached(key: string, atS: number, lengthS: number, gain: number, fn: (t: number) => number): void {
    let clip = this.cache.get(key);
    if (!clip) {
      clip = new Float32Array(Math.round(lengthS * this.sampleRate));
      for (let i = 0; i < clip.length; i++) clip[i] = fn(i / this.sampleRate);
      this.cache.set(key, clip);
    }
    const start = Math.round(atS * this.sampleRate);
    const out = this.out;
    const n = Math.min(clip.length, out.length - start);
    for (let i = Math.max(0, -start); i < n; i++) out[start + i] = out[start + i]! + gain * clip[i]!;
  }

  /** Adds `fn(t)` (t in seconds from `atS`) for `lengthS` seconds. */
  add(atS: number, lengthS: number, gain: number, fn: (t: number) => number): void {
    const start = Math.round(atS * this.sampleRate);
    const n = Math.round(lengthS * this.sampleRate);
    const out = this.out;
    for (let i = 0; i < n; i++) {
      const k = start + i;
      if (k >= out.length) break;
      if (k < 0) continue;
      out[k] = out[k]! + gain * fn(i / this.sampleRate);
    }
  }

  /** Kick drum: a sine sweeping from 150 Hz down to 48 Hz with a click at the front. */
  kick(atS: number, gain: number): void {
    let phase = 0;
    const dt = 1 / this.sampleRate;
    this.addCached('kick', atS, 0.35, gain, (t) => {
      const f = 48 + 110 * Math.exp(-t / 0.035);
      phase += 2 * Math.PI * f * dt;
      const click = t < 0.004 ? (1 - t / 0.004) * 0.6 : 0;
      return Math.sin(phase) * Math.exp(-t / 0.16) + click;
    });
  }

  /** Snare: a burst of high-passed noise over a short 185 Hz tone. */
  snare(atS: number, gain: number): void {
    let prevIn = 0;
    let prevOut = 0;
    this.addCached('snare', atS, 0.25, gain, (t) => {
      const n = this.rng.next() * 2 - 1;
      prevOut = 0.75 * (prevOut + n - prevIn);
      prevIn = n;
      return prevOut * Math.exp(-t / 0.07) + 0.5 * Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t / 0.05);
    });
  }

  /** Hi-hat: very short high-passed noise (longer when open). */
  hat(atS: number, gain: number, open = false): void {
    let prevIn = 0;
    let prevOut = 0;
    const decay = open ? 0.11 : 0.022;
    this.addCached(open ? 'open-hat' : 'hat', atS, decay * 4, gain, (t) => {
      const n = this.rng.next() * 2 - 1;
      prevOut = 0.45 * (prevOut + n - prevIn);
      prevIn = n;
      return prevOut * Math.exp(-t / decay);
    });
  }

  /** A plucked bass note: a low-passed saw with a quick decay. */
  bass(atS: number, lengthS: number, freq: number, gain: number): void {
    let lp = 0;
    this.addCached(`bass ${freq} ${lengthS}`, atS, lengthS, gain, (t) => {
      const saw = 2 * ((freq * t) % 1) - 1;
      lp += 0.12 * (saw - lp);
      const env = Math.min(1, t / 0.005) * (0.55 + 0.45 * Math.exp(-t / 0.08)) * Math.min(1, (lengthS - t) / 0.02);
      return lp * env;
    });
  }

  /** A lead note: square and triangle mixed, a touch of vibrato. */
  lead(atS: number, lengthS: number, freq: number, gain: number): void {
    this.addCached(`lead ${freq} ${lengthS}`, atS, lengthS, gain, (t) => {
      const f = freq * (1 + 0.004 * Math.sin(2 * Math.PI * 5.5 * t) * Math.min(1, t / 0.15));
      const ph = (f * t) % 1;
      const square = ph < 0.5 ? 1 : -1;
      const tri = 4 * Math.abs(ph - 0.5) - 1;
      const env = Math.min(1, t / 0.01) * (0.6 + 0.4 * Math.exp(-t / 0.12)) * Math.min(1, (lengthS - t) / 0.03);
      return (0.35 * square + 0.65 * tri) * env;
    });
  }

  /** A soft chord pad: detuned sines with a slow attack. */
  pad(atS: number, lengthS: number, freqs: readonly number[], gain: number): void {
    this.addCached(`pad ${freqs.join()} ${lengthS}`, atS, lengthS, gain / freqs.length, (t) => {
      let s = 0;
      for (const f of freqs) s += Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(2 * Math.PI * f * 1.006 * t);
      return s * Math.min(1, t / 0.25) * Math.min(1, (lengthS - t) / 0.2);
    });
  }

  /** Soft-clips and scales the mix so its peak is `peak`, with a short fade at the end. */
  master(peak = 0.89, fadeS = 0.25): Float32Array {
    const out = this.out;
    let max = 1e-9;
    for (let i = 0; i < out.length; i++) {
      out[i] = Math.tanh(out[i]!);
      max = Math.max(max, Math.abs(out[i]!));
    }
    const fade = Math.round(fadeS * this.sampleRate);
    for (let i = 0; i < out.length; i++) {
      const tail = out.length - i;
      out[i] = (out[i]! / max) * peak * (tail < fade ? tail / fade : 1);
    }
    return out;
  }
}

/** Frequency of a MIDI note number. */
export const midiHz = (note: number): number => 440 * 2 ** ((note - 69) / 12);

export interface ClickTrackOptions {
  bpm: number;
  durationS: number;
  sampleRate?: number;
  /** Time of the first click, ms. @default 0 */
  offsetMs?: number;
  /** Adds quiet noise under the clicks (signal-to-noise about 30 dB). @default 0 */
  noise?: number;
  seed?: number;
}

/**
 * A metronome: a 10 ms 1.5 kHz blip on every beat, accented on every fourth.
 * Use when: testing and calibrating the beat tracker against exactly known beats.
 */
export function generateClickTrack(o: ClickTrackOptions): { pcm: Float32Array; sampleRate: number; beatsMs: number[] } {
  const sampleRate = o.sampleRate ?? 22050;
  const mixer = new Mixer(sampleRate, o.durationS, new Rng(o.seed ?? 1));
  const beatsMs: number[] = [];
  const period = 60_000 / o.bpm;
  for (let k = 0, t = o.offsetMs ?? 0; t < o.durationS * 1000 - 20; k++, t = (o.offsetMs ?? 0) + k * period) {
    beatsMs.push(t);
    const f = k % 4 === 0 ? 2000 : 1500;
    mixer.add(t / 1000, 0.03, k % 4 === 0 ? 0.9 : 0.6, (s) => Math.sin(2 * Math.PI * f * s) * Math.exp(-s / 0.008));
  }
  if (o.noise) mixer.add(0, o.durationS, o.noise, () => mixer.rng.next() * 2 - 1);
  return { pcm: mixer.out, sampleRate, beatsMs };
}
