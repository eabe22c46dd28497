/**
 * The fan-out bus: how a room's broadcast reaches every node that has viewers of the room.
 * In-process by default (one node); a Redis adapter replaces it when nodes scale out.
 */
export interface Bus {
  publish(channel: string, message: string): void;
  /** Returns a function that removes the subscription. */
  subscribe(channel: string, onMessage: (message: string) => void): () => void;
  close(): Promise<void>;
}

/** Delivers synchronously to subscribers in this process. */
export class InProcessBus implements Bus {
  private readonly subs = new Map<string, Set<(m: string) => void>>();

  publish(channel: string, message: string): void {
    const set = this.subs.get(channel);
    if (set) for (const fn of set) fn(message);
  }

  subscribe(channel: string, onMessage: (message: string) => void): () => void {
    let set = this.subs.get(channel);
    if (!set) this.subs.set(channel, (set = new Set()));
    set.add(onMessage);
    return () => {
      set.delete(onMessage);
      if (set.size === 0) this.subs.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.subs.clear();
  }
}
