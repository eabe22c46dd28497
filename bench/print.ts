/**
 * `npm run bench -- print [--designs 50] [--dpi 300]`: renders custom designs to print files (PNG at
 * the print area's real size plus SVG) for an A4 print area (210 × 297 mm → 2480 × 3508 px at
 * 300 dpi). Each design has its own text (so every render outlines new text with the CJK font), a
 * clip-art, shapes and, every third design, a photo. Goal: p50 under 500 ms.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesignDoc, Layer } from '@snowstage/protocol';
import { PrintRenderer } from '../packages/server/src/cloudstore/renderer.js';
import { TextOutliner } from '../packages/server/src/cloudstore/text-outliner.js';
import { ClipartLibrary } from '../packages/server/src/cloudstore/clipart.js';
import { ImageStore } from '../packages/server/src/cloudstore/image-store.js';
import { printFonts } from '../packages/server/src/cloudstore/fonts.js';
import { gradientPng, ROOT } from '../packages/server/src/cloudstore/testing.js';
import { intArg, percentile, progress, round, sortedCopy } from './lib.js';

const WORDS = ['冰雪之约', '一起向未来', 'Beijing 2022', '东东加油', 'Winter Dream', '雪墩墩', '滑雪少年', 'Team China', '冰墩墩爱你', '速度与激情'];
const CLIPART = ['snowflake', 'skier', 'snowboarder', 'figure-skater', 'curling-stone', 'ice-hockey', 'torch', 'gold-medal', 'mountains', 'panda-face'];
const SHAPES = ['star', 'heart', 'snowflake', 'ellipse', 'rect', 'triangle'] as const;
const COLORS = ['white', 'navy', 'red', 'ice-blue', 'black'];

function design(i: number, photoId: string): DesignDoc {
  const L = { scale: 1, rotation: 0 };
  const front: Layer[] = [
    { ...L, id: 'bg', kind: 'shape', shape: SHAPES[i % SHAPES.length]!, fill: '#A7D8F0', stroke: i % 2 ? '#1B2A4A' : null, x: 105, y: 150, w: 150, h: 150, rotation: (i * 7) % 40 },
    { ...L, id: 'title', kind: 'text', text: `${WORDS[i % WORDS.length]} №${i + 1}`, color: '#C8102E', weight: i % 2 ? 400 : 700, x: 105, y: 40, w: 180, h: 26 },
    { ...L, id: 'art', kind: 'clipart', clipartId: CLIPART[i % CLIPART.length]!, x: 70, y: 220, w: 80, h: 80, rotation: -10 + (i % 20) },
    { ...L, id: 'name', kind: 'text', text: `${['王', '李', '张', 'Anna ', 'Leo '][i % 5]}${i}号`, color: '#1B2A4A', weight: 700, x: 150, y: 270, w: 70, h: 16 },
  ];
  if (i % 3 === 0) front.push({ ...L, id: 'photo', kind: 'image', imageId: photoId, x: 150, y: 200, w: 60, h: 40, rotation: 4 });
  return { v: 1, garment: 'tshirt', color: COLORS[i % COLORS.length]!, sides: { front, back: [] } };
}

export async function main(args: Record<string, string>): Promise<object> {
  const count = intArg(args, 'designs', 50);
  const dpi = intArg(args, 'dpi', 300);
  const images = new ImageStore(mkdtempSync(join(tmpdir(), 'bench-print-')));
  const photoId = (await images.put(gradientPng(800, 600), 'image/png')).id;
  const renderer = new PrintRenderer({ outliner: new TextOutliner(printFonts()), clipart: new ClipartLibrary(join(ROOT, 'content', 'clipart')), images, dpi });
  progress('warm-up render (font and renderer load)');
  await renderer.print(design(999, photoId), 'front');
  const ms: number[] = [];
  // CPU time of the whole process (every thread) per render: what the render costs, apart from
  // waiting for a core on a shared machine.
  const cpu: number[] = [];
  let width = 0;
  let height = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const p = await renderer.print(design(i, photoId), 'front');
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    width = p.widthPx;
    height = p.heightPx;
    bytes += p.png.length;
    if ((i + 1) % 10 === 0) progress(`${i + 1}/${count} designs, last ${round(ms[ms.length - 1]!)} ms`);
  }
  const sorted = sortedCopy(ms);
  const cpuSorted = sortedCopy(cpu);
  return {
    designs: count,
    dpi,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted[sorted.length - 1]!),
    p50CpuMs: round(percentile(cpuSorted, 50)),
    p95CpuMs: round(percentile(cpuSorted, 95)),
    loadAverage1m: round((await import('node:os')).loadavg()[0]!, 2),
    widthPx: width,
    heightPx: height,
    meanPngKb: round(bytes / count / 1024),
  };
}
