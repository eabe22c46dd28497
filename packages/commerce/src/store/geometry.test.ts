import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampLayer, insideArea, layerBounds } from '@snowstage/protocol';

const area = { w: 210, h: 297 };
const box = (x: number, y: number, w: number, h: number, scale = 1, rotation = 0) => ({ x, y, w, h, scale, rotation });

describe('print-area clamping', () => {
  it('leaves a layer that fits untouched (same object)', () => {
    const l = box(105, 100, 80, 40);
    expect(clampLayer(l, area)).toBe(l);
  });

  it('slides a layer that sticks out back inside without resizing it', () => {
    const out = clampLayer(box(200, -5, 40, 20), area);
    expect(out).toMatchObject({ x: 190, y: 10, scale: 1 });
  });

  it('accounts for rotation: a 45° square needs its diagonal of room', () => {
    const out = clampLayer(box(20, 20, 40, 40, 1, 45), area);
    const b = layerBounds(out);
    expect(b.minX).toBeCloseTo(0, 6);
    expect(b.minY).toBeCloseTo(0, 6);
    expect(out.x).toBeCloseTo(Math.SQRT2 * 20, 6);
  });

  it('shrinks a layer larger than the area until it fits', () => {
    const out = clampLayer(box(105, 150, 400, 100, 1, 0), area);
    expect(out.scale).toBeLessThan(210 / 400 + 1e-6);
    expect(insideArea(out, area)).toBe(true);
  });

  it('always ends inside the area, whatever the position, size, scale and rotation', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 700, noNaN: true }),
        fc.double({ min: -500, max: 700, noNaN: true }),
        fc.double({ min: 2, max: 600, noNaN: true }),
        fc.double({ min: 2, max: 600, noNaN: true }),
        fc.double({ min: 0.05, max: 10, noNaN: true }),
        fc.double({ min: -360, max: 360, noNaN: true }),
        (x, y, w, h, scale, rotation) => {
          const out = clampLayer(box(x, y, w, h, scale, rotation), area);
          // The smallest scale may still be too big for a huge box: then only the position is promised.
          return out.scale === 0.05 || insideArea(out, area);
        },
      ),
      { numRuns: 500 },
    );
  });
});
