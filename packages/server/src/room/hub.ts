import { AppError } from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import { LiveRoom, type LiveRoomDeps } from './live-room.js';
import { restoreRoom } from './restore.js';
import type { RoomRules } from './room-state.js';

/**
 * The rooms this node serves. A room is loaded from its log the first time someone asks for it,
 * and stays loaded; concurrent first requests share one load.
 */
export class RoomHub {
  private readonly rooms = new Map<string, Promise<LiveRoom>>();

  constructor(
    private readonly store: Store,
    private readonly rules: RoomRules,
    private readonly deps: LiveRoomDeps,
    /** The avatar rooms start with (the one the operator chose last, or the default). */
    private readonly avatarUrl?: () => Promise<string>,
  ) {}

  /** The live room with this id. Rejects with ROOM_NOT_FOUND for rooms the store doesn't have. */
  get(roomId: string): Promise<LiveRoom> {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = this.load(roomId);
      this.rooms.set(roomId, room);
      room.catch(() => this.rooms.delete(roomId));
    }
    return room;
  }

  private async load(roomId: string): Promise<LiveRoom> {
    const record = await this.store.getRoom(roomId);
    if (!record) throw new AppError('ROOM_NOT_FOUND', roomId);
    const state = await restoreRoom(this.store, record, this.rules, this.deps.now());
    if (this.avatarUrl) state.host.avatarUrl = await this.avatarUrl();
    return new LiveRoom(state, this.deps);
  }

  async loaded(): Promise<LiveRoom[]> {
    return Promise.all(this.rooms.values());
  }

  async close(): Promise<void> {
    const rooms = await Promise.allSettled(this.rooms.values());
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
    this.rooms.clear();
  }
}
