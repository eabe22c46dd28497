import { salePhase, viewSale } from '@snowstage/commerce';
import { AppError, totalStock, type Product, type RoomEvent, type RoomEventDraft } from '@snowstage/protocol';
import { nodeOfConn, type Actor, type RoomCommand } from './commands.js';
import type { RoomState } from './room-state.js';
import { takeToken } from './rate-limit.js';
import { cleanChatText, graphemeLength } from './text.js';

export interface Reduction {
  /** New log entries, numbered and timed; the gateway appends them to the log, then broadcasts. */
  events: RoomEvent[];
  /** Set when the command was refused; nothing changed and no event was made. */
  error?: AppError;
}

/**
 * The room's state machine: one call per command. Deterministic — the same state, command and
 * `now` always give the same result — so it is easy to test, to log and to replay.
 */
export function reduce(state: RoomState, cmd: RoomCommand, now: number): Reduction {
  const out: RoomEvent[] = [];
  const emit = (draft: RoomEventDraft) => out.push({ ...draft, seq: ++state.seq, at: now } as RoomEvent);
  const refuse = (code: ConstructorParameters<typeof AppError>[0], detail?: string): Reduction => ({
    events: [],
    error: new AppError(code, detail),
  });

  switch (cmd.type) {
    case 'join': {
      if (state.banned.has(cmd.actor.viewerId)) return refuse('BANNED');
      connect(state, cmd.actor, cmd.conn, emit);
      break;
    }
    case 'leave':
      disconnect(state, cmd.actor.viewerId, cmd.conn, emit);
      break;
    case 'presence': {
      const stated = new Set(cmd.members.map((m) => m.conn));
      for (const [viewerId, conns] of [...state.presence])
        for (const conn of [...conns]) if (nodeOfConn(conn) === cmd.node && !stated.has(conn)) disconnect(state, viewerId, conn, emit);
      for (const m of cmd.members) if (!state.banned.has(m.actor.viewerId)) connect(state, m.actor, m.conn, emit);
      break;
    }
    case 'chat': {
      const { actor } = cmd;
      if (state.banned.has(actor.viewerId)) return refuse('BANNED');
      const mutedUntil = state.mutedUntil.get(actor.viewerId);
      if (mutedUntil !== undefined && mutedUntil > now) return refuse('MUTED', `until ${new Date(mutedUntil).toISOString()}`);
      const text = cleanChatText(cmd.text);
      if (text.length === 0) return refuse('CHAT_EMPTY');
      const len = graphemeLength(text);
      if (len > state.rules.maxChatChars) return refuse('CHAT_TOO_LONG', `${len} > ${state.rules.maxChatChars} characters`);
      const blocked = state.rules.blocklist.find(text);
      if (blocked) return refuse('CHAT_BLOCKED');
      // Staff are not rate-limited: they must be able to answer a busy chat.
      if (actor.role === 'viewer') {
        const taken = takeToken(state.chatBuckets.get(actor.viewerId), state.rules.chat, now);
        state.chatBuckets.set(actor.viewerId, taken.bucket);
        if (!taken.ok) return refuse('RATE_LIMITED');
      }
      const line = { id: cmd.id, viewerId: actor.viewerId, nickname: actor.nickname, role: actor.role, text, at: now };
      state.chat.push(line);
      if (state.chat.length > state.rules.recentChat) state.chat.splice(0, state.chat.length - state.rules.recentChat);
      emit({ kind: 'chat', line });
      break;
    }
    case 'like':
      if (state.banned.has(cmd.actor.viewerId)) return refuse('BANNED');
      state.pendingLikes += cmd.count;
      break;
    case 'flushLikes':
      if (state.pendingLikes > 0) {
        state.likes += state.pendingLikes;
        emit({ kind: 'likes', delta: state.pendingLikes, total: state.likes });
        state.pendingLikes = 0;
      }
      break;
    case 'pin': {
      if (state.pinned.some((p) => p.id === cmd.product.id)) break;
      if (state.pinned.length >= state.rules.maxPinned) return refuse('PIN_LIMIT');
      state.products.set(cmd.product.id, cmd.product);
      state.pinned = [...state.pinned, cmd.product];
      emit({ kind: 'pinned', products: state.pinned });
      break;
    }
    case 'unpin': {
      if (!state.pinned.some((p) => p.id === cmd.productId)) break;
      state.pinned = state.pinned.filter((p) => p.id !== cmd.productId);
      emit({ kind: 'pinned', products: state.pinned });
      break;
    }
    case 'productChanged':
      productChanged(state, cmd.product, emit);
      break;
    case 'announce':
      state.announcement = cmd.text;
      emit({ kind: 'announcement', text: cmd.text });
      break;
    case 'saleScheduled':
      state.products.set(cmd.product.id, cmd.product);
      state.sale = cmd.sale;
      state.announcedPhase = salePhase(cmd.sale, now);
      emit({ kind: 'sale', sale: viewSale(cmd.sale, now) });
      break;
    case 'saleChanged':
      if (state.sale?.id !== cmd.sale.id) break;
      saleChanged(state, cmd.sale, now, emit);
      break;
    case 'tick':
      if (state.sale && salePhase(state.sale, now) !== state.announcedPhase) saleChanged(state, state.sale, now, emit);
      break;
    case 'orderPlaced': {
      const { order, buyer } = cmd;
      emit({
        kind: 'orderPlaced',
        orderId: order.id,
        buyerId: buyer.viewerId,
        nickname: buyer.nickname,
        productId: order.productId,
        variantId: order.variantId,
        qty: order.qty,
        total: order.total,
        saleId: order.saleId,
        via: cmd.via ?? 'live',
        ...(cmd.replayOf ? { replayOf: cmd.replayOf } : {}),
      });
      productChanged(state, cmd.product, emit);
      if (cmd.sale && state.sale?.id === cmd.sale.id) saleChanged(state, cmd.sale, now, emit);
      break;
    }
    case 'buyAttempt':
      emit({
        kind: 'buyAttempt',
        viewerId: cmd.actor.viewerId,
        productId: cmd.productId,
        variantId: cmd.variantId,
        saleId: cmd.saleId,
        ok: cmd.code === null,
        code: cmd.code,
      });
      break;
    case 'track':
      emit({ kind: 'productClicked', viewerId: cmd.actor.viewerId, productId: cmd.productId, what: cmd.what });
      break;
    case 'showStarted':
      if (state.show) return refuse('SHOW_CONFLICT', state.show.id);
      state.show = { id: cmd.showId, title: cmd.title, startedAt: now };
      emit({ kind: 'showStarted', showId: cmd.showId, title: cmd.title, present: [...state.presence.keys()] });
      // Restate the stage as the show opens, so the show's own slice of the log replays from a full picture.
      emit({ kind: 'pinned', products: state.pinned });
      if (state.sale && salePhase(state.sale, now) !== 'closed' && state.sale.status !== 'cancelled') emit({ kind: 'sale', sale: viewSale(state.sale, now) });
      break;
    case 'showEnded':
      if (state.show?.id !== cmd.showId) return refuse('SHOW_NOT_LIVE', cmd.showId);
      state.show = null;
      emit({ kind: 'showEnded', showId: cmd.showId });
      break;
    case 'draw':
      emit({ kind: 'draw', draw: cmd.draw, phase: cmd.phase });
      break;
    case 'avatar':
      if (state.host.avatarUrl === cmd.url) break;
      state.host.avatarUrl = cmd.url;
      emit({ kind: 'avatar', url: cmd.url });
      break;
    case 'replayViewed':
      emit({ kind: 'replayViewed', showId: cmd.showId, viewerId: cmd.viewerId });
      break;
    case 'perform': {
      // Keep only what is still playing (or yet to start), then add the new event.
      state.host.playing = state.host.playing.filter((p) => p.endsAt > now);
      // A tour stop holds until the next stop or the end of the tour, so a late visitor finds her there.
      if (cmd.event.kind === 'tourStop' || (cmd.event.kind === 'hostMode' && cmd.event.mode !== 'tour'))
        state.host.playing = state.host.playing.filter((p) => p.event.kind !== 'tourStop');
      // A hush ends her whole performance so far (a late joiner must not start a line she dropped).
      if (cmd.event.kind === 'hush') state.host.playing = state.host.playing.filter((p) => p.event.kind === 'tourStop');
      emit(cmd.event);
      const event = out[out.length - 1]!;
      if (cmd.event.kind === 'hush') break;
      if (cmd.event.kind === 'hostMode') state.host.mode = cmd.event.mode;
      else if (cmd.endsAt > now) state.host.playing.push({ event, endsAt: cmd.endsAt });
      break;
    }
    case 'deleteChat': {
      const i = state.chat.findIndex((l) => l.id === cmd.messageId);
      if (i < 0) return refuse('MESSAGE_NOT_FOUND', cmd.messageId);
      state.chat.splice(i, 1);
      emit({ kind: 'chatDeleted', messageId: cmd.messageId, by: cmd.actor.viewerId });
      break;
    }
    case 'mute': {
      const nickname = rememberName(state, cmd.viewerId);
      state.mutedUntil.set(cmd.viewerId, cmd.until);
      emit({ kind: 'muted', viewerId: cmd.viewerId, until: cmd.until, by: cmd.actor.viewerId, ...(nickname ? { nickname } : {}) });
      break;
    }
    case 'unmute':
      if (!state.mutedUntil.delete(cmd.viewerId)) break;
      emit({ kind: 'unmuted', viewerId: cmd.viewerId, by: cmd.actor.viewerId });
      break;
    case 'unban':
      if (!state.banned.delete(cmd.viewerId)) break;
      emit({ kind: 'unbanned', viewerId: cmd.viewerId, by: cmd.actor.viewerId });
      break;
    case 'ban': {
      const nickname = rememberName(state, cmd.viewerId);
      state.banned.add(cmd.viewerId);
      emit({ kind: 'banned', viewerId: cmd.viewerId, by: cmd.actor.viewerId, ...(nickname ? { nickname } : {}) });
      // A banned viewer's lines disappear for everyone.
      for (const line of state.chat.filter((l) => l.viewerId === cmd.viewerId)) {
        emit({ kind: 'chatDeleted', messageId: line.id, by: cmd.actor.viewerId });
      }
      state.chat = state.chat.filter((l) => l.viewerId !== cmd.viewerId);
      break;
    }
  }
  return { events: out };
}

