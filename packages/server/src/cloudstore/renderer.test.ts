import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DesignDoc, Layer } from '@snowstage/protocol';
import { PrintRenderer } from './renderer.js';
import { TextOutliner } from './text-outliner.js';
import { ClipartLibrary } from './clipart.js';
import { ImageStore } from './image-store.js';
import { printFonts } from './fonts.js';
import { pngDpi } from './png.js';
import { decodeOwnPng, gradientPng, ROOT } from './testing.js';

const TESTDATA = new URL('./testdata/', import.meta.url).pathname;
const fonts = printFonts();
const clipart = new ClipartLibrary(join(ROOT, 'content', 'clipart'));
let images: ImageStore;
let photoId: string;

const renderer = (dpi: number) => new PrintRenderer({ outliner: new TextOutliner(fonts), clipart, images, dpi });
const tee = (front: Layer[], back: Layer[] = []): DesignDoc => ({ v: 1, garment: 'tshirt', color: 'navy', sides: { front, back } });
const L = { scale: 1, rotation: 0 };

beforeAll(async () => {
  images = new ImageStore(mkdtempSync(join(tmpdir(), 'cs-img-')));
  photoId = (await images.put(gradientPng(300, 200), 'image/png')).id;
});

/** The golden design: every layer kind, rotation, scale and z-order. */
const golden = (): DesignDoc =>
  tee([
    { ...L, id: 'bg', kind: 'shape', shape: 'snowflake', fill: '#A7D8F0', stroke: null, x: 105, y: 150, w: 170, h: 170, rotation: 15 },
    { ...L, id: 'title', kind: 'text', text: '冰雪之约 Winter 2026', color: '#F2C14E', weight: 700, x: 105, y: 40, w: 190, h: 26 },
    { ...L, id: 'ski', kind: 'clipart', clipartId: 'skier', x: 60, y: 235, w: 70, h: 70, rotation: -10 },
    { ...L, id: 'photo', kind: 'image', imageId: photoId, x: 150, y: 235, w: 60, h: 40, scale: 1.2, rotation: 5 },
    { ...L, id: 'star', kind: 'shape', shape: 'star', fill: '#C8102E', stroke: '#FFFFFF', x: 180, y: 90, w: 30, h: 30 },
    { ...L, id: 'motto', kind: 'text', text: '一起向未来', color: '#FFFFFF', weight: 400, x: 105, y: 280, w: 110, h: 18 },
  ]);

/** Share of pixels whose colour or alpha differs by more than `threshold` in any channel. */
function diffShare(a: Uint8Array, b: Uint8Array, threshold = 40): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) > threshold || Math.abs(a[i + 1]! - b[i + 1]!) > threshold || Math.abs(a[i + 2]! - b[i + 2]!) > threshold || Math.abs(a[i + 3]! - b[i + 3]!) > threshold) n++;
  }
  return n / (a.length / 4);
}

function inkIn(img: { width: number; rgba: Uint8Array }, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let n = 0;
  for (let y = Math.floor(box.y0); y < box.y1; y++) for (let x = Math.floor(box.x0); x < box.x1; x++) if (img.rgba[(y * img.width + x) * 4 + 3]! > 128) n++;
  return n;
}

describe('print renderer', () => {
  it('renders the golden design within tolerance of the committed image', async () => {
    const print = await renderer(60).print(golden(), 'front');
    const file = join(TESTDATA, 'golden-front-60dpi.png');
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      if (process.env.CI) throw new Error(`golden ${file} is missing`);
      writeFileSync(file, print.png);
    }
    const want = await decodeOwnPng(readFileSync(file));
    const got = await decodeOwnPng(print.png);
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    expect(diffShare(got.rgba, want.rgba)).toBeLessThan(0.005);
    // A visibly different design is far outside the tolerance (the check can fail).
    const moved = golden();
    moved.sides.front[2] = { ...moved.sides.front[2]!, x: 150, y: 150 } as Layer;
    const other = await decodeOwnPng((await renderer(60).print(moved, 'front')).png);
    expect(diffShare(other.rgba, want.rgba)).toBeGreaterThan(0.005);
  });

  it('writes an A4 print area at 300 dpi at its real size, and says so in the PNG', async () => {
    const print = await renderer(300).print(tee([{ ...L, id: 't', kind: 'text', text: 'A4', color: '#FFFFFF', weight: 700, x: 105, y: 148, w: 50, h: 30 }]), 'front');
    expect([print.widthPx, print.heightPx, print.dpi]).toEqual([2480, 3508, 300]);
    expect(pngDpi(print.png)).toBe(300);
    expect(print.svg).toMatch(/^<svg [^>]*width="2480" height="3508" viewBox="0 0 210 297">/);
    expect(print.svg).not.toContain('<text');
  });

  it('draws Chinese glyphs (not empty, not tofu) inside the text box', async () => {
    const one = async (text: string) => {
      const p = await renderer(100).print(tee([{ ...L, id: 't', kind: 'text', text, color: '#000000', weight: 400, x: 105, y: 100, w: 40, h: 40 }]), 'front');
      return decodeOwnPng(p.png);
    };
    const mm = 100 / 25.4;
    const box = { x0: 85 * mm, y0: 80 * mm, x1: 125 * mm, y1: 120 * mm };
    const bing = await one('冰');
    const xue = await one('雪');
    const inside = inkIn(bing, box);
    expect(inside / ((box.x1 - box.x0) * (box.y1 - box.y0))).toBeGreaterThan(0.05);
    expect(inkIn(bing, { x0: 0, y0: 0, x1: bing.width, y1: bing.height })).toBe(inside);
    // Two different characters give different shapes; missing glyphs would give the same box twice.
    expect(diffShare(bing.rgba, xue.rgba)).toBeGreaterThan(0.01);
  });

  it('is deterministic: same design, same bytes, whatever was cached or batched before', async () => {
    const a = await renderer(60).print(golden(), 'front');
    const warm = renderer(60);
    await warm.print(tee([{ ...L, id: 'x', kind: 'text', text: '一起向未来', color: '#000000', weight: 400, x: 50, y: 50, w: 40, h: 10 }]), 'front');
    const b = await warm.print(golden(), 'front');
    expect(b.pngSha256).toBe(a.pngSha256);
    expect(b.svg).toBe(a.svg);
  });

  it('renders a preview of the design on the garment', async () => {
    const png = await renderer(60).preview(golden(), 'front', 300);
    const img = await decodeOwnPng(png);
    expect([img.width, img.height]).toEqual([300, 365]);
    // The navy garment is in the middle of the picture, the page colour in the corner.
    const at = (x: number, y: number) => Array.from(img.rgba.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
    expect(at(2, 2)).toEqual([0xee, 0xf3, 0xfa]);
    expect(at(80, 300)).toEqual([0x1b, 0x2a, 0x4a]);
  });
});
