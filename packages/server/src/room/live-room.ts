import { randomBytes } from 'node:crypto';
import type { PurchaseResult } from '@snowstage/commerce';
import { isAppError, LOG_ONLY_KINDS, type Draw, type EmotionTag, type Gesture, type HostMode, type Lang, type PurchaseRequest, type RoomEvent, type RoomSnapshot, type TrackWhat } from '@snowstage/protocol';
import type { Bus } from '../bus.js';
import { connId, type Actor } from './commands.js';
import { RoomFanout, type Peer } from './fanout.js';
import { decodeRoomMessage, roomChannel } from './room-channel.js';
import type { ModerationList, RoomLink, RoomOp, SalePlanInput } from './room-ops.js';

export type { HostControl } from './room-core.js';

/** How often a node restates its connections to the room's core (which drops a node silent for `PRESENCE_TTL_MS`). */
export const PRESENCE_HEARTBEAT_MS = 5_000;

/** Something connected to the room that can be told things directly (a WebSocket connection). */
export interface Member extends Peer {
  readonly actor: Actor;
  sendDirect(message: object): void;
}

/** How this node sells: the store's atomic purchase (or, scaled out, Redis-reserved sale stock). */
export type Purchase = (buyerId: string, roomId: string, request: PurchaseRequest) => Promise<PurchaseResult>;

export interface LiveRoomDeps {
  bus: Bus;
  purchase: Purchase;
  fanout: { intervalMs: number; maxBacklogBytes: number };
  onError: (err: unknown, what: string) => void;
}

/**
 * A room as one node serves it: the viewers connected here, the fan-out that writes each frame to
 * all of them, and the room's API. Every change goes to the room's core through `link` — in this
 * process on a single node, or to the node that owns the room when scaled out — and comes back as
 * events on the bus, which this node fans out (and acts on: a ban closes the banned viewer's
 * connections wherever they are).
 */
