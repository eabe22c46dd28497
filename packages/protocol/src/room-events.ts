import { z } from 'zod';
import { EpochMs, Slug } from './ids.js';
import { Product } from './catalog.js';
import { FlashSale } from './commerce.js';
import { ChatLine } from './chat.js';
import { Money } from './money.js';
import { showEventShapes } from './show.js';
import { TrackWhat } from './shows.js';

/** How many products a room shows as cards at once. */
export const MAX_PINNED = 3;
import { Draw } from './showcase.js';

/**
 * Everything that happens in a room, in order. Every event is appended to the room's event log
 * (the basis for replay and analytics); the public ones are also broadcast to viewers.
 */
const e = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ seq: z.number().int().nonnegative(), at: EpochMs, kind: z.literal(kind), ...shape });

export const RoomEvent = z.discriminatedUnion('kind', [
  e('viewerJoined', { viewerId: z.string(), nickname: z.string() }),
  e('viewerLeft', { viewerId: z.string() }),
  e('chat', { line: ChatLine }),
  e('chatDeleted', { messageId: z.string(), by: z.string() }),
  e('likes', { delta: z.number().int().positive(), total: z.number().int().nonnegative() }),
  e('pinned', { products: z.array(Product).max(MAX_PINNED) }),
  e('productUpdated', { product: Product }),
  /** A variant (or, with variantId null, the whole product) has no stock left, or a sale (saleId) sold its quantity. */
  e('soldOut', { productId: Slug, variantId: Slug.nullable(), saleId: z.string().nullable() }),
  e('announcement', { text: z.string() }),
  e('sale', { sale: FlashSale }),
  e('orderPlaced', {
    orderId: z.string(),
    buyerId: z.string(),
    nickname: z.string(),
    productId: Slug,
    variantId: Slug,
    qty: z.number().int().positive(),
    total: Money,
    saleId: z.string().nullable(),
    /** Where the buyer was: the live room, or watching a replay (bought at list price). */
    via: z.enum(['live', 'replay']).default('live'),
    /** With via "replay": the show whose replay it was. */
    replayOf: z.string().optional(),
  }),
  /** Every buy request and its outcome (log only: the basis of conversion analytics). */
  e('buyAttempt', { viewerId: z.string(), productId: z.string(), variantId: z.string(), saleId: z.string().nullable(), ok: z.boolean(), code: z.string().nullable() }),
  /** A viewer clicked a product card or added it to the cart (log only). */
  e('productClicked', { viewerId: z.string(), productId: z.string(), what: TrackWhat }),
  /** A show went live; `present` are the viewers in the room at that moment (for per-show analytics). */
  e('showStarted', { showId: z.string(), title: z.string(), present: z.array(z.string()) }),
  e('showEnded', { showId: z.string() }),
  /** Someone watched a show's replay (log only; counted apart from live views). */
  e('replayViewed', { showId: z.string(), viewerId: z.string() }),
  /** A lucky draw run in this room: announced (open), drawn (winners revealed) or redrawn. */
  e('draw', { draw: Draw, phase: z.enum(['open', 'drawn', 'redrawn']) }),
  /** The operator changed the host's 3D model (a VRM URL) for everyone. */
  e('avatar', { url: z.string().max(300) }),
  /** Moderation (log only). `nickname`: as last seen in the chat, for staff lists. */
  e('muted', { viewerId: z.string(), until: EpochMs, by: z.string(), nickname: z.string().optional() }),
  e('banned', { viewerId: z.string(), by: z.string(), nickname: z.string().optional() }),
  e('unmuted', { viewerId: z.string(), by: z.string() }),
  e('unbanned', { viewerId: z.string(), by: z.string() }),
  // The host's performance (see show.ts).
  e('speech', showEventShapes.speech),
  e('gesture', showEventShapes.gesture),
  e('expression', showEventShapes.expression),
  e('dance', showEventShapes.dance),
  e('hostMode', showEventShapes.hostMode),
  e('tourStop', showEventShapes.tourStop),
  e('hush', showEventShapes.hush),
]);
export type RoomEvent = z.infer<typeof RoomEvent>;
export type RoomEventKind = RoomEvent['kind'];
/** A room event before the log has given it its sequence number and time. */
export type RoomEventDraft = RoomEvent extends infer E ? (E extends RoomEvent ? Omit<E, 'seq' | 'at'> : never) : never;

/** Kinds kept in the log but not broadcast (they concern one viewer or only analytics). */
export const LOG_ONLY_KINDS: ReadonlySet<RoomEventKind> = new Set(['viewerJoined', 'viewerLeft', 'muted', 'banned', 'unmuted', 'unbanned', 'buyAttempt', 'productClicked', 'replayViewed']);

export type SpeechEvent = Extract<RoomEvent, { kind: 'speech' }>;
export type DanceEvent = Extract<RoomEvent, { kind: 'dance' }>;
/** Kinds that are the host's performance (show events), as opposed to commerce and chat. */
export const SHOW_KINDS: ReadonlySet<RoomEventKind> = new Set(['speech', 'gesture', 'expression', 'dance', 'hostMode', 'tourStop', 'hush']);
