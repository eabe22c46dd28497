import type { ChatLine, Draw, FlashSale, HostMode, Product, RoomEvent, Show, SpeechEvent } from '@snowstage/protocol';

/**
 * The replay clock: a recorded show (its public events, from GET /api/shows/:id/replay) turned into
 * "what the room looked like at time t" and "what the host was performing at time t". Pure data, no
 * DOM and no timers, so the replay page, the scrubber and the tests share one answer.
 * Times called `t` are ms since the show started; `at` values are the original room clock.
 */

/** When the product line-up on stage changed (a `pinned` event), as the server lists it. */
export interface ProductMarker {
  at: number;
  seq: number;
  productIds: string[];
}

/** What GET /api/shows/:id/replay returns. */
export interface ReplayData {
  show: Show;
  events: RoomEvent[];
  markers: ProductMarker[];
}

/** One product put on stage, placed on the scrubber. */
export interface TimelineMarker {
  /** ms since the show started. */
  t: number;
  productId: string;
  product: Product | null;
}

export type ShowEvent = Extract<RoomEvent, { kind: 'speech' | 'gesture' | 'expression' | 'dance' | 'hostMode' | 'tourStop' }>;
type OrderEvent = Extract<RoomEvent, { kind: 'orderPlaced' }>;

/** The room as viewers saw it at one moment of the show. */
export interface ReplayState {
  t: number;
  pinned: Product[];
  sale: FlashSale | null;
  /** The sale's product, if it was known when the sale started. */
  saleProduct: Product | null;
  announcement: string | null;
  chat: ChatLine[];
  likes: number;
  mode: HostMode;
  /** The line the host is speaking at t. */
  speech: SpeechEvent | null;
  draw: { draw: Draw; phase: 'open' | 'drawn' | 'redrawn' } | null;
  avatarUrl: string | null;
  /** The latest order, while it is recent (≤ ORDER_TICKER_MS ago). */
  recentOrder: OrderEvent | null;
}

export const MAX_REPLAY_CHAT = 200;
export const ORDER_TICKER_MS = 5000;
/** A gesture event has no length of its own; this is long enough for every gesture clip. */
export const GESTURE_SPAN_MS = 3000;

const SHOW_KINDS = new Set(['speech', 'gesture', 'expression', 'dance', 'hostMode', 'tourStop']);

function isShowEvent(e: RoomEvent): e is ShowEvent {
  return SHOW_KINDS.has(e.kind);
}

/**
 * The performance as viewers saw it: a `hush` (barge-in) cuts what was playing at its moment and drops
 * what had been scheduled for later before it.
 */
export function applyHushes(events: readonly RoomEvent[]): ShowEvent[] {
  let out: ShowEvent[] = [];
  for (const e of events) {
    if (e.kind === 'hush') {
      const at = e.startAt;
      out = out.flatMap((x): ShowEvent[] => {
        if (x.kind === 'hostMode' || x.kind === 'tourStop') return [x];
        if (startOf(x) >= at) return [];
        if (endOf(x) <= at) return [x];
        if (x.kind === 'speech' || x.kind === 'dance') return [{ ...x, audio: { ...x.audio, durationMs: at - x.startAt } }];
        if (x.kind === 'expression') return [{ ...x, durationMs: Math.max(1, at - x.startAt) }];
        return [x];
      });
    } else if (isShowEvent(e)) out.push(e);
  }
  return out;
}

/** Room-clock ms at which a show event starts playing. */
export function startOf(e: ShowEvent): number {
  return e.kind === 'hostMode' ? e.at : e.startAt;
}

/** Room-clock ms at which a show event has finished playing. */
export function endOf(e: ShowEvent): number {
  switch (e.kind) {
    case 'speech':
    case 'dance':
      return e.startAt + e.audio.durationMs;
    case 'expression':
      return e.startAt + e.durationMs;
    case 'gesture':
      return e.startAt + GESTURE_SPAN_MS;
    case 'tourStop':
      return e.startAt + 1;
    case 'hostMode':
      return e.at + 1;
  }
}

/** Where a flash sale stands at room time `now`. */
export function salePhase(sale: FlashSale, now: number): 'scheduled' | 'open' | 'closed' | 'cancelled' {
  if (sale.status === 'cancelled') return 'cancelled';
  if (now < sale.startsAt) return 'scheduled';
  if (now < sale.endsAt && sale.sold < sale.quantity && sale.status !== 'closed') return 'open';
  return 'closed';
}

function emptyState(): ReplayState {
  return { t: -Infinity, pinned: [], sale: null, saleProduct: null, announcement: null, chat: [], likes: 0, mode: 'idle', speech: null, draw: null, avatarUrl: null, recentOrder: null };
}

