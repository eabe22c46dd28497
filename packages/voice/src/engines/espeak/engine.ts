import type { Lang } from '@snowstage/protocol';
import type { EngineInfo, SynthesisRequest, TtsChunk, TtsEngine } from '../../types.js';
import { parseSpeechMarkup } from '../../text/markup.js';
import { splitLangRuns } from '../../text/lang.js';
import { prosodyFor } from '../../prosody.js';
import { abortError } from '../../async-queue.js';
import { EspeakPool, type EspeakOutput, type EspeakPoolOptions } from './pool.js';
import { toEspeakText, trailingPause } from './ssml.js';
import { RunStitcher } from './stitch.js';

/**
 * The embedded engine: eSpeak-NG (GPL-3.0) compiled to JavaScript, in a pool of worker threads.
 * Offline, 22.05 kHz mono, Mandarin and English, female voices by default, real phoneme/word/mark
 * events. A sentence mixing both languages is split into language runs, each synthesised with its
 * own voice (in parallel on the pool), and joined into one stream.
 */
export interface EspeakEngineOptions extends EspeakPoolOptions {
  /** Default voice per language (default `cmn+f3` and `en-us+f2`). */
  voices?: Partial<Record<Lang, string>>;
}

export const ESPEAK_VOICES: Record<Lang, string> = { zh: 'cmn+f3', en: 'en-us+f2' };

/** eSpeak voice names we pass on: Mandarin, Cantonese or English, with an optional variant (+f3, +m3…). */
const VOICE_NAME = /^(cmn|yue|en(-[a-z0-9]+)*)(\+[A-Za-z0-9_-]+)?$/;

function checkVoice(v: string): string {
  // eSpeak accepts any name, then synthesises with a broken phoneme table: refuse unknown ones here.
  if (!VOICE_NAME.test(v)) throw new Error(`not an eSpeak-NG Mandarin or English voice: ${JSON.stringify(v)}`);
  return v;
}

/** Trailing silence kept where a language run meets the next, by how the run ends. */
const KEEP_TAIL_MS = { none: 30, weak: 180, strong: 320, break: Infinity } as const;

export class EspeakEngine implements TtsEngine {
  private constructor(
    private readonly pool: EspeakPool,
    private readonly voices: Record<Lang, string>,
  ) {}

  /** Use when: starting up. Resolves when the workers are warm (about 1–3 s on 2 cores). */
  static async create(opts: EspeakEngineOptions = {}): Promise<EspeakEngine> {
    const voices = { ...ESPEAK_VOICES, ...opts.voices };
    checkVoice(voices.zh);
    checkVoice(voices.en);
    const pool = await EspeakPool.start(opts);
    return new EspeakEngine(pool, voices);
  }

  describe(): EngineInfo {
    return { id: 'espeak-ng', voices: { ...this.voices }, sampleRate: this.pool.sampleRate, nativePhonemes: true, licence: 'GPL-3.0' };
  }

  async *synthesize(text: string, req: SynthesisRequest, signal?: AbortSignal): AsyncGenerator<TtsChunk> {
    if (signal?.aborted) throw abortError(signal);
    if (req.voice) checkVoice(req.voice);
    const prosody = prosodyFor(req.emotion);
    const runs = splitLangRuns(parseSpeechMarkup(text), req.lang);
    const inner = new AbortController();
    const onAbort = () => inner.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Queue every run at once: later runs synthesise on the other worker while the first streams.
    const streams = runs.map((r) =>
      this.pool.run({ text: toEspeakText(r.pieces), voice: r.lang === req.lang && req.voice ? req.voice : this.voices[r.lang], prosody }, inner.signal),
    );
    const stitch = new RunStitcher(this.pool.sampleRate);
    try {
      for (const [i, run] of runs.entries()) {
        const last = i === runs.length - 1;
        stitch.beginRun({ lang: run.lang, trimLead: i > 0, keepTailMs: last ? Infinity : KEEP_TAIL_MS[trailingPause(run.pieces)] });
        for await (const out of streams[i]! as AsyncIterable<EspeakOutput>) yield* stitch.push(out.pcm, out.events);
        yield* stitch.endRun();
      }
      yield* stitch.finish();
    } catch (err) {
      if (signal?.aborted) throw abortError(signal);
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      inner.abort(); // stops runs not yet consumed (consumer broke out early)
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
