import { describe, expect, it } from 'vitest';
import { medianF0, pitchTrack } from './f0.js';

/** A buzzy vowel-like tone: harmonics with falling amplitude, like a glottal source. */
function voiced(hz: number, ms: number, sr = 22050): Int16Array {
  const n = Math.round((sr * ms) / 1000);
  return Int16Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let h = 1; h <= 8; h++) s += Math.sin((2 * Math.PI * hz * h * i) / sr) / h;
    return Math.round(s * 8000);
  });
}

describe('YIN pitch estimator', () => {
  it.each([90, 150, 220, 310])('finds %i Hz within 2%', (hz) => {
    expect(Math.abs(medianF0(voiced(hz, 400), 22050) - hz) / hz).toBeLessThan(0.02);
  });

  it('reports silence and noise as unvoiced', () => {
    const silence = new Int16Array(22050 / 2);
    expect(Number.isNaN(medianF0(silence, 22050))).toBe(true);
    let seed = 1;
    const noise = Int16Array.from({ length: 11025 }, () => ((seed = (seed * 16807) % 2147483647) % 20000) - 10000);
    const track = pitchTrack(noise, 22050);
    expect(Array.from(track).filter((x) => x > 0).length / track.length).toBeLessThan(0.2);
  });

  it('follows a pitch step', () => {
    const a = voiced(120, 300);
    const b = voiced(240, 300);
    const both = new Int16Array(a.length + b.length);
    both.set(a);
    both.set(b, a.length);
    const t = Array.from(pitchTrack(both, 22050)).filter((x) => x > 0);
    expect(t[2]!).toBeCloseTo(120, -1);
    expect(t[t.length - 2]!).toBeCloseTo(240, -1);
  });
});
