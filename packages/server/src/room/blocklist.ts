import type { Blocklist } from '@snowstage/protocol';

const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/gu;

/**
 * Folds text so that disguises don't slip past the blocklist: NFKC (full-width → ASCII),
 * lower case, and no spaces, punctuation, symbols or zero-width characters ("F.R.E.E  m o n e y").
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '').replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Folds text but keeps its word boundaries, for words in Latin script: punctuation inside words goes
 * ("f.u.c.k"), runs of three or more spaced single letters join up ("m o n e y"), spaces collapse.
 */
export function foldWords(text: string): string {
  return foldSpaced(text).text;
}

const SPACED_RUN = /(^|\s)((?:\p{L}\s){2,}\p{L})(?=\s|$)/gu;

/** `foldWords`, plus the spaced-letter runs it joined (a blocked word may start anywhere in one: "a s h i t"). */
function foldSpaced(text: string): { text: string; runs: string[] } {
  const t = text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '').replace(/[\p{P}\p{S}]/gu, '').replace(/\s+/gu, ' ').trim();
  const runs: string[] = [];
  const joined = t.replace(SPACED_RUN, (_m, pre: string, run: string) => {
    runs.push(run.replace(/\s/gu, ''));
    return pre + runs[runs.length - 1];
  });
  return { text: joined, runs };
}

/** Splits Chinese text into words (jieba in the server); a blocked word must be whole words there. */
export type Segmenter = (text: string) => readonly string[];

export interface BlocklistMatcher {
  /** The first blocked word found in `text`, or null when the text is clean. */
  find(text: string): string | null;
}

/** Builds a matcher over both languages' words (see `EditableBlocklist`). */
export function createBlocklist(list: Blocklist, segmenter?: () => Segmenter): BlocklistMatcher {
  return new EditableBlocklist(list, segmenter);
}

interface Entry {
  word: string;
  /** Latin-script words match at the start of a word, so "wash it" is not "shit" and Scunthorpe passes. */
  latin: boolean;
  folded: string;
  /** Latin phrases also match written together ("freemoney"). */
  joined: string;
}

const LATIN = /^[\p{Script=Latin}\p{N} ]+$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A blocklist moderators can edit while the show runs: `replace` swaps the words at once for
 * every room that holds this matcher.
 *
 * Matching avoids the classic false positives of plain substring search without letting disguises
 * through: Latin words match at a word start on `foldWords` text (suffixes allowed: "fucking");
 * Chinese words match on `foldForMatching` text and, when a segmenter is given, only where they are
 * whole words of the segmented text — "外套现在" (the jacket, now) does not contain "套现" (cash-out
 * fraud), while "信用卡套现" does. The segmenter is loaded on the first candidate match only.
 */
export class EditableBlocklist implements BlocklistMatcher {
  private words: Entry[] = [];
  private current: Blocklist = { zh: [], en: [] };
  private segment: Segmenter | null = null;

  constructor(
    list: Blocklist,
    private readonly segmenter?: () => Segmenter,
  ) {
    this.replace(list);
  }

  get list(): Blocklist {
    return this.current;
  }

  replace(list: Blocklist): void {
    const clean = (ws: readonly string[]) => [...new Set(ws.map((w) => w.trim()).filter((w) => foldForMatching(w).length > 0))];
    this.current = { zh: clean(list.zh), en: clean(list.en) };
    this.words = [...this.current.zh, ...this.current.en].map((word) => {
      const words = foldWords(word);
      const latin = LATIN.test(words);
      return { word, latin, folded: latin ? words : foldForMatching(word), joined: words.replace(/ /g, '') };
    });
  }

  find(text: string): string | null {
    let words: { text: string; runs: string[] } | null = null;
    let folded: string | null = null;
    for (const w of this.words) {
      if (w.latin) {
        words ??= foldSpaced(text);
        if (atWordStart(words.text, w.folded) || (w.joined !== w.folded && atWordStart(words.text, w.joined)) || words.runs.some((r) => r.includes(w.joined))) return w.word;
      } else {
        folded ??= foldForMatching(text);
        if (folded.includes(w.folded) && this.wholeWords(folded, w.folded)) return w.word;
      }
    }
    return null;
  }

  /**
   * False when every occurrence of `word` in `text` is only the tail of one longer word and the head of
   * the next ("外套|现在"), or inside one longer word — the segmentation says it is not there.
   * Segmenters misread spam ("快来|加微|信领"), so anything less clear-cut counts as a match.
   * Always true without a segmenter.
   */
  private wholeWords(text: string, word: string): boolean {
    if (!this.segmenter) return true;
    this.segment ??= this.segmenter();
    const spans: [number, number][] = [];
    let at = 0;
    for (const t of this.segment(text)) spans.push([at, (at += t.length)]);
    // The segmenter dropped something: fall back to the strict reading and block.
    if (at !== text.length) return true;
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      const end = i + word.length;
      const inside = spans.some(([s, e]) => s <= i && e >= end && e - s > word.length);
      const straddled = spans.some(([s, e]) => s < i && e > i && e < end) && spans.some(([s, e]) => s > i && s < end && e > end);
      if (!inside && !straddled) return true;
    }
    return false;
  }
}

function atWordStart(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) if (i === 0 || !WORD_CHAR.test(text[i - 1]!)) return true;
  return false;
}
