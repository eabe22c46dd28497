import { normalize } from './normalize.js';

/** Splits text into search terms. The default is jieba for Chinese plus simple English words (see jieba.ts). */
export interface Tokenizer {
  /** Words of a normalised text, without punctuation or spaces. */
  cut(text: string): string[];
  /** Teaches the tokenizer product names and other words that must stay whole. */
  addWords(words: readonly string[]): void;
}

const EN_STOP = new Set(
  'a an the is are was were be been am i you he she it we they me my your our their this that these those of for to in on at by with and or but do does did can could would should will shall have has had any some what whats which who how pls please plz u r ur im its there here just so very too also not no yes ok okay hi hey'.split(
    ' ',
  ),
);

/** English stemming good enough for product words: plurals only. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && /(xes|ches|shes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Lower-case English words, stemmed, without stop words. */
export function englishTerms(text: string): string[] {
  return (normalize(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [])
    .map((w) => w.replace(/'.*$/, ''))
    .filter((w) => w && !EN_STOP.has(w))
    .map(stem);
}

/** Chinese character bigrams: robust terms that need no dictionary (used beside jieba words). */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Search terms for BM25: jieba words, Chinese bigrams and English stems. */
export function searchTerms(tok: Tokenizer, text: string): string[] {
  const norm = normalize(text);
  const words = tok.cut(norm).filter((w) => /[\u3400-\u9fff]/.test(w) && w.length > 1);
  return [...words, ...cjkBigrams(norm), ...englishTerms(norm)];
}
