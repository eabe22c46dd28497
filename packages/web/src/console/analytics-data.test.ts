import { describe, expect, it } from 'vitest';
import { chartColumns, defaultBucketS, percent, productRows, span, timeSpan, yuan } from './analytics-data.js';
import { MUG } from '../replay/replay-fixture.js';

describe('analytics formatting', () => {
  it('shows money in yuan and conversion in percent', () => {
    expect(yuan(128850)).toBe('¥1,288.50');
    expect(yuan(8800)).toBe('¥88');
    expect(yuan(5)).toBe('¥0.05');
    expect(percent(0.6)).toBe('60%');
    expect(percent(0.12345)).toBe('12.35%');
    expect(span(3_725_000)).toBe('1:02:05');
    expect(span(65_000)).toBe('1:05');
  });

  it('turns the time series into aligned chart columns (seconds, yuan)', () => {
    const cols = chartColumns([
      { t: 60_000, viewers: 3, peakViewers: 4, comments: 2, likes: 7, orders: 1, gmv: 4990 },
      { t: 120_000, viewers: 5, peakViewers: 5, comments: 0, likes: 0, orders: 0, gmv: 0 },
    ]);
    expect(cols).toEqual({ x: [60, 120], viewers: [3, 5], peakViewers: [4, 5], comments: [2, 0], likes: [7, 0], orders: [1, 0], gmvYuan: [49.9, 0] });
  });

  it('spans the chart axis over the whole window, at least two buckets wide', () => {
    const one = [{ t: 600_000, viewers: 1, peakViewers: 1, comments: 0, likes: 0, orders: 0, gmv: 0 }];
    expect(timeSpan({ from: 600_000, to: 608_000, series: one })).toEqual([600, 720]);
    const two = [...one, { ...one[0]!, t: 610_000 }];
    expect(timeSpan({ from: 600_000, to: 900_000, series: two })).toEqual([600, 900]);
  });

  it('picks a report bucket that suits the show length', () => {
    expect(defaultBucketS(8_000)).toBe(10);
    expect(defaultBucketS(45 * 60_000)).toBe(60);
    expect(defaultBucketS(5 * 3_600_000)).toBe(300);
  });

  it('names products in the page language, keeping unknown ids', () => {
    const stats = [{ productId: 'mug', clicks: 1, cartAdds: 0, attempts: 1, orders: 1, units: 1, gmv: 6800 }, { productId: 'gone', clicks: 0, cartAdds: 0, attempts: 0, orders: 0, units: 0, gmv: 0 }];
    expect(productRows(stats, new Map([['mug', MUG]]), 'en').map((r) => r.name)).toEqual(['mug en', 'gone']);
  });
});
