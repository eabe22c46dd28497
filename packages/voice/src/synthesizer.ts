import { encodeWav, type EmotionTag, type Lang } from '@snowstage/protocol';
import type { TtsChunk, TtsEngine, TtsEvent } from './types.js';
import { parseSpeechMarkup, plainText } from './text/markup.js';
import { detectLang } from './text/lang.js';
import { normalizeForSpeech } from './text/normalize.js';
import { prosodyFor } from './prosody.js';
import { concatPcm, decodeWav } from './audio/wav.js';
import { loudnessEnvelope } from './audio/envelope.js';
import { snapPausesToAudio } from './align/snap.js';
import { marksAtWords } from './align/marks.js';
import { buildVisemeTimeline } from './visemes/timeline.js';
import { abortError } from './async-queue.js';
import { contentKey, type AudioStore, type StoredLine } from './store.js';

/**
 * The voice's front door: text in, a playable line out (WAV audio, viseme timeline, gesture marks),
 * stored by content key so the same line is never synthesised twice, not even when two requests
 * for it arrive at once.
 */
export interface SpeakOptions {
  /** Default: detected from the text. */
  lang?: Lang;
  /** Default: neutral. */
  emotion?: EmotionTag;
  /** Overrides the engine's default voice for `lang`. */
  voice?: string;
}

export interface SpokenLine extends StoredLine {
  /** True when the line came from the store instead of the engine. */
  cached: boolean;
}

/** A line being synthesised: its chunks as they come (first audio fast), then the finished line. */
export interface SpeechStream {
  key: string;
  lang: Lang;
  text: string;
  chunks: AsyncIterable<TtsChunk>;
  /** Resolves once `chunks` has been read to the end; rejects if reading stopped early or failed. */
  line: Promise<SpokenLine>;
}

export interface SynthesizerOptions {
  engine: TtsEngine;
  store: AudioStore;
  /** How far mouth shapes lead the sound (default 40 ms). */
  visemeLeadMs?: number;
}

/** Bump when the timeline or normalisation changes, so stored lines are rebuilt. */
const PIPELINE_VERSION = 1;
const NEUTRAL: EmotionTag = { name: 'neutral', intensity: 0 };

interface Prepared {
  key: string;
  lang: Lang;
  text: string;
  emotion: EmotionTag;
  voice?: string;
  speakable: boolean;
}

export class SpeechSynthesizer {
  private readonly inflight = new Map<string, Promise<SpokenLine>>();
  private readonly engine: TtsEngine;
  private readonly store: AudioStore;
  private readonly leadMs: number;

  constructor(opts: SynthesizerOptions) {
    this.engine = opts.engine;
    this.store = opts.store;
    this.leadMs = opts.visemeLeadMs ?? 40;
  }

  /**
   * Use when: you need the content key of a line without speaking it (to check the store, build a URL).
   * Returns: normalised text, language and key = hash(engine, voices, prosody, lang, normalised text).
   */
  async prepare(text: string, opts: SpeakOptions = {}): Promise<Prepared> {
    const lang = opts.lang ?? detectLang(plainText(parseSpeechMarkup(text)));
    const normalised = normalizeForSpeech(text, lang);
    const emotion = opts.emotion ?? NEUTRAL;
    const info = this.engine.describe();
    const voices = { ...info.voices, ...(opts.voice ? { [lang]: opts.voice } : {}) };
    const key = await contentKey(
      JSON.stringify({ v: PIPELINE_VERSION, lead: this.leadMs, engine: info.id, voices, prosody: prosodyFor(emotion), lang, text: normalised }),
    );
    const speakable = /[\p{L}\p{N}]/u.test(plainText(parseSpeechMarkup(normalised)));
    return { key, lang, text: normalised, emotion, voice: opts.voice, speakable };
  }

