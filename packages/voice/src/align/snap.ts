import type { TtsEvent } from '../types.js';
import { isSilentFrame, type Envelope } from '../audio/envelope.js';
import { cleanPhoneme, visemesForPhoneme } from '../visemes/lookup.js';

const SONORANT_CONSONANTS = new Set(['m', 'n', 'ŋ', 'l', 'ɹ', 'r', 'j', 'w', 'ʐ', 'ɚ']);
const VOWEL_VISEMES = new Set(['aa', 'E', 'ih', 'oh', 'ou']);

/** Vowels, nasals, liquids and glides: voiced all through, so never silent in the audio. */
function sonorant(ipa: string, lang: 'zh' | 'en'): boolean {
  const p = cleanPhoneme(ipa);
  if (SONORANT_CONSONANTS.has(p)) return true;
  const first = visemesForPhoneme(p, lang)?.[0]?.[0];
  return !!first && VOWEL_VISEMES.has(first) && p !== 'h';
}

/**
 * Snaps the pauses of a phoneme timeline to the silences actually in the audio.
 *
 * Engines are not exact about pauses: eSpeak reports a pause between linked words ("hurry | up")
 * while the voice carries straight on, and aligned timelines (HTTP engines) place pauses only
 * approximately. For every run of pause phonemes:
 * - if the audio under it is mostly sound, the pause is dropped (the phoneme before it lasts on);
 * - else, if sound carries on past the pause's start, the pause starts where the sound stops; and if
 *   sound starts before the pause's end, the next phoneme starts where the sound starts.
 * Audible edges that fall inside a neighbouring phoneme are left alone (stops and h/f/s are quiet).
 * Returns new events (same order); words and marks that began with a moved phoneme move with it.
 */
export function snapPausesToAudio(events: readonly TtsEvent[], env: Envelope): TtsEvent[] {
  const out = events.map((e) => ({ ...e }));
  const phon = out.map((e, i) => ({ e, i })).filter((x) => x.e.type === 'phoneme');
  const isPause = (k: number) => (phon[k]!.e as { ipa: string }).ipa === '';
  const drop = new Set<number>();
  for (let k = 1; k < phon.length; k++) {
    if (!isPause(k) || isPause(k - 1)) continue;
    let j = k;
    while (j + 1 < phon.length && isPause(j + 1)) j++;
    const next = phon[j + 1];
    const start = phon[k]!.e.ms;
    if (!next) {
      // The trailing pause starts where the sound really stops (a final vowel may ring on).
      const frames = frameRange(env, start, env.rms.length * env.hopMs);
      let f = frames.length - 1;
      while (f >= 0 && isSilentFrame(env, frames[f]!)) f--;
      if (f >= 0 && f < frames.length - 1) {
        const at = (frames[f]! + 1) * env.hopMs;
        for (let d = k; d <= j; d++) if (phon[d]!.e.ms < at) phon[d]!.e.ms = at;
      }
      break;
    }
    let end = next.e.ms;
    // A voiced phoneme (vowel, nasal, liquid, glide) is never silent: silence inside it belongs to the pause.
    const prev = phon[k - 1]!.e as TtsEvent & { ipa: string; lang: 'zh' | 'en' };
    const nextEv = next.e as TtsEvent & { ipa: string; lang: 'zh' | 'en' };
    if (sonorant(prev.ipa, prev.lang)) {
      let f = Math.round(start / env.hopMs) - 1;
      while (f > Math.round(prev.ms / env.hopMs) + 3 && isSilentFrame(env, f)) f--;
      const at = (f + 1) * env.hopMs;
      if (at < start - env.hopMs) for (let d = k; d <= j; d++) phon[d]!.e.ms = Math.min(phon[d]!.e.ms, at);
    }
    const after = phon[j + 2]?.e.ms ?? env.rms.length * env.hopMs;
    if (sonorant(nextEv.ipa, nextEv.lang)) {
      let f = Math.round(end / env.hopMs);
      while (f < Math.round(after / env.hopMs) - 3 && isSilentFrame(env, f)) f++;
      const at = f * env.hopMs;
      if (at > end + env.hopMs) {
        moveStart(out, next.i, end, at);
        end = at;
      }
    }
    const frames = frameRange(env, phon[k]!.e.ms, end);
    if (frames.length && frames.filter((f) => isSilentFrame(env, f)).length / frames.length < 0.5) {
      for (let d = k; d <= j; d++) drop.add(phon[d]!.i);
    } else if (frames.length) {
      // The pause's silence is its longest silent stretch; move the pause's edges onto it.
      const run = longestSilentRun(env, frames);
      if (run) {
        const silentFrom = run[0] * env.hopMs;
        const silentTo = (run[1] + 1) * env.hopMs;
        if (run[0] > frames[0]!) for (let d = k; d <= j; d++) if (phon[d]!.e.ms < silentFrom) phon[d]!.e.ms = silentFrom;
        if (run[1] < frames[frames.length - 1]! && silentTo > phon[j]!.e.ms) moveStart(out, next.i, next.e.ms, silentTo);
      }
    }
    k = j;
  }
  return out.filter((_, i) => !drop.has(i));
}

function longestSilentRun(env: Envelope, frames: number[]): [number, number] | undefined {
  let best: [number, number] | undefined;
  let start = -1;
  for (let x = 0; x <= frames.length; x++) {
    const silent = x < frames.length && isSilentFrame(env, frames[x]!);
    if (silent && start < 0) start = x;
    if (!silent && start >= 0) {
      if (!best || x - 1 - start > best[1] - best[0]) best = [frames[start]!, frames[x - 1]!];
      start = -1;
    }
  }
  return best;
}

function frameRange(env: Envelope, startMs: number, endMs: number): number[] {
  const a = Math.max(0, Math.round(startMs / env.hopMs));
  const b = Math.min(env.rms.length, Math.round(endMs / env.hopMs));
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}

/** Moves the phoneme at index `i` (and word/mark events sharing its old time just before it) to `to`. */
function moveStart(events: TtsEvent[], i: number, from: number, to: number): void {
  events[i]!.ms = to;
  for (let k = i - 1; k >= 0 && events[k]!.ms === from && events[k]!.type !== 'phoneme'; k--) events[k]!.ms = to;
  for (let k = i + 1; k < events.length && events[k]!.ms === from && events[k]!.type !== 'phoneme'; k++) events[k]!.ms = to;
}
