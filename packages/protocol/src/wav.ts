/**
 * The audio file format the server serves (`/api/audio/:key.wav`, `/api/songs/:id.wav`): 16-bit mono PCM WAV.
 * One encoder for speech (Int16 samples from the voice) and music (Float32 samples from the song
 * generator); pure, so the browser's test fixtures use it too. Decoding lives in `@snowstage/voice`.
 */

/**
 * Use when: storing or serving synthesised speech or music.
 * Expects: mono samples, Int16 as they are or Float32 in −1..1 (clamped). Returns: a complete WAV file
 * (44-byte header + little-endian samples).
 */
export function encodeWav(pcm: Int16Array | Float32Array, sampleRate: number): Uint8Array {
  const out = new Uint8Array(44 + pcm.length * 2);
  const v = new DataView(out.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + pcm.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, pcm.length * 2, true);
  if (pcm instanceof Int16Array) {
    for (let i = 0; i < pcm.length; i++) v.setInt16(44 + i * 2, pcm[i]!, true);
  } else {
    for (let i = 0; i < pcm.length; i++) {
      const x = Math.max(-1, Math.min(1, pcm[i]!));
      v.setInt16(44 + i * 2, Math.round(x < 0 ? x * 0x8000 : x * 0x7fff), true);
    }
  }
  return out;
}
