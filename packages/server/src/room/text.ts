const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length as a person counts it: one for 墩, one for 👍🏽, one for é. */
export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** Trims, folds runs of white space, and removes control characters (but keeps emoji and CJK). */
export function cleanChatText(text: string): string {
  return text.replace(/[\p{Cc}\u200b-\u200f\u2028-\u202e\u2060-\u206f]/gu, ' ').replace(/\s+/g, ' ').trim();
}
