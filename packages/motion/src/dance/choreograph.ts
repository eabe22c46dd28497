import type { DanceMove } from '@snowstage/protocol';
import { Rng } from '../math/rng.js';
import { MOVES, type MoveDef, type MoveLevel } from './moves.js';

export interface ChoreographInput {
  beatsMs: readonly number[];
  bpm: number;
  /** Loudness per beat, 0–1 (from trackBeats). */
  energy: readonly number[];
  durationMs: number;
  seed: number;
}

const LEVEL_ENERGY: Record<MoveLevel, number> = { low: 0.25, mid: 0.6, high: 0.92 };
const BEATS_PER_BAR = 4;

/**
 * Maps the move library onto the song: bars start on every fourth beat from the first beat; the song
 * is cut into 2-bar phrases; each phrase gets one move (a 1-bar move is danced twice) chosen at
 * random (seeded) with a preference for moves whose level suits the phrase's loudness and never the
 * same move as either of the two phrases before. Each move's energy is the phrase's mean loudness.
 * Beyond the last tracked beat the grid continues at `bpm`; the last move ends at `durationMs`.
 * Returns: moves in time order, contiguous from the first beat to the end of the song.
 */
export function choreograph(b: ChoreographInput): DanceMove[] {
  const period = b.bpm > 0 ? 60_000 / b.bpm : 500;
  const n = b.beatsMs.length;
  const beatTime = (i: number): number => (i < n ? b.beatsMs[i]! : (b.beatsMs[n - 1] ?? -period) + (i - n + 1) * period);
  const beatEnergy = (i: number): number => b.energy[Math.min(i, b.energy.length - 1)] ?? 0.7;
  const rng = new Rng(b.seed);
  const out: DanceMove[] = [];
  const recent: string[] = [];
  for (let bar = 0; beatTime(bar * BEATS_PER_BAR) < b.durationMs - period / 2; bar += 2) {
    const firstBeat = bar * BEATS_PER_BAR;
    let e = 0;
    for (let k = 0; k < 2 * BEATS_PER_BAR; k++) e += beatEnergy(firstBeat + k);
    e /= 2 * BEATS_PER_BAR;
    const move = pickMove(rng, e, recent);
    recent.push(move.name);
    if (recent.length > 2) recent.shift();
    const energy = Math.round(e * 100) / 100;
    const starts = move.bars === 1 ? [bar, bar + 1] : [bar];
    for (const s of starts) {
      const startMs = beatTime(s * BEATS_PER_BAR);
      if (startMs >= b.durationMs - period / 2) break;
      const endMs = Math.min(b.durationMs, beatTime((s + move.bars) * BEATS_PER_BAR));
      out.push({ name: move.name, startMs: round(startMs), durationMs: round(endMs - startMs), energy });
    }
  }
  // The last move runs to the end of the song, even past its bars.
  const last = out[out.length - 1];
  if (last) last.durationMs = round(b.durationMs - last.startMs);
  return out;
}

const round = (x: number) => Math.round(x * 10) / 10;

function pickMove(rng: Rng, energy: number, recent: readonly string[]): MoveDef {
  const candidates = MOVES.filter((m) => !recent.includes(m.name));
  const weights = candidates.map((m) => Math.exp(-(((LEVEL_ENERGY[m.level] - energy) / 0.3) ** 2)) + 0.02);
  let r = rng.next() * weights.reduce((a, w) => a + w, 0);
  for (let i = 0; i < candidates.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return candidates[i]!;
  }
  return candidates[candidates.length - 1]!;
}
