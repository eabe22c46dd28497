import type { RoomEvent } from '@snowstage/protocol';
import type { ReplayTimeline, ShowEvent } from './replay-clock.js';

/** The part of the stage the replay drives (the real one is `Stage` from ../stage). */
export interface PlaysEvents {
  play(event: RoomEvent): void;
}

export interface StageFeedOptions {
  /** Events are handed over this long before they start, so their audio can load. @default 1500 */
  lookaheadMs?: number;
}

/**
 * Hands a recorded show's performance to a live stage. The stage runs on its own steady clock
 * (`stageNow`, never jumping back); each recorded event is moved onto that clock by one offset
 * fixed at play/seek time, so speech, face, gestures and dance start when they did relative to the
 * show. Every hand-over gets a fresh `seq`, because the stage plays an event it has seen only once
 * and a replay may show the same moment twice. Pausing or jumping stops the stage first (the same
 * `paused` mode event that stops it live), then restarts what was playing at the new moment mid-way.
 */
export class StageFeed {
  private readonly lookahead: number;
  /** stage clock − room clock of the recording. */
  private offset = 0;
  /** Replay time up to which event starts have been handed over; null while halted. */
  private fedTo: number | null = null;
  private seq = 1;

  constructor(
    private readonly timeline: ReplayTimeline,
    private readonly stage: PlaysEvents,
    opts: StageFeedOptions = {},
  ) {
    this.lookahead = opts.lookaheadMs ?? 1500;
  }

  get running(): boolean {
    return this.fedTo !== null;
  }

  /** Stops whatever the stage is performing (pause, or before a jump). */
  halt(stageNow: number): void {
    this.fedTo = null;
    this.stage.play({ seq: this.seq++, at: stageNow, kind: 'hostMode', mode: 'paused', by: 'director' });
  }

  /** Plays from replay time `t`: stops the stage, then restarts what was playing at t, mid-way. */
  seek(t: number, stageNow: number): void {
    this.halt(stageNow);
    this.offset = stageNow - this.timeline.roomTime(t);
    for (const e of this.timeline.performanceAt(t)) this.hand(e);
    this.fedTo = t;
    this.advance(t);
  }

  /** While playing: hands over the events that start before t + lookahead. */
  advance(t: number): void {
    if (this.fedTo === null) return;
    const to = Math.min(t + this.lookahead, this.timeline.duration);
    if (to <= this.fedTo) return;
    for (const e of this.timeline.performanceBetween(this.fedTo, to)) this.hand(e);
    this.fedTo = to;
  }

  /** One recorded event, moved onto the stage's clock. */
  private hand(e: ShowEvent): void {
    const seq = this.seq++;
    const at = e.at + this.offset;
    this.stage.play(e.kind === 'hostMode' ? { ...e, seq, at } : { ...e, seq, at, startAt: e.startAt + this.offset });
  }
}
