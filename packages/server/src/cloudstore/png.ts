import { promisify } from 'node:util';
import { crc32, deflate, deflateSync } from 'node:zlib';

const deflateAsync = promisify(deflate);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Encodes RGBA pixels (premultiplied or straight, as given) as a PNG with its resolution recorded
 * (pHYs in pixels per metre), so print shops read the DPI from the file. Deterministic: no
 * timestamps, fixed filter and compression level.
 *
 * Use when: writing print files. `level` trades size for time (1 = fastest, the print default);
 * `premultiplied` converts resvg's premultiplied alpha to PNG's straight alpha.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, opts: PngOptions): Buffer {
  return assemble(width, height, opts.dpi, deflateSync(filtered(rgba, width, height, opts), { level: opts.level ?? 1 }));
}

/** As `encodePng`, with the compression on libuv's thread pool. */
export async function encodePngAsync(rgba: Uint8Array, width: number, height: number, opts: PngOptions): Promise<Buffer> {
  return assemble(width, height, opts.dpi, await deflateAsync(filtered(rgba, width, height, opts), { level: opts.level ?? 1 }));
}

export interface PngOptions {
  dpi: number;
  level?: number;
  premultiplied?: boolean;
}

function filtered(rgba: Uint8Array, width: number, height: number, opts: PngOptions): Buffer {
  if (rgba.length !== width * height * 4) throw new RangeError(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none): the deflate pass is the costly part, and flat print areas compress well as is.
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  if (opts.premultiplied) demultiply(raw, stride);
  return raw;
}

function assemble(width: number, height: number, dpi: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const phys = Buffer.alloc(9);
  const ppm = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1; // unit: metre
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('pHYs', phys),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Records a resolution in a PNG that has none (a pHYs chunk right after IHDR), leaving the
 * image data untouched. Use on encoders that cannot write pHYs themselves (resvg's `asPng`).
 */
export function withDpi(png: Buffer, dpi: number): Buffer {
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  const phys = Buffer.alloc(9);
  const ppm = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1;
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk('pHYs', phys), png.subarray(ihdrEnd)]);
}

/** The resolution a PNG records (pHYs), in dots per inch; null when it records none. */
export function pngDpi(png: Buffer): number | null {
  let at = 8;
  while (at + 8 <= png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && png[at + 16] === 1) return Math.round(png.readUInt32BE(at + 8) * 0.0254);
    if (type === 'IDAT') return null;
    at += 12 + len;
  }
  return null;
}

/** Undoes premultiplied alpha in filtered rows (a filter byte, then RGBA pixels). */
function demultiply(raw: Buffer, stride: number): void {
  const row = stride + 1;
  for (let start = 1; start < raw.length; start += row) {
    for (let i = start + 3, end = start + stride; i < end; i += 4) {
      const a = raw[i]!;
      if (a === 0 || a === 255) continue;
      raw[i - 3] = Math.min(255, Math.round((raw[i - 3]! * 255) / a));
      raw[i - 2] = Math.min(255, Math.round((raw[i - 2]! * 255) / a));
      raw[i - 1] = Math.min(255, Math.round((raw[i - 1]! * 255) / a));
    }
  }
}
