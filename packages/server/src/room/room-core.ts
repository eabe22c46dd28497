import { nextSaleDeadline, planSale, saleIsLive } from '@snowstage/commerce';
import { AppError, type Draw, type EmotionTag, type FlashSale, type Order, type Gesture, type HostMode, type Lang, type RoomEvent, type RoomSnapshot, type ServerMessage } from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import type { Bus } from '../bus.js';
import { newId } from '../ids.js';
import { nodeOfConn, type Actor, type RoomCommand, type ShowEventDraft } from './commands.js';
import { reduce, type Reduction } from './reducer.js';
import type { RoomState } from './room-state.js';
import { snapshotOf } from './restore.js';
import type { ModerationList, RoomOp, RoomOpResult, SalePlanInput } from './room-ops.js';
import { encodeRoomMessage, roomChannel } from './room-channel.js';

export interface RoomCoreDeps {
  store: Store;
  bus: Bus;
  now: () => number;
  statsIntervalMs: number;
  saleMinCountdownS: number;
  onError: (err: unknown, what: string) => void;
  /**
   * Scale-out: broadcast an event only once it is in the shared log, and treat a failed append as
   * "another node owns this room now" (the log's primary key fences a node that lost its lease).
   */
  durable?: { onFenced(err: unknown): void };
  /** Called with the room's sale whenever it is scheduled or changes phase (scale-out keeps Redis stock in step). */
  onSale?: (sale: FlashSale) => void;
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
  /** Whether she waits for staff to approve each comment before answering it. */
  setApproval(on: boolean): void;
  /** Leads a showcase tour; false when one is already running. */
  tour(lang: Lang): Promise<boolean>;
}

/** What a new owner publishes again on takeover: the log's events of the last few seconds, at most this many. */
const RESEND_WINDOW_MS = 10_000;
const RESEND_MAX = 200;

/** Nodes restate their connections every `PRESENCE_HEARTBEAT_MS`; one silent for this long is gone. */
export const PRESENCE_TTL_MS = 15_000;

/**
 * A room's single source of truth, on exactly one node: feeds commands through the reducer,
 * appends the events to the log in order (group commit), publishes them on the bus for every
 * node's fan-out, and runs the room's clocks (sale deadlines, like flushes, counts).
 * Commerce actions go to the store first; the core then reports what the store decided.
 */
export class RoomCore {
  private pending: RoomEvent[] = [];
  private appending: Promise<void> | null = null;
  private saleTimer: NodeJS.Timeout | null = null;
  private readonly statsTimer: NodeJS.Timeout;
  private lastStats = '';
  private control: HostControl | null = null;
  private closed = false;
  /** Orders already announced (a report may arrive twice while the room moves between nodes). */
  private readonly announced = new Set<string>();
  /** When each node last told this core about its connections (see `PRESENCE_TTL_MS`). */
  private readonly nodesSeen = new Map<string, number>();

  constructor(
    private readonly state: RoomState,
    private readonly deps: RoomCoreDeps,
  ) {
    this.statsTimer = setInterval(() => this.tickStats(), deps.statsIntervalMs);
    this.statsTimer.unref();
    if (state.sale) deps.onSale?.(state.sale);
    this.armSaleTimer();
  }

  get id(): string {
    return this.state.id;
  }

  /** Who is muted (mutes that have run out are left out) or banned now, for staff. */
  moderation(): ModerationList {
    const { mutedUntil, banned, moderatedNames } = this.state;
    const now = this.deps.now();
    const name = (id: string) => moderatedNames.get(id) ?? id;
    return {
      muted: [...mutedUntil].filter(([, until]) => until > now).map(([viewerId, until]) => ({ viewerId, nickname: name(viewerId), until })),
      banned: [...banned].map((viewerId) => ({ viewerId, nickname: name(viewerId) })),
    };
  }

  snapshot(): RoomSnapshot {
    return snapshotOf(this.state, this.deps.now());
  }

  // ── the reducer and the log ────────────────────────────────────────────────

