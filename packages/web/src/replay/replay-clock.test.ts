import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '@snowstage/protocol';
import { applyHushes, ReplayTimeline, salePhase, type ShowEvent } from './replay-clock.js';
import { SALE, T0, replayData } from './replay-fixture.js';

const kinds = (events: ShowEvent[]) => events.map((e) => `${e.kind}:${e.seq}`);

describe('applyHushes', () => {
  it('cuts the line playing at a hush and drops the lines scheduled after it, as viewers heard it', () => {
    const line = (seq: number, startAt: number) => ({ kind: 'speech', seq, at: seq, speechId: `s${seq}`, startAt, text: `s${seq}`, lang: 'zh', emotion: { name: 'happy', intensity: 0.5 }, gestures: [], audio: { url: '/a.wav', durationMs: 1000, sampleRate: 22050 }, visemes: [], productId: null, replyTo: null }) as unknown as RoomEvent;
    const hush = { kind: 'hush', seq: 4, at: 4, startAt: 1500 } as unknown as RoomEvent;
    const out = applyHushes([line(1, 0), line(2, 1000), line(3, 2000), hush, line(5, 1600)]);
    expect(out.map((e) => `${(e as { speechId: string }).speechId}:${(e as { audio: { durationMs: number } }).audio.durationMs}`)).toEqual(['s1:1000', 's2:500', 's5:1000']);
  });
});

describe('ReplayTimeline', () => {
  it('measures the replay from the show start to its end', () => {
    const tl = new ReplayTimeline(replayData());
    expect(tl.start).toBe(T0);
    expect(tl.duration).toBe(60_000);
    expect(tl.roomTime(1500)).toBe(T0 + 1500);
  });

  it('shows the products that were pinned at each moment', () => {
    const tl = new ReplayTimeline(replayData());
    expect(tl.stateAt(0).pinned.map((p) => p.id)).toEqual(['scarf']);
    expect(tl.stateAt(9_999).pinned.map((p) => p.id)).toEqual(['scarf']);
    expect(tl.stateAt(10_000).pinned.map((p) => p.id)).toEqual(['scarf', 'mug']);
    expect(tl.stateAt(59_000).pinned.map((p) => p.id)).toEqual(['mug', 'tote']);
  });

  it('places a marker where each product went on stage, products up at the start at 0', () => {
    const tl = new ReplayTimeline(replayData());
    expect(tl.markers.map((m) => [m.t, m.productId])).toEqual([
      [0, 'scarf'],
      [10_000, 'mug'],
      [35_000, 'tote'],
    ]);
    expect(tl.markers[1]!.product?.price.amount).toBe(6800);
  });

  it('replays the chat as it happened, deleted lines disappearing when they were deleted', () => {
    const tl = new ReplayTimeline(replayData());
    expect(tl.stateAt(3_000).chat).toEqual([]);
    expect(tl.stateAt(6_500).chat.map((l) => l.text)).toEqual(['hello', 'spam']);
    expect(tl.stateAt(7_000).chat.map((l) => l.text)).toEqual(['hello']);
  });

  it('gives the same state after jumping back as when playing straight to it', () => {
    const played = new ReplayTimeline(replayData());
    for (let t = 0; t <= 60_000; t += 250) played.stateAt(t);
    const back = played.stateAt(12_600);
    const fresh = new ReplayTimeline(replayData()).stateAt(12_600);
    expect(back).toEqual(fresh);
    expect(back.likes).toBe(5);
    expect(back.sale?.id).toBe('sale_1');
    expect(back.saleProduct?.id).toBe('mug');
  });

  it('shows the sale as it stood: counting down, open with its sales, then over', () => {
    const tl = new ReplayTimeline(replayData());
    const at = (t: number) => {
      const s = tl.stateAt(t);
      return s.sale ? salePhase(s.sale, tl.roomTime(t)) : null;
    };
    expect(at(11_000)).toBeNull();
    expect(at(15_000)).toBe('scheduled');
    expect(at(21_000)).toBe('open');
    expect(tl.stateAt(26_000).sale?.sold).toBe(1);
    expect(at(45_000)).toBe('closed');
  });

  it('captions the line being spoken, and nothing between lines', () => {
    const tl = new ReplayTimeline(replayData());
    expect(tl.stateAt(1_900).speech).toBeNull();
    expect(tl.stateAt(2_000).speech?.text).toBe('大家好！');
    expect(tl.stateAt(4_999).speech?.text).toBe('大家好！');
    expect(tl.stateAt(5_000).speech).toBeNull();
    expect(tl.stateAt(51_000).speech?.text).toBe('Thank you!');
  });

  it('keeps the latest order in the ticker for a few seconds', () => {
    const tl = new ReplayTimeline(replayData());
    expect(tl.stateAt(26_000).recentOrder?.orderId).toBe('o1');
    expect(tl.stateAt(31_000).recentOrder).toBeNull();
  });

  it('hands over the performance that starts in a window, by start time', () => {
    const tl = new ReplayTimeline(replayData());
    // The speech was logged at 1.7 s but starts at 2 s: it belongs to (1.9, 2.5].
    expect(kinds(tl.performanceBetween(1_900, 2_500))).toEqual(['speech:103']);
    expect(kinds(tl.performanceBetween(2_000, 2_500))).toEqual([]);
    expect(kinds(tl.performanceBetween(30_000, 42_000))).toEqual(['gesture:112', 'dance:115']);
  });

  it('restarts mid-way what was playing at a moment, after the mode then in force', () => {
    const tl = new ReplayTimeline(replayData());
    expect(kinds(tl.performanceAt(3_000))).toEqual(['hostMode:102', 'speech:103']);
    expect(kinds(tl.performanceAt(30_500))).toEqual(['hostMode:102', 'gesture:112']);
    expect(kinds(tl.performanceAt(50_000))).toEqual(['hostMode:102', 'dance:115', 'speech:116']); // she sings over the song's end
    expect(kinds(tl.performanceAt(47_000))).toEqual(['hostMode:102', 'dance:115']);
    expect(kinds(tl.performanceAt(57_000))).toEqual(['hostMode:102']);
  });
});

describe('salePhase', () => {
  it('follows the clock and the sale status', () => {
    expect(salePhase(SALE, SALE.startsAt - 1)).toBe('scheduled');
    expect(salePhase(SALE, SALE.startsAt)).toBe('open');
    expect(salePhase({ ...SALE, sold: SALE.quantity }, SALE.startsAt + 1)).toBe('closed');
    expect(salePhase(SALE, SALE.endsAt)).toBe('closed');
    expect(salePhase({ ...SALE, status: 'cancelled' }, SALE.startsAt - 1)).toBe('cancelled');
  });
});
