import { createHash } from 'node:crypto';
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../atomic-write.js';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { AppError, DESIGN_LIMITS } from '@snowstage/protocol';
import { probeImage, type ImageInfo } from './image-probe.js';

export interface StoredImage extends ImageInfo {
  id: string;
  bytes: number;
}

/**
 * Shoppers' uploaded images, content-addressed on disk (`img_<sha256/32>.png|jpg`), so the same
 * photo uploaded twice is one file and a design refers to it by id. Every upload is checked:
 * declared and actual type (PNG/JPEG only), size, pixel count, and that it actually decodes.
 */
export class ImageStore {
  private readonly info = new Map<string, StoredImage>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Checks and stores an upload; throws AppError UPLOAD_* with a clear reason. */
  async put(bytes: Buffer, declaredType: string | undefined): Promise<StoredImage> {
    const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(DESIGN_LIMITS.uploadTypes as readonly string[]).includes(declared)) throw new AppError('UPLOAD_TYPE', declared ? `got ${declared}` : 'no content type');
    if (bytes.length > DESIGN_LIMITS.uploadMaxBytes) throw new AppError('UPLOAD_TOO_LARGE', `${bytes.length} bytes`);
    const probe = probeImage(bytes);
    if (!probe) throw new AppError('UPLOAD_CORRUPT', 'not a PNG or JPEG file');
    if (probe.type !== declared) throw new AppError('UPLOAD_CORRUPT', `the file is ${probe.type}, sent as ${declared}`);
    if (probe.width * probe.height > DESIGN_LIMITS.uploadMaxPixels) throw new AppError('UPLOAD_TOO_LARGE', `${probe.width}×${probe.height} px is more than ${DESIGN_LIMITS.uploadMaxPixels / 1e6} megapixels`);
    if (probe.width < 16 || probe.height < 16) throw new AppError('IMAGE_TOO_SMALL', `${probe.width}×${probe.height} px`);
    await assertDecodes(bytes, probe);
    const id = `img_${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
    const file = this.file(id, probe.type);
    if (!existsSync(file)) {
      writeFileAtomicSync(file, bytes);
    }
    const stored = { id, ...probe, bytes: bytes.length };
    this.info.set(id, stored);
    return stored;
  }

  /** The stored image's facts, or null. */
  get(id: string): StoredImage | null {
    if (!/^img_[a-f0-9]{32}$/.test(id)) return null;
    const known = this.info.get(id);
    if (known) return known;
    for (const type of ['image/png', 'image/jpeg'] as const) {
      const file = this.file(id, type);
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      const probe = probeImage(bytes);
      if (!probe) return null;
      const stored = { id, ...probe, bytes: bytes.length };
      this.info.set(id, stored);
      return stored;
    }
    return null;
  }

  /** The image's bytes (for rendering and serving), or null. */
  read(id: string): { bytes: Buffer; type: ImageInfo['type'] } | null {
    const info = this.get(id);
    return info ? { bytes: readFileSync(this.file(id, info.type)), type: info.type } : null;
  }

  private file(id: string, type: ImageInfo['type']): string {
    return join(this.dir, `${id}.${type === 'image/png' ? 'png' : 'jpg'}`);
  }
}

/** A header can lie: draw the image small and require some visible pixels. */
async function assertDecodes(bytes: Buffer, probe: ImageInfo): Promise<void> {
  const href = `data:${probe.type};base64,${bytes.toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><image width="32" height="32" preserveAspectRatio="none" href="${href}"/></svg>`;
  const img = await renderAsync(svg, { font: { loadSystemFonts: false } });
  const px = img.pixels;
  for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) return;
  throw new AppError('UPLOAD_CORRUPT', 'the image could not be decoded (or is fully transparent)');
}