export class LiveRoom {
  readonly fanout: RoomFanout;
  private readonly members = new Map<string, Set<Member>>();
  private readonly observers = new Set<(events: readonly RoomEvent[]) => void>();
  private readonly unsubscribe: () => void;
  private stats = { viewers: 0, likes: 0 };
  /** This room front's name in connection ids (`node/n`): unique per process, so per node. */
  private readonly node = randomBytes(6).toString('base64url');
  private readonly conns = new Map<Member, string>();
  private nextConn = 0;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    readonly id: string,
    private readonly link: RoomLink,
    private readonly deps: LiveRoomDeps,
  ) {
    this.fanout = new RoomFanout(deps.fanout);
    this.unsubscribe = deps.bus.subscribe(roomChannel(id), (m) => this.onBusMessage(m));
    this.heartbeat = setInterval(() => {
      if (this.conns.size > 0) this.restatePresence().catch((e) => this.deps.onError(e, 'presence heartbeat'));
    }, PRESENCE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private async exec(op: RoomOp): Promise<void> {
    await this.link.exec(op);
  }

  private onBusMessage(raw: string): void {
    const m = decodeRoomMessage(raw);
    if (m.stats) {
      this.stats = m.stats;
      this.fanout.setCounts(m.stats);
    }
    if (m.staff) for (const set of this.members.values()) for (const member of set) if (member.actor.role !== 'viewer') member.sendDirect(m.staff);
    if (m.resent) {
      const again = m.resent.filter((e) => !LOG_ONLY_KINDS.has(e.kind));
      if (again.length > 0) this.fanout.enqueue(again);
    }
    if (!m.events) return;
    const pub = m.events.filter((e) => !LOG_ONLY_KINDS.has(e.kind));
    if (pub.length > 0) this.fanout.enqueue(pub);
    for (const e of m.events) this.actOn(e);
    for (const o of this.observers) {
      try {
        o(m.events);
      } catch (err) {
        this.deps.onError(err, 'room observer');
      }
    }
  }

  /** Moderation reaches the viewer's own connections on whichever node they are. */
  private actOn(e: RoomEvent): void {
    if (e.kind === 'muted') for (const m of this.members.get(e.viewerId) ?? []) m.sendDirect({ type: 'moderated', action: 'muted', until: e.until });
    if (e.kind === 'unmuted') for (const m of this.members.get(e.viewerId) ?? []) m.sendDirect({ type: 'moderated', action: 'unmuted', until: null });
    if (e.kind === 'banned') {
      for (const m of [...(this.members.get(e.viewerId) ?? [])]) {
        m.sendDirect({ type: 'moderated', action: 'banned', until: null });
        this.drop(m);
        m.terminate();
      }
    }
  }

  /**
   * Watches the room's events as every node sees them (after the bus, log-only kinds included), e.g.
   * for the show director. Returns a function that stops watching.
   */
  observe(listener: (events: readonly RoomEvent[]) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  // ── membership ─────────────────────────────────────────────────────────────

  /**
   * Joins a connection and returns the room as it is now. The member receives frames from this
   * moment on, so nothing between the snapshot and its first frame is lost (clients drop events the
   * snapshot already holds, by seq).
   */
  async join(member: Member): Promise<RoomSnapshot> {
    let set = this.members.get(member.actor.viewerId);
    if (!set) this.members.set(member.actor.viewerId, (set = new Set()));
    set.add(member);
    this.fanout.peers.add(member);
    const conn = connId(this.node, ++this.nextConn);
    this.conns.set(member, conn);
    try {
      return (await this.link.exec({ op: 'join', actor: member.actor, conn })) as RoomSnapshot;
    } catch (e) {
      this.drop(member);
      throw e;
    }
  }

  /** Removes a connection locally; returns its id, or null when it was not a member. */
  private drop(member: Member): string | null {
    const set = this.members.get(member.actor.viewerId);
    if (!set?.delete(member)) return null;
    if (set.size === 0) this.members.delete(member.actor.viewerId);
    this.fanout.peers.delete(member);
    const conn = this.conns.get(member)!;
    this.conns.delete(member);
    return conn;
  }

  leave(member: Member): void {
    const conn = this.drop(member);
    if (conn === null) return;
    this.link.exec({ op: 'leave', actor: member.actor, conn }).catch((e) => this.deps.onError(e, 'leave'));
  }

  /**
   * Tells the room's core every connection this node has, replacing what it held for this node:
   * after the room moved to a new owner, and as a heartbeat. Idempotent, so a restatement that
   * crosses a join or leave in flight cannot count a viewer twice.
   */
  async restatePresence(): Promise<void> {
    const members = [...this.conns].map(([m, conn]) => ({ actor: m.actor, conn }));
    await this.link.exec({ op: 'presence', node: this.node, members });
  }

  /** Viewers in the room (all nodes), as last counted by the core. */
  get viewerCount(): number {
    return this.stats.viewers;
  }

  /** Connections to this room on this node. */
  get localConnections(): number {
    return this.fanout.peers.size;
  }

  async snapshot(): Promise<RoomSnapshot> {
    return (await this.link.exec({ op: 'snapshot' })) as RoomSnapshot;
  }

  /** Waits until every event so far is in the log (tests, show end, shutdown). */
  settled(): Promise<void> {
    return this.exec({ op: 'settle' });
  }

  // ── chat, likes and moderation ─────────────────────────────────────────────

  chat(actor: Actor, text: string): Promise<void> {
    return this.exec({ op: 'chat', actor, text });
  }

  like(actor: Actor, count: number): Promise<void> {
    return this.exec({ op: 'like', actor, count });
  }

  track(actor: Actor, what: TrackWhat, productId: string): Promise<void> {
    return this.exec({ op: 'track', actor, what, productId });
  }

  deleteChat(actor: Actor, messageId: string): Promise<void> {
    return this.exec({ op: 'deleteChat', actor, messageId });
  }

  mute(actor: Actor, viewerId: string, durationS: number): Promise<void> {
    return this.exec({ op: 'mute', actor, viewerId, durationS });
  }

  ban(actor: Actor, viewerId: string): Promise<void> {
    return this.exec({ op: 'ban', actor, viewerId });
  }

  unmute(actor: Actor, viewerId: string): Promise<void> {
    return this.exec({ op: 'unmute', actor, viewerId });
  }

  unban(actor: Actor, viewerId: string): Promise<void> {
    return this.exec({ op: 'unban', actor, viewerId });
  }

  /** Who is muted or banned here now (staff). */
  async moderation(): Promise<ModerationList> {
    return (await this.link.exec({ op: 'moderation' })) as ModerationList;
  }

  announce(text: string): Promise<void> {
    return this.exec({ op: 'announce', text });
  }

  // ── products, sales and purchases ──────────────────────────────────────────

  pin(productId: string): Promise<void> {
    return this.exec({ op: 'pin', productId });
  }

  unpin(productId: string): Promise<void> {
    return this.exec({ op: 'unpin', productId });
  }

  markSoldOut(productId: string, variantId?: string): Promise<void> {
    return this.exec({ op: 'markSoldOut', productId, ...(variantId ? { variantId } : {}) });
  }

  scheduleSale(plan: SalePlanInput): Promise<void> {
    return this.exec({ op: 'scheduleSale', plan });
  }

  cancelSale(saleId: string): Promise<void> {
    return this.exec({ op: 'cancelSale', saleId });
  }

  /**
   * Buys through this node's purchase path (atomic, idempotent by the buyer's key), then tells the
   * room. A retry of a finished purchase returns the same order and tells the room nothing new.
   */
  async buy(actor: Actor, request: PurchaseRequest, replayOf?: string): Promise<PurchaseResult> {
    let result: PurchaseResult;
    try {
      result = await this.deps.purchase(actor.viewerId, this.id, request);
    } catch (e) {
      this.report({ op: 'buyAttempt', actor, request, code: isAppError(e) ? e.code : 'INTERNAL' });
      throw e;
    }
    if (!result.replayed) {
      this.report({ op: 'buyAttempt', actor, request, code: null });
      this.report({ op: 'purchased', actor, order: result.order, request, ...(replayOf ? { replayOf } : {}) });
    }
    return result;
  }

  /** Reports to the core without holding up the buyer; a failure (the room moving nodes) is logged. */
  private report(op: RoomOp): void {
    this.link.exec(op).catch((e) => this.deps.onError(e, `report ${op.op}`));
  }

  // ── shows, draws and the host ──────────────────────────────────────────────

  async startShow(showId: string, title: string): Promise<{ seq: number; at: number }> {
    return (await this.link.exec({ op: 'startShow', showId, title })) as { seq: number; at: number };
  }

  async endShow(showId: string): Promise<{ seq: number; at: number }> {
    return (await this.link.exec({ op: 'endShow', showId })) as { seq: number; at: number };
  }

  replayViewed(showId: string, viewerId: string): Promise<void> {
    return this.exec({ op: 'replayViewed', showId, viewerId });
  }

  announceDraw(draw: Draw, phase: 'open' | 'drawn' | 'redrawn'): Promise<void> {
    return this.exec({ op: 'announceDraw', draw, phase });
  }

  setAvatar(url: string): Promise<void> {
    return this.exec({ op: 'setAvatar', url });
  }

  hostMode(mode: HostMode): Promise<void> {
    return this.exec({ op: 'hostMode', mode });
  }

  hostSay(line: { text: string; emotion: EmotionTag; gesture?: Gesture; lang?: Lang }): Promise<void> {
    return this.exec({ op: 'hostSay', line });
  }

  queuePitch(productId: string): Promise<void> {
    return this.exec({ op: 'queuePitch', productId });
  }

  hostPause(paused: boolean): Promise<void> {
    return this.exec({ op: 'hostPause', paused });
  }

  approveComment(messageId: string): Promise<void> {
    return this.exec({ op: 'approveComment', messageId });
  }

  skipComment(messageId: string): Promise<void> {
    return this.exec({ op: 'skipComment', messageId });
  }

  hostApproval(on: boolean): Promise<void> {
    return this.exec({ op: 'hostApproval', on });
  }

  async startTour(lang: Lang): Promise<boolean> {
    return (await this.link.exec({ op: 'startTour', lang })) as boolean;
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.fanout.flush();
    this.fanout.close();
    this.unsubscribe();
  }
}
