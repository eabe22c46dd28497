/**
 * The stage's sound and its clock. Speech and songs are fetched once, decoded, and started on the
 * AudioContext clock at their room-clock start time (late joiners start mid-way). While the context
 * runs, the room time the animation uses is derived from the audio output clock, so lips and dance
 * land on what the viewer hears.
 */
export interface AudioTrack {
  readonly id: string;
  /** Room-clock ms at which the audio's first sample plays. */
  readonly startAt: number;
  readonly durationMs: number;
  /** Routed through the analyser (mouth loudness for speech without visemes). */
  readonly analyse: boolean;
}

interface Live extends AudioTrack {
  buffer: AudioBuffer | null;
  source: AudioBufferSourceNode | null;
  failed: boolean;
}

const RESYNC_MS = 60;

export class StageAudio {
  readonly ctx: AudioContext | null;
  private readonly analyser: AnalyserNode | null;
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  private readonly tracks = new Map<string, Live>();
  private readonly samples: Float32Array<ArrayBuffer>;
  private anchorRoom = 0;
  private anchorCtx = -1;

  constructor(private readonly roomClock: () => number) {
    const Ctor = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    this.ctx = Ctor ? new Ctor({ latencyHint: 'interactive' }) : null;
    this.analyser = this.ctx ? this.ctx.createAnalyser() : null;
    if (this.analyser && this.ctx) {
      this.analyser.fftSize = 1024;
      this.analyser.connect(this.ctx.destination);
    }
    this.samples = new Float32Array(1024);
  }

  get unlocked(): boolean {
    return this.ctx?.state === 'running';
  }

  /** Resumes the context from a user gesture and starts whatever should be playing now. */
  async unlock(): Promise<void> {
    if (!this.ctx) return;
    if (this.ctx.state !== 'running') await this.ctx.resume();
    // iOS needs a sound started inside the gesture.
    const silent = this.ctx.createBufferSource();
    silent.buffer = this.ctx.createBuffer(1, 1, 22050);
    silent.connect(this.ctx.destination);
    silent.start();
    this.anchorCtx = -1;
    for (const t of this.tracks.values()) this.start(t);
  }

  /**
   * Room time in ms: from the audio output clock while sound runs, else from the page's room clock.
   * The two are re-anchored when they drift more than RESYNC_MS apart.
   */
  now(): number {
    const room = this.roomClock();
    const ctxNow = this.ctxSeconds();
    if (ctxNow === null) return room;
    if (this.anchorCtx < 0 || Math.abs(this.anchorRoom + (ctxNow - this.anchorCtx) * 1000 - room) > RESYNC_MS) {
      this.anchorRoom = room;
      this.anchorCtx = ctxNow;
    }
    return this.anchorRoom + (ctxNow - this.anchorCtx) * 1000;
  }

  /** Seconds of the context clock that are reaching the speakers now (output latency included). */
  private ctxSeconds(): number | null {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return null;
    const ts = typeof ctx.getOutputTimestamp === 'function' ? ctx.getOutputTimestamp() : null;
    if (ts && ts.contextTime !== undefined && ts.performanceTime !== undefined && ts.performanceTime > 0) {
      return ts.contextTime + (performance.now() - ts.performanceTime) / 1000;
    }
    return ctx.currentTime - (ctx.outputLatency || ctx.baseLatency || 0);
  }

  /** Fetches and decodes audio (cached by URL). */
  load(url: string): Promise<AudioBuffer> {
    let p = this.buffers.get(url);
    if (!p) {
      const ctx = this.ctx;
      p = (async () => {
        if (!ctx) throw new Error('no Web Audio');
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
        return ctx.decodeAudioData(await res.arrayBuffer());
      })();
      p.catch(() => this.buffers.delete(url));
      this.buffers.set(url, p);
    }
    return p;
  }

  /** Plays `url` from room time `startAt` (or from the middle if that has passed). */
  play(track: AudioTrack & { url: string }): void {
    this.stop(track.id);
    const live: Live = { ...track, buffer: null, source: null, failed: false };
    this.tracks.set(track.id, live);
    this.load(track.url).then(
      (buffer) => {
        if (this.tracks.get(track.id) !== live) return;
        live.buffer = buffer;
        this.start(live);
      },
      (e: unknown) => {
        live.failed = true;
        console.warn(`[stage] audio ${track.url} failed: ${String(e)}`);
      },
    );
  }

  private start(t: Live): void {
    const ctx = this.ctx;
    if (!ctx || !t.buffer || t.source || ctx.state !== 'running') return;
    const now = this.now();
    const ctxNow = this.ctxSeconds() ?? ctx.currentTime;
    // The context time whose samples reach the speakers at room time `startAt`.
    const when = ctxNow + (t.startAt - now) / 1000;
    const offset = Math.max(0, ctx.currentTime - when);
    if (offset >= t.buffer.duration) return;
    const src = ctx.createBufferSource();
    src.buffer = t.buffer;
    src.connect(t.analyse && this.analyser ? this.analyser : ctx.destination);
    src.start(Math.max(when, ctx.currentTime), offset);
    src.onended = () => {
      if (t.source === src) t.source = null;
      if (this.tracks.get(t.id) === t && this.now() >= t.startAt + t.durationMs - 50) this.tracks.delete(t.id);
    };
    t.source = src;
  }

  stop(id: string): void {
    const t = this.tracks.get(id);
    if (!t) return;
    this.tracks.delete(id);
    try {
      t.source?.stop();
    } catch {
      /* already stopped */
    }
  }

  stopAll(): void {
    for (const id of [...this.tracks.keys()]) this.stop(id);
  }

  /** Whether a track that uses the analyser is audible right now. */
  analysing(now: number): boolean {
    for (const t of this.tracks.values()) if (t.analyse && t.source && now >= t.startAt && now < t.startAt + t.durationMs) return true;
    return false;
  }

  /** Loudness 0–1 of the analysed tracks (RMS, scaled so normal speech reaches about 0.8). */
  loudness(): number {
    if (!this.analyser) return 0;
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const s of this.samples) sum += s * s;
    const rms = Math.sqrt(sum / this.samples.length);
    return Math.min(1, Math.max(0, (rms - 0.01) * 6));
  }

  dispose(): void {
    this.stopAll();
    void this.ctx?.close();
  }
}
