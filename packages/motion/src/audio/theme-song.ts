import { Rng } from '../math/rng.js';
import { midiHz, Mixer } from './synth.js';

export interface ThemeSongOptions {
  /** @default 128 */
  bpm?: number;
  /** @default 32 */
  bars?: number;
  /** @default 44100 */
  sampleRate?: number;
  /** Picks the melody and the noise; the same seed gives the same samples. @default 2022 */
  seed?: number;
}

export interface ThemeSong {
  pcm: Float32Array;
  sampleRate: number;
  bpm: number;
  durationMs: number;
}

type Section = 'intro' | 'verse' | 'chorus' | 'break';

/** Song form by position: intro ⅛, verse ¼, chorus ¼, breakdown ⅛, final chorus ¼. */
function sectionOf(bar: number, bars: number): Section {
  const f = bar / bars;
  if (f < 1 / 8) return 'intro';
  if (f < 3 / 8) return 'verse';
  if (f < 5 / 8) return 'chorus';
  if (f < 3 / 4) return 'break';
  return 'chorus';
}

/** I–V–vi–IV in C: bass root (MIDI), pad triad, and the pentatonic notes that belong to the chord. */
const CHORDS = [
  { bass: 48, pad: [60, 64, 67], tones: [72, 76, 79, 84] },
  { bass: 43, pad: [55, 59, 62], tones: [74, 79, 86] },
  { bass: 45, pad: [57, 60, 64], tones: [72, 76, 81, 84] },
  { bass: 41, pad: [53, 57, 60], tones: [72, 81, 84] },
] as const;
/** C major pentatonic, C5 to E6. */
const SCALE = [72, 74, 76, 79, 81, 84, 86, 88] as const;

/** A 2-bar melody of 16 eighth-note slots (MIDI note or null for a rest), starting on `chord`. */
function motif(rng: Rng, chord: number, busy: number): (number | null)[] {
  const out: (number | null)[] = [];
  let idx = rng.int(4) + 1;
  for (let slot = 0; slot < 16; slot++) {
    const strong = slot % 2 === 0;
    if (slot > 0 && rng.next() > busy * (strong ? 1.25 : 0.8)) { out.push(null); continue; }
    const c = CHORDS[(chord + (slot >= 8 ? 1 : 0)) % 4]!;
    if (strong) {
      const tone = rng.pick(c.tones);
      idx = SCALE.indexOf(tone as (typeof SCALE)[number]);
    } else {
      idx = Math.min(SCALE.length - 1, Math.max(0, idx + (rng.chance(0.5) ? 1 : -1)));
    }
    out.push(SCALE[idx]!);
  }
  return out;
}

/**
 * The demo theme song: an upbeat synth-pop loop at a known tempo — kick on every beat, snare on 2 and
 * 4, hi-hats in eighths (sixteenths and open hats in the chorus), a plucked bass in eighths over
 * I–V–vi–IV, a pad, and a C-major-pentatonic lead built from seeded 2-bar motifs; a breakdown without
 * kick gives the dance a quieter passage. Deterministic for a seed.
 * Returns: mono Float32 PCM peaking at 0.89, its rate, the tempo and the exact length (bars × 4 beats).
 */
export function generateThemeSong(o: ThemeSongOptions = {}): ThemeSong {
  const bpm = o.bpm ?? 128;
  const bars = o.bars ?? 32;
  const sampleRate = o.sampleRate ?? 44100;
  const rng = new Rng(o.seed ?? 2022);
  const beat = 60 / bpm;
  const durationS = bars * 4 * beat;
  const mix = new Mixer(sampleRate, durationS, new Rng((o.seed ?? 2022) + 1));
  const motifs: Record<Section, (number | null)[][]> = {
    intro: [],
    verse: [motif(rng, 0, 0.45), motif(rng, 2, 0.45)],
    chorus: [motif(rng, 0, 0.8), motif(rng, 2, 0.8)],
    break: [motif(rng, 0, 0.35), motif(rng, 2, 0.35)],
  };
  for (let bar = 0; bar < bars; bar++) {
    const section = sectionOf(bar, bars);
    const t0 = bar * 4 * beat;
    const chord = CHORDS[bar % 4]!;
    const loud = section === 'chorus' ? 1 : section === 'break' ? 0.55 : 0.8;
    for (let b = 0; b < 4; b++) {
      const t = t0 + b * beat;
      if (section !== 'break') mix.kick(t, 0.9);
      if ((b === 1 || b === 3) && section !== 'intro' && (section !== 'break' || b === 3)) mix.snare(t, 0.45 * loud);
      const hatsPerBeat = section === 'chorus' ? 4 : 2;
      for (let h = 0; h < hatsPerBeat; h++) {
        const open = section === 'chorus' && h === 2;
        mix.hat(t + (h * beat) / hatsPerBeat, (h === 0 ? 0.14 : 0.1) * loud, open);
      }
      if (section !== 'intro' || bar >= bars / 16) {
        for (let e = 0; e < 2; e++) {
          const note = chord.bass + (e === 1 && b % 2 === 1 ? 12 : 0);
          mix.bass(t + (e * beat) / 2, beat / 2 - 0.01, midiHz(note), 0.35 * loud);
        }
      }
    }
    if (section !== 'intro' && section !== 'verse') mix.pad(t0, 4 * beat, chord.pad.map(midiHz), 0.12 * loud);
    const phrase = motifs[section];
    if (phrase.length > 0) {
      const m = phrase[Math.floor(bar / 2) % phrase.length]!;
      for (let slot = 0; slot < 8; slot++) {
        const note = m[(bar % 2) * 8 + slot];
        if (note == null) continue;
        let len = 1;
        while (len < 3 && slot + len < 8 && m[(bar % 2) * 8 + slot + len] == null) len++;
        mix.lead(t0 + (slot * beat) / 2, (len * beat) / 2 - 0.02, midiHz(note), 0.22 * loud);
      }
    }
  }
  return { pcm: mix.master(), sampleRate, bpm, durationMs: Math.round(durationS * 1000 * 1000) / 1000 };
}
