import { describe, expect, it } from 'vitest';
import type { RoomEvent, RoomEventDraft } from '@snowstage/protocol';
import { AnalyticsAccumulator, computeAnalytics } from './analytics.js';

/** A tiny scripted log: events with increasing seq at given times. */
function log(entries: [number, RoomEventDraft][]): RoomEvent[] {
  return entries.map(([at, d], i) => ({ ...d, seq: i + 1, at }) as RoomEvent);
}
const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
const chat = (viewerId: string, role: 'viewer' | 'operator' = 'viewer'): RoomEventDraft => ({
  kind: 'chat',
  line: { id: `m-${viewerId}-${Math.random()}`, viewerId, nickname: viewerId, role, text: 'hi', at: 0 },
});
const order = (buyerId: string, productId: string, qty: number, amount: number, via: 'live' | 'replay' = 'live'): RoomEventDraft => ({
  kind: 'orderPlaced', orderId: `o-${buyerId}-${productId}-${amount}`, buyerId, nickname: buyerId, productId, variantId: 'm', qty, total: cny(amount), saleId: null, via,
});

describe('analytics from the event log', () => {
  const events = log([
    [0, { kind: 'viewerJoined', viewerId: 'a', nickname: 'a' }],
    [1_000, { kind: 'viewerJoined', viewerId: 'b', nickname: 'b' }],
    [2_000, { kind: 'viewerJoined', viewerId: 'c', nickname: 'c' }],
    [3_000, chat('a')],
    [4_000, chat('b')],
    [5_000, chat('staff_operator', 'operator')],
    [6_000, { kind: 'likes', delta: 40, total: 40 }],
    [7_000, { kind: 'productClicked', viewerId: 'a', productId: 'tee', what: 'cardClick' }],
    [8_000, { kind: 'productClicked', viewerId: 'b', productId: 'tee', what: 'cardClick' }],
    [9_000, { kind: 'productClicked', viewerId: 'b', productId: 'mug', what: 'cardClick' }],
    [10_000, { kind: 'buyAttempt', viewerId: 'a', productId: 'tee', variantId: 'm', saleId: null, ok: true, code: null }],
    [10_000, order('a', 'tee', 2, 25_800)],
    [11_000, { kind: 'buyAttempt', viewerId: 'b', productId: 'tee', variantId: 'm', saleId: 's1', ok: false, code: 'SOLD_OUT' }],
    [61_000, { kind: 'viewerLeft', viewerId: 'c' }],
    [62_000, { kind: 'viewerJoined', viewerId: 'd', nickname: 'd' }],
    [63_000, { kind: 'buyAttempt', viewerId: 'd', productId: 'mug', variantId: 'm', saleId: null, ok: true, code: null }],
    [63_000, order('d', 'mug', 1, 6_900)],
    [64_000, { kind: 'buyAttempt', viewerId: 'a', productId: 'mug', variantId: 'm', saleId: null, ok: true, code: null }],
    [64_000, order('a', 'mug', 1, 6_900)],
    [70_000, { kind: 'likes', delta: 10, total: 50 }],
    [80_000, { kind: 'replayViewed', showId: 'show1', viewerId: 'e' }],
    [81_000, { kind: 'replayViewed', showId: 'show1', viewerId: 'e' }],
    [82_000, order('e', 'tee', 1, 12_900, 'replay')],
  ]);

  it('adds up viewers, comments, likes, clicks, attempts, orders, GMV and conversion exactly', () => {
    const a = computeAnalytics(events, { from: 0, bucketMs: 60_000 }, 120_000);
    expect(a).toMatchObject({
      viewersNow: 3, peakViewers: 3, uniqueViewers: 4,
      comments: 2, commentsPerMinute: 1, likes: 50,
      cardClicks: 3, buyAttempts: 4, orders: 3, units: 4, gmv: 25_800 + 6_900 + 6_900,
      buyers: 2, conversion: 0.5,
      replayViews: 2, uniqueReplayViewers: 1, replayOrders: 1, replayGmv: 12_900,
    });
    expect(a.perProduct).toEqual([
      { productId: 'tee', clicks: 2, cartAdds: 0, attempts: 2, orders: 1, units: 2, gmv: 25_800 },
      { productId: 'mug', clicks: 1, cartAdds: 0, attempts: 2, orders: 2, units: 2, gmv: 13_800 },
    ]);
  });

  it('buckets the series by minute with even spacing', () => {
    const a = computeAnalytics(events, { from: 0, bucketMs: 60_000 }, 150_000);
    expect(a.series.map((p) => p.t)).toEqual([0, 60_000, 120_000]);
    expect(a.series[0]).toMatchObject({ viewers: 3, peakViewers: 3, comments: 2, likes: 40, orders: 1, gmv: 25_800 });
    expect(a.series[1]).toMatchObject({ viewers: 3, comments: 0, likes: 10, orders: 2, gmv: 13_800 });
    expect(a.series[2]).toMatchObject({ viewers: 3, orders: 0 });
  });

  it('counts a show from its start, with the viewers already present', () => {
    const acc = new AnalyticsAccumulator({ from: 60_000, present: ['a', 'b', 'c'] });
    for (const e of events) acc.add(e);
    const a = acc.result(120_000);
    expect(a).toMatchObject({ uniqueViewers: 4, peakViewers: 3, viewersNow: 3, comments: 0, orders: 2, gmv: 13_800, buyers: 2 });
  });

  it('gives the same answer incrementally as in one fold', () => {
    const acc = new AnalyticsAccumulator({ from: 0 });
    const half = Math.floor(events.length / 2);
    events.slice(0, half).forEach((e) => acc.add(e));
    acc.result(50_000);
    events.slice(half).forEach((e) => acc.add(e));
    expect(acc.result(120_000)).toEqual(computeAnalytics(events, { from: 0 }, 120_000));
  });
});
