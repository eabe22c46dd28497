import type { Lang, RoomEvent, SpeechEvent } from '@snowstage/protocol';
import { RoomClient } from '../shared/room-client.js';

type TourStop = Extract<RoomEvent, { kind: 'tourStop' }>;

export interface TourHandlers {
  /** The guide sets off to a booth (every viewer moves her from the same room-clock time). */
  onStop(stop: TourStop): void;
  /** She speaks: caption and audio from `startAt` on the room clock. */
  onSpeech(speech: SpeechEvent): void;
  /** The host's mode changed (a tour starts with 'tour' and ends with another mode). */
  onMode(mode: string, at: number): void;
  onStatus?(status: 'connecting' | 'live' | 'offline'): void;
}

/**
 * The hall's link to the live room `showcase`, where the tour-guide host performs. Joins with the
 * fan's viewer token, keeps the room clock, and hands on the show events of the tour — including
 * those still playing when the fan arrives (the welcome snapshot), so a late joiner catches up.
 */
export class TourLink {
  readonly client: RoomClient;
  private seen = new Set<number>();

  constructor(lang: Lang, handlers: TourHandlers) {
    const handle = (events: RoomEvent[]) => {
      for (const e of events) {
        if (this.seen.has(e.seq)) continue;
        this.seen.add(e.seq);
        if (e.kind === 'tourStop') handlers.onStop(e);
        else if (e.kind === 'speech') handlers.onSpeech(e);
        else if (e.kind === 'hostMode') handlers.onMode(e.mode, e.at);
      }
    };
    this.client = new RoomClient(
      { room: 'showcase', lang },
      {
        onWelcome: (w) => {
          handlers.onMode(w.snapshot.host.mode, w.serverTime);
          // Oldest first: a stop, then the speech that belongs to it.
          handle([...w.snapshot.host.playing].sort((a, b) => a.seq - b.seq));
        },
        onEvents: (events) => handle(events),
        onStatus: (s) => handlers.onStatus?.(s),
      },
    );
  }

  connect(): void {
    this.client.connect();
  }

  /** The room clock (server epoch ms). */
  now(): number {
    return this.client.now();
  }
}

/**
 * Speech audio on the room clock with Web Audio. The host's lines arrive ahead of time, each with
 * its own `startAt`; every line is scheduled on its own (a new line never cuts the previous one).
 * Browsers only let sound start after a user gesture: until `unlock()` ran from one, lines wait
 * and `needsTap` is true; unlocking starts what is due, mid-way if it has begun.
 */
export class TourAudio {
  private ctx: AudioContext | null = null;
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  private readonly lines = new Map<string, { url: string; startAt: number; durationMs: number; source: AudioBufferSourceNode | null }>();

  constructor(private readonly roomNow: () => number) {}

  get unlocked(): boolean {
    return this.ctx?.state === 'running';
  }

  /** True while a line is playing (or due) but sound is still locked. */
  get needsTap(): boolean {
    if (this.unlocked) return false;
    const now = this.roomNow();
    for (const l of this.lines.values()) if (now < l.startAt + l.durationMs) return true;
    return false;
  }

  private context(): AudioContext | null {
    if (!this.ctx && typeof AudioContext !== 'undefined') this.ctx = new AudioContext({ latencyHint: 'interactive' });
    return this.ctx;
  }

  /** Call from a user gesture (tap, click, key). */
  async unlock(): Promise<void> {
    const ctx = this.context();
    if (!ctx) return;
    if (ctx.state !== 'running') await ctx.resume().catch(() => undefined);
    if (this.unlocked) for (const id of this.lines.keys()) void this.start(id);
  }

  play(id: string, url: string, startAt: number, durationMs: number): void {
    if (this.lines.has(id)) return;
    const now = this.roomNow();
    for (const [k, l] of this.lines) if (l.startAt + l.durationMs < now - 5000) this.lines.delete(k);
    this.lines.set(id, { url, startAt, durationMs, source: null });
    void this.load(url).catch(() => undefined);
    if (this.unlocked) void this.start(id);
  }

  /** Silences everything (the tour ended or the page is leaving). */
  stopAll(): void {
    for (const l of this.lines.values()) {
      try {
        l.source?.stop();
      } catch {
        // Already ended.
      }
    }
    this.lines.clear();
  }

  private load(url: string): Promise<AudioBuffer> {
    let p = this.buffers.get(url);
    if (!p) {
      p = fetch(url)
        .then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
          return r.arrayBuffer();
        })
        .then((b) => this.context()!.decodeAudioData(b));
      p.catch(() => this.buffers.delete(url));
      this.buffers.set(url, p);
      if (this.buffers.size > 24) this.buffers.delete(this.buffers.keys().next().value!);
    }
    return p;
  }

  private async start(id: string): Promise<void> {
    const line = this.lines.get(id);
    const ctx = this.ctx;
    if (!line || !ctx || line.source) return;
    let buffer: AudioBuffer;
    try {
      buffer = await this.load(line.url);
    } catch (e) {
      console.warn('[showcase] speech audio failed', e);
      return;
    }
    if (line.source || this.lines.get(id) !== line) return;
    const delayMs = line.startAt - this.roomNow();
    const offset = Math.max(0, -delayMs / 1000);
    if (offset >= buffer.duration) return;
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    source.start(ctx.currentTime + Math.max(0, delayMs / 1000), offset);
    line.source = source;
  }
}
