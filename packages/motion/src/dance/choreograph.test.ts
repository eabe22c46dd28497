import { describe, expect, it } from 'vitest';
import { choreograph } from './choreograph.js';
import { DANCE_MOVES, MOVES, moveByName } from './moves.js';

const bpm = 128;
const period = 60_000 / bpm;
const beatsMs = Array.from({ length: 128 }, (_, i) => 12 + i * period);
// Loud, then a quiet breakdown (beats 80–95), then loud again.
const energy = beatsMs.map((_, i) => (i >= 80 && i < 96 ? 0.35 : 0.95));
const durationMs = 128 * period;

describe('the move library', () => {
  it('has at least 8 moves of 1–2 bars with one key per beat cycle', () => {
    expect(DANCE_MOVES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(DANCE_MOVES).size).toBe(DANCE_MOVES.length);
    for (const m of MOVES) {
      expect([1, 2]).toContain(m.bars);
      expect((m.bars * 4) % m.keys.length).toBe(0);
      expect(m.doc.length).toBeGreaterThan(40);
    }
    expect(new Set(MOVES.map((m) => m.level))).toEqual(new Set(['low', 'mid', 'high']));
  });
});

describe('choreograph', () => {
  const moves = choreograph({ beatsMs, bpm, energy, durationMs, seed: 42 });

  it('starts every move on a bar boundary (every fourth beat from the first)', () => {
    const bars = new Set(beatsMs.filter((_, i) => i % 4 === 0).map((t) => Math.round(t * 10) / 10));
    for (const m of moves) expect(bars.has(m.startMs), `${m.name}@${m.startMs}`).toBe(true);
  });

  it('covers the song from the first beat to the end without gaps or overlaps', () => {
    expect(moves[0]!.startMs).toBeCloseTo(beatsMs[0]!, 1);
    for (let i = 1; i < moves.length; i++) {
      expect(moves[i]!.startMs).toBeCloseTo(moves[i - 1]!.startMs + moves[i - 1]!.durationMs, 0);
    }
    const last = moves.at(-1)!;
    expect(last.startMs + last.durationMs).toBeCloseTo(durationMs, 0);
  });

  it('uses known moves of 1–2 bars, with variety', () => {
    for (const m of moves) {
      const def = moveByName(m.name)!;
      expect(def).toBeDefined();
      expect(m.durationMs).toBeGreaterThan(def.bars * 4 * period - 20);
      expect(m.durationMs).toBeLessThan(def.bars * 4 * period + 20 + (m === moves.at(-1) ? 2 * period : 0));
    }
    expect(new Set(moves.map((m) => m.name)).size).toBeGreaterThanOrEqual(6);
    for (let i = 2; i < moves.length; i++) {
      // a 1-bar move repeats once, never three times running
      expect(moves[i]!.name === moves[i - 1]!.name && moves[i]!.name === moves[i - 2]!.name).toBe(false);
    }
  });

  it('plays moves smaller when the music is quieter', () => {
    const inBreak = moves.filter((m) => m.startMs >= beatsMs[80]! && m.startMs < beatsMs[96]!);
    expect(inBreak.length).toBeGreaterThan(0);
    for (const m of inBreak) expect(m.energy).toBeLessThan(0.5);
    const loud = moves.filter((m) => m.startMs < beatsMs[72]!);
    for (const m of loud) expect(m.energy).toBeGreaterThan(0.9);
    const levels = (ms: typeof moves) => ms.map((m) => moveByName(m.name)!.level);
    expect(levels(inBreak).filter((l) => l === 'high').length).toBeLessThan(inBreak.length);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(choreograph({ beatsMs, bpm, energy, durationMs, seed: 42 })).toEqual(moves);
    expect(choreograph({ beatsMs, bpm, energy, durationMs, seed: 43 }).map((m) => m.name)).not.toEqual(moves.map((m) => m.name));
  });

  it('continues the bar grid at the tempo past the last tracked beat', () => {
    const short = choreograph({ beatsMs: beatsMs.slice(0, 40), bpm, energy: energy.slice(0, 40), durationMs, seed: 1 });
    const last = short.at(-1)!;
    expect(last.startMs + last.durationMs).toBeCloseTo(durationMs, 0);
    const grid = short.map((m) => (m.startMs - beatsMs[0]!) / (4 * period));
    for (const g of grid) expect(Math.abs(g - Math.round(g))).toBeLessThan(1e-3);
  });
});
