import { AnalyticsAccumulator, type Analytics } from '@snowstage/commerce';
import { AppError, isAppError, LOG_ONLY_KINDS, MAX_PINNED, type RoomEvent, type Show, type ShowPlan } from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import type { RoomHub } from '../room/hub.js';
import { newId } from '../ids.js';

/** A marker on the replay's product timeline: when a product was put on (or taken off) the stage. */
export interface ProductMarker {
  at: number;
  seq: number;
  productIds: string[];
}

export interface Replay {
  show: Show;
  /** The show's public events in order (what viewers saw and heard), from showStarted to showEnded. */
  events: RoomEvent[];
  markers: ProductMarker[];
}

/**
 * Shows: schedule, go live, end; their analytics (from the log, the one source of truth) and
 * their replays. A show is a seq range of its room's event log.
 */
export class ShowService {
  /** Live analytics per room, caught up incrementally from the log. */
  private readonly live = new Map<string, { showId: string; bucketMs: number; acc: AnalyticsAccumulator; afterSeq: number }>();

  constructor(
    private readonly store: Store,
    private readonly hub: RoomHub,
    private readonly now: () => number,
  ) {}

  async schedule(plan: ShowPlan): Promise<Show> {
    if (!(await this.store.getRoom(plan.roomId))) throw new AppError('ROOM_NOT_FOUND', plan.roomId);
    for (const id of plan.lineup) if (!(await this.store.getProduct(id))) throw new AppError('PRODUCT_NOT_FOUND', id);
    const show: Show = { id: newId('show'), ...plan, status: 'scheduled', startedAt: null, endedAt: null, startSeq: null, endSeq: null };
    await this.store.saveShow(show);
    return show;
  }

  async get(id: string): Promise<Show> {
    const show = await this.store.getShow(id);
    if (!show) throw new AppError('SHOW_NOT_FOUND', id);
    return show;
  }

  list(roomId?: string): Promise<Show[]> {
    return this.store.listShows(roomId);
  }

  /** Puts a scheduled show on air in its room. */
  async goLive(id: string): Promise<Show> {
    const show = await this.get(id);
    if (show.status !== 'scheduled') throw new AppError('SHOW_CONFLICT', `show is ${show.status}`);
    const room = await this.hub.get(show.roomId);
    const started = await room.startShow(show.id, show.title);
    const live: Show = { ...show, status: 'live', startedAt: started.at, startSeq: started.seq };
    await this.store.saveShow(live);
    await this.openLineup(show);
    return live;
  }

  /**
   * The show opens on its line-up: its first products (as many as may be pinned) replace the pinned
   * cards, and the host, where one runs, pitches the first of them.
   */
  private async openLineup(show: Show): Promise<void> {
    if (show.lineup.length === 0) return;
    const room = await this.hub.get(show.roomId);
    const first = show.lineup.slice(0, MAX_PINNED);
    for (const p of (await room.snapshot()).pinned) if (!first.includes(p.id)) await room.unpin(p.id);
    for (const id of first) await room.pin(id);
    await room.queuePitch(first[0]!).catch((e: unknown) => {
      if (!isAppError(e) || e.code !== 'HOST_UNAVAILABLE') throw e;
    });
  }

  async end(id: string): Promise<Show> {
    const show = await this.get(id);
    if (show.status !== 'live') throw new AppError('SHOW_NOT_LIVE', id);
    const room = await this.hub.get(show.roomId);
    const stopped = await room.endShow(show.id);
    await room.settled();
    const ended: Show = { ...show, status: 'ended', endedAt: stopped.at, endSeq: stopped.seq };
    await this.store.saveShow(ended);
    this.live.delete(show.roomId);
    return ended;
  }

  /** The show's events (all kinds), read from the log in pages. */
  private async *eventsOf(show: Show): AsyncGenerator<RoomEvent> {
    if (show.startSeq === null) return;
    let after = show.startSeq - 1;
    for (;;) {
      const page = await this.store.readEvents(show.roomId, { afterSeq: after, limit: 5000 });
      for (const e of page) {
        if (show.endSeq !== null && e.seq > show.endSeq) return;
        yield e;
      }
      if (page.length < 5000) return;
      after = page[page.length - 1]!.seq;
    }
  }

  /** The analytics of one show: exact, from its events; while live, up to now. Replays are counted apart. */
  async report(id: string, bucketMs = 60_000): Promise<{ show: Show; analytics: Analytics }> {
    const show = await this.get(id);
    if (show.status === 'scheduled' || show.startSeq === null) throw new AppError('SHOW_NOT_LIVE', 'the show has not started');
    const acc = accumulatorFor(show, bucketMs);
    for await (const e of this.eventsOf(show)) acc.add(e);
    // Replays happen after the show: count its replay views and replay orders from the rest of the log.
    if (show.endSeq !== null) {
      for (const e of await this.store.readEvents(show.roomId, { afterSeq: show.endSeq, kinds: ['replayViewed', 'orderPlaced'] })) {
        if ((e.kind === 'replayViewed' && e.showId === show.id) || (e.kind === 'orderPlaced' && e.replayOf === show.id)) acc.add(e);
      }
    }
    return { show, analytics: acc.result(show.endedAt ?? this.now()) };
  }

  /** Live analytics for a room's show on air, kept incrementally (cheap to poll every second or two). */
  async liveAnalytics(roomId: string, bucketMs = 60_000): Promise<{ show: Show | null; analytics: Analytics | null }> {
    const room = await this.hub.get(roomId);
    const on = (await room.snapshot()).show;
    if (!on) return { show: null, analytics: null };
    const show = await this.get(on.id);
    await room.settled();
    let entry = this.live.get(roomId);
    if (!entry || entry.showId !== show.id || entry.bucketMs !== bucketMs) {
      entry = { showId: show.id, bucketMs, acc: accumulatorFor(show, bucketMs), afterSeq: (show.startSeq ?? 1) - 1 };
      this.live.set(roomId, entry);
    }
    for (;;) {
      const page = await this.store.readEvents(roomId, { afterSeq: entry.afterSeq, limit: 5000 });
      for (const e of page) entry.acc.add(e);
      if (page.length > 0) entry.afterSeq = page[page.length - 1]!.seq;
      if (page.length < 5000) break;
    }
    return { show, analytics: entry.acc.result(this.now()) };
  }

  /** What a replay plays: the show's public events and its product timeline. */
  async replay(id: string): Promise<Replay> {
    const show = await this.get(id);
    if (show.status === 'scheduled') throw new AppError('SHOW_NOT_LIVE', 'the show has not started');
    const events: RoomEvent[] = [];
    const markers: ProductMarker[] = [];
    for await (const e of this.eventsOf(show)) {
      if (LOG_ONLY_KINDS.has(e.kind)) continue;
      events.push(e);
      if (e.kind === 'pinned') markers.push({ at: e.at, seq: e.seq, productIds: e.products.map((p) => p.id) });
    }
    return { show, events, markers };
  }
}

/** An accumulator that starts at the show's start, with the viewers present then (from its showStarted event, fed first). */
function accumulatorFor(show: Show, bucketMs: number): AnalyticsAccumulator {
  return new AnalyticsAccumulator({ from: show.startedAt ?? 0, bucketMs });
}
