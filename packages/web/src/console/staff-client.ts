import type { ServerMessage } from '@snowstage/protocol';
import { RoomClient, type RoomClientHandlers, type RoomClientOptions } from '../shared/room-client.js';

export type CommentQueueFrame = Extract<ServerMessage, { type: 'commentQueue' }>;

/**
 * The console's room connection: the shared RoomClient (staff token, replies by rid, clock sync,
 * reconnects) plus the staff-only `commentQueue` frames, which RoomClient does not route.
 * It listens on the same socket, so the console stays one member of the room.
 */
export class StaffClient extends RoomClient {
  constructor(
    opts: RoomClientOptions & { authToken: string },
    handlers: RoomClientHandlers,
    private readonly onQueue: (q: CommentQueueFrame) => void,
  ) {
    super(opts, handlers);
  }

  override connect(): void {
    super.connect();
    // RoomClient keeps its socket private; every (re)connect makes a new one, so attach each time.
    const ws = (this as unknown as { ws: WebSocket | null }).ws;
    ws?.addEventListener('message', (m) => {
      const text = String(m.data);
      if (!text.includes('"commentQueue"')) return;
      try {
        const frame = JSON.parse(text) as ServerMessage;
        if (frame.type === 'commentQueue') this.onQueue(frame);
      } catch {
        /* a malformed frame is ignored, as RoomClient does */
      }
    });
  }
}
