import type { VisemeCue } from '@snowstage/protocol';
import { describe, expect, it } from 'vitest';
import { LoudnessMouth, VISEME_CROSSFADE_MS, vrmMouthWeights } from './lipsync.js';

const cues: VisemeCue[] = [
  { v: 'sil', startMs: 0, endMs: 200, weight: 1 },
  { v: 'aa', startMs: 200, endMs: 400, weight: 1 },
  { v: 'oh', startMs: 400, endMs: 600, weight: 0.8 },
  { v: 'PP', startMs: 600, endMs: 700, weight: 1 },
  { v: 'E', startMs: 700, endMs: 900, weight: 1 },
  // a silence gap from 900 to 1400
  { v: 'ou', startMs: 1400, endMs: 1600, weight: 1 },
];

describe('vrmMouthWeights', () => {
  it('keeps the mouth closed before the first cue, in sil, in gaps and after the last cue', () => {
    expect(vrmMouthWeights(cues, -100)).toEqual({});
    expect(vrmMouthWeights(cues, 100)).toEqual({});
    expect(vrmMouthWeights(cues, 1150)).toEqual({});
    expect(vrmMouthWeights(cues, 1700)).toEqual({});
    expect(vrmMouthWeights([], 100)).toEqual({});
  });

  it('shows the mapped VRM shape fully inside a cue, scaled by its weight', () => {
    expect(vrmMouthWeights(cues, 300)).toEqual({ aa: 1 });
    expect(vrmMouthWeights(cues, 500)).toEqual({ oh: 0.8 });
    const e = vrmMouthWeights(cues, 800);
    expect(e.ee).toBeCloseTo(0.75, 9);
    expect(e.ih).toBeCloseTo(0.2, 9);
    expect(vrmMouthWeights(cues, 1500)).toEqual({ ou: 1 });
  });

  it('crossfades over 60 ms centred on each boundary', () => {
    expect(VISEME_CROSSFADE_MS).toBe(60);
    const mid = vrmMouthWeights(cues, 400);
    expect(mid.aa).toBeCloseTo(0.5, 9);
    expect(mid.oh).toBeCloseTo(0.4, 9);
    const early = vrmMouthWeights(cues, 385);
    expect(early.aa).toBeCloseTo(0.75, 9);
    expect(early.oh).toBeCloseTo(0.25 * 0.8, 9);
    expect(vrmMouthWeights(cues, 170)).toEqual({}); // before aa's fade-in starts
    expect(vrmMouthWeights(cues, 185).aa).toBeCloseTo(0.25, 9);
    expect(vrmMouthWeights(cues, 915).ee).toBeCloseTo(0.75 * 0.25, 9); // fading out into the silence
    expect(vrmMouthWeights(cues, 935)).toEqual({});
  });

  it('closes the lips on PP between open vowels', () => {
    expect(vrmMouthWeights(cues, 650)).toEqual({});
  });
});

describe('LoudnessMouth', () => {
  it('opens with the level quickly, closes more slowly, and stays shut in silence', () => {
    const m = new LoudnessMouth();
    expect(m.step(0, 16)).toEqual({});
    let w = {};
    for (let i = 0; i < 6; i++) w = m.step(0.8, 16);
    expect((w as { aa: number }).aa).toBeGreaterThan(0.6);
    const open = (w as { aa: number }).aa;
    const after = m.step(0, 16) as { aa: number };
    expect(after.aa).toBeLessThan(open);
    expect(after.aa).toBeGreaterThan(open * 0.7);
    for (let i = 0; i < 60; i++) w = m.step(0, 16);
    expect(w).toEqual({});
  });
});
