import type { CloudStoreStore, CommerceStore, DrawStore, ShowcaseStore } from '@snowstage/commerce';
import type { LocalizedText, RoomEvent, Show } from '@snowstage/protocol';

export interface RoomRecord {
  id: string;
  title: LocalizedText;
}

/**
 * The room event log: append-only, ordered by `seq` per room. The basis of snapshots after a
 * restart, of chat export, and later of replay and analytics.
 */
export interface EventLog {
  appendEvents(roomId: string, events: readonly RoomEvent[]): Promise<void>;
  /** Events with seq > afterSeq, oldest first, optionally only of some kinds. */
  readEvents(roomId: string, opts?: { afterSeq?: number; kinds?: readonly string[]; limit?: number }): Promise<RoomEvent[]>;
  /** The newest `limit` events of the given kinds, oldest first. */
  tailEvents(roomId: string, kinds: readonly string[], limit: number): Promise<RoomEvent[]>;
  lastSeq(roomId: string): Promise<number>;
}

/** Scheduled, live and ended shows (a show's events are a seq range of its room's log). */
export interface ShowStore {
  saveShow(show: Show): Promise<void>;
  getShow(id: string): Promise<Show | null>;
  /** Newest scheduled time first; one room's, or all. */
  listShows(roomId?: string): Promise<Show[]>;
}

/** Everything the server persists, behind one interface with one adapter per database. */
export interface Store extends CommerceStore, EventLog, ShowStore {
  readonly showcase: ShowcaseStore;
  readonly draws: DrawStore;
  readonly cloudstore: CloudStoreStore;
  listRooms(): Promise<RoomRecord[]>;
  getRoom(id: string): Promise<RoomRecord | null>;
  upsertRoom(room: RoomRecord): Promise<void>;
  /** Small key/value facts such as "seeded". */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
