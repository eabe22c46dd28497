import { describe, expect, it } from 'vitest';
import { ShowcaseContent } from '@snowstage/protocol';
import raw from '../../../../content/showcase.json';

/** content/showcase.json: valid against the schema, and sound beyond it (what the hall and the quests rely on). */
const content = ShowcaseContent.parse(raw);

const sentences = (zh: string, en: string) => ({ zh: zh.split(/[。！？]/).filter((s) => s.trim()).length, en: en.split(/(?<=[.!?])\s+/).filter((s) => s.trim()).length });

describe('showcase content', () => {
  it('has at least 8 booths with unique ids, 3–6 exhibits each, stories of 3–5 sentences in both languages', () => {
    expect(content.booths.length).toBeGreaterThanOrEqual(8);
    expect(new Set(content.booths.map((b) => b.id)).size).toBe(content.booths.length);
    for (const b of content.booths) {
      expect(new Set(b.exhibits.map((e) => e.id)).size, b.id).toBe(b.exhibits.length);
      const n = sentences(b.story.zh, b.story.en);
      for (const count of [n.zh, n.en]) {
        expect(count, `${b.id} story`).toBeGreaterThanOrEqual(3);
        expect(count, `${b.id} story`).toBeLessThanOrEqual(5);
      }
    }
  });

  it('groups booths in at least 3 categories of at least 2 booths (stamp quests need them)', () => {
    const byCat = new Map<string, number>();
    for (const b of content.booths) byCat.set(b.category, (byCat.get(b.category) ?? 0) + 1);
    expect([...byCat.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every quiz a right answer among its options, in both languages, with varied answer positions', () => {
    for (const b of content.booths) {
      expect(b.quiz.answer, b.id).toBeLessThan(b.quiz.options.length);
      for (const o of b.quiz.options) expect(o.zh && o.en).toBeTruthy();
    }
    expect(new Set(content.booths.map((b) => b.quiz.answer)).size).toBeGreaterThanOrEqual(3);
  });

  it('ships images as small self-contained SVG and primitives with a shape', () => {
    for (const e of content.booths.flatMap((b) => b.exhibits)) {
      if (e.kind === 'image') {
        expect(e.svg, e.id).toMatch(/^<svg [^>]*xmlns='http:\/\/www\.w3\.org\/2000\/svg'/);
        expect(e.svg).not.toMatch(/<script|\son\w+=|href|url\(|<foreignObject|<image/i);
      } else expect(e.shape, e.id).toBeTruthy();
    }
  });

  it('tells the timeline in at least 8 dated milestones, in order', () => {
    const dates = content.timeline.milestones.map((m) => m.date);
    expect(dates.length).toBeGreaterThanOrEqual(8);
    expect([...dates].sort()).toEqual(dates);
  });

  it('has the quests the hall promises, each paying 1–5 tickets and pointing at real booths and categories', () => {
    const booths = new Set(content.booths.map((b) => b.id));
    const cats = new Set(content.booths.map((b) => b.category));
    const kinds = content.quests.map((q) => q.rule.kind);
    expect(kinds).toContain('checkin');
    expect(new Set(content.quests.map((q) => q.id)).size).toBe(content.quests.length);
    const visits = content.quests.flatMap((q) => (q.rule.kind === 'visitBooths' ? [q.rule.count] : []));
    expect(visits).toContain(3);
    expect(visits).toContain(content.booths.length);
    for (const q of content.quests) {
      expect(q.tickets).toBeGreaterThanOrEqual(1);
      expect(q.tickets).toBeLessThanOrEqual(5);
      if (q.rule.kind === 'visitBooths') expect(q.rule.count).toBeLessThanOrEqual(content.booths.length);
      if (q.rule.kind === 'quiz') expect(booths.has(q.rule.boothId)).toBe(true);
      if (q.rule.kind === 'stamps') expect(cats.has(q.rule.category)).toBe(true);
    }
    for (const id of booths) expect(content.quests.some((q) => q.rule.kind === 'quiz' && q.rule.boothId === id), id).toBe(true);
    for (const c of cats) expect(content.quests.some((q) => q.rule.kind === 'stamps' && q.rule.category === c), c).toBe(true);
  });
});
