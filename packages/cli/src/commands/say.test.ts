import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWav } from '@snowstage/voice';
import { run } from './say.js';

afterEach(() => vi.restoreAllMocks());

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
  const code = await run(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('snowstage say', () => {
  it('writes the WAV and prints the viseme timeline as one JSON object', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'say-')), 'line.wav');
    const { code, out } = await capture(['这件T恤只要¥88，<mark name="g:thumbs-up"/>快来！', '--emotion', 'happy', '--intensity', '0.8', '--out', file]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ lang: 'zh', emotion: { name: 'happy', intensity: 0.8 }, engine: 'espeak-ng', out: file, sampleRate: 22050 });
    expect(r.text).toContain('八十八元');
    const wav = decodeWav(new Uint8Array(readFileSync(file)));
    expect(Math.round((wav.pcm.length / 22050) * 1000)).toBe(r.durationMs);
    expect(r.visemes[0].startMs).toBe(0);
    expect(r.visemes.at(-1).endMs).toBe(r.durationMs);
    expect(r.marks).toEqual([{ name: 'g:thumbs-up', ms: expect.any(Number) }]);
  }, 30_000);

  it('detects English when --lang is absent', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'say-')), 'en.wav');
    const { code, out } = await capture(['Thank you so much!', '--out', file]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ lang: 'en', emotion: { name: 'neutral', intensity: 0 } });
  }, 30_000);

  it('refuses missing text or --out, unknown emotions, languages and intensities', async () => {
    for (const argv of [[], ['hi'], ['hi', '--out', 'x.wav', '--emotion', 'bored'], ['hi', '--out', 'x.wav', '--lang', 'fr'], ['hi', '--out', 'x.wav', '--intensity', '3']]) {
      const r = await capture(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^usage: npx snowstage say/);
    }
  });
});
