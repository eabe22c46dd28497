import type { Lang, VisemeCue } from '@snowstage/protocol';

/**
 * The audio store port: synthesised lines by content key, so the same line is never synthesised
 * twice. The server wires a file-backed adapter (packages/server/src/voice/file-audio-store.ts);
 * `MemoryAudioStore` is for tests and one-shot commands.
 */

export interface SpeechAudio {
  /** A complete WAV file (16-bit PCM, mono). */
  bytes: Uint8Array;
  durationMs: number;
  sampleRate: number;
  format: 'wav';
}

/** Everything the show needs to play a line: audio, mouth timeline, gesture marks, word times. */
export interface StoredLine {
  key: string;
  /** The normalised speech markup that was spoken. */
  text: string;
  lang: Lang;
  engine: string;
  audio: SpeechAudio;
  visemes: VisemeCue[];
  marks: { name: string; ms: number }[];
  words: { text: string; ms: number }[];
}

export interface AudioStore {
  has(key: string, signal?: AbortSignal): Promise<boolean>;
  get(key: string, signal?: AbortSignal): Promise<StoredLine | undefined>;
  /** Stores a line; storing the same key twice keeps the first (content-addressed, immutable). */
  put(line: StoredLine, signal?: AbortSignal): Promise<void>;
  /** The WAV bytes alone, for serving over HTTP. */
  getAudio(key: string, signal?: AbortSignal): Promise<Uint8Array | undefined>;
}

/** Keys are lowercase hex content hashes; anything else is refused (they end up in paths and URLs). */
export const AUDIO_KEY = /^[0-9a-f]{32}$/;

/**
 * Use when: a process needs a store without disk (tests, `snowstage say`).
 * Keeps at most `maxLines` lines, dropping the least recently used.
 */
export class MemoryAudioStore implements AudioStore {
  private readonly lines = new Map<string, StoredLine>();
  constructor(private readonly maxLines = 500) {}

  async has(key: string): Promise<boolean> {
    return this.lines.has(key);
  }

  async get(key: string): Promise<StoredLine | undefined> {
    const line = this.lines.get(key);
    if (line) {
      this.lines.delete(key);
      this.lines.set(key, line);
    }
    return line;
  }

  async put(line: StoredLine): Promise<void> {
    if (!AUDIO_KEY.test(line.key)) throw new Error(`bad audio key ${line.key}`);
    if (this.lines.has(line.key)) return;
    this.lines.set(line.key, line);
    while (this.lines.size > this.maxLines) this.lines.delete(this.lines.keys().next().value!);
  }

  async getAudio(key: string): Promise<Uint8Array | undefined> {
    return this.lines.get(key)?.audio.bytes;
  }
}

/** SHA-256 of a string as lowercase hex, cut to 32 characters (128 bits). Web Crypto: works in Node and browsers. */
export async function contentKey(s: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('').slice(0, 32);
}
