import type { Draw, EmotionTag, Gesture, HostMode, Lang, Order, PurchaseRequest, RoomSnapshot, ServerMessage, TrackWhat } from '@snowstage/protocol';
import type { SalePlan } from '@snowstage/commerce';
import type { Actor } from './commands.js';

/** Who is muted (until when) or banned in a room: the `moderation` reply's content. */
export type ModerationList = Omit<Extract<ServerMessage, { type: 'moderation' }>, 'rid' | 'type'>;

/** What a flash sale is scheduled with (the operator's `scheduleSale` message); the core adds the ids. */
export type SalePlanInput = Omit<SalePlan, 'id' | 'roomId'>;

/**
 * Everything a node may ask of a room's core, as plain data: the same ops run in-process (one node)
 * or travel to the node that owns the room (scale-out). Each op names its result type in `RoomOpResult`.
 */
export type RoomOp =
  /** `conn` names the connection, `node/n`, unique in the cluster; joining or leaving twice changes nothing. */
  | { op: 'join'; actor: Actor; conn: string }
  | { op: 'leave'; actor: Actor; conn: string }
  /**
   * Every connection this node has to the room, replacing what the core held for it: after the room
   * moved to a new owner, and as a heartbeat (a node that stops sending it is presumed dead and its
   * viewers leave).
   */
  | { op: 'presence'; node: string; members: { actor: Actor; conn: string }[] }
  | { op: 'snapshot' }
  | { op: 'settle' }
  | { op: 'chat'; actor: Actor; text: string }
  | { op: 'like'; actor: Actor; count: number }
  | { op: 'track'; actor: Actor; what: TrackWhat; productId: string }
  | { op: 'deleteChat'; actor: Actor; messageId: string }
  | { op: 'mute'; actor: Actor; viewerId: string; durationS: number }
  | { op: 'ban'; actor: Actor; viewerId: string }
  | { op: 'unmute'; actor: Actor; viewerId: string }
  | { op: 'unban'; actor: Actor; viewerId: string }
  | { op: 'moderation' }
  | { op: 'announce'; text: string }
  | { op: 'pin'; productId: string }
  | { op: 'unpin'; productId: string }
  | { op: 'markSoldOut'; productId: string; variantId?: string }
  | { op: 'scheduleSale'; plan: SalePlanInput }
  | { op: 'cancelSale'; saleId: string }
  /** A purchase the store has committed (any node may sell): the room announces it. */
  | { op: 'purchased'; actor: Actor; order: Order; request: PurchaseRequest; replayOf?: string }
  | { op: 'buyAttempt'; actor: Actor; request: PurchaseRequest; code: string | null }
  | { op: 'startShow'; showId: string; title: string }
  | { op: 'endShow'; showId: string }
  | { op: 'replayViewed'; showId: string; viewerId: string }
  | { op: 'announceDraw'; draw: Draw; phase: 'open' | 'drawn' | 'redrawn' }
  | { op: 'setAvatar'; url: string }
  | { op: 'hostMode'; mode: HostMode }
  | { op: 'hostSay'; line: { text: string; emotion: EmotionTag; gesture?: Gesture; lang?: Lang } }
  | { op: 'queuePitch'; productId: string }
  | { op: 'hostPause'; paused: boolean }
  | { op: 'approveComment'; messageId: string }
  | { op: 'skipComment'; messageId: string }
  | { op: 'hostApproval'; on: boolean }
  /** The host leads a showcase tour (resolves whether this call started one). */
  | { op: 'startTour'; lang: Lang };

export type RoomOpName = RoomOp['op'];

/** Ops whose result is a snapshot; the others resolve to an event position or nothing. */
export type RoomOpResult = RoomSnapshot | ModerationList | { seq: number; at: number } | boolean | void;

/** How a node reaches a room's core: directly, or over the cluster's RPC. */
export interface RoomLink {
  exec(op: RoomOp): Promise<RoomOpResult>;
}
