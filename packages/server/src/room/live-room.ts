import { nextSaleDeadline, planSale, saleIsLive, type PurchaseResult } from '@snowstage/commerce';
import { AppError, isAppError, LOG_ONLY_KINDS, type Draw, type EmotionTag, type Gesture, type HostMode, type Lang, type ServerMessage, type PurchaseRequest, type RoomEvent, type RoomSnapshot, type TrackWhat } from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import type { Bus } from '../bus.js';
import { newId } from '../ids.js';
import type { Actor, RoomCommand, ShowEventDraft } from './commands.js';
import { reduce, type Reduction } from './reducer.js';
import type { RoomState } from './room-state.js';
import { snapshotOf } from './restore.js';
import { RoomFanout, type Peer } from './fanout.js';

export interface LiveRoomDeps {
  store: Store;
  bus: Bus;
  now: () => number;
  fanout: { intervalMs: number; maxBacklogBytes: number };
  statsIntervalMs: number;
  saleMinCountdownS: number;
  onError: (err: unknown, what: string) => void;
}

/** How staff steer the room's host (the show director implements it). */
export interface HostControl {
  setMode(mode: HostMode): void;
  say(line: { text: string; emotion: EmotionTag; gesture?: Gesture; lang?: Lang }): Promise<void>;
  queuePitch(productId: string): Promise<void>;
  pause(paused: boolean): void;
  approve(messageId: string): void;
  skip(messageId: string): void;
  /** The comment queue as staff see it. */
  queue(): Extract<ServerMessage, { type: 'commentQueue' }>;
}

/** Something connected to the room that can be told things directly (a WebSocket connection). */
export interface Member extends Peer {
  readonly actor: Actor;
  sendDirect(message: object): void;
}

/**
 * One live room on this node: feeds commands through the reducer, appends the events to the log
 * in order, publishes them on the bus, and runs the room's clocks (sale deadlines, like flushes).
 * Commerce actions go to the store first; the room then reports what the store decided.
 */
export class LiveRoom {
  readonly fanout: RoomFanout;
  private readonly members = new Map<string, Set<Member>>();
  private logTail: Promise<void> = Promise.resolve();
  private saleTimer: NodeJS.Timeout | null = null;
  private readonly statsTimer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private lastCounts = '';
  private readonly observers = new Set<(events: readonly RoomEvent[]) => void>();
  private control: HostControl | null = null;

  constructor(
    private readonly state: RoomState,
    private readonly deps: LiveRoomDeps,
  ) {
    this.fanout = new RoomFanout(deps.fanout);
    this.unsubscribe = deps.bus.subscribe(this.channel, (m) => this.onBusMessage(m));
    this.statsTimer = setInterval(() => this.tickStats(), deps.statsIntervalMs);
    this.statsTimer.unref();
    this.armSaleTimer();
  }

  get id(): string {
    return this.state.id;
  }

  private get channel(): string {
    return `room:${this.state.id}`;
  }

  snapshot(): RoomSnapshot {
    return snapshotOf(this.state, this.deps.now());
  }

  /** Runs one command through the reducer; events go to the log and the bus. Returns the reduction. */
  dispatch(cmd: RoomCommand): Reduction {
    const r = reduce(this.state, cmd, this.deps.now());
    if (r.events.length > 0) this.record(r.events);
    return r;
  }

  /** Like dispatch, but throws the refusal so a caller can turn it into an error reply. */
  apply(cmd: RoomCommand): RoomEvent[] {
    const r = this.dispatch(cmd);
    if (r.error) throw r.error;
    return r.events;
  }

  private record(events: RoomEvent[]): void {
    // Appends are chained so the log keeps the reducer's order even with an async store.
    this.logTail = this.logTail
      .then(() => this.deps.store.appendEvents(this.state.id, events))
      .catch((e) => this.deps.onError(e, 'append to event log'));
    const pub = events.filter((e) => !LOG_ONLY_KINDS.has(e.kind));
    if (pub.length > 0) this.deps.bus.publish(this.channel, JSON.stringify(pub));
  }

  private onBusMessage(message: string): void {
    const events = JSON.parse(message) as RoomEvent[];
    this.fanout.enqueue(events);
    for (const o of this.observers) {
      try {
        o(events);
      } catch (e) {
        this.deps.onError(e, 'room observer');
      }
    }
  }

