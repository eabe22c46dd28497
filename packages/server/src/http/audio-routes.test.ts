import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWav, EspeakEngine, SpeechSynthesizer, type SpokenLine } from '@snowstage/voice';
import { FileAudioStore } from '../voice/file-audio-store.js';
import { audioRoutes, audioUrl } from './audio-routes.js';
import { installErrorHandler } from './errors.js';

let app: FastifyInstance;
let engine: EspeakEngine;
let line: SpokenLine;

beforeAll(async () => {
  engine = await EspeakEngine.create({ size: 1, warmup: 1 });
  const store = new FileAudioStore(join(mkdtempSync(join(tmpdir(), 'audio-routes-')), 'audio'));
  line = await new SpeechSynthesizer({ engine, store }).speak('大家好，欢迎来到冬奥直播间！', { emotion: { name: 'happy', intensity: 0.7 } });
  app = Fastify();
  installErrorHandler(app);
  await app.register(audioRoutes, { store });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await engine?.close();
});

describe('GET /api/audio/:key.wav', () => {
  it('serves a spoken line as WAV, cacheable forever, with an ETag', async () => {
    const res = await app.inject({ method: 'GET', url: audioUrl(line.key) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.etag).toBe(`"${line.key}"`);
    expect(res.headers['accept-ranges']).toBe('bytes');
    const wav = decodeWav(new Uint8Array(res.rawPayload));
    expect(Math.round((wav.pcm.length / wav.sampleRate) * 1000)).toBe(line.audio.durationMs);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const res = await app.inject({ method: 'GET', url: audioUrl(line.key), headers: { 'if-none-match': `W/"x", "${line.key}"` } });
    expect(res.statusCode).toBe(304);
    expect(res.rawPayload.length).toBe(0);
  });

  it('serves byte ranges, open-ended and suffix ranges, and refuses impossible ones', async () => {
    const size = line.audio.bytes.length;
    const part = await app.inject({ method: 'GET', url: audioUrl(line.key), headers: { range: 'bytes=0-43' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-43/${size}`);
    expect(new Uint8Array(part.rawPayload)).toEqual(line.audio.bytes.subarray(0, 44));
    const tail = await app.inject({ method: 'GET', url: audioUrl(line.key), headers: { range: 'bytes=-100' } });
    expect(tail.headers['content-range']).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    expect(new Uint8Array(tail.rawPayload)).toEqual(line.audio.bytes.subarray(size - 100));
    const open = await app.inject({ method: 'GET', url: audioUrl(line.key), headers: { range: `bytes=${size - 10}-` } });
    expect(open.rawPayload.length).toBe(10);
    const bad = await app.inject({ method: 'GET', url: audioUrl(line.key), headers: { range: `bytes=${size}-` } });
    expect(bad.statusCode).toBe(416);
    expect(bad.headers['content-range']).toBe(`bytes */${size}`);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.inject({ method: 'HEAD', url: audioUrl(line.key) });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${line.key}"`);
    expect(res.rawPayload.length).toBe(0);
  });

  it('404s unknown keys, malformed keys and path tricks', async () => {
    for (const url of ['/api/audio/ffffffffffffffffffffffffffffffff.wav', '/api/audio/nothex.wav', `/api/audio/${line.key}.mp3`, '/api/audio/..%2F..%2Fetc%2Fpasswd.wav']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
  });
});
