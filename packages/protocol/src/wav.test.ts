import { describe, expect, it } from 'vitest';
import { encodeWav } from './wav.js';

describe('encodeWav', () => {
  it('writes Int16 samples as they are', () => {
    const v = new DataView(encodeWav(new Int16Array([0, -32768, 32767, 5]), 16000).buffer);
    expect([0, 1, 2, 3].map((i) => v.getInt16(44 + i * 2, true))).toEqual([0, -32768, 32767, 5]);
  });

  it('writes a 16-bit mono PCM header and clamped Float32 samples', () => {
    const wav = encodeWav(new Float32Array([0, 1, -1, 0.5, 2]), 22050);
    const v = new DataView(wav.buffer);
    const text = (at: number) => String.fromCharCode(...wav.slice(at, at + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(v.getUint32(4, true)).toBe(36 + 10);
    expect(v.getUint16(22, true)).toBe(1);
    expect(v.getUint32(24, true)).toBe(22050);
    expect(v.getUint16(34, true)).toBe(16);
    expect(v.getUint32(40, true)).toBe(10);
    expect([0, 1, 2, 3, 4].map((i) => v.getInt16(44 + i * 2, true))).toEqual([0, 32767, -32768, 16384, 32767]);
  });
});
