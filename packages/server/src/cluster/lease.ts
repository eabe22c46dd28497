import type { Redis } from 'ioredis';

/** Renews only if we still hold it (compare-and-extend), atomically. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;
/** Releases only if we still hold it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export interface LeaseOptions {
  /** How long a lease lives without renewal. @default 5000 */
  ttlMs?: number;
  /** How often the holder renews, and others try to take it. @default ttlMs / 3 */
  renewMs?: number;
  onAcquired(): void;
  onLost(): void;
}

/**
 * A lease on a Redis key (SET NX PX + compare-and-extend): at most one node holds it at a time, and
 * when the holder dies it expires within `ttlMs` so another node takes over. Used to pick the one
 * node that runs a room's state machine and its show director.
 */
export class Lease {
  private timer: NodeJS.Timeout | null = null;
  private held = false;
  private stopped = false;
  private readonly ttlMs: number;
  private readonly renewMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly holder: string,
    private readonly opts: LeaseOptions,
  ) {
    this.ttlMs = opts.ttlMs ?? 5000;
    this.renewMs = opts.renewMs ?? Math.floor(this.ttlMs / 3);
  }

  get isHeld(): boolean {
    return this.held;
  }

  start(): void {
    this.stopped = false;
    void this.tick();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.renewMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (this.held) {
        const ok = (await this.redis.eval(RENEW, 1, this.key, this.holder, String(this.ttlMs))) === 1;
        if (!ok) this.lose();
      } else {
        const ok = (await this.redis.set(this.key, this.holder, 'PX', this.ttlMs, 'NX')) === 'OK';
        if (ok && !this.stopped) {
          this.held = true;
          this.opts.onAcquired();
        }
      }
    } catch {
      // Redis unreachable: we can no longer prove we hold it, so we stop acting as the holder.
      if (this.held) this.lose();
    }
    this.schedule();
  }

  private lose(): void {
    this.held = false;
    this.opts.onLost();
  }

  /** Who holds it now (null: nobody). */
  async holderNow(): Promise<string | null> {
    return this.redis.get(this.key);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.held) {
      this.held = false;
      await this.redis.eval(RELEASE, 1, this.key, this.holder).catch(() => undefined);
    }
  }
}
