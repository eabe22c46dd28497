import type { Faq, FaqEntry, FaqTopic } from '@snowstage/protocol';
import { Bm25 } from '../text/bm25.js';
import { normalize } from '../text/normalize.js';
import { searchTerms, type Tokenizer } from '../text/tokenizer.js';

/** Finds the FAQ entry that answers a comment: keyword hits first, then BM25 over questions and answers. */
export class FaqSearch {
  private readonly bm25: Bm25<FaqEntry>;
  constructor(
    private readonly faq: Faq,
    private readonly tok: Tokenizer,
  ) {
    this.bm25 = new Bm25(
      faq.entries.map((e) => ({
        item: e,
        terms: searchTerms(tok, [e.question.zh, e.question.en, e.question.zh, e.question.en, e.answer.zh, e.answer.en, ...e.keywords.zh, ...e.keywords.en, ...e.keywords.zh, ...e.keywords.en].join(' ')),
      })),
    );
  }

  /** The best entry among `topics` (all when omitted), or null when nothing fits. */
  find(text: string, topics?: readonly FaqTopic[]): FaqEntry | null {
    return this.rank(text, topics)[0] ?? null;
  }

  rank(text: string, topics?: readonly FaqTopic[]): FaqEntry[] {
    const norm = normalize(text);
    const allowed = (e: FaqEntry) => !topics || topics.includes(e.topic);
    const scores = new Map<FaqEntry, number>();
    for (const h of this.bm25.search(searchTerms(this.tok, norm), 20)) if (allowed(h.item)) scores.set(h.item, h.score);
    for (const e of this.faq.entries) {
      if (!allowed(e)) continue;
      const hits = [...e.keywords.zh, ...e.keywords.en].filter((k) => keywordIn(norm, normalize(k)));
      if (hits.length > 0) scores.set(e, (scores.get(e) ?? 0) + 2 + hits.length + Math.max(...hits.map((k) => k.length)) / 8);
    }
    return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([e]) => e);
  }

  /** The entry one of whose keywords the comment contains (longest keyword wins), or null. */
  keywordHit(text: string): FaqEntry | null {
    const norm = normalize(text);
    let best: FaqEntry | null = null;
    let len = 0;
    for (const e of this.faq.entries)
      for (const k of [...e.keywords.zh, ...e.keywords.en])
        if (k.length > len && keywordIn(norm, normalize(k))) {
          best = e;
          len = k.length;
        }
    return best;
  }

  byId(id: string): FaqEntry | undefined {
    return this.faq.entries.find((e) => e.id === id);
  }
}

function keywordIn(norm: string, k: string): boolean {
  if (/[\u3400-\u9fff]/.test(k)) return norm.includes(k);
  return new RegExp(`\\b${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(norm);
}
