import type { Lang } from '@snowstage/protocol';
import { HAN } from './lang.js';

/**
 * Cuts the brain's streamed text into segments to synthesise one after another, so that the first
 * audio is ready as soon as possible: the first segment is cut early, at the first comma or other
 * natural pause once it holds a few words; later segments are cut at sentence ends and are longer
 * (fewer, more natural utterances). Works on Chinese and English, and on speech markup (a cut never
 * falls inside a tag, a number such as 3.5 or 1,000, or an abbreviation such as "Mr.").
 *
 * Lengths are counted in *speech units*: one per Han character (≈ one syllable) and 1.5 per other
 * word (≈ syllables of an English word), so limits mean about the same speaking time in both languages.
 */
export interface SegmenterOptions {
  /** The first segment is cut at a pause once it has at least this many units (default 3: "大家好，", "Hi everyone,"). */
  firstMin?: number;
  /** …and at a word boundary if no pause came within this many units (default 14). */
  firstMax?: number;
  /** Later segments are cut at a sentence end once they have this many units (default 8). */
  laterMin?: number;
  /** …at a comma once they have this many (default 28)… */
  laterSoft?: number;
  /** …and at a word boundary past this many (default 60). */
  laterMax?: number;
  /** Language for word boundaries when text has no Han characters (default: detected per cut). */
  lang?: Lang;
}

const STRONG = new Set(['。', '！', '？', '!', '?', '\n', '…', '；', ';']);
const WEAK = new Set(['，', ',', '、', '：', ':', '—']);
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '」', '』', '】', ']', '》', '…', '。', '！', '？', '!', '?']);
const AMBIGUOUS = new Set(['.', ',', ':']); // need the next character (1,000 / 3.5 / 8:30 / Mr.)
const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|St|vs|etc|e\.g|i\.e|No|Inc|Ltd|Co)\.$/i;

interface Scan {
  /** Speech units before each character index (length = text.length + 1). */
  units: number[];
  /** True where a character is inside a tag. */
  inTag: boolean[];
  /** Index where an unfinished tag starts, or -1. */
  openTag: number;
}

function scan(text: string): Scan {
  const units: number[] = [0];
  const inTag: boolean[] = [];
  let u = 0;
  let tagStart = -1;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (tagStart < 0 && c === '<' && /^<\/?[a-zA-Z]/.test(text.slice(i, i + 3)) ) tagStart = i;
    const tag = tagStart >= 0;
    inTag.push(tag);
    if (tag) {
      if (c === '>') tagStart = -1;
      inWord = false;
    } else if (HAN.test(c)) {
      u += 1;
      inWord = false;
    } else if (/[\p{L}\p{N}]/u.test(c)) {
      if (!inWord) u += 1.5;
      inWord = true;
    } else if (!(inWord && /['’-]/.test(c))) inWord = false;
    units.push(u);
  }
  return { units, inTag, openTag: tagStart };
}

/**
 * The pure core: feed text chunks, get finished segments.
 * Use when: you drive the segmenter yourself (tests, a non-async producer); else use `segmentSpeech`.
 */
export class SpeechSegmenter {
  private buf = '';
  private emitted = 0;
  private readonly o: Required<Omit<SegmenterOptions, 'lang'>> & { lang?: Lang };

  constructor(opts: SegmenterOptions = {}) {
    this.o = { firstMin: 3, firstMax: 14, laterMin: 8, laterSoft: 28, laterMax: 60, ...opts };
  }

  /** Adds text; returns the segments it completes (maybe none). */
  push(chunk: string): string[] {
    this.buf += chunk;
    return this.drain(false);
  }

  /** The stream ended: returns what is left (at most a few segments). */
  end(): string[] {
    return this.drain(true);
  }

  private drain(final: boolean): string[] {
    const out: string[] = [];
    for (;;) {
      const cut = this.findCut(final);
      if (cut <= 0) break;
      const seg = this.buf.slice(0, cut).trim();
      this.buf = this.buf.slice(cut).replace(/^\s+/, '');
      if (seg) {
        out.push(seg);
        this.emitted++;
      }
    }
    if (final) {
      const rest = this.buf.trim();
      this.buf = '';
      if (rest) {
        out.push(rest);
        this.emitted++;
      }
    }
    return out;
  }

  /** Index just after the cut, or -1 to wait for more text. */
  private findCut(final: boolean): number {
    const text = this.buf;
    const s = scan(text);
    const first = this.emitted === 0;
    const end = s.openTag >= 0 ? s.openTag : text.length;
    let weakCut = -1;
    for (let i = 0; i < end; i++) {
      if (s.inTag[i]) continue;
      const c = text[i]!;
      const strong = STRONG.has(c) || (c === '.' && text[i + 1] !== '.');
      const weak = WEAK.has(c);
      if (!strong && !weak) continue;
      if (AMBIGUOUS.has(c)) {
        const next = text[i + 1];
        if (next === undefined && !final) return -1; // wait: "3." may become "3.5"
        if (next !== undefined && /\d/.test(next) && /\d/.test(text[i - 1] ?? '')) continue;
        if (c === '.' && next !== undefined && !/\s/.test(next)) continue; // "e.g", "snowstage.dev"
        if (c === '.' && ABBREVIATIONS.test(text.slice(0, i + 1))) continue;
      }
      if (strong && i + 1 === text.length && !final) return -1; // wait: a closing quote may follow
      let after = i + 1;
      while (after < text.length && CLOSERS.has(text[after]!)) after++;
      const units = s.units[after]!;
      if (first ? units >= this.o.firstMin : strong ? units >= this.o.laterMin : units >= this.o.laterSoft) return after;
      if (!first && weak && weakCut < 0 && units >= this.o.laterSoft) weakCut = after;
    }
    if (weakCut > 0) return weakCut;
    const max = first ? this.o.firstMax : this.o.laterMax;
    if (s.units[end]! > max + 2) return this.wordCut(text, s, max);
    return -1;
  }

  /** The last word boundary at or before `max` units, outside tags. */
  private wordCut(text: string, s: Scan, max: number): number {
    const lang = this.o.lang ?? (HAN.test(text) ? 'zh' : 'en');
    let best = -1;
    for (const w of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
      const at = w.index + w.segment.length;
      if (s.units[at]! > max) break;
      if (!s.inTag[at] && !s.inTag[at - 1] && at > 0) best = at;
    }
    if (best <= 0) {
      // One very long word: cut after the last whole grapheme within the limit.
      for (const g of new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(text)) {
        const at = g.index + g.segment.length;
        if (s.units[at]! > max) break;
        if (!s.inTag[at - 1]) best = at;
      }
    }
    return best;
  }
}

/** One piece of speech ready to synthesise: raw markup, not yet normalised. */
export interface SpeechSegment {
  index: number;
  text: string;
}

/**
 * Use when: the brain streams text token by token and the voice should start speaking early.
 * Expects: an async iterable of text chunks (any sizes, possibly splitting tags and words).
 * Returns: segments in order, each as soon as it is complete.
 */
export async function* segmentSpeech(chunks: AsyncIterable<string>, opts: SegmenterOptions = {}): AsyncGenerator<SpeechSegment> {
  const seg = new SpeechSegmenter(opts);
  let index = 0;
  for await (const chunk of chunks) for (const text of seg.push(chunk)) yield { index: index++, text };
  for (const text of seg.end()) yield { index: index++, text };
}