  /** Waits until every event so far is in the log (tests, shutdown). */
  async settled(): Promise<void> {
    await this.logTail;
  }

  // ── membership ─────────────────────────────────────────────────────────────

  join(member: Member): void {
    this.apply({ type: 'join', actor: member.actor });
    let set = this.members.get(member.actor.viewerId);
    if (!set) this.members.set(member.actor.viewerId, (set = new Set()));
    set.add(member);
    this.fanout.peers.add(member);
    this.pushCounts();
  }

  leave(member: Member): void {
    const set = this.members.get(member.actor.viewerId);
    if (!set?.delete(member)) return;
    if (set.size === 0) this.members.delete(member.actor.viewerId);
    this.fanout.peers.delete(member);
    this.dispatch({ type: 'leave', actor: member.actor });
    this.pushCounts();
  }

  get viewerCount(): number {
    return this.state.presence.size;
  }

  private pushCounts(): void {
    const counts = { viewers: this.state.presence.size, likes: this.state.likes + this.state.pendingLikes };
    const key = `${counts.viewers}:${counts.likes}`;
    if (key === this.lastCounts) return;
    this.lastCounts = key;
    this.fanout.setCounts(counts);
  }

  private tickStats(): void {
    this.dispatch({ type: 'flushLikes' });
    this.pushCounts();
  }

  // ── chat and moderation ────────────────────────────────────────────────────

  chat(actor: Actor, text: string): void {
    this.apply({ type: 'chat', actor, id: newId('m'), text });
  }

  like(actor: Actor, count: number): void {
    this.apply({ type: 'like', actor, count });
  }

  deleteChat(actor: Actor, messageId: string): void {
    this.apply({ type: 'deleteChat', actor, messageId });
  }

  mute(actor: Actor, viewerId: string, durationS: number): void {
    const until = this.deps.now() + durationS * 1000;
    this.apply({ type: 'mute', actor, viewerId, until });
    for (const m of this.members.get(viewerId) ?? []) m.sendDirect({ type: 'moderated', action: 'muted', until });
  }

  ban(actor: Actor, viewerId: string): void {
    this.apply({ type: 'ban', actor, viewerId });
    for (const m of [...(this.members.get(viewerId) ?? [])]) {
      m.sendDirect({ type: 'moderated', action: 'banned', until: null });
      this.leave(m);
      m.terminate();
    }
  }

  announce(text: string): void {
    this.apply({ type: 'announce', text });
  }

  // ── products ───────────────────────────────────────────────────────────────

  async pin(productId: string): Promise<void> {
    const product = await this.deps.store.getProduct(productId);
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', productId);
    this.apply({ type: 'pin', product });
  }

  unpin(productId: string): void {
    this.apply({ type: 'unpin', productId });
  }

  async markSoldOut(productId: string, variantId?: string): Promise<void> {
    const product = await this.deps.store.markSoldOut(productId, variantId);
    this.apply({ type: 'productChanged', product });
  }

  // ── flash sales and purchases ──────────────────────────────────────────────

  async scheduleSale(plan: {
    productId: string;
    variantId: string;
    countdownS: number;
    durationS: number;
    salePrice: number;
    quantity: number;
    perBuyerLimit: number;
  }): Promise<void> {
    const now = this.deps.now();
    if (this.state.sale && saleIsLive(this.state.sale, now)) throw new AppError('SALE_CONFLICT', this.state.sale.id);
    const product = await this.deps.store.getProduct(plan.productId);
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', plan.productId);
    const sale = planSale({ ...plan, id: newId('s'), roomId: this.state.id }, product, now, { minCountdownS: this.deps.saleMinCountdownS });
    await this.deps.store.createSale(sale);
    this.apply({ type: 'saleScheduled', sale, product });
    this.armSaleTimer();
  }

  async cancelSale(saleId: string): Promise<void> {
    if (this.state.sale?.id !== saleId) throw new AppError('SALE_NOT_FOUND', saleId);
    const sale = await this.deps.store.cancelSale(saleId);
    this.apply({ type: 'saleChanged', sale });
    this.armSaleTimer();
  }

