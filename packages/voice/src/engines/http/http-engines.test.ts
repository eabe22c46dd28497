import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EspeakEngine } from '../espeak/engine.js';
import { EspeakPool, type RawEvent } from '../espeak/pool.js';
import { OpenAiSpeechEngine } from './openai.js';
import { CosyVoiceEngine } from './cosyvoice.js';
import { HttpTtsError, type Fetch } from './http-engine.js';
import { encodeWav } from '@snowstage/protocol';
import { concatPcm } from '../../audio/wav.js';
import { loudnessEnvelope } from '../../audio/envelope.js';
import { pauseAlignment } from '../../align/metrics.js';
import { snapPausesToAudio } from '../../align/snap.js';
import { SpeechSynthesizer } from '../../synthesizer.js';
import { MemoryAudioStore } from '../../store.js';
import type { SynthesisRequest, TtsChunk, TtsEvent } from '../../types.js';

/**
 * A stand-in for a neural TTS server: real speech made by eSpeak-NG with *another* voice (male
 * m3 variants), at the speed the client asks for, then made harder to align: 300 ms of leading
 * silence and every pause stretched by 150 ms. It remembers the true phoneme times of what it sent.
 */
const SR = 22050;
const PAD_MS = 300;
const STRETCH_MS = 150;
let server: Server;
let base: string;
let serverPool: EspeakPool;
let phonemizer: EspeakEngine;
const truth = new Map<string, { ipa: string; ms: number }[]>();
const truthWords = new Map<string, { text: string; ms: number }[]>();
const requests: { url: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let failNext = false;

async function render(text: string, lang: 'zh' | 'en', speed: number): Promise<Int16Array> {
  const chunks: Int16Array[] = [];
  const events: RawEvent[] = [];
  const prosody = { rate: Math.round(175 * speed), pitch: 45, range: 60, volume: 100 };
  for await (const o of serverPool.run({ text, voice: lang === 'zh' ? 'cmn+m3' : 'en-us+m3', prosody })) {
    chunks.push(o.pcm);
    events.push(...o.events);
  }
  const pcm = concatPcm(chunks);
  // Stretch each pause of 60 ms or more in its middle; pad the start.
  const ph = events.filter((e) => e.t === 'p' && !/^\(/.test(e.v));
  const inserts: number[] = [];
  for (let i = 1; i < ph.length; i++) {
    if (ph[i]!.v !== '' || ph[i - 1]!.v === '') continue;
    let j = i;
    while (j + 1 < ph.length && ph[j + 1]!.v === '') j++;
    const next = ph[j + 1];
    if (next && next.ms - ph[i]!.ms >= 60) inserts.push((ph[i]!.ms + next.ms) / 2);
  }
  const shift = (ms: number) => PAD_MS + ms + inserts.filter((x) => x < ms).length * STRETCH_MS;
  truth.set(text, ph.filter((e) => e.v !== '').map((e) => ({ ipa: e.v, ms: shift(e.ms) })));
  truthWords.set(text, events.filter((e) => e.t === 'w').map((e) => ({ text: e.v, ms: shift(e.ms) })));
  const out = new Int16Array(pcm.length + Math.round(((PAD_MS + inserts.length * STRETCH_MS) / 1000) * SR));
  let from = 0;
  let to = Math.round((PAD_MS / 1000) * SR);
  for (const x of inserts) {
    const cut = Math.round((x / 1000) * SR);
    out.set(pcm.subarray(from, cut), to);
    to += cut - from + Math.round((STRETCH_MS / 1000) * SR);
    from = cut;
  }
  out.set(pcm.subarray(from), to);
  return out;
}

beforeAll(async () => {
  [serverPool, phonemizer] = await Promise.all([EspeakPool.start({ size: 1, warmup: 1 }), EspeakEngine.create({ size: 1, warmup: 1 })]);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', async () => {
      requests.push({ url: req.url!, headers: req.headers, body });
      if (failNext) {
        failNext = false;
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"model not loaded"}');
        return;
      }
      if (req.url === '/v1/audio/speech') {
        const j = JSON.parse(body) as { input: string; voice: string; speed: number };
        const pcm = await render(j.input, j.voice === 'zf_test' ? 'zh' : 'en', j.speed);
        // A streaming WAV: header with unknown size, then the samples in pieces.
        const wav = encodeWav(pcm, SR);
        new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
        res.writeHead(200, { 'content-type': 'audio/wav' });
        for (let at = 0; at < wav.length; at += 4097) res.write(wav.subarray(at, at + 4097));
        res.end();
      } else if (req.url === '/inference_sft' || req.url === '/inference_instruct') {
        const form = new URLSearchParams(body);
        const pcm = await render(form.get('tts_text')!, form.get('spk_id') === '中文女' ? 'zh' : 'en', 1);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await serverPool?.close();
  await phonemizer?.close();
});

/** The real fetch, counting calls: the engine's only way out. */
const calls: string[] = [];
const fetchSpy: Fetch = (url, init) => {
  calls.push(url);
  return fetch(url, init);
};

const openai = () =>
  new OpenAiSpeechEngine({ baseUrl: `${base}/v1`, model: 'kokoro', voices: { zh: 'zf_test', en: 'af_test' }, apiKey: 'sk-local', phonemizer, fetch: fetchSpy });

async function collect(it: AsyncIterable<TtsChunk>) {
  const pcm: Int16Array[] = [];
  const events: TtsEvent[] = [];
  let sampleRate = 0;
  for await (const c of it) {
    if ('pcm' in c) {
      pcm.push(c.pcm);
      sampleRate = c.sampleRate;
    } else events.push(c.event);
  }
  return { pcm: concatPcm(pcm), chunks: pcm.length, events, sampleRate };
}

/** Onset error of every sounding phoneme against what the server really sent. */
function onsetErrors(text: string, events: TtsEvent[]): number[] {
  const got = events.filter((e): e is Extract<TtsEvent, { type: 'phoneme' }> => e.type === 'phoneme' && e.ipa !== '');
  const want = truth.get(text)!;
  expect(got.map((p) => p.ipa)).toEqual(want.map((p) => p.ipa));
  return want.map((w, i) => Math.abs(w.ms - got[i]!.ms));
}

const SENTENCES: [string, 'zh' | 'en'][] = [
  ['大家好，欢迎来到冬奥官方直播间！', 'zh'],
  ['这款冰墩墩毛绒玩具只要八十八元，手感超级软。', 'zh'],
  ['库存只剩最后二十件了，喜欢的赶紧下单！', 'zh'],
  ['Hi everyone, welcome to the official Winter Games shop!', 'en'],
  ['Order now and get a free keychain with your plush.', 'en'],
  ['Free shipping nationwide, delivered in three to five days.', 'en'],
];

describe('HTTP engines', () => {
  it('OpenAI-compatible: streams the WAV reply and aligns phonemes to it within 30 ms for most phonemes', async () => {
    const errors: number[] = [];
    for (const [text, lang] of SENTENCES) {
      const r = await collect(openai().synthesize(text, { lang, emotion: { name: 'happy', intensity: 0.6 } }));
      expect(r.sampleRate).toBe(SR);
      expect(r.chunks).toBeGreaterThan(1);
      expect(r.events.at(-1)).toEqual({ type: 'end', ms: Math.round((r.pcm.length / SR) * 10000) / 10 });
      errors.push(...onsetErrors(text, r.events));
    }
    errors.sort((a, b) => a - b);
    const median = errors[Math.floor(errors.length / 2)]!;
    const within30 = errors.filter((e) => e <= 30).length / errors.length;
    expect(errors.length).toBeGreaterThan(150);
    expect(median).toBeLessThan(15);
    expect(within30).toBeGreaterThan(0.85);
  });

  it('sends model, voice, WAV format, the emotion as speed, and the API key', async () => {
    requests.length = 0;
    calls.length = 0;
    await collect(openai().synthesize('Hello there!', { lang: 'en', emotion: { name: 'sad', intensity: 1 } }));
    expect(calls).toEqual([`${base}/v1/audio/speech`]);
    const r = requests[0]!;
    expect(JSON.parse(r.body)).toEqual({ model: 'kokoro', input: 'Hello there!', voice: 'af_test', response_format: 'wav', speed: 0.8 });
    expect(r.headers.authorization).toBe('Bearer sk-local');
  });

  it('carries marks over to the received audio, at the word after them', async () => {
    const synth = new SpeechSynthesizer({ engine: openai(), store: new MemoryAudioStore() });
    const line = await synth.speak('Order now <mark name="g:thumbs-up"/>and get a free keychain with your plush.', { lang: 'en' });
    expect(JSON.parse(requests.at(-1)!.body).input).toBe('Order now and get a free keychain with your plush.');
    const and = truthWords.get('Order now and get a free keychain with your plush.')!.find((w) => w.text === 'and')!;
    expect(line.marks).toHaveLength(1);
    expect(Math.abs(line.marks[0]!.ms - and.ms)).toBeLessThan(30);
  });

  it('CosyVoice: posts the form, reads raw PCM at the model rate, and aligns it', async () => {
    requests.length = 0;
    const engine = new CosyVoiceEngine({ baseUrl: base, speakers: { zh: '中文女', en: '英文女' }, mode: 'instruct', sampleRate: SR, phonemizer, fetch: fetchSpy });
    const text = '大家好，欢迎来到冬奥官方直播间！';
    const r = await collect(engine.synthesize(text, { lang: 'zh', emotion: { name: 'excited', intensity: 0.9 } }));
    const form = new URLSearchParams(requests[0]!.body);
    expect(requests[0]!.url).toBe('/inference_instruct');
    expect(Object.fromEntries(form)).toEqual({ tts_text: text, spk_id: '中文女', instruct_text: '用非常兴奋的语气说' });
    expect(r.sampleRate).toBe(SR);
    const errors = onsetErrors(text, r.events).sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]!).toBeLessThan(20);
  });

  it('reports a failing server as an HttpTtsError with its status', async () => {
    failNext = true;
    const err = await collect(openai().synthesize('Hi', { lang: 'en', emotion: { name: 'neutral', intensity: 0 } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpTtsError);
    expect((err as HttpTtsError).status).toBe(500);
    expect((err as Error).message).toContain('model not loaded');
  });

  it('gives HTTP audio a lip-sync timeline through the synthesiser', async () => {
    const synth = new SpeechSynthesizer({ engine: openai(), store: new MemoryAudioStore() });
    const line = await synth.speak('这款冰墩墩毛绒玩具只要八十八元，手感超级软。', { emotion: { name: 'happy', intensity: 0.6 } });
    expect(line.engine).toMatch(/^openai:kokoro@127\.0\.0\.1:/);
    expect(line.visemes[0]!.startMs).toBe(0);
    expect(line.visemes.at(-1)!.endMs).toBe(line.audio.durationMs);
    // The padded start is a closed mouth; the stretched comma pause too.
    expect(line.visemes[0]!.v).toBe('sil');
    expect(line.visemes[0]!.endMs).toBeGreaterThan(PAD_MS - 80);
    expect(line.visemes.filter((c) => c.v === 'sil' && c.endMs - c.startMs > STRETCH_MS).length).toBeGreaterThanOrEqual(2);
  });

  it('passes the pause alignment check on the aligned timeline', async () => {
    const req: SynthesisRequest = { lang: 'en', emotion: { name: 'neutral', intensity: 0 } };
    const r = await collect(openai().synthesize('Free shipping nationwide, delivered in three to five days.', req));
    const env = loudnessEnvelope(r.pcm, SR, 5);
    const a = pauseAlignment(snapPausesToAudio(r.events, env), r.events.at(-1)!.ms, env);
    expect(a.maxMs).toBeLessThanOrEqual(30);
    expect(a.noisyPauses).toBe(0);
  });
});
