import { choreograph, generateThemeSong } from '@snowstage/motion';
import { encodeWav, type DanceEvent, type EmotionTag, type Gesture, type GestureCue, type RoomEvent, type SpeechEvent, type Viseme, type VisemeCue } from '@snowstage/protocol';

/**
 * Show events for the stage lab and the browser tests, with audio made in the page (no server):
 * speech is a synthetic voice (glottal pulses shaped by vowel formants, noise for fricatives) that
 * follows a syllable-timed viseme track; the dance uses the motion package's theme song.
 */
let seq = 1;
const base = () => ({ seq: seq++, at: Date.now() });

type Syllable = readonly [Viseme | null, Viseme];
/** "大家好，我是东东，今天给大家带来冬奥的周边" as consonant/vowel mouth shapes, with word pauses. */
const LINE_ZH: ReadonlyArray<Syllable | 'pause'> = [
  ['DD', 'aa'], ['CH', 'aa'], ['kk', 'aa'], 'pause', [null, 'ou'], ['SS', 'ih'], ['DD', 'ou'], ['DD', 'ou'], 'pause',
  ['CH', 'ih'], ['DD', 'E'], ['kk', 'E'], ['DD', 'aa'], ['CH', 'aa'], ['DD', 'aa'], ['nn', 'aa'], 'pause',
  ['DD', 'ou'], [null, 'aa'], ['DD', 'E'], ['CH', 'oh'], ['PP', 'E'],
];

/** Rough F1/F2 (Hz) of each vowel-like viseme, for the synthetic voice. */
const FORMANTS: Partial<Record<Viseme, [number, number]>> = {
  aa: [800, 1250], E: [560, 1900], ih: [320, 2300], oh: [520, 900], ou: [330, 800], nn: [300, 1500], RR: [400, 1300],
};
const NOISY = new Set<Viseme>(['SS', 'CH', 'FF', 'TH']);

export interface SyntheticSpeech {
  wav: Uint8Array;
  visemes: VisemeCue[];
  durationMs: number;
}

/** Builds the voice and its viseme track; `repeat` lengthens the line. */
export function syntheticSpeech(repeat = 1, sampleRate = 22050): SyntheticSpeech {
  const visemes: VisemeCue[] = [];
  let t = 220;
  const events: Array<{ v: Viseme; start: number; end: number }> = [];
  for (let r = 0; r < repeat; r++) {
    for (const s of LINE_ZH) {
      if (s === 'pause') {
        t += 180;
        continue;
      }
      const [c, v] = s;
      if (c) {
        events.push({ v: c, start: t, end: t + 70 });
        t += 70;
      }
      const len = 150 + ((events.length * 37) % 60);
      events.push({ v, start: t, end: t + len });
      t += len;
    }
    t += 260;
  }
  const durationMs = Math.round(t + 200);
  let prevEnd = 0;
  for (const e of events) {
    if (e.start > prevEnd + 1) visemes.push({ v: 'sil', startMs: prevEnd, endMs: e.start, weight: 1 });
    visemes.push({ v: e.v, startMs: e.start, endMs: e.end, weight: 1 });
    prevEnd = e.end;
  }
  visemes.push({ v: 'sil', startMs: prevEnd, endMs: durationMs, weight: 1 });

  const pcm = new Float32Array(Math.round((durationMs / 1000) * sampleRate));
  let phase = 0;
  let noise = 12345;
  const rnd = () => ((noise = (noise * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
  for (const e of events) {
    const i0 = Math.round((e.start / 1000) * sampleRate), i1 = Math.round((e.end / 1000) * sampleRate);
    const f = FORMANTS[e.v];
    for (let i = i0; i < i1 && i < pcm.length; i++) {
      const u = (i - i0) / (i1 - i0);
      const env = Math.sin(Math.PI * u) ** 0.6;
      if (f) {
        const f0 = 230 - 40 * (i / pcm.length) + 12 * Math.sin(u * 3);
        phase += f0 / sampleRate;
        let s = 0;
        for (let h = 1; h <= 18; h++) {
          const hz = h * f0;
          const g = 1 / (1 + ((hz - f[0]) / 120) ** 2) + 0.6 / (1 + ((hz - f[1]) / 180) ** 2) + 0.05 / h;
          s += g * Math.sin(2 * Math.PI * h * phase);
        }
        pcm[i] = 0.22 * env * s;
      } else if (NOISY.has(e.v)) pcm[i] = 0.12 * env * rnd();
      else pcm[i] = 0.05 * env * rnd();
    }
  }
  return { wav: encodeWav(pcm, sampleRate), visemes, durationMs };
}

const blobUrl = (bytes: Uint8Array) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));

export interface SpeechOptions {
  startAt: number;
  emotion?: EmotionTag;
  gestures?: GestureCue[];
  /** Leave the viseme track out (the stage then follows the audio's loudness). */
  withoutVisemes?: boolean;
  repeat?: number;
  lang?: 'zh' | 'en';
}

export function speechEvent(o: SpeechOptions): SpeechEvent {
  const s = syntheticSpeech(o.repeat ?? 1);
  return {
    ...base(),
    kind: 'speech',
    speechId: `lab-${seq}`,
    startAt: o.startAt,
    text: o.lang === 'en' ? "Hi everyone, I'm Dong Dong! Today I've brought you Winter Games merch." : '大家好，我是东东，今天给大家带来冬奥的周边！',
    lang: o.lang ?? 'zh',
    emotion: o.emotion ?? { name: 'happy', intensity: 0.6 },
    gestures: o.gestures ?? [],
    audio: { url: blobUrl(s.wav), durationMs: s.durationMs, sampleRate: 22050 },
    visemes: o.withoutVisemes ? [] : s.visemes,
    productId: null,
    replyTo: null,
  };
}

export function gestureEvent(name: Gesture, startAt: number): RoomEvent {
  return { ...base(), kind: 'gesture', name, startAt };
}

export function expressionEvent(emotion: EmotionTag, startAt: number, durationMs: number): RoomEvent {
  return { ...base(), kind: 'expression', emotion, startAt, durationMs };
}

export function hostModeEvent(mode: 'idle' | 'paused' | 'dance'): RoomEvent {
  return { ...base(), kind: 'hostMode', mode, by: 'operator' };
}

const songCache = new Map<string, { url: string; durationMs: number }>();

/** A dance to the generated theme song (`bars` long at `bpm`), beats on the song's grid. */
export function danceEvent(o: { startAt: number; bpm?: number; bars?: number }): DanceEvent {
  const bpm = o.bpm ?? 128, bars = o.bars ?? 8;
  const key = `${bpm}:${bars}`;
  let song = songCache.get(key);
  if (!song) {
    const s = generateThemeSong({ bpm, bars, sampleRate: 22050 });
    song = { url: blobUrl(encodeWav(s.pcm, s.sampleRate)), durationMs: s.durationMs };
    songCache.set(key, song);
  }
  const period = 60_000 / bpm;
  const beatsMs: number[] = [];
  for (let t = 0; t < song.durationMs; t += period) beatsMs.push(Math.round(t));
  const moves = choreograph({ beatsMs, bpm, energy: beatsMs.map((_, i) => 0.55 + 0.4 * Math.sin(i / 6) ** 2), durationMs: song.durationMs, seed: 7 });
  return {
    ...base(),
    kind: 'dance',
    songId: 'lab-theme',
    title: { zh: '冰雪之约（主题曲）', en: 'Snow Date (theme song)' },
    startAt: o.startAt,
    audio: { url: song.url, durationMs: song.durationMs, sampleRate: 22050 },
    bpm,
    beatsMs,
    moves,
  };
}
