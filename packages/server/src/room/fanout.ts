import type { RoomEvent } from '@snowstage/protocol';

/** A connected viewer as the fan-out sees it: something to write a ready-made frame to. */
export interface Peer {
  send(frame: Buffer): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
  /** Drops the connection (the client reconnects and gets a fresh snapshot). */
  terminate(): void;
}

export interface FanoutOptions {
  /** Coalescing window: events arriving within it leave in one frame. */
  intervalMs: number;
  /** A peer whose backlog exceeds this is dropped rather than letting memory grow without bound. */
  maxBacklogBytes: number;
}

export interface FanoutStats {
  frames: number;
  events: number;
  /** State events replaced by a newer version of the same state inside one window (never chat). */
  coalesced: number;
  droppedPeers: number;
}

/** State-like events where only the newest matters inside one window; chat and orders are never merged. */
export function stateKey(e: RoomEvent): string | null {
  switch (e.kind) {
    case 'productUpdated':
      return 'p:' + e.product.id;
    case 'sale':
      return 's:' + e.sale.id;
    case 'pinned':
      return 'pinned';
    case 'likes':
      return 'likes';
    default:
      return null;
  }
}

/**
 * Broadcast for one room on one node: coalesces events into one frame per window, serialises it
 * once, and writes the same bytes to every peer. This is what lets one node serve thousands of
 * viewers: the cost per viewer is one socket write per window, not one per chat line.
 */
export class RoomFanout {
  readonly peers = new Set<Peer>();
  readonly stats: FanoutStats = { frames: 0, events: 0, coalesced: 0, droppedPeers: 0 };
  /** Events to send, in seq order; a state event superseded in this window leaves a hole (null). */
  private pending: (RoomEvent | null)[] = [];
  private holes = 0;
  private keyed = new Map<string, number>();
  private counts: { viewers: number; likes: number } | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: FanoutOptions) {}

  enqueue(events: readonly RoomEvent[]): void {
    for (const e of events) {
      const key = stateKey(e);
      const at = key === null ? undefined : this.keyed.get(key);
      if (at !== undefined) {
        // The newer state goes where its seq puts it (frames stay in seq order); the older one is dropped.
        this.pending[at] = null;
        this.holes++;
        this.stats.coalesced++;
      }
      if (key !== null) this.keyed.set(key, this.pending.length);
      this.pending.push(e);
    }
    this.schedule();
  }

  setCounts(counts: { viewers: number; likes: number }): void {
    this.counts = counts;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), this.opts.intervalMs);
  }

  /** Sends what is pending now. Called by the timer; tests and shutdown may call it directly. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0 && this.counts === null) return;
    const events = this.holes > 0 ? this.pending.filter((e): e is RoomEvent => e !== null) : (this.pending as RoomEvent[]);
    const frame = Buffer.from(JSON.stringify(this.counts ? { type: 'batch', events, stats: this.counts } : { type: 'batch', events }));
    this.stats.frames++;
    this.stats.events += events.length;
    this.pending = [];
    this.holes = 0;
    this.keyed.clear();
    this.counts = null;
    for (const peer of this.peers) {
      if (peer.bufferedAmount > this.opts.maxBacklogBytes) {
        this.peers.delete(peer);
        this.stats.droppedPeers++;
        peer.terminate();
      } else peer.send(frame);
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
