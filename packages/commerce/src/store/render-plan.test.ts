import { describe, expect, it } from 'vitest';
import { mockupSvg, printPixels, printSvg, type RenderAssets } from './render-plan.js';
import { shapePath } from './shapes.js';
import { TEMPLATES } from './templates.js';
import { layer } from './testing.js';
import { canonicalJson, contentId } from './canonical.js';

const assets: RenderAssets = {
  text: (l) => ({ body: `<text>${l.text}</text>`, box: { x: 0, y: -10, w: 50, h: 12 } }),
  clipart: () => ({ body: '<circle r="5"/>', box: { x: -5, y: -5, w: 10, h: 10 } }),
  image: () => ({ href: 'data:image/png;base64,AAAA', width: 10, height: 10 }),
};

describe('render plan', () => {
  it('sizes an A4 print area at 300 dpi', () => {
    expect(printPixels({ w: 210, h: 297 }, 300)).toEqual({ width: 2480, height: 3508 });
  });

  it('places each layer by translate, rotate and scale, bottom layer first', () => {
    const svg = printSvg([layer('shape', { id: 'a', rotation: -12.5 }), layer('clipart', { id: 'b', x: 10.12345, scale: 1.5 })], { w: 210, h: 297 }, { width: 2480, height: 3508 })(assets);
    expect(svg).toMatch(/^<svg [^>]*width="2480" height="3508" viewBox="0 0 210 297">/);
    expect(svg.indexOf('translate(105 100) rotate(-12.5) scale(1)')).toBeLessThan(svg.indexOf('translate(10.123 100) rotate(0) scale(1.5)'));
    expect(svg).toContain('viewBox="-5 -5 10 10" preserveAspectRatio="xMidYMid meet"><circle r="5"/>');
  });

  it('is deterministic: the same design gives the same bytes', () => {
    const layers = [layer('text'), layer('image'), layer('shape', { shape: 'snowflake', stroke: '#000000' })];
    const a = printSvg(layers, { w: 210, h: 297 }, { width: 100, height: 100 })(assets);
    const b = printSvg(structuredClone(layers), { w: 210, h: 297 }, { width: 100, height: 100 })(assets);
    expect(a).toBe(b);
  });

  it('draws the mock-up in the garment colour with a light guide on dark cloth', () => {
    const svg = mockupSvg(TEMPLATES.tshirt, '#1B2A4A', 'front', [layer('text')], assets, { widthPx: 300, guide: true });
    expect(svg).toContain('fill="#1B2A4A"');
    expect(svg).toContain('stroke-dasharray="6 5"');
    expect(svg).toContain('stroke="#ffffff"');
    expect(svg).toContain('width="300" height="365"');
  });

  it('builds every shape as closed path data within its box', () => {
    for (const s of ['rect', 'ellipse', 'triangle', 'star', 'heart', 'snowflake'] as const) {
      const d = shapePath(s, 40, 20);
      expect(d.endsWith('Z')).toBe(true);
      const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(Math.max(...nums.map(Math.abs))).toBeLessThanOrEqual(20.001);
    }
  });

  it('gives equal content ids to equal designs whatever their key order', async () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(await contentId('d', { a: 1, b: 2 })).toBe(await contentId('d', { b: 2, a: 1 }));
    expect(await contentId('d', { a: 1 })).toMatch(/^d_[a-f0-9]{32}$/);
  });
});
