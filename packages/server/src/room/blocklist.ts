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
  return new EditableBlocklist(list);
}

/**
 * A blocklist moderators can edit while the show runs: `replace` swaps the words at once for
 * every room that holds this matcher.
 */
export class EditableBlocklist implements BlocklistMatcher {
  private words: { word: string; folded: string }[] = [];
  private current: Blocklist = { zh: [], en: [] };

  constructor(list: Blocklist) {
    this.replace(list);
  }

  get list(): Blocklist {
    return this.current;
  }

  replace(list: Blocklist): void {
    const clean = (ws: readonly string[]) => [...new Set(ws.map((w) => w.trim()).filter((w) => foldForMatching(w).length > 0))];
    this.current = { zh: clean(list.zh), en: clean(list.en) };
    this.words = [...this.current.zh, ...this.current.en].map((w) => ({ word: w, folded: foldForMatching(w) }));
  }

  find(text: string): string | null {
    const folded = foldForMatching(text);
    for (const w of this.words) if (folded.includes(w.folded)) return w.word;
    return null;
  }
}
