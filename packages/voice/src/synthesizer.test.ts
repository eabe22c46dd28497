import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EspeakEngine } from './engines/espeak/engine.js';
import { SpeechSynthesizer, speakAll } from './synthesizer.js';
import { AUDIO_KEY, MemoryAudioStore } from './store.js';
import { decodeWav } from './audio/wav.js';
import { loudnessEnvelope, relativeLoudness, silences } from './audio/envelope.js';
import type { SynthesisRequest, TtsEngine } from './types.js';

let espeak: EspeakEngine;
beforeAll(async () => {
  espeak = await EspeakEngine.create({ size: 1, warmup: 2 });
}, 60_000);
afterAll(() => espeak?.close());

/** The real engine, with a count of the utterances it was asked for. */
function counting(engine: TtsEngine): TtsEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    describe: () => engine.describe(),
    synthesize: (text: string, req: SynthesisRequest, signal?: AbortSignal) => {
      calls.push(text);
      return engine.synthesize(text, req, signal);
    },
    close: () => Promise.resolve(),
  };
}

function setup() {
  const engine = counting(espeak);
  const store = new MemoryAudioStore();
  return { engine, store, synth: new SpeechSynthesizer({ engine, store }) };
}

describe('SpeechSynthesizer', () => {
  it('speaks a line into WAV audio, a viseme timeline, marks and a content key', async () => {
    const { synth } = setup();
    const line = await synth.speak('这件冰墩墩只要¥88，<mark name="g:thumbs-up"/>快来抢！', { emotion: { name: 'happy', intensity: 0.8 } });
    expect(line.key).toMatch(AUDIO_KEY);
    expect(line.lang).toBe('zh');
    expect(line.text).toBe('这件冰墩墩只要八十八元，<mark name="g:thumbs-up"/>快来抢！');
    const wav = decodeWav(line.audio.bytes);
    expect(wav.sampleRate).toBe(22050);
    expect(Math.abs(line.audio.durationMs - (wav.pcm.length / 22050) * 1000)).toBeLessThan(1);
    expect(line.visemes[0]!.startMs).toBe(0);
    expect(line.visemes.at(-1)!.endMs).toBe(line.audio.durationMs);
    expect(line.marks).toEqual([{ name: 'g:thumbs-up', ms: expect.any(Number) }]);
    const kuai = line.words.find((w) => w.text.startsWith('快'))!;
    expect(Math.abs(line.marks[0]!.ms - kuai.ms)).toBeLessThanOrEqual(15);
    expect(line.cached).toBe(false);
  });

  it('puts the pauses of the markup into the audio, where the words say they are', async () => {
    const { synth } = setup();
    const pauses = async (text: string) => {
      const line = await synth.speak(text, { lang: 'en' });
      const wav = decodeWav(line.audio.bytes);
      return { line, gaps: silences(loudnessEnvelope(wav.pcm, wav.sampleRate), 250) };
    };
    const plain = await pauses('Ready everyone go');
    const broken = await pauses('Ready everyone <break time="800ms"/> go');
    expect(plain.gaps.filter((g) => g.startMs > 50 && g.endMs < plain.line.audio.durationMs - 50)).toEqual([]);
    // An 800 ms silence inside the line, between "everyone" and "go".
    const inner = broken.gaps.filter((g) => g.startMs > 50 && g.endMs < broken.line.audio.durationMs - 50);
    expect(inner).toHaveLength(1);
    expect(inner[0]!.endMs - inner[0]!.startMs).toBeGreaterThanOrEqual(650);
    const go = broken.line.words.find((w) => w.text.toLowerCase().startsWith('go'))!;
    expect(Math.abs(go.ms - inner[0]!.endMs)).toBeLessThan(120);
  });

  it('says emphasised words louder than the same words plain', async () => {
    const { synth } = setup();
    const level = async (text: string) => {
      const line = await synth.speak(text, { lang: 'en' });
      const wav = decodeWav(line.audio.bytes);
      const env = loudnessEnvelope(wav.pcm, wav.sampleRate);
      const w = line.words.findIndex((x) => x.text.toLowerCase().startsWith('today'));
      const end = line.words[w + 1]?.ms ?? line.audio.durationMs;
      return relativeLoudness(env, line.words[w]!.ms, end);
    };
    expect(await level('Only today, the plush is cheaper.')).toBeLessThan(await level('Only <emphasis>today</emphasis>, the plush is cheaper.'));
  });

  it('never synthesises the same line twice, even when asked concurrently', async () => {
    const { synth, engine } = setup();
    const [a, b, c] = await Promise.all([synth.speak('Hello there!'), synth.speak('Hello there!'), synth.speak('Hello there!', { lang: 'en' })]);
    expect(engine.calls).toHaveLength(1);
    expect(new Set([a.key, b.key, c.key]).size).toBe(1);
    const again = await synth.speak('Hello there!');
    expect(again.cached).toBe(true);
    expect(engine.calls).toHaveLength(1);
    expect(again.audio.bytes).toEqual(a.audio.bytes);
  });

  it('keys lines by engine, voice, prosody and normalised text', async () => {
    const { synth } = setup();
    const k = async (text: string, o = {}) => (await synth.prepare(text, o)).key;
    expect(await k('只要¥88')).toBe(await k('只要88元'));
    expect(await k('只要¥88')).not.toBe(await k('只要¥89'));
    expect(await k('Hi', { emotion: { name: 'happy', intensity: 1 } })).not.toBe(await k('Hi', { emotion: { name: 'sad', intensity: 1 } }));
    expect(await k('Hi', { voice: 'en-us+f4' })).not.toBe(await k('Hi'));
    expect(await k('Hi', { emotion: { name: 'happy', intensity: 0 } })).toBe(await k('Hi'));
  });

  it('streams the first chunk before the line is finished, then stores the line', async () => {
    const { synth, store } = setup();
    const s = await synth.stream('大家好，欢迎来到冬奥官方直播间，今天给大家带来的是冰墩墩毛绒玩具！', { lang: 'zh' });
    let lineDone = false;
    void s.line.then(() => (lineDone = true));
    let firstPcm: Int16Array | undefined;
    let samples = 0;
    for await (const c of s.chunks) {
      if ('pcm' in c) {
        firstPcm ??= c.pcm;
        expect(lineDone).toBe(false);
        samples += c.pcm.length;
      }
    }
    const line = await s.line;
    expect(firstPcm!.length).toBeLessThan(samples);
    expect(decodeWav(line.audio.bytes).pcm.length).toBe(samples);
    expect(await store.has(s.key)).toBe(true);
    // A second stream of the same line replays it from the store as one chunk.
    const again = await synth.stream('大家好，欢迎来到冬奥官方直播间，今天给大家带来的是冰墩墩毛绒玩具！', { lang: 'zh' });
    const chunks = [];
    for await (const c of again.chunks) chunks.push(c);
    expect(chunks.filter((c) => 'pcm' in c)).toHaveLength(1);
    expect((await again.line).cached).toBe(true);
  });

  it('stores nothing when the caller stops reading, and the line can be spoken afterwards', async () => {
    const { synth, store, engine } = setup();
    const text = 'This is a long line that the viewer interrupts before it is finished, so it must not be stored.';
    const s = await synth.stream(text);
    for await (const c of s.chunks) if ('pcm' in c) break;
    await expect(s.line).rejects.toMatchObject({ name: 'AbortError' });
    expect(await store.has(s.key)).toBe(false);
    const line = await synth.speak(text);
    expect(line.cached).toBe(false);
    expect(engine.calls).toHaveLength(2);
  });

  it('aborts with an AbortError', async () => {
    const { synth } = setup();
    const ac = new AbortController();
    ac.abort();
    await expect(synth.speak('再见', {}, ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('returns an empty line for text with nothing to say, keeping its marks', async () => {
    const { synth, engine } = setup();
    const line = await synth.speak('😍👍<mark name="g:heart-hands"/>');
    expect(line.audio.durationMs).toBe(0);
    expect(line.visemes).toEqual([]);
    expect(line.marks).toEqual([{ name: 'g:heart-hands', ms: 0 }]);
    expect(engine.calls).toHaveLength(0);
  });

  it('speaks a stream of segments in order', async () => {
    const { synth } = setup();
    async function* segs() {
      yield { text: '大家好，' };
      yield { text: 'Welcome to the shop!', emotion: { name: 'excited' as const, intensity: 0.7 } };
    }
    const lines = [];
    for await (const l of speakAll(synth, segs())) lines.push(l);
    expect(lines.map((l) => l.lang)).toEqual(['zh', 'en']);
    expect(lines[1]!.words.map((w) => w.text)).toEqual(['Welcome', 'to', 'the', 'shop']);
  });
});
