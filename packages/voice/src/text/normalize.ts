import type { Lang } from '@snowstage/protocol';
import { RULES } from './rules.js';
import { parseSpeechMarkup, toSpeechMarkup, type SpeechPiece } from './markup.js';
import { HAN } from './lang.js';

/**
 * Text normalisation for speech: what the host's text must become before any engine reads it.
 * Numbers, prices, percentages, dates, times, units and symbols become words in the sentence's
 * language; emoji and URLs go; full-width letters and digits become ASCII; a few Latin brand names
 * get respellings that the engines pronounce correctly.
 */

/** Brand names that engines mispronounce, respelled for an English reader (whole words, any case). */
export const BRAND_RESPELLINGS: Record<string, string> = {
  nike: 'Nye-key', adidas: 'ah-dee-dahs', ikea: 'eye-key-ah', porsche: 'porsh-uh', hermes: 'air-mez',
  chanel: 'sha-nell', gucci: 'goo-chee', uniqlo: 'you-nee-klo', xiaomi: 'shaow-mee', huawei: 'hwah-way',
  anta: 'ahn-tah', lining: 'lee-ning', 'li-ning': 'lee-ning', moutai: 'mao-tie', tsingtao: 'ching-dao',
};

/** Full-width forms and compatibility characters folded with NFKC, except the CJK punctuation that marks pauses. */
const FOLD = /[\uFF01-\uFF5E\uFFE5\u2460-\u24FF\u3380-\u33FF\u2100-\u214F\u00B2\u00B3\u00B9]/g;
const KEEP_FULLWIDTH = new Set(['，', '！', '？', '：', '；', '（', '）']);
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D\uFE0E\uFE0F\u20E3]/gu;
const URL = /\bhttps?:\/\/[^\s，。！？]+|\bwww\.[^\s，。！？]+/gi;

interface SymbolWords {
  zh: string;
  en: string;
}
const SYMBOLS: Record<string, SymbolWords> = {
  '&': { zh: '和', en: ' and ' },
  '+': { zh: '加', en: ' plus ' },
  '=': { zh: '等于', en: ' equals ' },
  '@': { zh: '艾特', en: ' at ' },
  '×': { zh: '乘', en: ' times ' },
  '÷': { zh: '除以', en: ' divided by ' },
  '→': { zh: '到', en: ' to ' },
  '<': { zh: '小于', en: ' less than ' },
  '>': { zh: '大于', en: ' greater than ' },
  '%': { zh: '百分号', en: ' percent ' },
  '#': { zh: '', en: ' ' },
  '~': { zh: '', en: ' ' },
  '～': { zh: '', en: ' ' },
  '/': { zh: ' ', en: ' ' },
  '\\': { zh: ' ', en: ' ' },
  '|': { zh: '，', en: ', ' },
  '_': { zh: ' ', en: ' ' },
  '^': { zh: '', en: ' ' },
  '`': { zh: '', en: '' },
  '*': { zh: '', en: '' },
};

/**
 * Use when: a plain text (no markup) is about to be spoken.
 * Expects: any text; `lang` is the sentence's language (it picks how numbers and symbols are read).
 * Returns: text in words; it keeps sentence punctuation (the engines pause on it).
 */
export function normalizeText(input: string, lang: Lang): string {
  let t = input.replace(FOLD, (c) => (KEEP_FULLWIDTH.has(c) ? c : c.normalize('NFKC')));
  t = t.replace(/(?<=\d)：(?=\d)/g, ':');
  t = t.replace(URL, lang === 'zh' ? '链接' : 'link');
  t = t.replace(EMOJI, '');
  t = t.replace(/(?<!\d)(\d{1,3})((?:,\d{3})+)(?![\d,])/g, (_, a: string, b: string) => a + b.replace(/,/g, ''));
  t = t.replace(/([A-Za-z])(\d)/g, '$1 $2');
  t = t.replace(/([!?！？。])\1+/g, '$1').replace(/([,，、])\1+/g, '$1');
  for (const rule of RULES) {
    t = t.replace(rule.re, (...args) => {
      const m = Object.assign(args.slice(0, -2) as unknown as RegExpExecArray, { index: args.at(-2) as number });
      return rule[lang](m);
    });
  }
  t = t.replace(/[&+=@×÷→<>%#~～/\\|_^`*]/g, (c) => SYMBOLS[c]![lang]);
  t = t.replace(/\b[A-Za-z]+(?:-[A-Za-z]+)?\b/g, (w) => BRAND_RESPELLINGS[w.toLowerCase()] ?? w);
  // Tidy spaces: none between Han characters, one elsewhere.
  t = t.replace(/[ \t\u00A0\u3000]+/g, ' ');
  t = t.replace(/ (?=[\p{Script=Han}，。！？、；：”’）])|(?<=[\p{Script=Han}，。！？、；：“‘（]) /gu, (s, off: number, all: string) =>
    HAN.test(all[off - 1] ?? '') || HAN.test(all[off + 1] ?? '') || /[，。！？、；：“‘（）”’]/.test(all[off - 1] ?? '') ? '' : s,
  );
  return t.replace(/\s*\n\s*/g, '\n').trim();
}

/** Pauses written with punctuation that engines skip: ellipses and dashes become breaks. */
const PAUSES: [RegExp, number][] = [
  [/……|…|\.{3,}|。{3,}/, 350],
  [/——|—|--| - |–/, 200],
];

/**
 * Use when: brain output (speech markup) is about to be spoken. Normalises every text piece, turns
 * ellipses and dashes into breaks, and returns canonical markup (the form engines and cache keys use).
 */
export function normalizeForSpeech(markup: string, lang: Lang): string {
  const out: SpeechPiece[] = [];
  for (const p of parseSpeechMarkup(markup)) {
    if (p.kind !== 'text') {
      out.push(p);
      continue;
    }
    for (const part of splitPauses(p.text)) {
      if (typeof part === 'number') out.push({ kind: 'break', ms: part });
      else {
        // Keep the spaces at the piece's edges: they separate words from the next piece.
        const text = (/^\s/.test(part) ? ' ' : '') + normalizeText(part, lang) + (/\S\s+$/.test(part) ? ' ' : '');
        if (text.trim() || text) out.push({ kind: 'text', text, emphasis: p.emphasis });
      }
    }
  }
  return toSpeechMarkup(out).replace(/ {2,}/g, ' ').trim();
}

function splitPauses(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  let rest = text;
  for (;;) {
    let best: { at: number; len: number; ms: number } | undefined;
    for (const [re, ms] of PAUSES) {
      const m = re.exec(rest);
      if (m && (!best || m.index < best.at)) best = { at: m.index, len: m[0].length, ms };
    }
    if (!best) break;
    if (best.at > 0) out.push(rest.slice(0, best.at));
    out.push(best.ms);
    rest = rest.slice(best.at + best.len);
  }
  if (rest) out.push(rest);
  return out;
}