/** Updates a product everywhere the room shows it and announces variants that just sold out. */
function productChanged(state: RoomState, product: Product, emit: (d: RoomEventDraft) => void): void {
  const before = state.products.get(product.id);
  state.products.set(product.id, product);
  const pinnedAt = state.pinned.findIndex((p) => p.id === product.id);
  if (pinnedAt >= 0) {
    state.pinned = state.pinned.map((p, i) => (i === pinnedAt ? product : p));
  }
  emit({ kind: 'productUpdated', product });
  if (!before) return;
  if (totalStock(before) > 0 && totalStock(product) === 0) {
    emit({ kind: 'soldOut', productId: product.id, variantId: null, saleId: null });
    return;
  }
  for (const v of product.variants) {
    const old = before.variants.find((o) => o.id === v.id);
    if (old && old.stock > 0 && v.stock === 0) emit({ kind: 'soldOut', productId: product.id, variantId: v.id, saleId: null });
  }
}

function saleChanged(state: RoomState, sale: NonNullable<RoomState['sale']>, now: number, emit: (d: RoomEventDraft) => void): void {
  const wasSoldOut = state.sale !== null && state.sale.sold >= state.sale.quantity;
  state.sale = sale;
  state.announcedPhase = salePhase(sale, now);
  emit({ kind: 'sale', sale: viewSale(sale, now) });
  if (!wasSoldOut && sale.sold >= sale.quantity) {
    emit({ kind: 'soldOut', productId: sale.productId, variantId: sale.variantId, saleId: sale.id });
  }
}

