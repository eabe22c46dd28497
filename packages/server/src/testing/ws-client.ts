import WebSocket from 'ws';
import type { ServerMessage } from '@snowstage/protocol';

type Frame = ServerMessage & { rid?: string };

/**
 * A small live-room client for tests and benchmarks: sends JSON, awaits replies by `rid`,
 * and keeps every broadcast event it has seen.
 */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly events: Extract<ServerMessage, { type: 'batch' }>['events'] = [];
  private lastSeq = 0;
  welcome: Extract<ServerMessage, { type: 'welcome' }> | null = null;
  private waiters = new Map<string, (f: Frame) => void>();
  private listeners = new Set<(f: Frame) => void>();
  private next = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as Frame;
      this.frames.push(f);
      // Like the real client: only events newer than the last one (or the snapshot) count, so a tail a
      // new room owner sends again fills a gap and never repeats anything.
      if (f.type === 'welcome') this.lastSeq = Math.max(this.lastSeq, f.snapshot.seq);
      if (f.type === 'batch')
        for (const e of f.events)
          if (e.seq > this.lastSeq) {
            this.lastSeq = e.seq;
            this.events.push(e);
          }
      if (f.rid !== undefined) {
        const w = this.waiters.get(f.rid);
        this.waiters.delete(f.rid);
        w?.(f);
      }
      for (const l of this.listeners) l(f);
    });
  }

  static async connect(wsUrl: string): Promise<TestClient> {
    const ws = new WebSocket(wsUrl);
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    return new TestClient(ws);
  }

  /** Connects and joins a room; resolves with the welcome frame. */
  static async join(wsUrl: string, hello: Record<string, unknown> = {}): Promise<TestClient> {
    const c = await TestClient.connect(wsUrl);
    const w = await c.request({ type: 'hello', room: 'main', ...hello });
    if (w.type !== 'welcome') throw new Error(`join failed: ${JSON.stringify(w)}`);
    c.welcome = w;
    return c;
  }

  /** Sends a message with a fresh rid and resolves with the server's direct reply to it. */
  request(msg: Record<string, unknown>, timeoutMs = 10_000): Promise<Frame> {
    const rid = `r${this.next++}`;
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no reply to ${JSON.stringify(msg)}`)), timeoutMs);
      this.waiters.set(rid, (f) => {
        clearTimeout(t);
        res(f);
      });
      this.ws.send(JSON.stringify({ ...msg, rid }));
    });
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** Resolves with the first frame (already received or future) that matches. */
  waitFor(pred: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const seen = this.frames.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((res, rej) => {
      const t = setTimeout(() => {
        this.listeners.delete(l);
        rej(new Error('timed out waiting for a frame'));
      }, timeoutMs);
      const l = (f: Frame) => {
        if (!pred(f)) return;
        clearTimeout(t);
        this.listeners.delete(l);
        res(f);
      };
      this.listeners.add(l);
    });
  }

  /** Resolves with the first broadcast event that matches. */
  async waitForEvent<K extends string>(kind: K, pred: (e: Extract<Frame, { type: 'batch' }>['events'][number] & { kind: K }) => boolean = () => true, timeoutMs = 10_000) {
    const match = (e: { kind: string }) => e.kind === kind && pred(e as never);
    const found = this.events.find(match);
    if (found) return found as Extract<typeof found, { kind: K }>;
    const f = await this.waitFor((fr) => fr.type === 'batch' && fr.events.some(match), timeoutMs);
    return (f as Extract<Frame, { type: 'batch' }>).events.find(match) as Extract<(typeof this.events)[number], { kind: K }>;
  }

  close(): void {
    this.ws.close();
  }
}
