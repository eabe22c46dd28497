import { z } from 'zod';
import { Lang } from './i18n.js';
import { EpochMs, Slug } from './ids.js';
import { Product } from './catalog.js';
import { FlashSale, Order, PurchaseRequest, SALE_LIMITS } from './commerce.js';
import { ChatLine, Role } from './chat.js';
import { RoomEvent } from './room-events.js';
import { TrackWhat } from './shows.js';
import { EmotionTag, Gesture, HostMode } from './show.js';
import type { ErrorCode } from './errors.js';

/**
 * The live-room WebSocket protocol. One JSON object per frame, discriminated by `type`.
 * A client message may carry `rid`; the server's direct reply (ack, order, error) echoes it.
 */
const rid = z.string().max(64).optional();
const c = <K extends string, S extends z.ZodRawShape>(type: K, shape: S) =>
  z.object({ type: z.literal(type), rid, ...shape }).strict();

const int = (r: { min: number; max: number }) => z.number().int().min(r.min).max(r.max);

/** Client → server messages, each with the role it needs (see CLIENT_ROLES). */
export const ClientMessage = z.discriminatedUnion('type', [
  c('hello', {
    room: Slug,
    /** The signed token the server gave this viewer before; absent for a first visit. */
    viewerToken: z.string().max(200).optional(),
    nickname: z.string().trim().min(1).max(24).optional(),
    /** Operator or moderator token from the server's config. */
    authToken: z.string().max(200).optional(),
    lang: Lang.optional(),
  }),
  c('ping', { t: z.number() }),
  c('chat', { text: z.string().max(2000) }),
  c('like', { count: z.number().int().min(1).max(50).default(1) }),
  c('track', { what: TrackWhat, productId: Slug }),
  c('buy', PurchaseRequest.shape),
  c('pin', { productId: Slug }),
  c('unpin', { productId: Slug }),
  c('markSoldOut', { productId: Slug, variantId: Slug.optional() }),
  c('announce', { text: z.string().trim().min(1).max(200) }),
  c('scheduleSale', {
    productId: Slug,
    variantId: Slug,
    /**
     * Seconds of pre-start countdown everyone sees: 10–300 by default. The schema admits 1–300 so a
     * server configured for rehearsals may lower the floor; the server enforces its configured floor.
     */
    countdownS: z.number().int().min(1).max(SALE_LIMITS.countdownS.max),
    durationS: int(SALE_LIMITS.durationS),
    /** Sale price in minor units (fen). */
    salePrice: z.number().int().nonnegative(),
    quantity: int(SALE_LIMITS.quantity),
    perBuyerLimit: int(SALE_LIMITS.perBuyerLimit),
  }),
  c('cancelSale', { saleId: z.string().max(64) }),
  c('deleteChat', { messageId: z.string().max(64) }),
  c('mute', { viewerId: z.string().max(64), durationS: z.number().int().min(10).max(7 * 24 * 3600) }),
  c('ban', { viewerId: z.string().max(64) }),
  c('unmute', { viewerId: z.string().max(64) }),
  c('unban', { viewerId: z.string().max(64) }),
  /** Staff: who is muted (until when) or banned in the room; the reply is a `moderation` message. */
  c('moderationList', {}),
  // Steering the host (operator): mode, typed lines, pitches, pause; the comment queue (moderator).
  c('hostMode', { mode: HostMode }),
  c('hostSay', { text: z.string().trim().min(1).max(300), emotion: EmotionTag.default({ name: 'happy', intensity: 0.6 }), gesture: Gesture.optional(), lang: Lang.optional() }),
  c('queuePitch', { productId: Slug }),
  c('hostPause', { paused: z.boolean() }),
  c('approveComment', { messageId: z.string().max(64) }),
  c('skipComment', { messageId: z.string().max(64) }),
  /** Ask before the host answers each comment she picks (the console's queue), or let her answer freely. */
  c('hostApproval', { on: z.boolean() }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];
export const CLIENT_MESSAGE_TYPES = new Set<string>(ClientMessage.options.map((o) => o.shape.type.value));

/** The least role each message needs. The server checks this before any handler runs. */
export const CLIENT_ROLES: Record<ClientMessageType, Role> = {
  hello: 'viewer',
  ping: 'viewer',
  chat: 'viewer',
  like: 'viewer',
  track: 'viewer',
  buy: 'viewer',
  pin: 'operator',
  unpin: 'operator',
  markSoldOut: 'operator',
  announce: 'operator',
  scheduleSale: 'operator',
  cancelSale: 'operator',
  deleteChat: 'moderator',
  mute: 'moderator',
  ban: 'moderator',
  unmute: 'moderator',
  unban: 'moderator',
  moderationList: 'moderator',
  hostMode: 'operator',
  hostSay: 'operator',
  queuePitch: 'operator',
  hostPause: 'operator',
  approveComment: 'moderator',
  skipComment: 'moderator',
  hostApproval: 'operator',
};

const ROLE_RANK: Record<Role, number> = { viewer: 0, moderator: 1, operator: 2 };
/** True when `role` may do what `needed` may do (operator ⊇ moderator ⊇ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** A chat line the brain selected for the host to answer, as the console's queue shows it. */
export const QueuedComment = z.object({
  messageId: z.string(),
  viewerId: z.string(),
  nickname: z.string(),
  text: z.string(),
  intent: z.string(),
  productId: Slug.nullable(),
  score: z.number(),
  /** Near-duplicates merged into this one ("many of you ask about sizes"). */
  merged: z.number().int().nonnegative(),
});
export type QueuedComment = z.infer<typeof QueuedComment>;

/** What a late joiner needs to see the room as it is now. */
export const RoomSnapshot = z.object({
  roomId: Slug,
  title: z.object({ zh: z.string(), en: z.string() }),
  seq: z.number().int().nonnegative(),
  pinned: z.array(Product),
  sale: FlashSale.nullable(),
  chat: z.array(ChatLine),
  viewers: z.number().int().nonnegative(),
  likes: z.number().int().nonnegative(),
  announcement: z.string().nullable(),
  /** The show on air, if any. */
  show: z.object({ id: z.string(), title: z.string(), startedAt: EpochMs }).nullable(),
  /** The host: her mode, and the show events still playing (a late joiner starts them mid-way). */
  host: z.object({ mode: HostMode, playing: z.array(RoomEvent), avatarUrl: z.string() }),
});
export type RoomSnapshot = z.infer<typeof RoomSnapshot>;

export const Stats = z.object({ viewers: z.number().int().nonnegative(), likes: z.number().int().nonnegative() });

/** Server → client messages. */
export const ServerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    rid,
    you: z.object({ viewerId: z.string(), nickname: z.string(), role: Role, viewerToken: z.string() }),
    snapshot: RoomSnapshot,
    serverTime: EpochMs,
  }),
  /** Broadcast frame: the room's events since the last frame, and current counts. */
  z.object({ type: z.literal('batch'), events: z.array(RoomEvent), stats: Stats.optional() }),
  z.object({ type: z.literal('ack'), rid }),
  z.object({ type: z.literal('order'), rid, order: Order, replayed: z.boolean() }),
  z.object({ type: z.literal('error'), rid, code: z.string(), message: z.string(), detail: z.string().optional() }),
  z.object({ type: z.literal('pong'), t: z.number(), serverTime: EpochMs }),
  /** Sent to one viewer when a moderator mutes, unmutes or bans them. */
  z.object({ type: z.literal('moderated'), action: z.enum(['muted', 'unmuted', 'banned']), until: EpochMs.nullable() }),
  /** Staff: the reply to `moderationList`. */
  z.object({
    type: z.literal('moderation'),
    rid,
    muted: z.array(z.object({ viewerId: z.string(), nickname: z.string(), until: EpochMs })),
    banned: z.array(z.object({ viewerId: z.string(), nickname: z.string() })),
  }),
  /** Staff only: the comments the brain has picked to answer next, best first (approve or skip them). */
  z.object({ type: z.literal('commentQueue'), items: z.array(QueuedComment), paused: z.boolean(), mode: HostMode, approval: z.boolean() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ErrorFrame = Extract<ServerMessage, { type: 'error' }> & { code: ErrorCode };