type Emit = (draft: RoomEventDraft) => void;

/** Adds a connection; the viewer joins the room with their first one. */
function connect(state: RoomState, actor: Actor, conn: string, emit: Emit): void {
  let conns = state.presence.get(actor.viewerId);
  if (!conns) state.presence.set(actor.viewerId, (conns = new Set()));
  if (conns.has(conn)) return;
  conns.add(conn);
  state.presentNames.set(actor.viewerId, actor.nickname);
  if (conns.size === 1) emit({ kind: 'viewerJoined', viewerId: actor.viewerId, nickname: actor.nickname });
}

/** Removes a connection; the viewer leaves the room with their last one. */
function disconnect(state: RoomState, viewerId: string, conn: string, emit: Emit): void {
  const conns = state.presence.get(viewerId);
  if (!conns?.delete(conn) || conns.size > 0) return;
  state.presence.delete(viewerId);
  state.presentNames.delete(viewerId);
  state.chatBuckets.delete(viewerId);
  emit({ kind: 'viewerLeft', viewerId });
}

/** The viewer's nickname (kept for the staff list): as present in the room, in their latest chat line, or known before. */
function rememberName(state: RoomState, viewerId: string): string | undefined {
  const name = state.presentNames.get(viewerId) ?? state.chat.findLast((l) => l.viewerId === viewerId)?.nickname ?? state.moderatedNames.get(viewerId);
  if (name) state.moderatedNames.set(viewerId, name);
  return name;
}
