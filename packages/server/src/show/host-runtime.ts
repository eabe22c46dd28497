import type { EmotionTag, Gesture, GestureCue, HostMode, Lang, ReplyRef, RoomEvent, VisemeCue } from '@snowstage/protocol';
import { GESTURES } from '@snowstage/protocol';
import type { ShowEventDraft } from '../room/commands.js';
import { newId } from '../ids.js';

/** One line for the host to say. Text may carry speech markup (`<mark/>`, `<break/>`, `<emphasis>`). */
export interface Line {
  text: string;
  lang?: Lang;
  emotion: EmotionTag;
  /** A gesture to make at the start of the line (or at a `<mark name="g:NAME"/>` inside it). */
  gesture?: Gesture;
  productId?: string | null;
  replyTo?: ReplyRef | null;
}

/** What the runtime needs from the voice: a spoken line with its timing. */
export interface VoicePort {
  speak(text: string, opts: { lang?: Lang; emotion: EmotionTag }, signal?: AbortSignal): Promise<SpokenLine>;
  /** The plain text a caption shows (markup removed). */
  caption(text: string): string;
}

export interface SpokenLine {
  key: string;
  lang: Lang;
  url: string;
  durationMs: number;
  sampleRate: number;
  visemes: VisemeCue[];
  marks: { name: string; ms: number }[];
}

/** Where the runtime puts the host's show events: the room (log + broadcast). */
export interface Stage {
  perform(event: ShowEventDraft, endsAt: number): RoomEvent;
}

export interface HostRuntimeOptions {
  /** Time between a line being ready and it starting, so every viewer has its audio in time. @default 250 */
  leadMs?: number;
  /** Breath between two lines. @default 220 */
  gapMs?: number;
  onError?: (err: unknown, what: string) => void;
}

const GESTURE_SET = new Set<string>(GESTURES);
/** Longest a tour stop is held in the snapshot (a stop's story takes well under this). */
const TOUR_STOP_HOLD_MS = 10 * 60_000;

/**
 * Executes the host's performance in one room: turns lines into speech events (voice → audio URL,
 * visemes, gesture cues) and schedules them one after another on the room clock, so she never
 * talks over herself. Lines are synthesised in a pipeline (the next while the current is placed).
 * A line whose synthesis fails is logged and skipped; the show goes on.
 */
export class HostRuntime {
  private busyUntil = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly leadMs: number;
  private readonly gapMs: number;

  constructor(
    private readonly stage: Stage,
    private readonly voice: VoicePort,
    private readonly now: () => number,
    private readonly opts: HostRuntimeOptions = {},
  ) {
    this.leadMs = opts.leadMs ?? 250;
    this.gapMs = opts.gapMs ?? 220;
  }

  /** The room-clock time when everything scheduled so far has finished playing. */
  get idleAt(): number {
    return Math.max(this.busyUntil, this.now());
  }

  /** True while a line is playing or queued to play. */
  get speaking(): boolean {
    return this.busyUntil > this.now();
  }

