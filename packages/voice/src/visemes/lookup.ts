import type { Lang } from '@snowstage/protocol';
import { EN_VISEMES, ZH_VISEMES, type VisemePart, type VisemeTable } from './tables.js';

const TABLES: Record<Lang, VisemeTable> = { zh: ZH_VISEMES, en: EN_VISEMES };

/** Strips what does not change the mouth: stress, length, tones, syllabicity and tie marks. */
export function cleanPhoneme(ipa: string): string {
  return ipa.replace(/[ˈˌːˑ0-9\u0361\u035C\u0329]/g, '');
}

/**
 * Use when: mapping one engine phoneme to mouth shapes.
 * Expects: the phoneme symbol and its language. Returns: its viseme parts, or `undefined` for a
 * symbol no table knows even piece by piece (the caller then holds the previous shape).
 * Unknown multi-letter symbols are split into the longest known pieces ("iɑu" → i + ɑu), so new
 * diphthongs still get a sensible shape.
 */
export function visemesForPhoneme(ipa: string, lang: Lang): readonly VisemePart[] | undefined {
  const p = cleanPhoneme(ipa);
  const own = TABLES[lang];
  const other = TABLES[lang === 'zh' ? 'en' : 'zh'];
  const exact = own[p] ?? other[p];
  if (exact) return exact;
  const parts: VisemePart[] = [];
  let rest = p;
  while (rest) {
    let len = Math.min(rest.length, 4);
    while (len > 0 && !(own[rest.slice(0, len)] ?? other[rest.slice(0, len)])) len--;
    if (len === 0) {
      rest = rest.slice(1);
      continue;
    }
    parts.push(...(own[rest.slice(0, len)] ?? other[rest.slice(0, len)])!);
    rest = rest.slice(len);
  }
  if (!parts.length) return undefined;
  const total = parts.reduce((s, [, f]) => s + f, 0);
  return parts.map(([v, f]) => [v, f / total] as const);
}
