import type { ChatLine, FlashSale, HostMode, LocalizedText, Product, RoomEvent, SaleStatus } from '@snowstage/protocol';
import type { Bucket, BucketRule } from './rate-limit.js';
import type { BlocklistMatcher } from './blocklist.js';

/** Rules a room enforces; fixed for the room's life. */
export interface RoomRules {
  chat: BucketRule;
  maxChatChars: number;
  /** How many recent chat lines a late joiner sees and moderators can delete. */
  recentChat: number;
  blocklist: BlocklistMatcher;
  /** Maximum products pinned at once. */
  maxPinned: number;
}

/**
 * A live room's state. Owned by its reducer: `reduce` updates it in place (a busy room handles
 * thousands of commands a second), so callers never keep an old state around. Everything in it
 * can be rebuilt from the event log plus the store (see restore.ts).
 */
export interface RoomState {
  readonly id: string;
  readonly title: LocalizedText;
  readonly rules: RoomRules;
  /** Sequence number of the last event appended to this room's log. */
  seq: number;
  pinned: Product[];
  /** Latest known version of every product this room has shown (pinned, on sale, bought). */
  products: Map<string, Product>;
  sale: FlashSale | null;
  /** The sale phase viewers were last told, so a clock tick announces each change once. */
  announcedPhase: SaleStatus | null;
  announcement: string | null;
  likes: number;
  pendingLikes: number;
  chat: ChatLine[];
  /**
   * viewerId → the ids of their open connections (`node/n`), so that a viewer with two tabs counts
   * once, a repeated join or leave changes nothing, and a node can restate all of its connections.
   */
  presence: Map<string, Set<string>>;
  /** viewerId → nickname, for the viewers present. */
  presentNames: Map<string, string>;
  mutedUntil: Map<string, number>;
  banned: Set<string>;
  /** Nicknames of muted or banned viewers, as last seen in the chat (for the staff list). */
  moderatedNames: Map<string, string>;
  chatBuckets: Map<string, Bucket>;
  /** The show on air. */
  show: { id: string; title: string; startedAt: number } | null;
  /** The host's mode and the show events still playing, each with the room-clock time it ends. */
  host: { mode: HostMode; playing: { event: RoomEvent; endsAt: number }[]; avatarUrl: string };
}

export function createRoomState(id: string, title: LocalizedText, rules: RoomRules): RoomState {
  return {
    id,
    title,
    rules,
    seq: 0,
    pinned: [],
    products: new Map(),
    sale: null,
    announcedPhase: null,
    announcement: null,
    likes: 0,
    pendingLikes: 0,
    chat: [],
    presence: new Map(),
    presentNames: new Map(),
    mutedUntil: new Map(),
    banned: new Set(),
    moderatedNames: new Map(),
    chatBuckets: new Map(),
    show: null,
    host: { mode: 'idle', playing: [], avatarUrl: '/avatars/dongdong.vrm' },
  };
}