  /**
   * Use when: you want the whole line (a show event needs its duration and visemes up front).
   * Expects: brain text (speech markup allowed). Returns: the stored or newly made line.
   */
  async speak(text: string, opts: SpeakOptions = {}, signal?: AbortSignal): Promise<SpokenLine> {
    const p = await this.prepare(text, opts);
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const running = this.inflight.get(p.key);
      if (running) {
        try {
          return { ...(await running), cached: true };
        } catch (err) {
          if ((err as Error).name !== 'AbortError') throw err;
          continue; // the other caller gave up; make it ourselves
        }
      }
      const stored = await this.store.get(p.key, signal);
      if (stored) return { ...stored, cached: true };
      if (this.inflight.has(p.key)) continue; // someone started it while we looked in the store
      const s = this.start(p, signal);
      for await (const _ of s.chunks) {
        // drain: the line is assembled from the chunks
      }
      return s.line;
    }
  }

  /**
   * Use when: latency matters (answering a comment): play the first chunk while the rest is made.
   * Expects: the caller reads `chunks` to the end or breaks out of it (other callers of the same line
   * wait for it). Returns: a stream of PCM chunks and events; a cached line comes back as one chunk.
   */
  async stream(text: string, opts: SpeakOptions = {}, signal?: AbortSignal): Promise<SpeechStream> {
    const p = await this.prepare(text, opts);
    let known = this.inflight.get(p.key);
    if (!known) {
      const stored = await this.store.get(p.key, signal);
      known = stored ? Promise.resolve({ ...stored, cached: true }) : this.inflight.get(p.key);
    }
    if (known) {
      const line = known.then((l) => ({ ...l, cached: true }));
      return { key: p.key, lang: p.lang, text: p.text, chunks: replay(line), line };
    }
    return this.start(p, signal);
  }

  /** Starts synthesis, registers it as in flight, and stores the line when the chunks are all read. */
  private start(p: Prepared, signal?: AbortSignal): SpeechStream {
    let resolve!: (l: SpokenLine) => void;
    let reject!: (e: unknown) => void;
    const line = new Promise<SpokenLine>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    line.catch(() => undefined); // callers that only read chunks must not leave it unhandled
    // Registered now, not when reading starts, so concurrent callers wait instead of duplicating work:
    // a caller of `stream` must therefore read `chunks` (to the end, or break out of it).
    this.inflight.set(p.key, line);
    const done = () => {
      if (this.inflight.get(p.key) === line) this.inflight.delete(p.key);
    };
    const self = this;
    async function* chunks(): AsyncGenerator<TtsChunk> {
      const pcm: Int16Array[] = [];
      const events: TtsEvent[] = [];
      let sampleRate = self.engine.describe().sampleRate;
      let finished = false;
      try {
        if (p.speakable) {
          for await (const c of self.engine.synthesize(p.text, { lang: p.lang, emotion: p.emotion, voice: p.voice }, signal)) {
            if ('pcm' in c) {
              pcm.push(c.pcm);
              sampleRate = c.sampleRate;
            } else events.push(c.event);
            yield c;
          }
        } else {
          for (const piece of parseSpeechMarkup(p.text)) if (piece.kind === 'mark') events.push({ type: 'mark', ms: 0, name: piece.name });
          events.push({ type: 'end', ms: 0 });
          for (const e of events) yield { event: e };
        }
        finished = true;
        const made = self.assemble(p, concatPcm(pcm), sampleRate, events);
        await self.store.put(made, signal);
        resolve({ ...made, cached: false });
      } catch (err) {
        reject(err);
        throw err;
      } finally {
        if (!finished) reject(abortError(signal));
        done();
      }
    }
    return { key: p.key, lang: p.lang, text: p.text, chunks: chunks(), line };
  }

  private assemble(p: Prepared, pcm: Int16Array, sampleRate: number, events: TtsEvent[]): StoredLine {
    const durationMs = Math.round((pcm.length / sampleRate) * 1000);
    const env = loudnessEnvelope(pcm, sampleRate, 5);
    const timed = marksAtWords(pcm.length ? snapPausesToAudio(events, env) : events);
    return {
      key: p.key,
      text: p.text,
      lang: p.lang,
      engine: this.engine.describe().id,
      audio: { bytes: encodeWav(pcm, sampleRate), durationMs, sampleRate, format: 'wav' },
      visemes: buildVisemeTimeline(timed, durationMs, env, { leadMs: this.leadMs }),
      marks: timed.filter((e) => e.type === 'mark').map((e) => ({ name: (e as { name: string }).name, ms: Math.round(e.ms) })),
      words: timed.filter((e) => e.type === 'word').map((e) => ({ text: (e as { text: string }).text, ms: Math.round(e.ms) })),
    };
  }
}

/** A finished line as a stream: its whole PCM as one chunk, then its marks and the end. */
async function* replay(line: Promise<SpokenLine>): AsyncGenerator<TtsChunk> {
  const l = await line;
  const { pcm, sampleRate } = decodeWav(l.audio.bytes);
  if (pcm.length) yield { pcm, sampleRate };
  for (const m of l.marks) yield { event: { type: 'mark', ms: m.ms, name: m.name } };
  yield { event: { type: 'end', ms: l.audio.durationMs } };
}

/**
 * Use when: speaking a stream of segments (from `segmentSpeech` or the brain) one after another.
 * Synthesises the next segment while the caller handles the current one.
 */
export async function* speakAll(
  synth: SpeechSynthesizer,
  segments: AsyncIterable<{ text: string; emotion?: EmotionTag }>,
  opts: Omit<SpeakOptions, 'emotion'> & { emotion?: EmotionTag } = {},
  signal?: AbortSignal,
): AsyncGenerator<SpokenLine> {
  let pending: Promise<SpokenLine> | undefined;
  for await (const seg of segments) {
    const next = synth.speak(seg.text, { ...opts, emotion: seg.emotion ?? opts.emotion }, signal);
    next.catch(() => undefined);
    if (pending) yield await pending;
    pending = next;
  }
  if (pending) yield await pending;
}
