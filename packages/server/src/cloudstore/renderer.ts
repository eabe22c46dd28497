import { createHash } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import { AppError, DESIGN_LIMITS, type DesignDoc, type DesignSide, type Layer, type TextLayer } from '@snowstage/protocol';
import { mockupSvg, printPixels, printSvg, TEMPLATES, type Fragment, type RenderAssets } from '@snowstage/commerce';
import type { TextOutliner } from './text-outliner.js';
import type { ClipartLibrary } from './clipart.js';
import type { ImageStore } from './image-store.js';
import { withDpi } from './png.js';

export interface RenderedPrint {
  side: DesignSide;
  /** The print-ready SVG: text outlined, images inlined, no external references. */
  svg: string;
  png: Buffer;
  pngSha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
}

export interface RendererOptions {
  outliner: TextOutliner;
  clipart: ClipartLibrary;
  images: ImageStore;
  /** @default DESIGN_LIMITS.printDpi (300) */
  dpi?: number;
}

const sides = (doc: DesignDoc): DesignSide[] => (['front', 'back'] as const).filter((s) => doc.sides[s].length > 0);

/**
 * Design JSON → print files (PNG at the print area's real size and DPI, plus SVG) and a preview of
 * the design on its garment. Deterministic: the same design gives the same bytes (fixed font,
 * normalised text outlines, fixed PNG encoding). Rasterising runs on libuv's thread pool
 * (resvg's renderAsync), so the event loop stays free while a print renders.
 */
export class PrintRenderer {
  readonly dpi: number;

  constructor(private readonly o: RendererOptions) {
    this.dpi = o.dpi ?? DESIGN_LIMITS.printDpi;
  }

  /** Everything the render plan needs for this design: outlines every text at once, inlines images. */
  assets(doc: DesignDoc): RenderAssets {
    const all: Layer[] = [...doc.sides.front, ...doc.sides.back];
    const texts = all.filter((l): l is TextLayer => l.kind === 'text');
    const outlined = this.o.outliner.outline(texts.map((t) => ({ text: t.text, weight: t.weight })));
    const byText = new Map<string, Fragment>(texts.map((t, i) => [`${t.weight}:${t.text}`, outlined[i]!]));
    const images = new Map<string, { href: string; width: number; height: number }>();
    for (const l of all) {
      if (l.kind !== 'image' || images.has(l.imageId)) continue;
      const img = this.o.images.read(l.imageId);
      const info = this.o.images.get(l.imageId);
      if (!img || !info) throw new AppError('IMAGE_NOT_FOUND', l.imageId);
      images.set(l.imageId, { href: `data:${img.type};base64,${img.bytes.toString('base64')}`, width: info.width, height: info.height });
    }
    return {
      text: (l) => byText.get(`${l.weight}:${l.text}`)!,
      clipart: (id) => {
        const p = this.o.clipart.get(id);
        if (!p) throw new AppError('CLIPART_NOT_FOUND', id);
        return p.fragment;
      },
      image: (id) => images.get(id)!,
    };
  }

  /** The print files of one side. */
  async print(doc: DesignDoc, side: DesignSide, assets = this.assets(doc)): Promise<RenderedPrint> {
    const area = TEMPLATES[doc.garment].printArea[side];
    if (!area) throw new AppError('DESIGN_INVALID', `${doc.garment} has no ${side} print area`);
    const px = printPixels(area, this.dpi);
    const svg = printSvg(doc.sides[side], area, px)(assets);
    const img = await renderAsync(svg, { font: { loadSystemFonts: false }, shapeRendering: 2, imageRendering: 0 });
    // resvg's own encoder (in Rust, from its premultiplied pixmap) is faster than copying 35 MB of
    // pixels into JavaScript and deflating them there; only the pHYs chunk has to be added.
    const png = withDpi(img.asPng(), this.dpi);
    return { side, svg, png, pngSha256: createHash('sha256').update(png).digest('hex'), widthPx: img.width, heightPx: img.height, dpi: this.dpi };
  }

  /** Print files for every side that has layers. */
  async prints(doc: DesignDoc): Promise<RenderedPrint[]> {
    const assets = this.assets(doc);
    const out: RenderedPrint[] = [];
    for (const side of sides(doc)) out.push(await this.print(doc, side, assets));
    return out;
  }

  /** The design on its garment as a PNG (`widthPx` wide), the side with layers first by default. */
  async preview(doc: DesignDoc, side: DesignSide = sides(doc)[0] ?? 'front', widthPx = 600, assets = this.assets(doc)): Promise<Buffer> {
    const t = TEMPLATES[doc.garment];
    const color = t.colors.find((c) => c.id === doc.color)?.hex ?? '#FFFFFF';
    const svg = mockupSvg(t, color, side, doc.sides[side], assets, { widthPx });
    const img = await renderAsync(svg, { font: { loadSystemFonts: false }, background: '#EEF3FA' });
    return img.asPng();
  }
}
