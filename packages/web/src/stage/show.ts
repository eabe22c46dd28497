import type { Performer } from '@snowstage/motion';
import type { RoomEvent } from '@snowstage/protocol';
import type { StageAudio } from './audio.js';

type Show = Extract<RoomEvent, { kind: 'speech' | 'gesture' | 'expression' | 'dance' | 'hostMode' | 'hush' }>;
const SHOW = new Set(['speech', 'gesture', 'expression', 'dance', 'hostMode', 'hush']);

export interface ShowHooks {
  /** A dance started or ended (title shown on the stage). */
  onDance(title: { zh: string; en: string } | null, endsAt: number): void;
}

/**
 * Turns show events into intents for the Performer and sounds for StageAudio. Times are converted
 * from room-clock ms (server epoch) to the performer's clock, ms since `epoch`. The same event
 * delivered twice (snapshot, then live) plays once.
 */
export class ShowPlayer {
  private readonly seen = new Set<string>();
  private loudnessSpeeches: Array<{ start: number; end: number }> = [];
  mode: string = 'idle';

  constructor(
    private readonly performer: Performer,
    private readonly audio: StageAudio,
    private readonly epoch: number,
    private readonly hooks: ShowHooks,
  ) {}

  /** Room ms → performer ms. */
  t(roomMs: number): number {
    return roomMs - this.epoch;
  }

  play(event: RoomEvent): void {
    if (!SHOW.has(event.kind)) return;
    const e = event as Show;
    const key = `${e.kind}:${e.seq}:${e.at}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.seen.size > 500) this.seen.delete(this.seen.values().next().value!);
    switch (e.kind) {
      case 'speech': {
        this.performer.speak({
          startMs: this.t(e.startAt),
          durationMs: e.audio.durationMs,
          visemes: e.visemes,
          emotion: e.emotion,
          gestures: e.gestures,
        });
        const analyse = e.visemes.length === 0;
        if (analyse) this.loudnessSpeeches.push({ start: e.startAt, end: e.startAt + e.audio.durationMs });
        this.audio.play({ id: `speech:${e.speechId}`, url: e.audio.url, startAt: e.startAt, durationMs: e.audio.durationMs, analyse });
        break;
      }
      case 'gesture':
        this.performer.gesture(e.name, this.t(e.startAt));
        break;
      case 'expression':
        this.performer.express(e.emotion, this.t(e.startAt), e.durationMs);
        break;
      case 'dance':
        this.performer.dance({ startMs: this.t(e.startAt), durationMs: e.audio.durationMs, beatsMs: e.beatsMs, moves: e.moves });
        this.audio.play({ id: `dance:${e.songId}:${e.startAt}`, url: e.audio.url, startAt: e.startAt, durationMs: e.audio.durationMs, analyse: false });
        this.hooks.onDance(e.title, e.startAt + e.audio.durationMs);
        break;
      case 'hostMode':
        this.mode = e.mode;
        if (e.mode === 'paused') this.stop(this.audio.now());
        break;
      case 'hush':
        this.stop(Math.max(e.startAt, this.audio.now()));
        break;
    }
  }

  /** Barge-in / pause: the performance fades back to idle and sound stops. */
  stop(roomNow: number): void {
    this.performer.stop(this.t(roomNow));
    this.audio.stopAll();
    this.loudnessSpeeches = [];
    this.hooks.onDance(null, roomNow);
  }

  /** Per frame: feeds the analyser's loudness to the mouth while a speech without visemes plays. */
  tick(roomNow: number): void {
    this.loudnessSpeeches = this.loudnessSpeeches.filter((s) => s.end > roomNow);
    const speaking = this.loudnessSpeeches.some((s) => s.start <= roomNow);
    this.performer.setMouthLoudness(speaking && this.audio.analysing(roomNow) ? this.audio.loudness() : 0);
  }
}
