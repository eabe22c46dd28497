import type { Fragment, RenderAssets } from '@snowstage/commerce';
import type { TextLayer } from '@snowstage/protocol';
import type { ClipartInfo } from '../api.js';

/** The print font as the browser loads it from the server (the same TTF the print files use). */
export const PRINT_FONT = 'Snowstage Print';

/** Loads the print font (both weights) so the preview measures and draws the print's glyphs. */
export async function loadPrintFont(urls: { regular: string; bold: string }): Promise<void> {
  const faces = [new FontFace(PRINT_FONT, `url(${urls.regular})`, { weight: '400' }), new FontFace(PRINT_FONT, `url(${urls.bold})`, { weight: '700' })];
  for (const f of faces) document.fonts.add(await f.load());
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The render plan's assets in the browser: text as a live `<text>` in the print font, fitted by
 * its measured ink box (as the server fits its outlines); clip-art from the server's SVG files;
 * uploads by URL. Clip-art must be preloaded with `loadClipart`.
 */
export class BrowserAssets implements RenderAssets {
  private readonly ctx = document.createElement('canvas').getContext('2d')!;
  private readonly clip = new Map<string, Fragment>();
  private readonly sizes = new Map<string, { width: number; height: number }>();

  async loadClipart(list: readonly ClipartInfo[]): Promise<void> {
    await Promise.all(
      list.map(async (c) => {
        const svg = await (await fetch(c.url)).text();
        const m = /^<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(svg.trim());
        const vb = m && /viewBox="([-\d.\s]+)"/.exec(m[1]!)?.[1]!.trim().split(/\s+/).map(Number);
        if (m && vb) this.clip.set(c.id, { body: m[2]!, box: { x: vb[0]!, y: vb[1]!, w: vb[2]!, h: vb[3]! } });
      }),
    );
  }

  rememberImage(id: string, size: { width: number; height: number }): void {
    this.sizes.set(id, size);
  }

  /** The ink box of a text at font size 100, baseline y = 0. */
  measure(text: string, weight: 400 | 700): { x: number; y: number; w: number; h: number } {
    this.ctx.font = `${weight} 100px "${PRINT_FONT}"`;
    const m = this.ctx.measureText(text);
    const x = -m.actualBoundingBoxLeft;
    const y = -m.actualBoundingBoxAscent;
    return { x, y, w: Math.max(1, m.actualBoundingBoxRight + m.actualBoundingBoxLeft), h: Math.max(1, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) };
  }

  text(l: TextLayer): Fragment {
    return { body: `<text x="0" y="0" font-family="${PRINT_FONT}" font-weight="${l.weight}" font-size="100" xml:space="preserve">${escape(l.text)}</text>`, box: this.measure(l.text, l.weight) };
  }

  clipart(id: string): Fragment {
    return this.clip.get(id) ?? { body: '', box: { x: 0, y: 0, w: 1, h: 1 } };
  }

  image(id: string): { href: string; width: number; height: number } {
    return { href: `/api/cloudstore/uploads/${id}`, ...(this.sizes.get(id) ?? { width: 1, height: 1 }) };
  }
}
