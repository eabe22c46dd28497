import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '@snowstage/protocol';
import type { StoredLine } from '@snowstage/voice';
import { FileAudioStore } from './file-audio-store.js';

function line(key: string): StoredLine {
  const pcm = Int16Array.from({ length: 2205 }, (_, i) => Math.round(Math.sin(i / 7) * 9000));
  return {
    key,
    text: '你好',
    lang: 'zh',
    engine: 'espeak-ng',
    audio: { bytes: encodeWav(pcm, 22050), durationMs: 100, sampleRate: 22050, format: 'wav' },
    visemes: [{ v: 'sil', startMs: 0, endMs: 100, weight: 1 }],
    marks: [{ name: 'g:wave', ms: 20 }],
    words: [{ text: '你好', ms: 0 }],
  };
}

const KEY = '0123456789abcdef0123456789abcdef';

describe('FileAudioStore', () => {
  it('stores a line as <key>.wav and <key>.json and reads it back', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'voice-store-')), 'audio');
    const store = new FileAudioStore(dir);
    expect(await store.has(KEY)).toBe(false);
    expect(await store.get(KEY)).toBeUndefined();
    await store.put(line(KEY));
    expect(await store.has(KEY)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([`${KEY}.json`, `${KEY}.wav`]);
    expect(new Uint8Array(readFileSync(join(dir, `${KEY}.wav`)))).toEqual(line(KEY).audio.bytes);
    expect(await store.get(KEY)).toEqual(line(KEY));
    expect(await store.getAudio(KEY)).toEqual(line(KEY).audio.bytes);
  });

  it('keeps the first version of a key (content-addressed, immutable)', async () => {
    const store = new FileAudioStore(mkdtempSync(join(tmpdir(), 'voice-store-')));
    await store.put(line(KEY));
    await store.put({ ...line(KEY), text: 'changed' });
    expect((await store.get(KEY))!.text).toBe('你好');
  });

  it('refuses keys that are not content hashes, so no path can escape the folder', async () => {
    const store = new FileAudioStore(mkdtempSync(join(tmpdir(), 'voice-store-')));
    for (const bad of ['../../etc/passwd', 'ABCDEF0123456789ABCDEF0123456789', '0123', `${KEY}/x`]) {
      expect(store.wavPath(bad)).toBeUndefined();
      expect(await store.getAudio(bad)).toBeUndefined();
      await expect(store.put(line(bad))).rejects.toThrow(/bad audio key/);
    }
  });

  it('survives concurrent puts of the same key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voice-store-'));
    const store = new FileAudioStore(dir);
    await Promise.all(Array.from({ length: 5 }, () => store.put(line(KEY))));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await store.get(KEY)).toEqual(line(KEY));
  });
});
