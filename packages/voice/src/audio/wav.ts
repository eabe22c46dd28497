/**
 * WAV (RIFF) decoding (the one encoder is `encodeWav` in @snowstage/protocol).
 * The decoder also reads 8/24/32-bit integer and 32-bit float PCM, WAVE_FORMAT_EXTENSIBLE headers and
 * "streaming" files whose data size is 0 or 0xFFFFFFFF (as HTTP TTS servers send), and mixes
 * multi-channel audio down to mono.
 */

export interface PcmAudio {
  pcm: Int16Array;
  sampleRate: number;
}

interface WavFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  float: boolean;
}

/** Thrown for bytes that are not a WAV file this decoder can read. */
export class WavError extends Error {}

/**
 * Incremental WAV decoder: feed it bytes as they arrive from the network, take mono PCM out.
 * Use when: an HTTP engine streams a WAV body and the first samples should play before the rest arrives.
 */
export class WavStreamDecoder {
  private head: Uint8Array = new Uint8Array(0);
  private format: WavFormat | undefined;
  private inData = false;
  private dataLeft = Infinity;
  private rest: Uint8Array = new Uint8Array(0);

  get sampleRate(): number | undefined {
    return this.format?.sampleRate;
  }

  /** Returns the whole samples contained in the bytes so far (possibly empty). */
  push(bytes: Uint8Array): Int16Array {
    if (!this.inData) {
      this.head = concatBytes(this.head, bytes);
      const parsed = this.parseHeader();
      if (!parsed) return new Int16Array(0);
      bytes = this.head.subarray(parsed.dataStart);
      this.head = new Uint8Array(0);
    }
    if (this.dataLeft !== Infinity) {
      bytes = bytes.subarray(0, Math.max(0, Math.min(bytes.length, this.dataLeft)));
      this.dataLeft -= bytes.length;
    }
    const all = concatBytes(this.rest, bytes);
    const f = this.format!;
    const frameBytes = (f.bitsPerSample / 8) * f.channels;
    const frames = Math.floor(all.length / frameBytes);
    this.rest = all.slice(frames * frameBytes);
    return toMono16(all.subarray(0, frames * frameBytes), f, frames);
  }

  /** Call after the last bytes; throws if no complete header was ever seen. */
  end(): void {
    if (!this.format) throw new WavError('the stream ended before a complete WAV header');
  }

  private parseHeader(): { dataStart: number } | undefined {
    const b = this.head;
    if (b.length < 12) return undefined;
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (tag(b, 0) !== 'RIFF' || tag(b, 8) !== 'WAVE') throw new WavError('not a RIFF/WAVE file');
    let at = 12;
    while (at + 8 <= b.length) {
      const id = tag(b, at);
      const size = v.getUint32(at + 4, true);
      if (id === 'data') {
        if (!this.format) throw new WavError('data chunk before fmt chunk');
        this.inData = true;
        this.dataLeft = size === 0 || size === 0xffffffff ? Infinity : size;
        return { dataStart: at + 8 };
      }
      if (at + 8 + size > b.length) return undefined;
      if (id === 'fmt ') this.format = readFormat(v, at + 8, size);
      at += 8 + size + (size & 1);
    }
    return undefined;
  }
}

/**
 * Use when: the whole file is at hand (tests, a non-streaming HTTP reply).
 * Returns: mono 16-bit PCM and its sample rate. Throws WavError for anything else.
 */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const d = new WavStreamDecoder();
  const pcm = d.push(bytes);
  d.end();
  return { pcm, sampleRate: d.sampleRate! };
}

function readFormat(v: DataView, at: number, size: number): WavFormat {
  if (size < 16) throw new WavError('fmt chunk too short');
  let code = v.getUint16(at, true);
  const channels = v.getUint16(at + 2, true);
  const sampleRate = v.getUint32(at + 4, true);
  const bitsPerSample = v.getUint16(at + 14, true);
  if (code === 0xfffe && size >= 26) code = v.getUint16(at + 24, true); // WAVE_FORMAT_EXTENSIBLE sub-format
  const float = code === 3;
  if (!(code === 1 || float)) throw new WavError(`unsupported WAV encoding ${code}`);
  if (float ? bitsPerSample !== 32 : ![8, 16, 24, 32].includes(bitsPerSample)) throw new WavError(`unsupported ${bitsPerSample}-bit samples`);
  if (channels < 1 || sampleRate < 1000) throw new WavError('bad channel count or sample rate');
  return { sampleRate, channels, bitsPerSample, float };
}

function toMono16(b: Uint8Array, f: WavFormat, frames: number): Int16Array {
  const out = new Int16Array(frames);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const bps = f.bitsPerSample / 8;
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) {
      const at = (i * f.channels + c) * bps;
      let s: number;
      if (f.float) s = v.getFloat32(at, true) * 32767;
      else if (bps === 2) s = v.getInt16(at, true);
      else if (bps === 1) s = (v.getUint8(at) - 128) * 256;
      else if (bps === 3) s = ((v.getUint8(at + 2) << 24) | (v.getUint8(at + 1) << 16) | (v.getUint8(at) << 8)) >> 16;
      else s = v.getInt32(at, true) / 65536;
      sum += s;
    }
    out[i] = Math.max(-32768, Math.min(32767, Math.round(sum / f.channels)));
  }
  return out;
}

function tag(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Joins PCM chunks into one buffer. */
export function concatPcm(chunks: readonly Int16Array[]): Int16Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Int16Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
