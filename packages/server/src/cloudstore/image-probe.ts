/** What the first bytes of an upload say it is. */
export interface ImageInfo {
  type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/**
 * Reads the type and pixel size of a PNG or JPEG from its header (PNG: IHDR; JPEG: the first
 * start-of-frame marker). Returns null for anything else or a header that does not parse.
 * Untrusted input: never throws.
 */
export function probeImage(buf: Uint8Array): ImageInfo | null {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a && b.toString('latin1', 12, 16) === 'IHDR') {
    const width = b.readUInt32BE(16);
    const height = b.readUInt32BE(20);
    return width > 0 && height > 0 ? { type: 'image/png', width, height } : null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 4 <= b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1]!;
      if (marker === 0xff) {
        at++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      const len = b.readUInt16BE(at + 2);
      if (len < 2) return null;
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        if (at + 9 > b.length) return null;
        const height = b.readUInt16BE(at + 5);
        const width = b.readUInt16BE(at + 7);
        return width > 0 && height > 0 ? { type: 'image/jpeg', width, height } : null;
      }
      if (marker === 0xd9 || marker === 0xda) return null;
      at += 2 + len;
    }
  }
  return null;
}
