import { AppError } from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import { LiveRoom, type LiveRoomDeps } from './live-room.js';
import { RoomCore, type RoomCoreDeps } from './room-core.js';
import { restoreRoom } from './restore.js';
import type { RoomRules } from './room-state.js';
import type { RoomLink } from './room-ops.js';

export interface RoomHubDeps {
  store: Store;
  rules: RoomRules;
  core: Omit<RoomCoreDeps, 'store'>;
  front: LiveRoomDeps;
  /** The avatar rooms start with (the one the operator chose last, or the default). */
  avatarUrl?: () => Promise<string>;
  /** Called when this node starts running a room's core (the show director attaches here); returns a cleanup. */
  onCore?: (core: RoomCore, room: LiveRoom) => (() => Promise<void> | void) | void;
}

/**
 * Where rooms run. On one node (the default) every room's core is here; scaled out, a placement
 * decides which node owns each room and links the others to it (see cluster/).
 */
export interface RoomPlacement {
  /** Returns how this node reaches the room's core; may start a core here through `startCore`. */
  link(roomId: string, startCore: () => Promise<RoomCore>, stopCore: () => Promise<void>, room: () => LiveRoom): RoomLink;
  close(): Promise<void>;
}

/** One node: every room's core runs here and is reached by a direct call. */
export const localPlacement: RoomPlacement = {
  link(_roomId, startCore) {
    const core = startCore();
    return { exec: async (op) => (await core).exec(op) };
  },
  async close() {},
};

/**
 * The rooms this node serves. A room is loaded the first time someone asks for it (its core
 * restored from the log where this node runs it) and stays loaded; concurrent first requests share one load.
 */
export class RoomHub {
  private readonly rooms = new Map<string, Promise<LiveRoom>>();
  private readonly cores = new Map<string, { core: Promise<RoomCore>; cleanup?: () => Promise<void> | void }>();

  constructor(
    private readonly deps: RoomHubDeps,
    private readonly placement: RoomPlacement = localPlacement,
  ) {}

  /** The room with this id. Rejects with ROOM_NOT_FOUND for rooms the store doesn't have. */
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
    if (!(await this.deps.store.getRoom(roomId))) throw new AppError('ROOM_NOT_FOUND', roomId);
    let room!: LiveRoom;
    const link = this.placement.link(
      roomId,
      () => this.startCore(roomId, () => room),
      () => this.stopCore(roomId),
      () => room,
    );
    room = new LiveRoom(roomId, link, this.deps.front);
    return room;
  }

  /** Restores the room's core from the log and the store, and runs it on this node. */
  private startCore(roomId: string, room: () => LiveRoom): Promise<RoomCore> {
    const running = this.cores.get(roomId);
    if (running) return running.core;
    const entry: { core: Promise<RoomCore>; cleanup?: () => Promise<void> | void } = { core: Promise.resolve(null as never) };
    entry.core = (async () => {
        const record = await this.deps.store.getRoom(roomId);
        if (!record) throw new AppError('ROOM_NOT_FOUND', roomId);
        const state = await restoreRoom(this.deps.store, record, this.deps.rules, this.deps.core.now());
        if (this.deps.avatarUrl) state.host.avatarUrl = await this.deps.avatarUrl();
        const core = new RoomCore(state, { ...this.deps.core, store: this.deps.store });
        const cleanup = this.deps.onCore?.(core, room());
        if (cleanup) entry.cleanup = cleanup;
        return core;
      })();
    entry.core.catch(() => this.cores.delete(roomId));
    this.cores.set(roomId, entry);
    return entry.core;
  }

  private async stopCore(roomId: string): Promise<void> {
    const entry = this.cores.get(roomId);
    if (!entry) return;
    this.cores.delete(roomId);
    const core = await entry.core.catch(() => null);
    await entry.cleanup?.();
    await core?.close();
  }

  /** The room's core if it runs on this node (the director, tests). */
  async core(roomId: string): Promise<RoomCore | null> {
    return (await this.cores.get(roomId)?.core.catch(() => null)) ?? null;
  }

  async loaded(): Promise<LiveRoom[]> {
    return (await Promise.allSettled(this.rooms.values())).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  async close(): Promise<void> {
    await this.placement.close();
    for (const id of [...this.cores.keys()]) await this.stopCore(id);
    for (const room of await this.loaded()) await room.close();
    this.rooms.clear();
  }
}
