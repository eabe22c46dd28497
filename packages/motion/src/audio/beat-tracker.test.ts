import { describe, expect, it } from 'vitest';
import { trackBeats } from './beat-tracker.js';
import { generateClickTrack } from './synth.js';
import { generateThemeSong } from './theme-song.js';

/** Distance from each found beat to the nearest true beat, ms. */
const beatErrors = (found: number[], truth: number[]) =>
  found.map((b) => Math.min(...truth.map((t) => Math.abs(t - b))));

describe('trackBeats on click tracks', () => {
  for (const bpm of [90, 120, 128, 150]) {
    it(`finds ${bpm} BPM within 2 % and every beat within 30 ms`, () => {
      const click = generateClickTrack({ bpm, durationS: 16, offsetMs: 230, noise: 0.01, seed: bpm });
      const r = trackBeats(click.pcm, click.sampleRate);
      expect(Math.abs(r.bpm - bpm) / bpm).toBeLessThan(0.02);
      expect(r.beatsMs.length).toBeGreaterThanOrEqual(click.beatsMs.length - 1);
      expect(r.beatsMs.length).toBeLessThanOrEqual(click.beatsMs.length);
      expect(Math.max(...beatErrors(r.beatsMs, click.beatsMs))).toBeLessThan(30);
      expect(r.energy).toHaveLength(r.beatsMs.length);
    });
  }

  it('works at 44.1 kHz as well as 22.05 kHz', () => {
    const click = generateClickTrack({ bpm: 110, durationS: 12, sampleRate: 44100 });
    const r = trackBeats(click.pcm, click.sampleRate);
    expect(Math.abs(r.bpm - 110) / 110).toBeLessThan(0.02);
    expect(Math.max(...beatErrors(r.beatsMs, click.beatsMs))).toBeLessThan(30);
  });

  it('reports nothing for silence', () => {
    expect(trackBeats(new Float32Array(22050 * 3), 22050)).toEqual({ bpm: 0, beatsMs: [], energy: [] });
    expect(trackBeats(new Float32Array(10), 22050)).toEqual({ bpm: 0, beatsMs: [], energy: [] });
  });
});

describe('trackBeats on the generated theme song', () => {
  const song = generateThemeSong({ bars: 32, sampleRate: 22050 });
  const r = trackBeats(song.pcm, song.sampleRate);
  const period = 60_000 / song.bpm;

  it('finds its known tempo within 2 % and the beats within 30 ms of the kick grid', () => {
    expect(song.bpm).toBe(128);
    expect(Math.abs(r.bpm - song.bpm) / song.bpm).toBeLessThan(0.02);
    expect(r.beatsMs.length).toBeGreaterThanOrEqual(127);
    const grid = Array.from({ length: 128 }, (_, i) => i * period);
    expect(Math.max(...beatErrors(r.beatsMs, grid))).toBeLessThan(30);
  });

  it('measures the breakdown as quieter than the chorus', () => {
    const at = (bar: number) => r.energy[Math.round((bar * 4 * period) / period)]!;
    expect(at(14)).toBeGreaterThan(0.8); // chorus
    expect(at(21)).toBeLessThan(at(14) - 0.2); // breakdown without kick
  });

  it('finds another tempo of the same song generator too', () => {
    const slow = generateThemeSong({ bpm: 100, bars: 16, sampleRate: 22050, seed: 9 });
    const t = trackBeats(slow.pcm, slow.sampleRate);
    expect(Math.abs(t.bpm - 100) / 100).toBeLessThan(0.02);
  });
});
