import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '@snowstage/protocol';
import { ReplayTimeline } from './replay-clock.js';
import { StageFeed } from './stage-feed.js';
import { T0, replayData } from './replay-fixture.js';

/** A stage that records what it was handed. */
function fakeStage() {
  const played: RoomEvent[] = [];
  return { played, play: (e: RoomEvent) => void played.push(e) };
}
const startOf = (e: RoomEvent) => ('startAt' in e ? e.startAt : e.at);
const STAGE0 = 5_000_000;

describe('StageFeed', () => {
  it('moves recorded events onto the stage clock, keeping their timing relative to the show', () => {
    const stage = fakeStage();
    const feed = new StageFeed(new ReplayTimeline(replayData()), stage, { lookaheadMs: 1000 });
    feed.seek(0, STAGE0);
    // The stop, then the mode set 0.1 s in (within the lookahead); nothing else plays yet.
    expect(stage.played).toMatchObject([{ kind: 'hostMode', mode: 'paused' }, { kind: 'hostMode', mode: 'pitch', at: STAGE0 + 100 }]);
    for (let t = 0; t <= 3_000; t += 100) feed.advance(t);
    const speech = stage.played.find((e) => e.kind === 'speech')!;
    // Recorded to start 2 s into the show: on the stage clock, 2 s after the replay began at STAGE0.
    expect(startOf(speech)).toBe(STAGE0 + 2_000);
    // Handed over ahead of time (lookahead), and only once.
    expect(stage.played.filter((e) => e.kind === 'speech')).toHaveLength(1);
  });

  it('restarts what was playing after a jump back, with fresh sequence numbers', () => {
    const stage = fakeStage();
    const feed = new StageFeed(new ReplayTimeline(replayData()), stage);
    feed.seek(0, STAGE0);
    for (let t = 0; t <= 4_000; t += 100) feed.advance(t);
    const first = stage.played.find((e) => e.kind === 'speech')!;
    stage.played.length = 0;

    // Jump back to 3 s (mid-speech) at stage time STAGE0 + 10 s.
    feed.seek(3_000, STAGE0 + 10_000);
    expect(stage.played.map((e) => e.kind)).toEqual(['hostMode', 'hostMode', 'speech']);
    expect(stage.played[0]).toMatchObject({ mode: 'paused' });
    expect(stage.played[1]).toMatchObject({ mode: 'pitch' });
    const again = stage.played[2]!;
    expect(again.seq).not.toBe(first.seq);
    // The speech started 1 s before the jump point, so it resumes 1 s in.
    expect(startOf(again)).toBe(STAGE0 + 10_000 - 1_000);
  });

  it('stops the stage when paused and hands nothing over until played again', () => {
    const stage = fakeStage();
    const feed = new StageFeed(new ReplayTimeline(replayData()), stage);
    feed.seek(40_000, STAGE0);
    feed.halt(STAGE0 + 500);
    expect(stage.played.at(-1)).toMatchObject({ kind: 'hostMode', mode: 'paused', at: STAGE0 + 500 });
    const count = stage.played.length;
    feed.advance(45_000);
    expect(stage.played).toHaveLength(count);
    expect(feed.running).toBe(false);
  });

  it('hands the dance with its song on time when playing through it', () => {
    const stage = fakeStage();
    const tl = new ReplayTimeline(replayData());
    const feed = new StageFeed(tl, stage, { lookaheadMs: 1500 });
    feed.seek(39_000, STAGE0);
    feed.advance(39_600);
    const dance = stage.played.find((e) => e.kind === 'dance')!;
    expect(dance).toBeDefined();
    expect(startOf(dance) - STAGE0).toBe(T0 + 41_000 - tl.roomTime(39_000));
  });
});
