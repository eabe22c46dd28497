import { describe, expect, it } from 'vitest';
import { knowledge } from '../testing/fixtures.js';
import { planEpisode, revealLines } from './episode.js';

describe('talk-show episodes', () => {
  it('has an intro, 3–5 facts, a quiz with its reveal, and an outro, with no fact twice', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const ep = planEpisode(knowledge.funFacts, { lang: seed % 2 ? 'zh' : 'en', seed, factCount: 3 + (seed % 3) });
      const kinds = ep.steps.map((s) => s.kind);
      expect(kinds[0]).toBe('intro');
      expect(kinds.at(-1)).toBe('outro');
      expect(kinds.slice(-3, -1)).toEqual(['quiz', 'reveal']);
      const facts = kinds.filter((k) => k === 'fact').length + 1;
      expect(facts).toBeGreaterThanOrEqual(3);
      expect(facts).toBeLessThanOrEqual(5);
      expect(new Set(ep.factIds).size).toBe(ep.factIds.length);
    }
  });

  it('replays the same show for the same seed and avoids facts already told', () => {
    const a = planEpisode(knowledge.funFacts, { lang: 'zh', seed: 7 });
    expect(planEpisode(knowledge.funFacts, { lang: 'zh', seed: 7 })).toEqual(a);
    const b = planEpisode(knowledge.funFacts, { lang: 'zh', seed: 8, exclude: new Set(a.factIds) });
    expect(b.factIds.some((id) => a.factIds.includes(id))).toBe(false);
  });

  it('names the winners when revealing the answer', () => {
    const ep = planEpisode(knowledge.funFacts, { lang: 'zh', seed: 2 });
    const reveal = ep.steps.find((s) => s.kind === 'reveal')!;
    if (reveal.kind !== 'reveal') throw new Error('no reveal');
    expect(revealLines(reveal, ['小雪', 'Leo'], 'zh')[1]!.text).toContain('小雪、Leo');
    expect(revealLines(reveal, [], 'en')[1]!.text).toMatch(/nobody/);
  });
});