  /**
   * Says lines in order (an array, or a stream from the brain: the first line is placed as soon as
   * it is synthesised). Resolves when the last line is placed, with when it ends (room clock) and
   * the speech events made.
   */
  say(lines: Iterable<Line> | AsyncIterable<Line>, signal?: AbortSignal): Promise<{ endsAt: number; events: RoomEvent[] }> {
    const run = this.tail.then(() => this.place(lines, signal));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Starts synthesising each line the moment it arrives and places the lines in order as each is
   * ready — the first line goes out without waiting for the brain to produce the second.
   */
  private async place(lines: Iterable<Line> | AsyncIterable<Line>, signal?: AbortSignal): Promise<{ endsAt: number; events: RoomEvent[] }> {
    const events: RoomEvent[] = [];
    let inOrder: Promise<void> = Promise.resolve();
    for await (const line of lines) {
      if (signal?.aborted) break;
      const spoken = this.voice.speak(withGestureMark(line), { ...(line.lang ? { lang: line.lang } : {}), emotion: line.emotion }, signal).catch((e) => {
        if (!signal?.aborted) this.opts.onError?.(e, `speech synthesis failed: ${line.text.slice(0, 60)}`);
        return null;
      });
      inOrder = inOrder.then(async () => {
        const s = await spoken;
        if (s && !signal?.aborted) events.push(this.placeSpeech(line, s));
      });
    }
    await inOrder;
    return { endsAt: this.busyUntil, events };
  }

  private placeSpeech(line: Line, s: SpokenLine): RoomEvent {
    const startAt = Math.max(this.now() + this.leadMs, this.busyUntil);
    const endsAt = startAt + s.durationMs;
    this.busyUntil = endsAt + this.gapMs;
    return this.stage.perform(
      {
        kind: 'speech',
        speechId: newId('sp'),
        startAt,
        text: this.voice.caption(line.text),
        lang: s.lang,
        emotion: line.emotion,
        gestures: gestureCues(s.marks),
        audio: { url: s.url, durationMs: s.durationMs, sampleRate: s.sampleRate },
        visemes: s.visemes,
        productId: line.productId ?? null,
        replyTo: line.replyTo ?? null,
      },
      endsAt,
    );
  }

  /** A gesture on its own, after what is already scheduled (or now, when `now` is set). */
  gesture(name: Gesture, now = false): RoomEvent {
    const startAt = now ? this.now() + this.leadMs : this.idleAt;
    return this.stage.perform({ kind: 'gesture', name, startAt }, startAt + 2000);
  }

  express(emotion: EmotionTag, durationMs: number): RoomEvent {
    const startAt = this.now() + this.leadMs;
    return this.stage.perform({ kind: 'expression', emotion, startAt, durationMs }, startAt + durationMs);
  }

  setMode(mode: HostMode, by: 'director' | 'operator'): RoomEvent {
    return this.stage.perform({ kind: 'hostMode', mode, by }, this.now());
  }

  /** A dance to a song; nothing else is scheduled until it ends. */
  dance(song: Omit<Extract<ShowEventDraft, { kind: 'dance' }>, 'kind' | 'startAt'>): RoomEvent {
    const startAt = Math.max(this.now() + this.leadMs + 500, this.busyUntil);
    this.busyUntil = startAt + song.audio.durationMs + this.gapMs;
    return this.stage.perform({ kind: 'dance', ...song, startAt }, startAt + song.audio.durationMs);
  }

  /** The guide walks to a booth; the stop stays in the room's snapshot until the next stop or the tour's end. */
  tourStop(boothId: string, index: number, of: number): RoomEvent {
    const startAt = this.idleAt;
    return this.stage.perform({ kind: 'tourStop', boothId, startAt, index, of }, startAt + TOUR_STOP_HOLD_MS);
  }

  /**
   * Barge-in: stops her at once, lines already broadcast for later included (a `hush` every viewer
   * acts on), so the next line starts now and never plays over an older one.
   */
  interrupt(): RoomEvent {
    this.busyUntil = Math.min(this.busyUntil, this.now());
    return this.stage.perform({ kind: 'hush', startAt: this.now() }, this.now());
  }
}

/** Puts a gesture mark at the start of a line, unless the line already times one with a mark. */
function withGestureMark(line: Line): string {
  if (!line.gesture || line.text.includes('<mark name="g:')) return line.text;
  return `<mark name="g:${line.gesture}"/>${line.text}`;
}

/** Gesture cues from `g:NAME` marks (the voice reports each mark's ms into the audio). */
export function gestureCues(marks: readonly { name: string; ms: number }[]): GestureCue[] {
  const out: GestureCue[] = [];
  for (const m of marks) {
    if (!m.name.startsWith('g:')) continue;
    const name = m.name.slice(2);
    if (GESTURE_SET.has(name)) out.push({ name: name as Gesture, atMs: Math.max(0, Math.round(m.ms)) });
  }
  return out;
}
