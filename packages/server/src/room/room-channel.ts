import type { RoomEvent } from '@snowstage/protocol';

/** The bus channel of a room: every node with viewers of the room listens on it. */
export const roomChannel = (roomId: string) => `room:${roomId}`;

/**
 * What travels on a room's channel: events (all of them, in log order; each node's fan-out drops
 * the log-only kinds), the current counts, and messages for staff connections.
 */
export interface RoomMessage {
  events?: RoomEvent[];
  /**
   * Recent events sent again by a node that just took the room over, for viewers only (clients drop
   * the seqs they have): the old owner may have logged them and died before publishing them.
   */
  resent?: RoomEvent[];
  stats?: { viewers: number; likes: number };
  staff?: object;
}

export function encodeRoomMessage(m: RoomMessage): string {
  return JSON.stringify(m);
}

export function decodeRoomMessage(s: string): RoomMessage {
  return JSON.parse(s) as RoomMessage;
}