  /** Runs one command through the reducer; its events go to the log and the bus. */
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
    this.pending.push(...events);
    if (!this.appending) this.appending = this.flushLog();
  }

  /**
   * Appends what is pending as one batch, then publishes it; repeats while events keep coming.
   * Embedded (one node): a failed append is reported and the events still go out, so a full disk
   * does not silence the show. Scale-out: nothing is broadcast that the log does not hold.
   */
  private async flushLog(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      let appended = true;
      try {
        await this.deps.store.appendEvents(this.state.id, batch);
      } catch (e) {
        appended = false;
        if (this.deps.durable) {
          this.deps.durable.onFenced(e);
          this.pending = [];
          break;
        }
        this.deps.onError(e, 'append to event log');
      }
      if (appended || !this.deps.durable) this.deps.bus.publish(roomChannel(this.state.id), encodeRoomMessage({ events: batch }));
    }
    this.appending = null;
  }

  /**
   * After taking the room over: publishes the log's recent tail again for viewers, so nothing the old
   * owner logged but did not live to publish is missing from their sequence (they drop seqs they have).
   */
  async resendRecent(windowMs = RESEND_WINDOW_MS, max = RESEND_MAX): Promise<void> {
    const from = Math.max(0, this.state.seq - max);
    const since = this.deps.now() - windowMs;
    const tail = (await this.deps.store.readEvents(this.state.id, { afterSeq: from, limit: max })).filter((e) => e.at >= since);
    if (tail.length > 0) this.deps.bus.publish(roomChannel(this.state.id), encodeRoomMessage({ resent: tail }));
  }

  /** Waits until every event so far is in the log and on the bus (tests, show end, shutdown). */
  async settled(): Promise<void> {
    while (this.appending) await this.appending;
  }

  // ── counts ─────────────────────────────────────────────────────────────────

  private tickStats(): void {
    this.dispatch({ type: 'flushLikes' });
    this.expireSilentNodes();
    this.publishStats();
  }

  private heardFrom(conn: string): void {
    this.nodesSeen.set(nodeOfConn(conn), this.deps.now());
  }

  /** A node that stopped sending its presence heartbeat died with its connections: its viewers leave. */
  private expireSilentNodes(): void {
    const now = this.deps.now();
    for (const [node, at] of this.nodesSeen) {
      if (now - at < PRESENCE_TTL_MS) continue;
      this.nodesSeen.delete(node);
      this.dispatch({ type: 'presence', node, members: [] });
    }
  }

  private publishStats(): void {
    const stats = { viewers: this.state.presence.size, likes: this.state.likes + this.state.pendingLikes };
    const key = `${stats.viewers}:${stats.likes}`;
    if (key === this.lastStats) return;
    this.lastStats = key;
    this.deps.bus.publish(roomChannel(this.state.id), encodeRoomMessage({ stats }));
  }

  get viewerCount(): number {
    return this.state.presence.size;
  }

  // ── ops (from any node) ────────────────────────────────────────────────────

  /** Runs one op; the single entry point for every node's requests. */
  async exec(op: RoomOp): Promise<RoomOpResult> {
    if (this.closed) throw new AppError('ROOM_UNAVAILABLE');
    switch (op.op) {
      case 'join':
        this.heardFrom(op.conn);
        this.apply({ type: 'join', actor: op.actor, conn: op.conn });
        this.publishStats();
        return this.snapshot();
      case 'leave':
        this.heardFrom(op.conn);
        this.dispatch({ type: 'leave', actor: op.actor, conn: op.conn });
        this.publishStats();
        return;
      case 'presence':
        this.nodesSeen.set(op.node, this.deps.now());
        this.dispatch({ type: 'presence', node: op.node, members: op.members });
        this.publishStats();
        return;
      case 'snapshot':
        return this.snapshot();
      case 'settle':
        return this.settled();
      case 'chat':
        return void this.apply({ type: 'chat', actor: op.actor, id: newId('m'), text: op.text });
      case 'like':
        return void this.apply({ type: 'like', actor: op.actor, count: op.count });
      case 'track':
        return void this.dispatch({ type: 'track', actor: op.actor, what: op.what, productId: op.productId });
      case 'deleteChat':
        return void this.apply({ type: 'deleteChat', actor: op.actor, messageId: op.messageId });
      case 'mute':
        return void this.apply({ type: 'mute', actor: op.actor, viewerId: op.viewerId, until: this.deps.now() + op.durationS * 1000 });
      case 'ban':
        return void this.apply({ type: 'ban', actor: op.actor, viewerId: op.viewerId });
      case 'unmute':
        return void this.apply({ type: 'unmute', actor: op.actor, viewerId: op.viewerId });
      case 'unban':
        return void this.apply({ type: 'unban', actor: op.actor, viewerId: op.viewerId });
      case 'moderation':
        return this.moderation();
      case 'announce':
        return void this.apply({ type: 'announce', text: op.text });
      case 'pin': {
        const product = await this.deps.store.getProduct(op.productId);
        if (!product) throw new AppError('PRODUCT_NOT_FOUND', op.productId);
        return void this.apply({ type: 'pin', product });
      }
      case 'unpin':
        return void this.apply({ type: 'unpin', productId: op.productId });
      case 'markSoldOut': {
        const product = await this.deps.store.markSoldOut(op.productId, op.variantId);
        return void this.apply({ type: 'productChanged', product });
      }
      case 'scheduleSale':
        return this.scheduleSale(op.plan);
      case 'cancelSale':
        return this.cancelSale(op.saleId);
      case 'purchased':
        return this.purchased(op.actor, op.order, op.replayOf);
      case 'buyAttempt':
        return void this.dispatch({ type: 'buyAttempt', actor: op.actor, productId: op.request.productId, variantId: op.request.variantId, saleId: op.request.saleId ?? null, code: op.code });
      case 'startShow':
        return position(this.apply({ type: 'showStarted', showId: op.showId, title: op.title })[0]!);
      case 'endShow':
        return position(this.apply({ type: 'showEnded', showId: op.showId })[0]!);
      case 'replayViewed':
        return void this.dispatch({ type: 'replayViewed', showId: op.showId, viewerId: op.viewerId });
      case 'announceDraw':
        return void this.dispatch({ type: 'draw', draw: op.draw, phase: op.phase });
      case 'setAvatar':
        return void this.dispatch({ type: 'avatar', url: op.url });
      case 'hostMode':
        return this.host().setMode(op.mode);
      case 'hostSay':
        return this.host().say(op.line);
      case 'queuePitch':
        return this.host().queuePitch(op.productId);
      case 'hostPause':
        return this.host().pause(op.paused);
      case 'approveComment':
        return this.host().approve(op.messageId);
      case 'skipComment':
        return this.host().skip(op.messageId);
      case 'hostApproval':
        return this.host().setApproval(op.on);
      case 'startTour':
        return this.host().tour(op.lang);
    }
  }

  // ── flash sales and purchases ──────────────────────────────────────────────

  private async scheduleSale(plan: SalePlanInput): Promise<void> {
    const now = this.deps.now();
    if (this.state.sale && saleIsLive(this.state.sale, now)) throw new AppError('SALE_CONFLICT', this.state.sale.id);
    const product = await this.deps.store.getProduct(plan.productId);
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', plan.productId);
    const sale = planSale({ ...plan, id: newId('s'), roomId: this.state.id }, product, now, { minCountdownS: this.deps.saleMinCountdownS });
    await this.deps.store.createSale(sale);
    this.apply({ type: 'saleScheduled', sale, product });
    this.deps.onSale?.(sale);
    this.armSaleTimer();
  }

  private async cancelSale(saleId: string): Promise<void> {
    if (this.state.sale?.id !== saleId) throw new AppError('SALE_NOT_FOUND', saleId);
    const sale = await this.deps.store.cancelSale(saleId);
    this.apply({ type: 'saleChanged', sale });
    this.deps.onSale?.(sale);
    this.armSaleTimer();
  }

  /** Announces a committed purchase with the product's and the sale's numbers as the store has them now. */
  private async purchased(buyer: Actor, order: Order, replayOf?: string): Promise<void> {
    if (this.announced.has(order.id)) return;
    this.announced.add(order.id);
    if (this.announced.size > 50_000) this.announced.delete(this.announced.values().next().value!);
    const [product, sale] = await Promise.all([this.deps.store.getProduct(order.productId), order.saleId ? this.deps.store.getSale(order.saleId) : Promise.resolve(null)]);
    if (product) this.dispatch({ type: 'orderPlaced', order, buyer, product, sale, via: replayOf ? 'replay' : 'live', ...(replayOf ? { replayOf } : {}) });
    if (sale) this.armSaleTimer();
  }

  /** The room's sale as the core knows it (the scale-out purchase path needs its limits). */
  get sale() {
    return this.state.sale;
  }

  private armSaleTimer(): void {
    if (this.saleTimer) clearTimeout(this.saleTimer);
    this.saleTimer = null;
    const sale = this.state.sale;
    if (!sale || this.closed) return;
    const now = this.deps.now();
    const deadline = nextSaleDeadline(sale, now);
    if (deadline === null) return;
    // Fire just after the deadline so the phase computed at `now` has already changed.
    this.saleTimer = setTimeout(() => {
      this.dispatch({ type: 'tick' });
      if (this.state.sale) this.deps.onSale?.(this.state.sale);
      this.armSaleTimer();
    }, Math.max(0, deadline - now) + 5);
  }

  // ── the host ───────────────────────────────────────────────────────────────

  /** Broadcasts one show event (speech, gesture, …) that plays until `endsAt` on the room clock. */
  perform(event: ShowEventDraft, endsAt: number): RoomEvent {
    return this.apply({ type: 'perform', event, endsAt })[0]!;
  }

  get hostMode(): HostMode {
    return this.state.host.mode;
  }

  get liveShow(): { id: string; title: string; startedAt: number } | null {
    return this.state.show;
  }

  get pinnedIds(): string[] {
    return this.state.pinned.map((p) => p.id);
  }

  /** The director attaches itself here; staff commands reach the host through it. */
  attachHost(control: HostControl | null): void {
    this.control = control;
  }

  host(): HostControl {
    if (!this.control) throw new AppError('HOST_UNAVAILABLE');
    return this.control;
  }

  /** Sends a message to every staff connection of the room, on every node (the console's comment queue). */
  toStaff(message: object): void {
    this.deps.bus.publish(roomChannel(this.state.id), encodeRoomMessage({ staff: message }));
  }

  announceDraw(draw: Draw, phase: 'open' | 'drawn' | 'redrawn'): void {
    this.dispatch({ type: 'draw', draw, phase });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.saleTimer) clearTimeout(this.saleTimer);
    clearInterval(this.statsTimer);
    this.control = null;
    await this.settled();
  }
}

function position(e: RoomEvent): { seq: number; at: number } {
  return { seq: e.seq, at: e.at };
}
