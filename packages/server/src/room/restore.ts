import { salePhase, viewSale } from '@snowstage/commerce';
import type { RoomEvent, RoomSnapshot } from '@snowstage/protocol';
import type { Store, RoomRecord } from '../store/store.js';
import { createRoomState, type RoomRules, type RoomState } from './room-state.js';

/** Event kinds that carry room state worth rebuilding after a restart (chat is read separately, tail only). */
const STATE_KINDS = ['pinned', 'announcement', 'likes', 'muted', 'banned', 'unmuted', 'unbanned', 'showStarted', 'showEnded', 'hostMode'] as const;

/**
 * Rebuilds a room from its event log and the store: pins, announcement, likes, mutes, bans and
 * recent chat from the log; stock and the sale from the store (the store, not the log, is the truth
 * for commerce facts). Presence starts empty: connections do not survive a restart.
 */
export async function restoreRoom(store: Store, record: RoomRecord, rules: RoomRules, now: number): Promise<RoomState> {
  const state = createRoomState(record.id, record.title, rules);
  state.seq = await store.lastSeq(record.id);
  for (const e of await store.readEvents(record.id, { kinds: STATE_KINDS })) foldStateEvent(state, e);

  const deleted = new Set((await store.readEvents(record.id, { kinds: ['chatDeleted'] })).map((e) => (e.kind === 'chatDeleted' ? e.messageId : '')));
  const tail = await store.tailEvents(record.id, ['chat'], rules.recentChat * 2);
  state.chat = tail.flatMap((e) => (e.kind === 'chat' && !deleted.has(e.line.id) && !state.banned.has(e.line.viewerId) ? [e.line] : [])).slice(-rules.recentChat);

  // Pinned cards come back with today's stock.
  const fresh = await Promise.all(state.pinned.map((p) => store.getProduct(p.id)));
  state.pinned = fresh.filter((p): p is NonNullable<typeof p> => p !== null);
  for (const p of state.pinned) state.products.set(p.id, p);

  const sale = await store.latestSale(record.id);
  if (sale) {
    state.sale = sale;
    state.announcedPhase = salePhase(sale, now);
    const p = await store.getProduct(sale.productId);
    if (p) state.products.set(p.id, p);
  }
  return state;
}

function foldStateEvent(state: RoomState, e: RoomEvent): void {
  switch (e.kind) {
    case 'pinned':
      state.pinned = e.products;
      break;
    case 'announcement':
      state.announcement = e.text;
      break;
    case 'likes':
      state.likes = e.total;
      break;
    case 'muted':
      state.mutedUntil.set(e.viewerId, e.until);
      if (e.nickname) state.moderatedNames.set(e.viewerId, e.nickname);
      break;
    case 'banned':
      state.banned.add(e.viewerId);
      if (e.nickname) state.moderatedNames.set(e.viewerId, e.nickname);
      break;
    case 'unmuted':
      state.mutedUntil.delete(e.viewerId);
      break;
    case 'unbanned':
      state.banned.delete(e.viewerId);
      break;
    case 'showStarted':
      state.show = { id: e.showId, title: e.title, startedAt: e.at };
      break;
    case 'showEnded':
      if (state.show?.id === e.showId) state.show = null;
      break;
    case 'hostMode':
      state.host.mode = e.mode;
      break;
    default:
      break;
  }
}

/** What a late joiner needs: the room as it is at `now`. */
export function snapshotOf(state: RoomState, now: number): RoomSnapshot {
  return {
    roomId: state.id,
    title: state.title,
    seq: state.seq,
    pinned: state.pinned,
    sale: state.sale ? viewSale(state.sale, now) : null,
    chat: state.chat,
    viewers: state.presence.size,
    likes: state.likes + state.pendingLikes,
    announcement: state.announcement,
    show: state.show,
    host: { mode: state.host.mode, playing: state.host.playing.filter((p) => p.endsAt > now).map((p) => p.event), avatarUrl: state.host.avatarUrl },
  };
}
