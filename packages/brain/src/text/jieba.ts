import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Tokenizer } from './tokenizer.js';

let shared: Jieba | null = null;

/**
 * The default tokenizer: jieba with its bundled dictionary (loaded once per process, ~0.6 s), plus any
 * words added (product names, aliases). Use when: building a brain in Node. Returns a Tokenizer.
 */
export function jiebaTokenizer(): Tokenizer {
  shared ??= Jieba.withDict(dict);
  const jieba = shared;
  const added = new Set<string>();
  return {
    cut: (text) => jieba.cut(text, true).filter((w) => w.trim() !== '' && !/^[\p{P}\p{S}]+$/u.test(w)),
    addWords(words) {
      const fresh = words.filter((w) => w.length > 1 && !added.has(w) && !/\s/.test(w));
      if (fresh.length === 0) return;
      for (const w of fresh) added.add(w);
      jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 200000 n`).join('\n') + '\n'));
    },
  };
}
