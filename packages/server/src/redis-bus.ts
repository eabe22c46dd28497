import { Redis } from 'ioredis';
import type { Bus } from './bus.js';

/**
 * The scale-out bus: Redis pub/sub, so a room's events reach viewers on every node. One connection
 * publishes, one subscribes (a subscribed Redis connection can do nothing else). Messages published
 * while Redis is unreachable are queued by the client and sent on reconnect; subscriptions are
 * restored on reconnect.
 */
export class RedisBus implements Bus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<(m: string) => void>>();

  constructor(
    url: string,
    private readonly prefix = 'snowstage:',
  ) {
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    this.sub.on('message', (channel: string, message: string) => {
      const set = this.handlers.get(channel.slice(this.prefix.length));
      if (set) for (const fn of set) fn(message);
    });
  }

  /** Resolves once both connections are up (start-up waits for it, so the node fails fast without Redis). */
  async ready(timeoutMs = 5000): Promise<void> {
    const wait = (r: Redis) =>
      r.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((res, rej) => {
            const t = setTimeout(() => rej(new Error(`Redis not reachable within ${timeoutMs} ms`)), timeoutMs);
            r.once('ready', () => (clearTimeout(t), res()));
          });
    await Promise.all([wait(this.pub), wait(this.sub)]);
  }

  publish(channel: string, message: string): void {
    void this.pub.publish(this.prefix + channel, message).catch(() => undefined);
  }

  subscribe(channel: string, onMessage: (message: string) => void): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      this.handlers.set(channel, (set = new Set()));
      void this.sub.subscribe(this.prefix + channel).catch(() => undefined);
    }
    set.add(onMessage);
    return () => {
      set.delete(onMessage);
      if (set.size === 0) {
        this.handlers.delete(channel);
        void this.sub.unsubscribe(this.prefix + channel).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
