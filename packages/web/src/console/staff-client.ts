import type { ServerMessage } from '@snowstage/protocol';
import { RoomClient, type RoomClientHandlers, type RoomClientOptions } from '../shared/room-client.js';

export type CommentQueueFrame = Extract<ServerMessage, { type: 'commentQueue' }>;

/**
 * The console's room connection: the shared RoomClient (staff token, replies by rid, clock sync,
 * reconnects) with the staff-only `commentQueue` frames routed to the moderation panel.
 */
export class StaffClient extends RoomClient {
  constructor(
    opts: RoomClientOptions & { authToken: string },
    handlers: RoomClientHandlers,
    private readonly onQueue: (q: CommentQueueFrame) => void,
  ) {
    super(opts, { ...handlers, onCommentQueue: (q) => this.onQueue(q) });
  }
}
