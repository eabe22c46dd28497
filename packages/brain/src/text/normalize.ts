import type { Lang } from '@snowstage/protocol';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/**
 * Canonical form for matching: NFKC (full-width → half-width), lower case, "t-shirt"/"t shirt" → "tshirt",
 * runs of whitespace collapsed. Chinese is left as is.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\bt[\s-]?shirts?\b/g, 'tshirt')
    .replace(/\bplushies\b|\bplushie\b/g, 'plush')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Latin words that are units, sizes or model names, which do not make a Chinese comment English. */
const NEUTRAL_WORDS = new Set(['cm', 'kg', 'ml', 'mm', 'xl', 'xxl', 'xs', 'pro', 'iphone', 'mate', 'usb', 'ai', 'ok', 'yyds', 'vs', 'tshirt']);

/**
 * The language of a comment: 'zh' or 'en' when the text is in one language, null when it mixes both
 * about equally (then the viewer's UI language decides).
 */
export function detectLang(text: string): Lang | null {
  const cjk = (text.match(CJK) ?? []).length;
  const words = (normalize(text).match(/[a-z]{2,}/g) ?? []).filter((w) => !NEUTRAL_WORDS.has(w));
  if (cjk === 0) return words.length > 0 ? 'en' : null;
  if (words.length === 0) return 'zh';
  if (cjk >= words.length * 3) return 'zh';
  if (words.length >= cjk * 2) return 'en';
  return null;
}

export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** Makes text safe for the voice's SSML and for speaking: no `<`, `>` or `&`, no emoji, no markdown marks. */
export function speakable(text: string, lang: Lang): string {
  return text
    .replace(/&/g, lang === 'zh' ? '和' : 'and')
    .replace(/[<>]/g, ' ')
    .replace(/[*#_`~]+/g, '')
    .replace(/\p{Extended_Pictographic}/gu, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
