import type { ClientMessage, Lang, RoomEvent, RoomSnapshot, ServerMessage } from '@snowstage/protocol';

type Welcome = Extract<ServerMessage, { type: 'welcome' }>;
type Batch = Extract<ServerMessage, { type: 'batch' }>;
type Reply = Extract<ServerMessage, { type: 'ack' | 'order' | 'error' }>;
/** A client message without its request id (the client adds one). */
export type Outgoing = ClientMessage extends infer M ? (M extends ClientMessage ? Omit<M, 'rid'> : never) : never;

export interface RoomClientOptions {
  room: string;
  lang: Lang;
  /** Staff token (console); viewers leave it out. */
  authToken?: string;
  nickname?: string;
  /** Where the viewer token is remembered between visits. @default localStorage */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export interface RoomClientHandlers {
  /** A (re)join: the room as it is now. */
  onWelcome(w: Welcome): void;
  onEvents(events: RoomEvent[], stats: Batch['stats']): void;
  onModerated?(action: Extract<ServerMessage, { type: 'moderated' }>['action'], until: number | null): void;
  /** Staff connections: the comments the host has picked to answer next. */
  onCommentQueue?(q: Extract<ServerMessage, { type: 'commentQueue' }>): void;
  onStatus?(status: 'connecting' | 'live' | 'offline'): void;
}

const TOKEN_KEY = 'snowstage.viewerToken';

/**
 * The browser's live-room connection: joins with the remembered viewer token, reconnects with
 * backoff (a reconnect gets a fresh snapshot), matches replies to requests by `rid`, and keeps a
 * clock offset to the server (ping/pong, best of recent round trips) so every viewer shares one room clock.
 */
export class RoomClient {
  private ws: WebSocket | null = null;
  private nextRid = 0;
  private readonly pending = new Map<string, { resolve(r: Reply): void; reject(e: Error): void; timer: number }>();
  private retries = 0;
  private closed = false;
  private pingTimer = 0;
  private offsetSamples: { rtt: number; offset: number }[] = [];
  /** serverTime − Date.now(), from the best recent round trip. */
  offsetMs = 0;
  /** The newest event seq applied; events the snapshot already holds are dropped. */
  private lastSeq = -1;
  /** Frames that arrive between joining and the welcome (the server sends from the moment it adds us). */
  private early: Batch[] = [];
  you: Welcome['you'] | null = null;

  constructor(
    private readonly opts: RoomClientOptions,
    private readonly handlers: RoomClientHandlers,
  ) {}

  private get storage() {
    return this.opts.storage ?? window.localStorage;
  }

  /** The room clock: server epoch ms now. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  connect(): void {
    this.closed = false;
    this.handlers.onStatus?.('connecting');
    const url = new URL('/ws', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      const hello: Outgoing = {
        type: 'hello',
        room: this.opts.room,
        lang: this.opts.lang,
        ...(this.storage.getItem(TOKEN_KEY) ? { viewerToken: this.storage.getItem(TOKEN_KEY)! } : {}),
        ...(this.opts.nickname ? { nickname: this.opts.nickname } : {}),
        ...(this.opts.authToken ? { authToken: this.opts.authToken } : {}),
      };
      void this.request(hello).catch(() => undefined);
    };
    ws.onmessage = (m) => this.onFrame(String(m.data));
    ws.onclose = () => this.onClose();
  }

  private onFrame(data: string): void {
    let f: ServerMessage & { rid?: string };
    try {
      f = JSON.parse(data);
    } catch {
      return;
    }
    switch (f.type) {
      case 'welcome': {
        this.retries = 0;
        this.you = f.you;
        if (f.you.role === 'viewer') this.storage.setItem(TOKEN_KEY, f.you.viewerToken);
        this.offsetMs = f.serverTime - Date.now();
        this.lastSeq = f.snapshot.seq;
        this.handlers.onStatus?.('live');
        this.handlers.onWelcome(f);
        const early = this.early;
        this.early = [];
        for (const b of early) this.deliver(b);
        this.startClockSync();
        break;
      }
      case 'batch':
        if (this.lastSeq < 0) this.early.push(f);
        else this.deliver(f);
        break;
      case 'pong':
        this.addClockSample(f.t, f.serverTime);
        return;
      case 'moderated':
        this.handlers.onModerated?.(f.action, f.until);
        return;
      case 'commentQueue':
        this.handlers.onCommentQueue?.(f);
        return;
      default:
        break;
    }
    if (f.rid !== undefined) {
      const p = this.pending.get(f.rid);
      if (p) {
        this.pending.delete(f.rid);
        clearTimeout(p.timer);
        p.resolve(f as Reply);
      }
    }
  }

  /** Hands on the events the client has not seen yet (each once, in order). */
  private deliver(b: Batch): void {
    const fresh = b.events.filter((e) => e.seq > this.lastSeq);
    for (const e of fresh) this.lastSeq = Math.max(this.lastSeq, e.seq);
    if (fresh.length > 0 || b.stats) this.handlers.onEvents(fresh, b.stats);
  }

  private startClockSync(): void {
    clearInterval(this.pingTimer);
    this.offsetSamples = [];
    const ping = () => this.send({ type: 'ping', t: performance.now() });
    for (let i = 0; i < 3; i++) setTimeout(ping, 200 * i);
    this.pingTimer = window.setInterval(ping, 10_000);
  }

  private addClockSample(sentAt: number, serverTime: number): void {
    const rtt = performance.now() - sentAt;
    // The server read its clock about half a round trip ago.
    const offset = serverTime + rtt / 2 - Date.now();
    this.offsetSamples.push({ rtt, offset });
    if (this.offsetSamples.length > 8) this.offsetSamples.shift();
    this.offsetMs = [...this.offsetSamples].sort((a, b) => a.rtt - b.rtt)[0]!.offset;
  }

  private onClose(): void {
    this.ws = null;
    this.lastSeq = -1;
    this.early = [];
    clearInterval(this.pingTimer);
    for (const [rid, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error('connection lost'));
      this.pending.delete(rid);
    }
    if (this.closed) return;
    this.handlers.onStatus?.('offline');
    const delay = Math.min(10_000, 500 * 2 ** this.retries++) * (0.7 + Math.random() * 0.6);
    setTimeout(() => this.connect(), delay);
  }

  private send(msg: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  /** Sends a message and resolves with the server's direct reply (ack, order or error frame). */
  request(msg: Outgoing, timeoutMs = 10_000): Promise<Reply> {
    const rid = `c${this.nextRid++}`;
    return new Promise((resolve, reject) => {
      if (this.ws?.readyState !== WebSocket.OPEN) return reject(new Error('not connected'));
      const timer = window.setTimeout(() => {
        this.pending.delete(rid);
        reject(new Error('no reply'));
      }, timeoutMs);
      this.pending.set(rid, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ ...msg, rid }));
    });
  }

  /** Fire-and-forget (likes). */
  post(msg: Outgoing): void {
    this.send(msg);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.pingTimer);
    this.ws?.close();
  }
}

export type { Welcome, RoomSnapshot };
