import type { RoomEvent } from '@snowstage/protocol';

/** Counts for one product over a show (or any stretch of a room's log). */
export interface ProductStats {
  productId: string;
  clicks: number;
  cartAdds: number;
  attempts: number;
  orders: number;
  units: number;
  /** Gross merchandise value in minor units (fen). */
  gmv: number;
}

/** One bucket of the time series (`t` is the bucket's start, room-clock ms). */
export interface SeriesPoint {
  t: number;
  /** Concurrent viewers at the end of the bucket, and the most seen during it. */
  viewers: number;
  peakViewers: number;
  comments: number;
  likes: number;
  orders: number;
  gmv: number;
}

export interface Analytics {
  from: number;
  to: number;
  viewersNow: number;
  peakViewers: number;
  uniqueViewers: number;
  comments: number;
  commentsPerMinute: number;
  likes: number;
  cardClicks: number;
  cartAdds: number;
  buyAttempts: number;
  orders: number;
  units: number;
  /** GMV in minor units (fen, CNY): the sum of live orders' totals. */
  gmv: number;
  buyers: number;
  /** Buyers ÷ unique viewers (0 when nobody watched). */
  conversion: number;
  replayViews: number;
  uniqueReplayViewers: number;
  replayOrders: number;
  replayGmv: number;
  perProduct: ProductStats[];
  series: SeriesPoint[];
}

export interface AnalyticsOptions {
  /** Start of the window (room-clock ms); events before it only set who is present. */
  from: number;
  /** Width of a series bucket. @default 60_000 */
  bucketMs?: number;
  /** Viewers already in the room at `from` (a show's `showStarted.present`). */
  present?: readonly string[];
}

/**
 * Live and per-show analytics, folded from a room's event log — the one source of truth, so the
 * console, the report and the CSV always agree. Incremental: feed events in log order with `add`,
 * read `result(now)` any time. Replays are counted apart from live views.
 */
export class AnalyticsAccumulator {
  private readonly bucketMs: number;
  private readonly presence = new Map<string, number>();
  private readonly unique = new Set<string>();
  private readonly buyers = new Set<string>();
  private readonly replayViewers = new Set<string>();
  private readonly products = new Map<string, ProductStats>();
  private readonly buckets = new Map<number, SeriesPoint>();
  private totals = { comments: 0, likes: 0, cardClicks: 0, cartAdds: 0, buyAttempts: 0, orders: 0, units: 0, gmv: 0, replayViews: 0, replayOrders: 0, replayGmv: 0, peak: 0 };
  private last: number;

  constructor(private readonly opts: AnalyticsOptions) {
    this.bucketMs = opts.bucketMs ?? 60_000;
    this.last = opts.from;
    for (const v of opts.present ?? []) {
      this.presence.set(v, 1);
      this.unique.add(v);
    }
    this.totals.peak = this.presence.size;
  }

  private product(id: string): ProductStats {
    let p = this.products.get(id);
    if (!p) this.products.set(id, (p = { productId: id, clicks: 0, cartAdds: 0, attempts: 0, orders: 0, units: 0, gmv: 0 }));
    return p;
  }

  private bucket(at: number): SeriesPoint {
    const t = this.opts.from + Math.floor((at - this.opts.from) / this.bucketMs) * this.bucketMs;
    let b = this.buckets.get(t);
    if (!b) {
      // A new bucket starts with the viewers present now.
      b = { t, viewers: this.presence.size, peakViewers: this.presence.size, comments: 0, likes: 0, orders: 0, gmv: 0 };
      this.buckets.set(t, b);
    }
    return b;
  }

