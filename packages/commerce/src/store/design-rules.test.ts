import { describe, expect, it } from 'vitest';
import { DesignDoc } from '@snowstage/protocol';
import { validateDesign, maxPrintMm, printedDpi, type DesignContext } from './design-rules.js';
import { TEMPLATES } from './templates.js';
import { layer, teeDesign } from './testing.js';

const IMG = 'img_' + 'a'.repeat(32);
const ctx = (over: Partial<DesignContext> = {}): DesignContext => ({
  template: TEMPLATES.tshirt,
  hasClipart: (id) => id === 'snowflake',
  imageSize: (id) => (id === IMG ? { width: 1200, height: 800 } : null),
  blocked: (text) => (text.includes('赌博') ? '赌博' : null),
  ...over,
});

describe('design validation', () => {
  it('accepts a valid design and clamps stray layers into the print area', () => {
    const v = validateDesign(teeDesign([layer('text'), layer('shape', { id: 's', x: 300 })]), ctx());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.clamped).toBe(1);
    expect(v.doc.sides.front[1]!.x).toBe(210 - 40);
  });

  it('refuses text that fails the blocklist, naming the word and the layer', () => {
    const v = validateDesign(teeDesign([layer('text', { id: 't9', text: '网上赌博' })]), ctx());
    expect(v).toEqual({ ok: false, problems: [{ code: 'DESIGN_TEXT_BLOCKED', detail: '"赌博"', side: 'front', layerId: 't9' }] });
  });

  it('refuses an image that would print below 150 dpi, saying how large it may be', () => {
    // 1200 px across 300 mm (scaled box) ≈ 102 dpi.
    const v = validateDesign(teeDesign([layer('image', { w: 150, h: 100, scale: 2, x: 105, y: 150 })]), ctx());
    expect(v.ok).toBe(false);
    if (v.ok) return;
    // Clamping shrinks it to the 210 mm width first: still ≈145 dpi, still too small.
    expect(v.problems[0]!.code).toBe('IMAGE_TOO_SMALL');
    expect(v.problems[0]!.detail).toContain('at most 203×135 mm');
    expect(validateDesign(teeDesign([layer('image', { w: 150, h: 100 })]), ctx()).ok).toBe(true);
  });

  it('computes the printed resolution of a contained image', () => {
    expect(printedDpi({ w: 101.6, h: 200, scale: 1 }, { width: 1200, height: 800 })).toBeCloseTo(300, 6);
    expect(maxPrintMm({ width: 1500, height: 600 })).toEqual({ w: 254, h: 101 });
  });

  it('refuses unknown clip-art and images, a colour the garment lacks, a side it lacks, and empty designs', () => {
    const bad = validateDesign(teeDesign([layer('clipart', { clipartId: 'nope' }), layer('image', { id: 'i', imageId: 'img_' + 'b'.repeat(32) })]), ctx());
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(['CLIPART_NOT_FOUND', 'IMAGE_NOT_FOUND']);
    expect(validateDesign({ ...teeDesign([layer('text')]), color: 'natural' }, ctx()).ok).toBe(false);
    const tote = validateDesign({ v: 1, garment: 'tote', color: 'natural', sides: { front: [], back: [layer('text')] } }, ctx({ template: TEMPLATES.tote }));
    expect(tote.ok ? [] : tote.problems.map((p) => p.detail)).toEqual(['tote has no back print area', 'the design has no layers']);
    expect(validateDesign(teeDesign([]), ctx()).ok).toBe(false);
  });

  it('refuses duplicate layer ids', () => {
    const v = validateDesign(teeDesign([layer('text'), layer('text')]), ctx());
    expect(v.ok ? [] : v.problems.map((p) => p.detail)).toEqual(['duplicate layer id text-1']);
  });

  it('parses documents strictly: no multi-line text, no layers past the limit, no bad colours', () => {
    expect(DesignDoc.safeParse(teeDesign([layer('text', { text: 'a\nb' })])).success).toBe(false);
    expect(DesignDoc.safeParse(teeDesign(Array.from({ length: 21 }, (_, i) => layer('shape', { id: `s${i}` })))).success).toBe(false);
    expect(DesignDoc.safeParse(teeDesign([layer('shape', { fill: 'red' })])).success).toBe(false);
    expect(DesignDoc.safeParse(teeDesign([layer('text')])).success).toBe(true);
  });
});
