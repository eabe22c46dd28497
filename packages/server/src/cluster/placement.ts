import type { Redis } from 'ioredis';
import { isAppError } from '@snowstage/protocol';
import type { Bus } from '../bus.js';
import type { RoomPlacement } from '../room/hub.js';
import type { RoomCore } from '../room/room-core.js';
import type { LiveRoom } from '../room/live-room.js';
import type { RoomOp, RoomOpResult } from '../room/room-ops.js';
import { Lease } from './lease.js';
import { BusRpc } from './rpc.js';

export interface ClusterOptions {
  redis: Redis;
  bus: Bus;
  nodeId: string;
  /** Prefix of Redis keys. @default snowstage: */
  prefix?: string;
  /** Lease time-to-live: how long a dead owner keeps a room. @default 5000 */
  leaseTtlMs?: number;
  onError: (err: unknown, what: string) => void;
  log?: (msg: string) => void;
}

/** Ops that may be sent again when the owner did not answer (the room is moving to another node). */
const RETRYABLE = new Set<RoomOp['op']>(['join', 'leave', 'presence', 'snapshot', 'settle', 'purchased', 'buyAttempt', 'track', 'replayViewed', 'announceDraw', 'setAvatar']);

/**
 * Scale-out placement: one node owns each room (a Redis lease) and runs its core and show director;
 * the other nodes serve the room's viewers and send their ops to the owner over the bus. When the
 * owner dies its lease expires, another node restores the room from the shared log and takes over,
 * and every node re-announces its viewers to it.
 */
export class ClusterPlacement implements RoomPlacement {
  private readonly rpc: BusRpc;
  private readonly rooms = new Map<string, { lease: Lease; stop(): Promise<void> }>();

  constructor(private readonly opts: ClusterOptions) {
    this.rpc = new BusRpc(opts.bus, opts.nodeId);
  }

  link(roomId: string, startCore: () => Promise<RoomCore>, stopCore: () => Promise<void>, room: () => LiveRoom) {
    const { bus, nodeId } = this.opts;
    const rpcChannel = `rpc:room:${roomId}`;
    const ctlChannel = `room:${roomId}:owner`;
    let core: Promise<RoomCore> | null = null;
    let stopServing: (() => void) | null = null;
    let transition: Promise<void> = Promise.resolve();

    const offCtl = bus.subscribe(ctlChannel, (owner) => {
      // A new owner restored the room from the log: tell it who is connected here.
      if (owner !== nodeId) room().restatePresence().catch((e) => this.opts.onError(e, `restate presence in ${roomId}`));
    });

    const lease = new Lease(this.opts.redis, `${this.opts.prefix ?? 'snowstage:'}lease:room:${roomId}`, nodeId, {
      ...(this.opts.leaseTtlMs ? { ttlMs: this.opts.leaseTtlMs } : {}),
      onAcquired: () => {
        transition = transition.then(async () => {
          this.opts.log?.(`${nodeId} now owns room ${roomId}`);
          core = startCore();
          const c = await core;
          // Before anything new happens in the room, so viewers' sequences fill in before they move on.
          await c.resendRecent();
          stopServing = this.rpc.serve(rpcChannel, (op) => c.exec(op as RoomOp));
          await room().restatePresence();
          bus.publish(ctlChannel, nodeId);
        }).catch((e) => this.opts.onError(e, `take over ${roomId}`));
      },
      onLost: () => {
        transition = transition.then(async () => {
          this.opts.log?.(`${nodeId} lost room ${roomId}`);
          stopServing?.();
          stopServing = null;
          core = null;
          await stopCore();
        }).catch((e) => this.opts.onError(e, `give up ${roomId}`));
      },
    });
    lease.start();
    this.rooms.set(roomId, {
      lease,
      stop: async () => {
        offCtl();
        stopServing?.();
        await lease.stop();
      },
    });

    const exec = async (op: RoomOp): Promise<RoomOpResult> => {
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        const local = lease.isHeld ? core : null;
        if (local) return (await local).exec(op);
        try {
          return (await this.rpc.call(rpcChannel, op, 2500)) as RoomOpResult;
        } catch (e) {
          const moving = isAppError(e) && e.code === 'ROOM_UNAVAILABLE';
          if (!moving || !RETRYABLE.has(op.op) || Date.now() - started > 12_000) throw e;
          await new Promise((r) => setTimeout(r, 250 * Math.min(4, attempt + 1)));
        }
      }
    };
    return { exec };
  }

  /** True when this node owns the room now. */
  owns(roomId: string): boolean {
    return this.rooms.get(roomId)?.lease.isHeld ?? false;
  }

  async close(): Promise<void> {
    for (const r of this.rooms.values()) await r.stop();
    this.rooms.clear();
    this.rpc.close();
  }
}

