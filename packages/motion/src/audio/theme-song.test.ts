import { describe, expect, it } from 'vitest';
import { generateThemeSong } from './theme-song.js';

describe('generateThemeSong', () => {
  const a = generateThemeSong({ bars: 8, sampleRate: 16000, seed: 5 });

  it('lasts exactly bars × 4 beats at its tempo (128 BPM by default)', () => {
    expect(a.bpm).toBe(128);
    expect(a.durationMs).toBeCloseTo((8 * 4 * 60_000) / 128, 3);
    expect(a.pcm.length).toBe(Math.ceil((a.durationMs / 1000) * 16000));
    expect(generateThemeSong({ bars: 2, bpm: 90, sampleRate: 8000 }).durationMs).toBeCloseTo((2 * 4 * 60_000) / 90, 3);
  });

  it('is the same for the same seed and different for another', () => {
    const again = generateThemeSong({ bars: 8, sampleRate: 16000, seed: 5 });
    const other = generateThemeSong({ bars: 8, sampleRate: 16000, seed: 6 });
    let mismatches = 0;
    for (let i = 0; i < a.pcm.length; i++) if (again.pcm[i] !== a.pcm[i]) mismatches++;
    expect(again.pcm.length).toBe(a.pcm.length);
    expect(mismatches).toBe(0);
    let diff = 0;
    for (let i = 0; i < a.pcm.length; i++) diff += Math.abs(a.pcm[i]! - other.pcm[i]!);
    expect(diff / a.pcm.length).toBeGreaterThan(0.001);
  });

  it('is a normalised, non-clipping signal with a kick on every beat', () => {
    let peak = 0;
    for (const x of a.pcm) peak = Math.max(peak, Math.abs(x));
    expect(peak).toBeGreaterThan(0.85);
    expect(peak).toBeLessThanOrEqual(0.9);
    // Energy in the first 30 ms after each beat beats the 30 ms just before it.
    const beat = 60 / a.bpm;
    const rms = (fromS: number) => {
      let s = 0;
      const i0 = Math.round(fromS * 16000);
      for (let i = i0; i < i0 + 480; i++) s += (a.pcm[i] ?? 0) ** 2;
      return Math.sqrt(s / 480);
    };
    for (let b = 1; b < 8 * 4 - 1; b++) expect(rms(b * beat)).toBeGreaterThan(rms(b * beat - 0.03));
  });
});
