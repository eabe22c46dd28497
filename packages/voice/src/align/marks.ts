import type { TtsEvent } from '../types.js';

/**
 * A `<mark>` times the word after it ("这件<mark name="g:thumbs-up"/>超好看": the thumbs-up goes
 * with 超). Engines report a mark where the text reaches it, which can be the start of the pause
 * before that word; this moves each mark onto the next word's start (when one follows within 1.5 s).
 */
export function marksAtWords(events: readonly TtsEvent[]): TtsEvent[] {
  return events.map((e, i) => {
    if (e.type !== 'mark') return e;
    const next = events.slice(i + 1).find((x) => x.type === 'word');
    return next && next.ms >= e.ms && next.ms - e.ms <= 1500 ? { ...e, ms: next.ms } : e;
  });
}
