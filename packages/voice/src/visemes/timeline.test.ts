import { describe, expect, it } from 'vitest';
import type { VisemeCue } from '@snowstage/protocol';
import { buildVisemeTimeline } from './timeline.js';
import type { TtsEvent } from '../types.js';
import type { Envelope } from '../audio/envelope.js';

const ph = (ms: number, ipa: string, lang: 'zh' | 'en' = 'en'): TtsEvent => ({ type: 'phoneme', ms, ipa, lang });

function expectContiguous(cues: VisemeCue[], duration: number) {
  expect(cues[0]!.startMs).toBe(0);
  expect(cues.at(-1)!.endMs).toBe(duration);
  for (let i = 1; i < cues.length; i++) expect(cues[i]!.startMs).toBe(cues[i - 1]!.endMs);
}

describe('viseme timeline', () => {
  it('covers the audio, starts shapes 40 ms early and closes with sil', () => {
    // "map" at 100 ms: m a p, then a pause.
    const cues = buildVisemeTimeline([ph(100, 'm'), ph(180, 'ˈæ'), ph(300, 'p'), ph(360, '')], 500);
    expectContiguous(cues, 500);
    expect(cues.map((c) => c.v)).toEqual(['sil', 'PP', 'aa', 'PP', 'sil']);
    expect(cues[1]!.startMs).toBe(60);
    expect(cues[2]!.startMs).toBe(140);
  });

  it('splits a diphthong over its phoneme time', () => {
    const cues = buildVisemeTimeline([ph(0, 'ˈaɪ'), ph(200, '')], 300, undefined, { leadMs: 0 });
    expect(cues.slice(0, 2)).toEqual([
      { v: 'aa', startMs: 0, endMs: 120, weight: 1 },
      { v: 'ih', startMs: 120, endMs: 200, weight: 0.85 },
    ]);
  });

  it('gives h the shape of the vowel after it, weaker', () => {
    const cues = buildVisemeTimeline([ph(0, 'h'), ph(50, 'ˈoʊ'), ph(200, '')], 250, undefined, { leadMs: 0 });
    // h (50 ms at half weight) merges into the following oh (90 ms at full weight).
    expect(cues[0]).toMatchObject({ v: 'oh', startMs: 0, endMs: 140 });
    expect(cues[0]!.weight).toBeCloseTo((0.5 * 50 + 90) / 140, 2);
  });

  it('scales open shapes by loudness and keeps closures at full weight', () => {
    // Loud first half, quiet second half.
    const rms = Float32Array.from({ length: 100 }, (_, i) => (i < 50 ? 0.3 : 0.03));
    const env: Envelope = { hopMs: 5, rms, reference: 0.3 };
    const cues = buildVisemeTimeline([ph(0, 'ˈɑ'), ph(100, 'm'), ph(260, 'ˈɑ'), ph(400, 'm'), ph(450, '')], 500, env, { leadMs: 0 });
    const vowels = cues.filter((c) => c.v === 'aa');
    expect(vowels[0]!.weight).toBeGreaterThan(vowels[1]!.weight + 0.3);
    expect(cues.filter((c) => c.v === 'PP').every((c) => c.weight === 1)).toBe(true);
  });

  it('absorbs slivers but keeps short lip closures', () => {
    const cues = buildVisemeTimeline([ph(0, 'ˈɑ'), ph(100, 't'), ph(105, 'ˈɑ'), ph(200, 'p'), ph(208, 'ˈɑ'), ph(300, '')], 400, undefined, { leadMs: 0 });
    expect(cues.map((c) => c.v)).toEqual(['aa', 'PP', 'aa', 'sil']);
  });

  it('returns nothing for an empty utterance and sil for one without phonemes', () => {
    expect(buildVisemeTimeline([], 0)).toEqual([]);
    expect(buildVisemeTimeline([], 300)).toEqual([{ v: 'sil', startMs: 0, endMs: 300, weight: 1 }]);
  });
});