/** Index of the first item whose key is > x (items sorted by key). */
function upperBound<T>(items: readonly T[], key: (item: T) => number, x: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A recorded show on a timeline. Use when: playing, scrubbing or rendering a replay.
 * Expects: the replay document as the server sends it (events in log order).
 * Returns: state and performance at any time; `stateAt` is incremental when time moves forward.
 */
export class ReplayTimeline {
  readonly show: Show;
  /** Room-clock ms of t = 0. */
  readonly start: number;
  /** Length of the replay in ms (to the show's end, or the end of its last performance). */
  readonly duration: number;
  readonly markers: TimelineMarker[];
  private readonly events: RoomEvent[];
  /** Show events sorted by start time. */
  private readonly performance: ShowEvent[];
  /** Speeches sorted by start time (for captions). */
  private readonly speeches: SpeechEvent[];
  private state = emptyState();
  private cursor = 0;

  constructor(data: ReplayData) {
    this.show = data.show;
    this.events = [...data.events].sort((a, b) => a.seq - b.seq);
    const started = this.events.find((e) => e.kind === 'showStarted');
    this.start = data.show.startedAt ?? started?.at ?? this.events[0]?.at ?? 0;
    this.performance = applyHushes(this.events).sort((a, b) => startOf(a) - startOf(b) || a.seq - b.seq);
    this.speeches = this.performance.filter((e): e is SpeechEvent => e.kind === 'speech');
    let end = data.show.endedAt ?? this.events.at(-1)?.at ?? this.start;
    for (const e of this.performance) end = Math.max(end, endOf(e));
    this.duration = Math.max(0, end - this.start);
    this.markers = this.productMarkers(data.markers);
  }

  /** Room-clock ms of replay time t. */
  roomTime(t: number): number {
    return this.start + t;
  }

  /** Every product put on stage, at the moment it went up (products already up at the start count at 0). */
  private productMarkers(markers: readonly ProductMarker[]): TimelineMarker[] {
    const pinnedBy = new Map<number, Product[]>();
    for (const e of this.events) if (e.kind === 'pinned') pinnedBy.set(e.seq, e.products);
    const out: TimelineMarker[] = [];
    let before = new Set<string>();
    for (const m of [...markers].sort((a, b) => a.seq - b.seq)) {
      const products = pinnedBy.get(m.seq) ?? [];
      for (const id of m.productIds) {
        if (!before.has(id)) out.push({ t: Math.max(0, m.at - this.start), productId: id, product: products.find((p) => p.id === id) ?? null });
      }
      before = new Set(m.productIds);
    }
    return out;
  }

  /** The room at replay time t (ms since the show started). */
  stateAt(t: number): ReplayState {
    const at = this.start + t;
    if (t < this.state.t) {
      this.state = emptyState();
      this.cursor = 0;
    }
    const s = this.state;
    while (this.cursor < this.events.length && this.events[this.cursor]!.at <= at) apply(s, this.events[this.cursor++]!);
    s.t = t;
    const i = upperBound(this.speeches, (e) => e.startAt, at) - 1;
    const speech = i >= 0 ? this.speeches[i]! : null;
    s.speech = speech && at < speech.startAt + speech.audio.durationMs ? speech : null;
    if (s.recentOrder && at - s.recentOrder.at > ORDER_TICKER_MS) s.recentOrder = null;
    return { ...s, chat: [...s.chat], pinned: [...s.pinned] };
  }

  /** Show events that start in (t0, t1]: what to hand the stage as the replay moves from t0 to t1. */
  performanceBetween(t0: number, t1: number): ShowEvent[] {
    const from = upperBound(this.performance, startOf, this.start + t0);
    const to = upperBound(this.performance, startOf, this.start + t1);
    return this.performance.slice(from, to);
  }

  /**
   * What the host is performing at t: the show events that started by t and have not finished,
   * preceded by the host mode in force (so a stage started here looks as it did then).
   */
  performanceAt(t: number): ShowEvent[] {
    const at = this.start + t;
    const upto = upperBound(this.performance, startOf, at);
    let mode: ShowEvent | null = null;
    const playing: ShowEvent[] = [];
    for (let i = 0; i < upto; i++) {
      const e = this.performance[i]!;
      if (e.kind === 'hostMode') mode = e;
      else if (endOf(e) > at) playing.push(e);
    }
    return mode ? [mode, ...playing] : playing;
  }
}

/** Folds one event into the replay state (the same rules as the live viewer page). */
function apply(s: ReplayState, e: RoomEvent): void {
  switch (e.kind) {
    case 'chat':
      s.chat.push(e.line);
      if (s.chat.length > MAX_REPLAY_CHAT) s.chat.splice(0, s.chat.length - MAX_REPLAY_CHAT);
      break;
    case 'chatDeleted':
      s.chat = s.chat.filter((l) => l.id !== e.messageId);
      break;
    case 'likes':
      s.likes = Math.max(s.likes, e.total);
      break;
    case 'pinned':
      s.pinned = e.products;
      break;
    case 'productUpdated':
      s.pinned = s.pinned.map((p) => (p.id === e.product.id ? e.product : p));
      if (s.saleProduct?.id === e.product.id) s.saleProduct = e.product;
      break;
    case 'sale':
      s.sale = e.sale;
      if (s.saleProduct?.id !== e.sale.productId) s.saleProduct = s.pinned.find((p) => p.id === e.sale.productId) ?? null;
      break;
    case 'announcement':
      s.announcement = e.text;
      break;
    case 'hostMode':
      s.mode = e.mode;
      break;
    case 'draw':
      s.draw = { draw: e.draw, phase: e.phase };
      break;
    case 'avatar':
      s.avatarUrl = e.url;
      break;
    case 'orderPlaced':
      if (e.via !== 'replay') s.recentOrder = e;
      break;
    default:
      break;
  }
}
