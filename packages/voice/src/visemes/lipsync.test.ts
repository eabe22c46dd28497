import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EspeakEngine } from '../engines/espeak/engine.js';
import { SpeechSynthesizer, type SpokenLine } from '../synthesizer.js';
import { MemoryAudioStore } from '../store.js';
import { decodeWav } from '../audio/wav.js';
import { loudnessEnvelope, silences } from '../audio/envelope.js';
import { pauseAlignment } from '../align/metrics.js';
import { snapPausesToAudio } from '../align/snap.js';
import type { TtsEvent } from '../types.js';

/**
 * Lip sync on real eSpeak-NG audio: a fixed sample of the benchmark sentences (every 9th one, so
 * Chinese, English and mixed lines), each spoken with the engine and checked against its own audio.
 */
const ALL: string[] = JSON.parse(readFileSync(new URL('../../../../bench/voice-sentences.json', import.meta.url), 'utf8'));
const SAMPLE = ALL.filter((_, i) => i % 9 === 0).concat(['这件T恤 is only 八十八元 today!', 'Price drop: from $29.99 to $19.99 right now.']);

let engine: EspeakEngine;
const lines: { line: SpokenLine; events: TtsEvent[]; pcm: Int16Array }[] = [];

beforeAll(async () => {
  engine = await EspeakEngine.create({ size: 1, warmup: 2 });
  const synth = new SpeechSynthesizer({ engine, store: new MemoryAudioStore() });
  for (const text of SAMPLE) {
    const s = await synth.stream(text, { emotion: { name: 'happy', intensity: 0.5 } });
    const events: TtsEvent[] = [];
    for await (const c of s.chunks) if ('event' in c) events.push(c.event);
    const line = await s.line;
    lines.push({ line, events, pcm: decodeWav(line.audio.bytes).pcm });
  }
}, 60_000);
afterAll(() => engine?.close());

const LEAD = 40;
const cueAt = (line: SpokenLine, ms: number) => line.visemes.find((c) => c.startMs <= ms && ms < c.endMs);

describe('lip sync on real audio', () => {
  it('covers every line from 0 to its duration without gaps', () => {
    expect(lines).toHaveLength(SAMPLE.length);
    for (const { line } of lines) {
      expect(line.visemes[0]!.startMs).toBe(0);
      expect(line.visemes.at(-1)!.endMs).toBe(line.audio.durationMs);
      for (let i = 1; i < line.visemes.length; i++) expect(line.visemes[i]!.startMs).toBe(line.visemes[i - 1]!.endMs);
      for (const c of line.visemes) {
        expect(c.weight).toBeGreaterThan(0);
        expect(c.weight).toBeLessThanOrEqual(1);
      }
    }
  });

  it('closes the mouth (sil, or PP before a lip sound) in every pause inside the audio', () => {
    // Inner silences of 120 ms or more are pauses; at the edges, quiet consonants (θ, h, f) also
    // read as silence, so the line's leading and trailing silence is not counted here.
    let pauses = 0;
    for (const { line, pcm } of lines) {
      const env = loudnessEnvelope(pcm, 22050, 5);
      for (const s of silences(env, 120)) {
        if (s.startMs === 0 || s.endMs >= line.audio.durationMs - 5) continue;
        const mid = (s.startMs + s.endMs) / 2 - LEAD;
        pauses++;
        expect(['sil', 'PP'], `${line.text} @${mid}`).toContain(cueAt(line, mid)!.v);
      }
    }
    expect(pauses).toBeGreaterThanOrEqual(10);
  });

  it('closes the lips for every p, b and m', () => {
    let lips = 0;
    for (const { line, events } of lines) {
      for (const e of events) {
        if (e.type !== 'phoneme' || !['p', 'ph', 'b', 'm'].includes(e.ipa)) continue;
        lips++;
        expect(cueAt(line, e.ms - LEAD + 3)?.v, `${line.text} ${e.ipa}@${e.ms}`).toBe('PP');
      }
    }
    expect(lips).toBeGreaterThan(20);
  });

  it('aligns phonemes with the audio energy within 30 ms at pause edges (see align/metrics.ts)', () => {
    const errors: number[] = [];
    for (const { line, events, pcm } of lines) {
      const env = loudnessEnvelope(pcm, 22050, 5);
      const a = pauseAlignment(snapPausesToAudio(events, env), line.audio.durationMs, env);
      errors.push(...a.errorsMs);
      expect(a.noisyPauses, line.text).toBe(0);
      expect(a.silentVowelShare, line.text).toBeLessThan(0.05);
    }
    const within = errors.filter((e) => e <= 30).length / errors.length;
    expect(errors.length).toBeGreaterThan(30);
    expect(within).toBeGreaterThanOrEqual(0.97);
    expect(Math.max(...errors)).toBeLessThan(60);
  });

  it('starts each shape 40 ms before its phoneme', () => {
    const { line, events } = lines[0]!;
    const starts = new Set(line.visemes.map((c) => c.startMs));
    const phonemeStarts = events.filter((e) => e.type === 'phoneme' && e.ipa && e.ms > LEAD).map((e) => Math.round((e.ms - LEAD) * 10) / 10);
    expect(phonemeStarts.filter((ms) => starts.has(ms)).length / phonemeStarts.length).toBeGreaterThan(0.6);
  });
});
