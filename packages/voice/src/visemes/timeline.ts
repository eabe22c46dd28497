import type { Lang, Viseme, VisemeCue } from '@snowstage/protocol';
import type { TtsEvent } from '../types.js';
import { relativeLoudness, type Envelope } from '../audio/envelope.js';
import { visemesForPhoneme } from './lookup.js';

/**
 * The viseme timeline: which mouth shape, when, and how strongly, for one utterance.
 *
 * - Each phoneme event lasts until the next one; a diphthong's time is split between its parts.
 * - Shapes start `leadMs` (default 40 ms) before their sound: lips and jaw move ahead of the audio,
 *   and a viewer's eye expects it (the whole timeline is shifted; the last cue ends at the audio's end).
 * - Weights follow the loudness envelope for open shapes (vowels and most consonants: a loud vowel
 *   opens the mouth more); shapes defined by closure (sil, PP, FF) keep weight 1.
 * - Pauses and the stretches before the first and after the last phoneme are `sil`.
 * The result covers [0, durationMs] with no gaps or overlaps.
 */
export interface TimelineOptions {
  leadMs?: number;
  /** Cues shorter than this merge into a neighbour (default 15 ms); PP cues are always kept. */
  minCueMs?: number;
}

export interface PhonemeSpan {
  ipa: string;
  lang: Lang;
  startMs: number;
  endMs: number;
}

/** Phoneme events as intervals: each lasts until the next phoneme (or the end). Zero-length ones are dropped. */
export function phonemeSpans(events: readonly TtsEvent[], durationMs: number): PhonemeSpan[] {
  const ph = events.filter((e): e is Extract<TtsEvent, { type: 'phoneme' }> => e.type === 'phoneme');
  const out: PhonemeSpan[] = [];
  ph.forEach((e, i) => {
    const end = Math.min(durationMs, i + 1 < ph.length ? ph[i + 1]!.ms : durationMs);
    if (end > e.ms) out.push({ ipa: e.ipa, lang: e.lang, startMs: e.ms, endMs: end });
  });
  return out;
}

const CLOSURE = new Set<Viseme>(['sil', 'PP', 'FF']);
const VOWELS = new Set<Viseme>(['aa', 'E', 'ih', 'oh', 'ou']);

interface Seg {
  v: Viseme;
  start: number;
  end: number;
  weight: number;
}

/**
 * Use when: an utterance is synthesised and the stage needs lip sync.
 * Expects: the utterance's events (phonemes in time order), its duration, and its loudness envelope
 * (without one, weights are 1). Returns: contiguous cues from 0 to `durationMs`.
 */
export function buildVisemeTimeline(events: readonly TtsEvent[], durationMs: number, env?: Envelope, opts: TimelineOptions = {}): VisemeCue[] {
  const lead = opts.leadMs ?? 40;
  const minCue = opts.minCueMs ?? 15;
  if (durationMs <= 0) return [];
  const spans = phonemeSpans(events, durationMs);
  const segs: Seg[] = [];
  spans.forEach((s, i) => {
    const parts = visemesForPhoneme(s.ipa, s.lang);
    if (!parts) {
      if (segs.length) segs[segs.length - 1]!.end = s.endMs;
      return;
    }
    let at = s.startMs;
    parts.forEach(([v0, share], k) => {
      const end = k === parts.length - 1 ? s.endMs : at + (s.endMs - s.startMs) * share;
      let v = v0;
      let scale = k > 0 && parts.length > 1 ? 0.85 : 1; // glides are a little weaker than nuclei
      if (v === 'next') {
        const next = spans[i + 1] && visemesForPhoneme(spans[i + 1]!.ipa, spans[i + 1]!.lang)?.[0]?.[0];
        v = next && next !== 'next' ? next : 'sil';
        scale = 0.5;
      }
      segs.push({ v, start: at, end, weight: weightOf(v, at, end, env) * scale });
      at = end;
    });
  });
  return finish(segs, durationMs, lead, minCue);
}

function weightOf(v: Viseme, start: number, end: number, env?: Envelope): number {
  if (CLOSURE.has(v) || !env) return 1;
  const rel = Math.min(1.2, relativeLoudness(env, start, end));
  const floor = VOWELS.has(v) ? 0.3 : 0.5;
  return Math.min(1, floor + (1 - floor) * Math.sqrt(rel));
}

function finish(segs: Seg[], durationMs: number, lead: number, minCue: number): VisemeCue[] {
  // Shift ahead of the sound, fill the edges with sil, clamp to [0, duration].
  const shifted: Seg[] = [];
  for (const s of segs) {
    const start = Math.max(0, s.start - lead);
    const end = Math.min(durationMs, Math.max(0, s.end - lead));
    if (end > start) shifted.push({ ...s, start, end });
  }
  const out: Seg[] = [];
  let at = 0;
  for (const s of shifted) {
    if (s.start > at) out.push({ v: 'sil', start: at, end: s.start, weight: 1 });
    out.push({ ...s, start: Math.max(at, s.start) });
    at = s.end;
  }
  if (at < durationMs) out.push({ v: 'sil', start: at, end: durationMs, weight: 1 });
  // Merge repeats and absorb slivers.
  const merged: Seg[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && (prev.v === s.v || (s.end - s.start < minCue && s.v !== 'PP'))) {
      if (prev.v === s.v) prev.weight = (prev.weight * (prev.end - prev.start) + s.weight * (s.end - s.start)) / (s.end - prev.start);
      prev.end = s.end;
    } else merged.push({ ...s });
  }
  return merged.map((s) => ({ v: s.v, startMs: round1(s.start), endMs: round1(s.end), weight: round2(s.weight) })).filter((c) => c.endMs > c.startMs);
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
