import { describe, expect, it } from 'vitest';
import { encodeWav } from '@snowstage/protocol';
import { decodeWav, WavError, WavStreamDecoder } from './wav.js';

const tone = (n: number) => Int16Array.from({ length: n }, (_, i) => Math.round(Math.sin(i / 5) * 12000));

describe('WAV codec', () => {
  it('round-trips mono 16-bit PCM and its sample rate', () => {
    const pcm = tone(1001);
    const back = decodeWav(encodeWav(pcm, 22050));
    expect(back.sampleRate).toBe(22050);
    expect(Array.from(back.pcm)).toEqual(Array.from(pcm));
  });

  it('writes a standard 44-byte header', () => {
    const bytes = encodeWav(new Int16Array(10), 24000);
    expect(bytes.length).toBe(64);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF');
    expect(new DataView(bytes.buffer).getUint32(24, true)).toBe(24000);
  });

  it('decodes a stream fed in odd-sized pieces, including a split header and split samples', () => {
    const pcm = tone(500);
    const bytes = encodeWav(pcm, 16000);
    const d = new WavStreamDecoder();
    const got: number[] = [];
    for (let at = 0; at < bytes.length; at += 7) got.push(...d.push(bytes.subarray(at, at + 7)));
    d.end();
    expect(d.sampleRate).toBe(16000);
    expect(got).toEqual(Array.from(pcm));
  });

  it('reads streaming headers (data size 0xFFFFFFFF), extra chunks and stereo float audio', () => {
    const frames = 4;
    const fmt = new Uint8Array(40);
    const v = new DataView(fmt.buffer);
    // fmt chunk: float32, 2 channels, 24 kHz
    v.setUint16(0, 3, true); v.setUint16(2, 2, true); v.setUint32(4, 24000, true);
    v.setUint32(8, 24000 * 8, true); v.setUint16(12, 8, true); v.setUint16(14, 32, true);
    const samples = new Float32Array([0.5, 0.5, -0.25, -0.75, 0, 0, 1, 1]);
    const parts: Uint8Array[] = [];
    const chunk = (id: string, body: Uint8Array, size = body.length) => {
      const h = new Uint8Array(8);
      for (let i = 0; i < 4; i++) h[i] = id.charCodeAt(i);
      new DataView(h.buffer).setUint32(4, size, true);
      parts.push(h, body);
    };
    parts.push(new Uint8Array([82, 73, 70, 70, 255, 255, 255, 255, 87, 65, 86, 69]));
    chunk('fmt ', fmt.subarray(0, 16));
    chunk('LIST', new Uint8Array(5)); // odd size: padded to 6
    parts.push(new Uint8Array(1));
    chunk('data', new Uint8Array(samples.buffer), 0xffffffff);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { bytes.set(p, at); at += p.length; }
    const got = decodeWav(bytes);
    expect(got.sampleRate).toBe(24000);
    expect(got.pcm.length).toBe(frames);
    expect(Array.from(got.pcm)).toEqual([16384, -16383, 0, 32767]);
  });

  it('rejects bytes that are not WAV', () => {
    expect(() => decodeWav(new TextEncoder().encode('{"error":"quota exceeded"}'))).toThrow(WavError);
    expect(() => decodeWav(new Uint8Array(3))).toThrow(WavError);
  });
});
