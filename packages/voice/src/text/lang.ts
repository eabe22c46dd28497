import type { Lang } from '@snowstage/protocol';
import type { SpeechPiece } from './markup.js';

/** Han characters (and the ideographic zero). */
export const HAN = /[\p{Script=Han}〇]/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Use when: the caller did not say which language a line is in.
 * Returns: `zh` when Han characters are at least as many as Latin words ("I love 冰墩墩" → zh,
 * "Buy the 冰墩墩 plush now" → en), else `en`; `fallback` when there are no letters at all.
 */
export function detectLang(text: string, fallback: Lang = 'zh'): Lang {
  const han = [...text].filter((c) => HAN.test(c)).length;
  const words = text.match(/\p{Script=Latin}+/gu)?.length ?? 0;
  if (han === 0 && words === 0) return fallback;
  return han >= words ? 'zh' : 'en';
}

/** Which language a single character pulls its run towards, or undefined when neutral (digits, punctuation, spaces). */
function charLang(c: string): Lang | undefined {
  if (HAN.test(c)) return 'zh';
  if (LATIN.test(c)) return 'en';
  return undefined;
}

/** A stretch of speech in one language: synthesised with that language's voice. */
export interface LangRun {
  lang: Lang;
  pieces: SpeechPiece[];
}

/**
 * Use when: a sentence mixes Mandarin and English ("这件T恤 is only 八十八元") and each part should
 * be read by its own voice.
 * Expects: pieces of speech markup and the sentence's language (neutral leading text goes to it).
 * Returns: runs in order. Neutral characters (spaces, digits, punctuation) stay with the run before
 * them; a mark goes with the text after it (it times the next word); a break stays with the text before it.
 */
export function splitLangRuns(pieces: readonly SpeechPiece[], base: Lang): LangRun[] {
  const runs: LangRun[] = [];
  let pendingMarks: SpeechPiece[] = [];
  const current = () => runs[runs.length - 1];
  const open = (lang: Lang) => {
    runs.push({ lang, pieces: pendingMarks });
    pendingMarks = [];
  };
  const addText = (text: string, emphasis: boolean, lang: Lang) => {
    if (!current() || (current()!.lang !== lang)) open(lang);
    else if (pendingMarks.length) {
      current()!.pieces.push(...pendingMarks);
      pendingMarks = [];
    }
    const ps = current()!.pieces;
    const last = ps[ps.length - 1];
    if (last?.kind === 'text' && last.emphasis === emphasis) last.text += text;
    else ps.push({ kind: 'text', text, emphasis });
  };
  for (const p of pieces) {
    if (p.kind === 'mark') {
      pendingMarks.push(p);
      continue;
    }
    if (p.kind === 'break') {
      if (current()) current()!.pieces.push(...pendingMarks.splice(0), p);
      else pendingMarks.push(p);
      continue;
    }
    let buf = '';
    let bufLang: Lang | undefined;
    for (const c of p.text) {
      const l = charLang(c);
      if (l && bufLang && l !== bufLang) {
        addText(buf, p.emphasis, bufLang);
        buf = '';
      }
      if (l) bufLang = l;
      else if (!bufLang) bufLang = current()?.lang ?? undefined;
      buf += c;
    }
    if (buf) addText(buf, p.emphasis, bufLang ?? current()?.lang ?? base);
  }
  if (pendingMarks.length) {
    if (current()) current()!.pieces.push(...pendingMarks);
    else runs.push({ lang: base, pieces: pendingMarks });
  }
  // Runs holding no letters (only digits/punctuation left over) are read in the sentence's language.
  return mergeNeutral(runs, base);
}

function mergeNeutral(runs: LangRun[], base: Lang): LangRun[] {
  const out: LangRun[] = [];
  for (const r of runs) {
    const letters = r.pieces.some((p) => p.kind === 'text' && /[\p{L}\p{N}]/u.test(p.text));
    if (!letters) {
      const prev = out[out.length - 1];
      if (prev) prev.pieces.push(...r.pieces);
      else out.push({ lang: base, pieces: [...r.pieces] });
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && prev.lang === r.lang) prev.pieces.push(...r.pieces);
    else out.push(r);
  }
  return out;
}
