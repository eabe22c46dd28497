import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmotionTag } from '@snowstage/protocol';
import { EspeakEngine } from './engine.js';
import type { TtsChunk, TtsEvent } from '../../types.js';
import { concatPcm } from '../../audio/wav.js';
import { medianF0 } from '../../audio/f0.js';
import { normalizeForSpeech } from '../../text/normalize.js';
import { loudnessEnvelope } from '../../audio/envelope.js';

function correlation(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]!; mb += b[i]!; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}

let engine: EspeakEngine;
beforeAll(async () => {
  engine = await EspeakEngine.create({ size: 2, warmup: 2 });
}, 60_000);
afterAll(() => engine?.close());

const NEUTRAL: EmotionTag = { name: 'neutral', intensity: 0 };

interface Result {
  pcm: Int16Array;
  sampleRate: number;
  events: TtsEvent[];
  durationMs: number;
  /** For each event, the audio (ms) already streamed when it arrived. */
  audioBefore: number[];
}

async function synth(text: string, lang: 'zh' | 'en', emotion: EmotionTag = NEUTRAL, signal?: AbortSignal): Promise<Result> {
  const chunks: Int16Array[] = [];
  const events: TtsEvent[] = [];
  const audioBefore: number[] = [];
  let samples = 0;
  let sampleRate = 0;
  for await (const c of engine.synthesize(text, { lang, emotion }, signal) as AsyncIterable<TtsChunk>) {
    if ('pcm' in c) {
      chunks.push(c.pcm);
      samples += c.pcm.length;
      sampleRate = c.sampleRate;
    } else {
      events.push(c.event);
      audioBefore.push((samples / (sampleRate || 22050)) * 1000);
    }
  }
  const end = events.at(-1)!;
  return { pcm: concatPcm(chunks), sampleRate, events, durationMs: end.ms, audioBefore };
}

const phonemes = (r: Result) => r.events.filter((e): e is Extract<TtsEvent, { type: 'phoneme' }> => e.type === 'phoneme');
const words = (r: Result) => r.events.filter((e): e is Extract<TtsEvent, { type: 'word' }> => e.type === 'word').map((w) => w.text);

