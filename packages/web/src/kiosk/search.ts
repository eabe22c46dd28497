import { pinyin } from 'pinyin-pro';
import type { Product } from '@snowstage/protocol';

/** Folds text for matching: NFKC, lower case, no spaces or punctuation. */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Full pinyin (no tones, no spaces) and initials of the Chinese in a text: 雪墩墩 → xuedundun, xdd. */
export function pinyinKeys(s: string): string[] {
  const syllables = pinyin(s, { toneType: 'none', type: 'array', nonZh: 'removed' }).filter(Boolean);
  if (syllables.length === 0) return [];
  return [syllables.join(''), syllables.map((x) => x[0]).join('')];
}

export interface SearchIndex {
  find(query: string): Product[];
}

/**
 * Search over the shelf in Chinese, English and pinyin (full or initials, any case and spacing):
 * "雪墩墩", "panda", "xuedundun", "xdd" all find the Xue Dundun plush. Name matches rank first.
 */
export function buildSearch(products: readonly Product[]): SearchIndex {
  const rows = products.map((p) => {
    const names = [p.name.zh, p.name.en, ...p.aliases.zh, ...p.aliases.en];
    const zh = [p.name.zh, ...p.aliases.zh].join(' ');
    return {
      p,
      name: fold(p.name.zh) + ' ' + fold(p.name.en),
      all: [...names, p.category, ...p.tags, p.description.zh, p.description.en].map(fold).join(' '),
      pinyin: [p.name.zh, ...p.aliases.zh].flatMap(pinyinKeys).join(' ') + ' ' + pinyinKeys(zh).join(' '),
    };
  });
  return {
    find(query) {
      const q = fold(query);
      if (!q) return [...products];
      const scored = rows
        .map((r) => ({ r, score: r.name.includes(q) ? 3 : r.pinyin.includes(q) ? 2 : r.all.includes(q) ? 1 : 0 }))
        .filter((x) => x.score > 0);
      return scored.sort((a, b) => b.score - a.score).map((x) => x.r.p);
    },
  };
}
