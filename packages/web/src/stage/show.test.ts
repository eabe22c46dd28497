import { describe, expect, it } from 'vitest';
import type { Performer } from '@snowstage/motion';
import type { RoomEvent } from '@snowstage/protocol';
import type { StageAudio } from './audio.js';
import { ShowPlayer } from './show.js';

/** A performer and an audio engine that only record what the player asks of them. */
function fakes(loud = 0.6) {
  const calls: Array<[string, unknown]> = [];
  const performer = {
    speak: (s: unknown) => calls.push(['speak', s]),
    gesture: (n: string, t: number) => calls.push(['gesture', [n, t]]),
    express: (e: unknown, t: number, d: number) => calls.push(['express', [e, t, d]]),
    dance: (d: unknown) => calls.push(['dance', d]),
    stop: (t: number) => calls.push(['stop', t]),
    setMouthLoudness: (l: number) => calls.push(['loudness', l]),
  } as unknown as Performer;
  const audio = {
    play: (t: unknown) => calls.push(['audio', t]),
    stopAll: () => calls.push(['stopAll', null]),
    now: () => 10_000,
    analysing: () => true,
    loudness: () => loud,
  } as unknown as StageAudio;
  const dances: unknown[] = [];
  const player = new ShowPlayer(performer, audio, 1000, { onDance: (title) => dances.push(title) });
  return { calls, player, dances };
}

const speech = (over: Partial<Extract<RoomEvent, { kind: 'speech' }>> = {}): RoomEvent => ({
  seq: 5,
  at: 1500,
  kind: 'speech',
  speechId: 's1',
  startAt: 2000,
  text: '大家好',
  lang: 'zh',
  emotion: { name: 'happy', intensity: 0.8 },
  gestures: [{ name: 'wave', atMs: 100 }],
  audio: { url: '/a.wav', durationMs: 1200, sampleRate: 22050 },
  visemes: [{ v: 'aa', startMs: 0, endMs: 200, weight: 1 }],
  productId: null,
  replyTo: null,
  ...over,
});

describe('ShowPlayer', () => {
  it('schedules a speech on the performer clock and its audio on the room clock', () => {
    const { calls, player } = fakes();
    player.play(speech());
    const [, s] = calls.find(([k]) => k === 'speak')!;
    expect(s).toMatchObject({ startMs: 1000, durationMs: 1200, emotion: { name: 'happy' }, gestures: [{ name: 'wave', atMs: 100 }] });
    const [, a] = calls.find(([k]) => k === 'audio')!;
    expect(a).toMatchObject({ url: '/a.wav', startAt: 2000, durationMs: 1200, analyse: false });
  });

  it('plays an event delivered twice only once', () => {
    const { calls, player } = fakes();
    player.play(speech());
    player.play(speech());
    expect(calls.filter(([k]) => k === 'speak')).toHaveLength(1);
  });

  it('ignores events that are not part of the show', () => {
    const { calls, player } = fakes();
    player.play({ seq: 1, at: 1, kind: 'likes', delta: 1, total: 3 });
    expect(calls).toEqual([]);
  });

  it('maps gestures, expressions and dances with times relative to the epoch', () => {
    const { calls, player, dances } = fakes();
    player.play({ seq: 1, at: 1, kind: 'gesture', name: 'thumbs-up', startAt: 3000 });
    player.play({ seq: 2, at: 1, kind: 'expression', emotion: { name: 'sad', intensity: 1 }, startAt: 4000, durationMs: 900 });
    player.play({
      seq: 3, at: 1, kind: 'dance', songId: 'theme', title: { zh: '主题曲', en: 'Theme' }, startAt: 5000,
      audio: { url: '/song.wav', durationMs: 8000, sampleRate: 44100 }, bpm: 120, beatsMs: [0, 500], moves: [],
    });
    expect(calls.find(([k]) => k === 'gesture')![1]).toEqual(['thumbs-up', 2000]);
    expect(calls.find(([k]) => k === 'express')![1]).toEqual([{ name: 'sad', intensity: 1 }, 3000, 900]);
    expect(calls.find(([k]) => k === 'dance')![1]).toMatchObject({ startMs: 4000, durationMs: 8000, beatsMs: [0, 500] });
    expect(dances).toEqual([{ zh: '主题曲', en: 'Theme' }]);
  });

  it('stops the performance and the sound when the host is paused', () => {
    const { calls, player } = fakes();
    player.play({ seq: 9, at: 1, kind: 'hostMode', mode: 'paused', by: 'operator' });
    expect(calls.find(([k]) => k === 'stop')![1]).toBe(9000);
    expect(calls.some(([k]) => k === 'stopAll')).toBe(true);
    expect(player.mode).toBe('paused');
  });

  it('drives the mouth from loudness only while a speech without visemes plays', () => {
    const { calls, player } = fakes(0.6);
    player.play(speech({ visemes: [] }));
    expect(calls.find(([k]) => k === 'audio')![1]).toMatchObject({ analyse: true });
    player.tick(1500);
    player.tick(2500);
    player.tick(3300);
    expect(calls.filter(([k]) => k === 'loudness').map(([, v]) => v)).toEqual([0, 0.6, 0]);
  });
});
