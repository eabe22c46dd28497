import { describe, expect, it } from 'vitest';
import { SongLibrary } from './songs.js';

describe('song library', () => {
  const lib = new SongLibrary([{ id: 'winter-beat', title: { zh: '冰雪节拍', en: 'Winter Beat' }, bpm: 128, bars: 16, seed: 2022 }]);

  it('synthesises a song whose tracked tempo is its own, with beats and a choreography that cover it', async () => {
    const s = await lib.get('winter-beat')!;
    expect(Math.abs(s.bpm - 128) / 128).toBeLessThan(0.02);
    expect(s.durationMs).toBeCloseTo((16 * 4 * 60_000) / 128, -2);
    expect(s.beatsMs.length).toBeGreaterThan(16 * 4 * 0.9);
    expect(s.moves.length).toBeGreaterThan(4);
    expect(s.moves[0]!.startMs).toBeLessThan(2000);
    expect(s.moves.at(-1)!.startMs + s.moves.at(-1)!.durationMs).toBeGreaterThan(s.durationMs * 0.8);
    expect(new TextDecoder().decode(s.wav.subarray(0, 4))).toBe('RIFF');
  });

  it('makes a song once and knows only its songs', async () => {
    expect(lib.get('winter-beat')).toBe(lib.get('winter-beat'));
    expect(lib.get('nope')).toBeNull();
  });
});
