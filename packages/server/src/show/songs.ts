import { choreograph, generateThemeSong, trackBeats } from '@snowstage/motion';
import { encodeWav, type DanceMove, type Song } from '@snowstage/protocol';

/** A song ready to dance to: its WAV, the beats the tracker found in it, and a choreography. */
export interface ReadySong {
  song: Song;
  wav: Uint8Array;
  durationMs: number;
  sampleRate: number;
  bpm: number;
  beatsMs: number[];
  moves: DanceMove[];
}

/** Songs are synthesised at this rate: plenty for a phone speaker, half the bytes of 44.1 kHz. */
const SAMPLE_RATE = 22_050;

/**
 * The dance songs: synthesised from content/songs.json on first use (a fraction of a second each),
 * beat-tracked from their own audio (the dance follows what the tracker hears, as it would for any
 * song), choreographed with a seed so every viewer sees the same dance, and served as WAV.
 */
export class SongLibrary {
  private readonly ready = new Map<string, Promise<ReadySong>>();

  constructor(private readonly songs: readonly Song[]) {}

  ids(): string[] {
    return this.songs.map((s) => s.id);
  }

  get(id: string): Promise<ReadySong> | null {
    const song = this.songs.find((s) => s.id === id);
    if (!song) return null;
    let r = this.ready.get(id);
    if (!r) {
      r = Promise.resolve().then(() => prepare(song));
      this.ready.set(id, r);
    }
    return r;
  }

  url(id: string): string {
    return `/api/songs/${id}.wav`;
  }
}

function prepare(song: Song): ReadySong {
  const made = generateThemeSong({ bpm: song.bpm, bars: song.bars, seed: song.seed, sampleRate: SAMPLE_RATE });
  const track = trackBeats(made.pcm, made.sampleRate);
  const moves = choreograph({ beatsMs: track.beatsMs, bpm: track.bpm, energy: track.energy, durationMs: made.durationMs, seed: song.seed });
  return { song, wav: encodeWav(made.pcm, made.sampleRate), durationMs: made.durationMs, sampleRate: made.sampleRate, bpm: track.bpm, beatsMs: track.beatsMs, moves };
}
