import { describe, expect, it } from 'vitest';
import type { Booth, Quest } from '@snowstage/protocol';
import { chinaDay, newCompletions, type FanFacts } from './quests.js';

const booth = (id: string, category: string) => ({ id, category }) as Booth;
const booths = [booth('a', 'sport'), booth('b', 'sport'), booth('c', 'food')];
const q = (id: string, rule: Quest['rule'], tickets = 1) => ({ id, title: { zh: id, en: id }, description: { zh: id, en: id }, tickets, rule }) as Quest;
const quests = [
  q('visit-2', { kind: 'visitBooths', count: 2 }, 2),
  q('quiz-a', { kind: 'quiz', boothId: 'a' }),
  q('sport-stamps', { kind: 'stamps', category: 'sport' }, 3),
  q('daily', { kind: 'checkin' }),
];
const facts = (visited: string[], quizzes: [string, boolean][] = [], paid: string[] = []): FanFacts => ({ visited: new Set(visited), quizzes: new Map(quizzes), paid: new Set(paid) });
const noon = Date.UTC(2026, 10, 27, 4, 0, 0); // 12:00 in Beijing

describe('quests', () => {
  it('completes from recorded visits and graded answers only', () => {
    expect(newCompletions(quests, booths, facts(['a']), noon)).toEqual([]);
    expect(newCompletions(quests, booths, facts(['a', 'c'], [['a', false]]), noon).map((c) => c.questId)).toEqual(['visit-2']);
    expect(newCompletions(quests, booths, facts(['a', 'b'], [['a', true]]), noon).map((c) => c.questId)).toEqual(['visit-2', 'quiz-a', 'sport-stamps']);
  });
  it('pays a quest once, and a check-in once per Beijing day', () => {
    const paid = ['visit-2@once', 'quiz-a@once', 'sport-stamps@once'];
    expect(newCompletions(quests, booths, facts(['a', 'b'], [['a', true]], paid), noon)).toEqual([]);
    expect(newCompletions(quests, booths, facts([], [], []), noon, true)).toEqual([{ questId: 'daily', period: '2026-11-27', tickets: 1 }]);
    expect(newCompletions(quests, booths, facts([], [], ['daily@2026-11-27']), noon, true)).toEqual([]);
    // 23:30 UTC on the 27th is already the 28th in Beijing.
    expect(chinaDay(Date.UTC(2026, 10, 27, 23, 30))).toBe('2026-11-28');
  });
});
