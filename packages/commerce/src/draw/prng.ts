/**
 * xoshiro128** (Blackman & Vigna), 32-bit arithmetic only, so the browser verifier and the server
 * produce the same numbers bit for bit. State: four uint32 words.
 */
export class Xoshiro128 {
  private s: Uint32Array;

  /** Seeds from the first 16 bytes (four little-endian uint32 words). */
  constructor(key: Uint8Array) {
    if (key.length < 16) throw new RangeError('need 16 bytes of key');
    const view = new DataView(key.buffer, key.byteOffset, 16);
    this.s = new Uint32Array([view.getUint32(0, true), view.getUint32(4, true), view.getUint32(8, true), view.getUint32(12, true)]);
    if (this.s.every((w) => w === 0)) this.s[0] = 1; // the all-zero state is a fixed point
  }

  /** The next uint32. */
  next(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** An unbiased integer in [0, n) by rejection sampling, 1 ≤ n ≤ 2^32. */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`bad bound ${n}`);
    const limit = Math.floor(2 ** 32 / n) * n;
    let x = this.next();
    while (x >= limit) x = this.next();
    return x % n;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