describe('the eSpeak-NG engine', () => {
  it('streams 22.05 kHz PCM with phoneme and word events and ends with the duration', async () => {
    const r = await synth('大家好，欢迎来到直播间。', 'zh');
    expect(r.sampleRate).toBe(22050);
    expect(r.events.at(-1)).toEqual({ type: 'end', ms: expect.any(Number) });
    expect(Math.abs(r.durationMs - (r.pcm.length / 22050) * 1000)).toBeLessThan(1);
    // Word events follow eSpeak's dictionary words (欢迎 is one word), in text order.
    const ws = words(r);
    expect(ws.length).toBeGreaterThanOrEqual(7);
    let at = 0;
    for (const w of ws) {
      at = '大家好，欢迎来到直播间。'.indexOf(w, at);
      expect(at).toBeGreaterThanOrEqual(0);
    }
    expect(phonemes(r).length).toBeGreaterThan(15);
    expect(phonemes(r).every((p) => p.lang === 'zh')).toBe(true);
  });

  it('never emits an event before the audio that reaches its time', async () => {
    const r = await synth('Hello everyone, 欢迎来到冬奥直播间! This plush is only eighty-eight yuan.', 'en');
    r.events.forEach((e, i) => expect(e.ms).toBeLessThanOrEqual(r.audioBefore[i]! + 0.11));
    for (let i = 1; i < r.events.length; i++) expect(r.events[i]!.ms).toBeGreaterThanOrEqual(r.events[i - 1]!.ms);
  });

  it('reads a mixed sentence with both voices, in order, without a long gap at the switches', async () => {
    const r = await synth(normalizeForSpeech('这件T恤 is only ¥88 today!', 'zh'), 'zh');
    expect(words(r).join(' ')).toBe('这 件 T 恤 is only 八 十 八 元 today');
    const langs = phonemes(r).filter((p) => p.ipa).map((p) => p.lang);
    expect(langs.join('').replace(/(zh)+/g, 'Z').replace(/(en)+/g, 'E')).toBe('ZEZEZE');
    // Silence at each switch stays short (eSpeak alone would add ~300 ms per utterance end).
    const spans = phonemes(r);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.lang !== spans[i - 1]!.lang && spans[i]!.ipa) {
        const lastSound = [...spans.slice(0, i)].reverse().find((p) => p.ipa)!;
        const prevIdx = spans.indexOf(lastSound);
        const gap = spans[i]!.ms - (spans[prevIdx + 1]?.ms ?? spans[i]!.ms);
        expect(gap).toBeLessThan(150);
      }
    }
  });

  it('reads 儿化 words as Mandarin, not as English-read pinyin', async () => {
    for (const text of ['我们一会儿去哪儿玩儿？', '这儿有一点儿']) {
      const r = await synth(text, 'zh');
      expect(phonemes(r).every((p) => p.lang === 'zh')).toBe(true);
      expect(phonemes(r).filter((p) => p.ipa.replace(/[ˈˌ]/g, '') === 'ər').length).toBeGreaterThanOrEqual(2);
      expect(words(r)).not.toContain('');
    }
  });

  it('neither drops nor spells out stray < and & in the text', async () => {
    const r = await synth('Tom & Jerry < Bob', 'en');
    expect(words(r)).toEqual(['Tom', 'Jerry', 'Bob']);
    const n = await synth(normalizeForSpeech('Tom & Jerry < Bob', 'en'), 'en');
    expect(words(n)).toEqual(['Tom', 'and', 'Jerry', 'less', 'than', 'Bob']);
  });

  it('returns marks at the word that follows them', async () => {
    const r = await synth('这件<mark name="g:thumbs-up"/>超级好看，<mark name="g:point-product"/>快来买！', 'zh');
    const marks = r.events.filter((e) => e.type === 'mark');
    expect(marks.map((m) => (m as { name: string }).name)).toEqual(['g:thumbs-up', 'g:point-product']);
    const wordAt = (w: string) => r.events.find((e) => e.type === 'word' && e.text === w)!.ms;
    expect(Math.abs(marks[0]!.ms - wordAt('超'))).toBeLessThanOrEqual(15);
    expect(Math.abs(marks[1]!.ms - wordAt('快'))).toBeLessThanOrEqual(15);
    expect(marks[0]!.ms).toBeGreaterThan(200);
  });

  it('sets rate, pitch, range and volume for every utterance (they are sticky inside eSpeak)', async () => {
    const text = '今天的冰墩墩特别可爱。';
    const first = await synth(text, 'zh');
    const durations: number[] = [];
    for (const name of ['excited', 'sad', 'happy', 'calm'] as const) {
      await synth(text, 'zh', { name, intensity: 1 });
      durations.push((await synth(text, 'zh')).durationMs);
    }
    for (const d of durations) expect(d).toBe(first.durationMs);
  });

  it('sounds happy faster and higher than sad on the same sentence (duration and median F0 from the PCM)', async () => {
    for (const [text, lang] of [['谢谢大家的支持，我们明天同一时间再见！', 'zh'], ['Thank you all so much, see you tomorrow at the same time!', 'en']] as const) {
      const happy = await synth(text, lang, { name: 'happy', intensity: 1 });
      const sad = await synth(text, lang, { name: 'sad', intensity: 1 });
      expect(happy.durationMs).toBeLessThan(sad.durationMs * 0.85);
      const f0Happy = medianF0(happy.pcm, 22050);
      const f0Sad = medianF0(sad.pcm, 22050);
      expect(f0Happy).toBeGreaterThan(f0Sad * 1.15);
    }
  });

  it('stops on abort with an AbortError and keeps working afterwards', async () => {
    const ac = new AbortController();
    const long = '大家好，欢迎来到冬奥官方直播间，这款冰墩墩毛绒玩具只要八十八元。'.repeat(6);
    let chunks = 0;
    await expect(
      (async () => {
        for await (const c of engine.synthesize(long, { lang: 'zh', emotion: NEUTRAL }, ac.signal)) {
          if ('pcm' in c && ++chunks === 2) ac.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(chunks).toBeLessThan(10);
    const r = await synth('还在吗？', 'zh');
    expect(r.durationMs).toBeGreaterThan(300);
  });

  it('runs concurrent utterances on the pool without mixing them up', async () => {
    const texts = ['第一句话。', 'Second sentence here.', '第三句话比较长一点点。', 'And the fourth one.'];
    const langs = ['zh', 'en', 'zh', 'en'] as const;
    const results = await Promise.all(texts.map((t, i) => synth(t, langs[i]!)));
    const alone = await Promise.all(texts.map((t, i) => synth(t, langs[i]!)));
    // eSpeak's aspiration noise differs run to run, so compare timing, words and loudness contour.
    results.forEach((r, i) => {
      const a = alone[i]!;
      expect(r.durationMs).toBe(a.durationMs);
      expect(words(r)).toEqual(words(a));
      const ea = loudnessEnvelope(r.pcm, 22050, 10).rms;
      const eb = loudnessEnvelope(a.pcm, 22050, 10).rms;
      // Same text, same timing: the contours agree far above what two different utterances would (< 0.5).
      expect(correlation(ea, eb)).toBeGreaterThan(0.9);
    });
  });

  it('refuses voice names eSpeak does not have, before they reach a worker', async () => {
    await expect(synth('你好', 'zh', NEUTRAL).then(() => undefined)).resolves.toBeUndefined();
    const bad = engine.synthesize('hi', { lang: 'en', voice: 'bogus', emotion: NEUTRAL });
    await expect(bad[Symbol.asyncIterator]().next()).rejects.toThrow(/not an eSpeak-NG/);
    await expect(EspeakEngine.create({ voices: { zh: '../x' } })).rejects.toThrow(/not an eSpeak-NG/);
  });
});
