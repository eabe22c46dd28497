import type { DesignSide, GarmentTemplate, Layer, PrintArea, TextLayer } from '@snowstage/protocol';
import { shapePath } from './shapes.js';
import { num } from './svg-num.js';

/** A drawable fragment with the box (in its own units) that should be fitted into the layer's box. */
export interface Fragment {
  body: string;
  box: { x: number; y: number; w: number; h: number };
}

/**
 * What the render plan needs besides the design: the server outlines text with the print font
 * and inlines images as data URIs; the designer's preview uses live `<text>` and object URLs.
 */
export interface RenderAssets {
  /** The text as SVG (paths or a `<text>`) without a fill; its ink box is fitted into the layer. */
  text(layer: TextLayer): Fragment;
  /** A clip-art piece's inner SVG and its viewBox. */
  clipart(id: string): Fragment;
  /** An image's href and its pixel size. */
  image(id: string): { href: string; width: number; height: number };
}

const box = (l: Layer) => `x="${num(-l.w / 2)}" y="${num(-l.h / 2)}" width="${num(l.w)}" height="${num(l.h)}"`;

/** One layer as SVG, drawn in its box around the origin and placed by its transform. */
export function layerSvg(l: Layer, assets: RenderAssets): string {
  const transform = `translate(${num(l.x)} ${num(l.y)}) rotate(${num(l.rotation)}) scale(${num(l.scale)})`;
  let inner: string;
  switch (l.kind) {
    case 'text': {
      const f = assets.text(l);
      inner = `<svg ${box(l)} viewBox="${num(f.box.x)} ${num(f.box.y)} ${num(f.box.w)} ${num(f.box.h)}" preserveAspectRatio="xMidYMid meet" overflow="visible"><g fill="${l.color}">${f.body}</g></svg>`;
      break;
    }
    case 'clipart': {
      const f = assets.clipart(l.clipartId);
      inner = `<svg ${box(l)} viewBox="${num(f.box.x)} ${num(f.box.y)} ${num(f.box.w)} ${num(f.box.h)}" preserveAspectRatio="xMidYMid meet">${f.body}</svg>`;
      break;
    }
    case 'image': {
      const img = assets.image(l.imageId);
      inner = `<image ${box(l)} preserveAspectRatio="xMidYMid meet" href="${img.href}"/>`;
      break;
    }
    case 'shape': {
      const sw = Math.min(l.w, l.h) * 0.06;
      const stroke = l.stroke ? ` stroke="${l.stroke}" stroke-width="${num(sw)}" stroke-linejoin="round"` : '';
      inner = `<path d="${shapePath(l.shape, l.stroke ? l.w - sw : l.w, l.stroke ? l.h - sw : l.h)}" fill="${l.fill}"${stroke}/>`;
      break;
    }
  }
  return `<g transform="${transform}">${inner}</g>`;
}

/** All layers of a side, bottom first, in print-area mm. */
export function layersSvg(layers: readonly Layer[], assets: RenderAssets): string {
  return layers.map((l) => layerSvg(l, assets)).join('');
}

/**
 * The print file of one side: a transparent page the size of the print area (mm), `widthPx` ×
 * `heightPx` pixels. Same design and assets → the same string, byte for byte.
 */
export function printSvg(layers: readonly Layer[], area: PrintArea, px: { width: number; height: number }): (assets: RenderAssets) => string {
  return (assets) =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${px.width}" height="${px.height}" viewBox="0 0 ${num(area.w)} ${num(area.h)}">` +
    layersSvg(layers, assets) +
    `</svg>`;
}

/** Pixel size of a print area at `dpi` (mm → inches → pixels, rounded). */
export function printPixels(area: PrintArea, dpi: number): { width: number; height: number } {
  return { width: Math.round((area.w / 25.4) * dpi), height: Math.round((area.h / 25.4) * dpi) };
}

/**
 * The design on the garment: its outline in the chosen colour, seams, the print area's guide
 * (dashed, optional) and the layers placed in it. `widthPx` sets the output size.
 */
export function mockupSvg(t: GarmentTemplate, colorHex: string, side: DesignSide, layers: readonly Layer[], assets: RenderAssets, opts: { widthPx: number; guide?: boolean }): string {
  const m = t.mockup;
  const area = t.printArea[side]!;
  const at = m.area[side]!;
  const heightPx = Math.round((opts.widthPx * m.h) / m.w);
  const dark = luminance(colorHex) < 0.45;
  const line = dark ? '#ffffff' : '#1B2A4A';
  const guide = opts.guide
    ? `<rect x="0" y="0" width="${num(area.w)}" height="${num(area.h)}" fill="none" stroke="${line}" stroke-opacity="0.55" stroke-width="1.2" stroke-dasharray="6 5"/>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${opts.widthPx}" height="${heightPx}" viewBox="0 0 ${m.w} ${m.h}">` +
    `<path d="${m.outline[side]}" fill="${colorHex}" stroke="${line}" stroke-opacity="0.35" stroke-width="3" stroke-linejoin="round" fill-rule="evenodd"/>` +
    (m.detail ? `<path d="${m.detail}" fill="none" stroke="${line}" stroke-opacity="0.25" stroke-width="3"/>` : '') +
    `<g transform="translate(${num(at.x)} ${num(at.y)})">${guide}${layersSvg(layers, assets)}</g>` +
    `</svg>`
  );
}

/** Relative luminance of a #rrggbb colour (0 black … 1 white). */
export function luminance(hex: string): number {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * v[0]! + 0.7152 * v[1]! + 0.0722 * v[2]!;
}