  /**
   * Buys through the store (atomic, idempotent by the buyer's key) and tells the room.
   * A retry of a finished purchase returns the same order and tells the room nothing new.
   */
  async buy(actor: Actor, request: PurchaseRequest, replayOf?: string): Promise<PurchaseResult> {
    const attempt = { type: 'buyAttempt' as const, actor, productId: request.productId, variantId: request.variantId, saleId: request.saleId ?? null };
    let result: PurchaseResult;
    try {
      result = await this.deps.store.purchase(actor.viewerId, this.state.id, request, this.deps.now());
    } catch (e) {
      this.dispatch({ ...attempt, code: isAppError(e) ? e.code : 'INTERNAL' });
      throw e;
    }
    if (!result.replayed) {
      this.dispatch({ ...attempt, code: null });
      const [product, sale] = await Promise.all([
        this.deps.store.getProduct(result.order.productId),
        result.order.saleId ? this.deps.store.getSale(result.order.saleId) : Promise.resolve(null),
      ]);
      if (product) this.dispatch({ type: 'orderPlaced', order: result.order, buyer: actor, product, sale, via: replayOf ? 'replay' : 'live', ...(replayOf ? { replayOf } : {}) });
      if (sale) this.armSaleTimer();
    }
    return result;
  }

  track(actor: Actor, what: TrackWhat, productId: string): void {
    this.dispatch({ type: 'track', actor, what, productId });
  }

  // ── shows and the host's performance ──────────────────────────────────────

  /** Puts a show on air; returns its `showStarted` event (seq and time). */
  startShow(showId: string, title: string): RoomEvent {
    return this.apply({ type: 'showStarted', showId, title })[0]!;
  }

  /** Takes the show off air; returns its `showEnded` event. */
  endShow(showId: string): RoomEvent {
    return this.apply({ type: 'showEnded', showId })[0]!;
  }

  get liveShow(): { id: string; title: string; startedAt: number } | null {
    return this.state.show;
  }

  /** Swaps the host's 3D model for everyone in the room. */
  setAvatar(url: string): void {
    this.dispatch({ type: 'avatar', url });
  }

  /** Announces a lucky draw's phase in this room (the host reacts; viewers see the reveal). */
  announceDraw(draw: Draw, phase: 'open' | 'drawn' | 'redrawn'): void {
    this.dispatch({ type: 'draw', draw, phase });
  }

  replayViewed(showId: string, viewerId: string): void {
    this.dispatch({ type: 'replayViewed', showId, viewerId });
  }

  /** Broadcasts one show event (speech, gesture, …) that plays until `endsAt` on the room clock. */
  perform(event: ShowEventDraft, endsAt: number): RoomEvent {
    return this.apply({ type: 'perform', event, endsAt })[0]!;
  }

  get hostMode(): HostMode {
    return this.state.host.mode;
  }

  /** The director attaches itself here; staff commands reach the host through it. */
  attachHost(control: HostControl | null): void {
    this.control = control;
  }

  host(): HostControl {
    if (!this.control) throw new AppError('HOST_UNAVAILABLE');
    return this.control;
  }

  /** Sends a message to every staff connection of the room on this node (the console's comment queue). */
  toStaff(message: object): void {
    for (const set of this.members.values()) for (const m of set) if (m.actor.role !== 'viewer') m.sendDirect(message);
  }

  /**
   * Watches the room's public events as every node sees them (after the bus), e.g. for the show
   * director. Returns a function that stops watching.
   */
  observe(listener: (events: readonly RoomEvent[]) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  private armSaleTimer(): void {
    if (this.saleTimer) clearTimeout(this.saleTimer);
    this.saleTimer = null;
    const sale = this.state.sale;
    if (!sale) return;
    const now = this.deps.now();
    const deadline = nextSaleDeadline(sale, now);
    if (deadline === null) return;
    // Fire just after the deadline so the phase computed at `now` has already changed.
    this.saleTimer = setTimeout(() => {
      this.dispatch({ type: 'tick' });
      this.armSaleTimer();
    }, Math.max(0, deadline - now) + 5);
  }

  async close(): Promise<void> {
    if (this.saleTimer) clearTimeout(this.saleTimer);
    clearInterval(this.statsTimer);
    this.fanout.flush();
    this.fanout.close();
    this.unsubscribe();
    await this.settled();
  }
}
