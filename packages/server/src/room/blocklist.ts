import type { Blocklist } from '@snowstage/protocol';

/**
 * Folds text so that disguises don't slip past the blocklist: NFKC (full-width → ASCII),
 * lower case, and no spaces, punctuation, symbols or zero-width characters ("F.R.E.E  m o n e y").
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}\u200b-\u200f\u2060\ufeff]/gu, '');
}

export interface BlocklistMatcher {
  /** The first blocked word found in `text`, or null when the text is clean. */
  find(text: string): string | null;
}

/** Builds a matcher over both languages' words. Substring match on folded text. */
export function createBlocklist(list: Blocklist): BlocklistMatcher {
  const words = [...list.zh, ...list.en].map((w) => ({ word: w, folded: foldForMatching(w) })).filter((w) => w.folded.length > 0);
  return {
    find(text) {
      const folded = foldForMatching(text);
      for (const w of words) if (folded.includes(w.folded)) return w.word;
      return null;
    },
  };
}
