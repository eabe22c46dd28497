/**
 * `npx snowstage say "<text>" [--emotion happy --intensity 0.8] [--lang zh|en] [--voice NAME] --out file.wav`
 * Speaks a line with the embedded voice (eSpeak-NG), writes the WAV, and prints one JSON object on
 * stdout: `{ text, lang, emotion, key, engine, out, durationMs, sampleRate, visemes: [{v, startMs,
 * endMs, weight}], marks: [{name, ms}], words: [{text, ms}] }`. `--lang` is detected when absent;
 * brain markup (`<mark name="g:wave"/>`, `<break time="300ms"/>`, `*emphasis*`) is accepted.
 * This interface is stable.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Emotion, Lang } from '@snowstage/protocol';
import { EspeakEngine, MemoryAudioStore, SpeechSynthesizer } from '@snowstage/voice';
import { parseArgs } from '../args.js';

export const summary = 'speak a line to a WAV and print its viseme timeline: say "<text>" [--emotion happy --intensity 0.8] [--lang zh|en] --out file.wav';

const USAGE = 'usage: npx snowstage say "<text>" [--emotion neutral|happy|excited|calm|sad|surprised|angry] [--intensity 0..1] [--lang zh|en] [--voice NAME] --out file.wav';

export async function run(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv);
  const text = positionals.join(' ').trim();
  const emotion = Emotion.safeParse(flags.emotion ?? 'neutral');
  const lang = flags.lang === undefined ? undefined : Lang.safeParse(flags.lang);
  const defaultIntensity = emotion.success && emotion.data !== 'neutral' ? 0.8 : 0;
  const intensity = flags.intensity === undefined ? defaultIntensity : Number(flags.intensity);
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (!text || !out || !emotion.success || (lang && !lang.success) || !(intensity >= 0 && intensity <= 1)) {
    console.error(USAGE);
    return 2;
  }
  const engine = await EspeakEngine.create({ size: 1, warmup: 0 });
  try {
    const synth = new SpeechSynthesizer({ engine, store: new MemoryAudioStore(1) });
    const line = await synth.speak(text, { lang: lang?.data, emotion: { name: emotion.data, intensity }, voice: typeof flags.voice === 'string' ? flags.voice : undefined });
    const path = resolve(out);
    await writeFile(path, line.audio.bytes);
    console.log(
      JSON.stringify({
        text: line.text,
        lang: line.lang,
        emotion: { name: emotion.data, intensity },
        key: line.key,
        engine: line.engine,
        out: path,
        durationMs: line.audio.durationMs,
        sampleRate: line.audio.sampleRate,
        visemes: line.visemes,
        marks: line.marks,
        words: line.words,
      }),
    );
    return 0;
  } finally {
    await engine.close();
  }
}
