import type { EngineInfo, SynthesisRequest, TtsChunk, TtsEngine } from '../../types.js';
import { parseSpeechMarkup, type SpeechPiece } from '../../text/markup.js';
import { concatPcm, WavStreamDecoder } from '../../audio/wav.js';
import { alignEvents, referenceSpeech } from '../../align/align.js';
import { abortError } from '../../async-queue.js';

/**
 * The shared half of the HTTP engines: send the request, stream the audio back (WAV, or raw 16-bit
 * PCM at a known rate), then give it a phoneme/word/mark timeline by aligning the embedded engine's
 * rendering of the same text (see align/align.ts). Subclasses only build the request.
 */
export type Fetch = (input: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<Response>;

export interface HttpEngineBase {
  /** Base URL of the server. */
  baseUrl: string;
  /** The embedded engine, used to phonemise the text for the viseme timeline. */
  phonemizer: TtsEngine;
  /** Injected `fetch` (tests use a local server; the default is the global fetch). */
  fetch?: Fetch;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
}

export class HttpTtsError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HttpTtsError';
  }
}

/** Text for engines without markup: marks dropped, breaks become a comma's pause, emphasis kept as words. */
export function spokenText(pieces: readonly SpeechPiece[]): string {
  return pieces
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'break' ? (p.ms >= 250 ? '… ' : ', ') : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export abstract class HttpEngine implements TtsEngine {
  protected readonly fetch: Fetch;

  constructor(protected readonly base: HttpEngineBase) {
    this.fetch = base.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  abstract describe(): EngineInfo;

  /** The request for one utterance, and the sample rate to assume if the reply is raw PCM. */
  protected abstract request(text: string, req: SynthesisRequest): { url: string; headers: Record<string, string>; body: string; rawSampleRate: number };

  async *synthesize(markup: string, req: SynthesisRequest, signal?: AbortSignal): AsyncGenerator<TtsChunk> {
    if (signal?.aborted) throw abortError(signal);
    const timeout = AbortSignal.timeout(this.base.timeoutMs ?? 30_000);
    const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
    // The reference rendering runs alongside the request; it is needed once the audio is in.
    const reference = referenceSpeech(this.base.phonemizer, markup, req, both);
    reference.catch(() => undefined);
    const { url, headers, body, rawSampleRate } = this.request(spokenText(parseSpeechMarkup(markup)), req);
    let res: Response;
    try {
      res = await this.fetch(url, { method: 'POST', headers, body, signal: both });
    } catch (err) {
      if (signal?.aborted) throw abortError(signal);
      throw new HttpTtsError(`TTS server unreachable at ${url}: ${(err as Error).message}`);
    }
    if (!res.ok || !res.body) {
      const detail = await res.text().catch(() => '');
      throw new HttpTtsError(`TTS server answered ${res.status} at ${url}: ${detail.slice(0, 200)}`, res.status);
    }
    const chunks: Int16Array[] = [];
    let sampleRate = rawSampleRate;
    try {
      let wav: WavStreamDecoder | undefined;
      let raw = true;
      let first = true;
      let odd = new Uint8Array(0);
      for await (const bytes of res.body as unknown as AsyncIterable<Uint8Array>) {
        if (first) {
          first = false;
          raw = !(bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === 'RIFF');
          if (!raw) wav = new WavStreamDecoder();
        }
        let pcm: Int16Array;
        if (wav) {
          pcm = wav.push(bytes);
          sampleRate = wav.sampleRate ?? sampleRate;
        } else {
          const all = odd.length ? new Uint8Array([...odd, ...bytes]) : bytes;
          const even = all.length & ~1;
          pcm = new Int16Array(all.slice(0, even).buffer);
          odd = all.slice(even);
        }
        if (pcm.length) {
          chunks.push(pcm);
          yield { pcm, sampleRate };
        }
      }
      wav?.end();
    } catch (err) {
      if (signal?.aborted) throw abortError(signal);
      throw err instanceof HttpTtsError ? err : new HttpTtsError(`bad audio from ${url}: ${(err as Error).message}`);
    }
    const events = alignEvents(await reference, concatPcm(chunks), sampleRate);
    for (const event of events) yield { event };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
