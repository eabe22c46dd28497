import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIO_KEY, type AudioStore, type StoredLine } from '@snowstage/voice';
import { writeFileAtomic } from '../atomic-write.js';

/**
 * The audio store on disk: `<dir>/<key>.wav` (served as is) and `<dir>/<key>.json` (visemes, marks,
 * words, text). Content-addressed and immutable: a key is written once (via a temp file and rename,
 * so readers never see half a file) and never changes. The JSON is written last; a line exists when
 * its JSON does.
 */
export class FileAudioStore implements AudioStore {
  private ready: Promise<unknown> | undefined;

  /** `dir` is usually `<dataDir>/audio`. */
  constructor(readonly dir: string) {}

  private ensureDir(): Promise<unknown> {
    return (this.ready ??= mkdir(this.dir, { recursive: true }));
  }

  /** The WAV file's path, or undefined for a malformed key (keys end up in paths: never trust them). */
  wavPath(key: string): string | undefined {
    return AUDIO_KEY.test(key) ? join(this.dir, `${key}.wav`) : undefined;
  }

  private jsonPath(key: string): string | undefined {
    return AUDIO_KEY.test(key) ? join(this.dir, `${key}.json`) : undefined;
  }

  async has(key: string): Promise<boolean> {
    const p = this.jsonPath(key);
    return !!p && (await stat(p).then(() => true, () => false));
  }

  async get(key: string): Promise<StoredLine | undefined> {
    const jp = this.jsonPath(key);
    if (!jp) return undefined;
    const json = await readFile(jp, 'utf8').catch(() => undefined);
    if (!json) return undefined;
    const bytes = await this.getAudio(key);
    if (!bytes) return undefined;
    const meta = JSON.parse(json) as Omit<StoredLine, 'audio'> & { audio: Omit<StoredLine['audio'], 'bytes'> };
    return { ...meta, audio: { ...meta.audio, bytes } };
  }

  async getAudio(key: string): Promise<Uint8Array | undefined> {
    const p = this.wavPath(key);
    if (!p) return undefined;
    const buf = await readFile(p).catch(() => undefined);
    return buf ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : undefined;
  }

  async put(line: StoredLine): Promise<void> {
    const wav = this.wavPath(line.key);
    const json = this.jsonPath(line.key);
    if (!wav || !json) throw new Error(`bad audio key ${line.key}`);
    await this.ensureDir();
    if (await this.has(line.key)) return;
    const { bytes, ...audioMeta } = line.audio;
    await writeFileAtomic(wav, bytes);
    await writeFileAtomic(json, JSON.stringify({ ...line, audio: audioMeta }));
  }
}

