import { Resvg } from '@resvg/resvg-js';
import { num, xmlEscape, type Fragment } from '@snowstage/commerce';
import { FONT_FAMILY, type FontFiles } from './fonts.js';

const SIZE = 100;
const ROW = 300;

/**
 * Turns text into outlines (SVG paths) with the print font, so print files need no font and draw
 * exactly the glyphs that were checked. resvg loads the font per instance (≈100 ms for a CJK
 * font), so all new texts of a design are outlined in one batch and every result is cached.
 * Output is normalised (each text at the origin of its row), so a text's outline does not depend
 * on what else was in its batch: same text → same bytes.
 */
export class TextOutliner {
  private readonly cache = new Map<string, Fragment>();

  constructor(
    private readonly fonts: FontFiles,
    private readonly maxEntries = 2000,
  ) {}

  /** The outlines of each text (font size 100 units, baseline at y = 0), in input order. */
  outline(texts: readonly { text: string; weight: 400 | 700 }[]): Fragment[] {
    const keyOf = (t: { text: string; weight: number }) => `${t.weight}:${t.text}`;
    const missing = [...new Map(texts.filter((t) => !this.cache.has(keyOf(t))).map((t) => [keyOf(t), t])).values()];
    if (missing.length) this.batch(missing).forEach((f, i) => this.remember(keyOf(missing[i]!), f));
    return texts.map((t) => this.cache.get(keyOf(t))!);
  }

  private remember(key: string, f: Fragment): void {
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, f);
  }

  private batch(texts: readonly { text: string; weight: 400 | 700 }[]): Fragment[] {
    const rows = texts
      .map((t, i) => `<text x="0" y="${i * ROW + ROW / 2}" font-family="${FONT_FAMILY}" font-weight="${t.weight}" font-size="${SIZE}" xml:space="preserve">${xmlEscape(t.text)}</text>`)
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE * 80}" height="${texts.length * ROW}">${rows}</svg>`;
    const out = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [this.fonts.regular, this.fonts.bold], defaultFontFamily: FONT_FAMILY } }).toString();
    const paths = [...out.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => m[1]!);
    const perRow: string[][] = texts.map(() => []);
    for (const d of paths) {
      const ys = [...d.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((m) => Number(m[0])).filter((_, i) => i % 2 === 1);
      const row = Math.floor((Math.min(...ys) + Math.max(...ys)) / 2 / ROW);
      perRow[Math.max(0, Math.min(texts.length - 1, row))]!.push(d);
    }
    return perRow.map((ds, i) => normalise(ds, (i * ROW + ROW / 2)));
  }
}

/** Shifts absolute path data (M/L/Q/C/Z, as resvg writes it) so the baseline is y = 0, and measures its box. */
function normalise(ds: readonly string[], baseline: number): Fragment {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const moved = ds.map((d) => {
    let i = 0;
    return d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (m) => {
      const v = Number(m);
      const isY = i++ % 2 === 1;
      const out = isY ? v - baseline : v;
      if (isY) {
        minY = Math.min(minY, out);
        maxY = Math.max(maxY, out);
      } else {
        minX = Math.min(minX, out);
        maxX = Math.max(maxX, out);
      }
      return num(out);
    }).replace(/\s+/g, ' ');
  });
  if (!Number.isFinite(minX)) return { body: '', box: { x: 0, y: -SIZE * 0.8, w: SIZE, h: SIZE } };
  return { body: moved.map((d) => `<path d="${d}"/>`).join(''), box: { x: minX, y: minY, w: Math.max(maxX - minX, 1), h: Math.max(maxY - minY, 1) } };
}
