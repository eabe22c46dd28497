import type { Draw, FlashSale, HostMode, Order, Product, Role, RoomEventDraft, TrackWhat } from '@snowstage/protocol';

export interface Actor {
  viewerId: string;
  nickname: string;
  role: Role;
}

/** A connection's id in the whole cluster: the room front (node) that holds it, then a counter there. */
export const connId = (node: string, n: number): string => `${node}/${n}`;
/** The node part of a connection id. */
export const nodeOfConn = (conn: string): string => conn.slice(0, conn.lastIndexOf('/'));

/**
 * Everything that can change a room, as data. The gateway turns client messages (after their
 * schema and role checks) and store results into these, and feeds them to `reduce`.
 */
export type RoomCommand =
  | { type: 'join'; actor: Actor; conn: string }
  | { type: 'leave'; actor: Actor; conn: string }
  /** A node states every connection it has to the room (`conn` ids start with `node/`); its others are gone. */
  | { type: 'presence'; node: string; members: { actor: Actor; conn: string }[] }
  | { type: 'chat'; actor: Actor; id: string; text: string }
  | { type: 'like'; actor: Actor; count: number }
  /** Emit the likes gathered since the last flush as one event (bounded-rate aggregation). */
  | { type: 'flushLikes' }
  | { type: 'pin'; product: Product }
  | { type: 'unpin'; productId: string }
  /** A product's stock changed in the store (a purchase, a sold-out mark, a restock). */
  | { type: 'productChanged'; product: Product }
  | { type: 'announce'; text: string }
  | { type: 'saleScheduled'; sale: FlashSale; product: Product }
  /** The store's latest version of the room's sale (sold count, cancellation). */
  | { type: 'saleChanged'; sale: FlashSale }
  /** The clock moved: announce sale phases that changed by time alone. */
  | { type: 'tick' }
  | { type: 'orderPlaced'; order: Order; buyer: Actor; product: Product; sale: FlashSale | null; via?: 'live' | 'replay'; replayOf?: string }
  /** A buy request and its outcome, for conversion analytics. */
  | { type: 'buyAttempt'; actor: Actor; productId: string; variantId: string; saleId: string | null; code: string | null }
  | { type: 'track'; actor: Actor; what: TrackWhat; productId: string }
  | { type: 'showStarted'; showId: string; title: string }
  | { type: 'showEnded'; showId: string }
  | { type: 'replayViewed'; showId: string; viewerId: string }
  | { type: 'draw'; draw: Draw; phase: 'open' | 'drawn' | 'redrawn' }
  | { type: 'avatar'; url: string }
  /** The host performs: a show event made by the show runtime (speech, gesture, expression, dance, mode). */
  | { type: 'perform'; event: ShowEventDraft; endsAt: number }
  | { type: 'deleteChat'; actor: Actor; messageId: string }
  | { type: 'mute'; actor: Actor; viewerId: string; until: number }
  | { type: 'ban'; actor: Actor; viewerId: string }
  | { type: 'unmute'; actor: Actor; viewerId: string }
  | { type: 'unban'; actor: Actor; viewerId: string };

/** A show event before the log numbers it. */
export type ShowEventDraft = Extract<RoomEventDraft, { kind: 'speech' | 'gesture' | 'expression' | 'dance' | 'hostMode' | 'tourStop' | 'hush' }>;
export type { HostMode };
