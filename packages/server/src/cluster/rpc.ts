import { randomBytes } from 'node:crypto';
import { AppError, ERRORS, type ErrorCode } from '@snowstage/protocol';
import type { Bus } from '../bus.js';

interface Request {
  id: string;
  replyTo: string;
  body: unknown;
}
type Reply = { id: string; ok: true; value: unknown } | { id: string; ok: false; code: string; detail?: string };

/**
 * Request/response over the bus: a node calls the node that serves a channel (the owner of a room)
 * and awaits its answer on its own reply channel. Domain errors travel as catalog codes; a call
 * nobody answers in time rejects with ROOM_UNAVAILABLE.
 */
export class BusRpc {
  private readonly waiting = new Map<string, { resolve(v: unknown): void; reject(e: unknown): void; timer: NodeJS.Timeout }>();
  private readonly replyChannel: string;
  private readonly off: () => void;

  constructor(
    private readonly bus: Bus,
    nodeId: string,
  ) {
    this.replyChannel = `rpc:reply:${nodeId}`;
    this.off = bus.subscribe(this.replyChannel, (m) => this.onReply(m));
  }

  private onReply(raw: string): void {
    const r = JSON.parse(raw) as Reply;
    const w = this.waiting.get(r.id);
    if (!w) return;
    this.waiting.delete(r.id);
    clearTimeout(w.timer);
    if (r.ok) w.resolve(r.value);
    else w.reject(r.code in ERRORS ? new AppError(r.code as ErrorCode, r.detail) : new Error(`${r.code}: ${r.detail ?? ''}`));
  }

  call(channel: string, body: unknown, timeoutMs: number): Promise<unknown> {
    const id = randomBytes(8).toString('hex');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new AppError('ROOM_UNAVAILABLE', 'no answer from the node that owns the room'));
      }, timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      this.bus.publish(channel, JSON.stringify({ id, replyTo: this.replyChannel, body } satisfies Request));
    });
  }

  /** Serves a channel: every request is handled and answered. Returns a function that stops serving. */
  serve(channel: string, handle: (body: unknown) => Promise<unknown>): () => void {
    return this.bus.subscribe(channel, (raw) => {
      const req = JSON.parse(raw) as Request;
      handle(req.body).then(
        (value) => this.bus.publish(req.replyTo, JSON.stringify({ id: req.id, ok: true, value: value ?? null } satisfies Reply)),
        (e: unknown) =>
          this.bus.publish(
            req.replyTo,
            JSON.stringify({ id: req.id, ok: false, code: e instanceof AppError ? e.code : 'INTERNAL', ...(e instanceof AppError && e.detail ? { detail: e.detail } : {}) } satisfies Reply),
          ),
      );
    });
  }

  close(): void {
    this.off();
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new AppError('ROOM_UNAVAILABLE', 'shutting down'));
    }
    this.waiting.clear();
  }
}