  /** Adds one event (in log order). Events before `from` are ignored. */
  add(e: RoomEvent): void {
    if (e.at < this.opts.from) return;
    this.last = Math.max(this.last, e.at);
    const b = this.bucket(e.at);
    const t = this.totals;
    switch (e.kind) {
      case 'viewerJoined':
        this.presence.set(e.viewerId, (this.presence.get(e.viewerId) ?? 0) + 1);
        this.unique.add(e.viewerId);
        t.peak = Math.max(t.peak, this.presence.size);
        break;
      case 'viewerLeft':
        this.presence.delete(e.viewerId);
        break;
      case 'showStarted':
        // Viewers already in the room when the show went on air are part of its audience.
        for (const v of e.present) {
          if (!this.presence.has(v)) this.presence.set(v, 1);
          this.unique.add(v);
        }
        t.peak = Math.max(t.peak, this.presence.size);
        break;
      case 'chat':
        if (e.line.role === 'viewer') {
          t.comments++;
          b.comments++;
        }
        break;
      case 'likes':
        t.likes += e.delta;
        b.likes += e.delta;
        break;
      case 'productClicked':
        if (e.what === 'cardClick') {
          t.cardClicks++;
          this.product(e.productId).clicks++;
        } else {
          t.cartAdds++;
          this.product(e.productId).cartAdds++;
        }
        break;
      case 'buyAttempt':
        t.buyAttempts++;
        this.product(e.productId).attempts++;
        break;
      case 'orderPlaced':
        if (e.via === 'replay') {
          t.replayOrders++;
          t.replayGmv += e.total.amount;
          break;
        }
        t.orders++;
        t.units += e.qty;
        t.gmv += e.total.amount;
        this.buyers.add(e.buyerId);
        b.orders++;
        b.gmv += e.total.amount;
        {
          const p = this.product(e.productId);
          p.orders++;
          p.units += e.qty;
          p.gmv += e.total.amount;
        }
        break;
      case 'replayViewed':
        t.replayViews++;
        this.replayViewers.add(e.viewerId);
        break;
      default:
        break;
    }
    b.viewers = this.presence.size;
    b.peakViewers = Math.max(b.peakViewers, this.presence.size);
  }

  /** The numbers up to `now` (the end of the window for an ended show). */
  result(now: number = this.last): Analytics {
    const t = this.totals;
    const minutes = Math.max(1 / 60, (now - this.opts.from) / 60_000);
    // Fill empty buckets so plots have an even time axis.
    const series: SeriesPoint[] = [];
    let carry = this.opts.present?.length ?? 0;
    for (let start = this.opts.from; start <= now; start += this.bucketMs) {
      const b = this.buckets.get(start);
      if (b) carry = b.viewers;
      series.push(b ? { ...b } : { t: start, viewers: carry, peakViewers: carry, comments: 0, likes: 0, orders: 0, gmv: 0 });
    }
    return {
      from: this.opts.from,
      to: now,
      viewersNow: this.presence.size,
      peakViewers: t.peak,
      uniqueViewers: this.unique.size,
      comments: t.comments,
      commentsPerMinute: Math.round((t.comments / minutes) * 10) / 10,
      likes: t.likes,
      cardClicks: t.cardClicks,
      cartAdds: t.cartAdds,
      buyAttempts: t.buyAttempts,
      orders: t.orders,
      units: t.units,
      gmv: t.gmv,
      buyers: this.buyers.size,
      conversion: this.unique.size === 0 ? 0 : Math.round((this.buyers.size / this.unique.size) * 10_000) / 10_000,
      replayViews: t.replayViews,
      uniqueReplayViewers: this.replayViewers.size,
      replayOrders: t.replayOrders,
      replayGmv: t.replayGmv,
      perProduct: [...this.products.values()].sort((a, b) => b.gmv - a.gmv || b.clicks - a.clicks || a.productId.localeCompare(b.productId)),
      series,
    };
  }
}

/** Folds a whole stretch of log at once. */
export function computeAnalytics(events: Iterable<RoomEvent>, opts: AnalyticsOptions, now?: number): Analytics {
  const acc = new AnalyticsAccumulator(opts);
  for (const e of events) acc.add(e);
  return acc.result(now);
}
