/**
 * `npm run bench -- voice [--workers 2] [--warmup 16] [--sentences bench/voice-sentences.json]`
 *
 * The embedded voice, warm, on 100 mixed lines (Chinese, English and both in one line; 10–60
 * characters), spoken one after another through SpeechSynthesizer.stream — the path a live answer
 * takes — with the emotions rotating. Then the same lines again, which must all come from the store.
 * Last line: {sentences, engine, workers, startupMs, firstAudioP50Ms, firstAudioP95Ms, rtf,
 * visemeCoverage, voicedCoverage, pauseClosedShare, alignWithin30Share, alignP90Ms, alignMaxMs,
 * cachedP50Ms, audioSeconds}.
 *   firstAudio*: from the call to the first PCM chunk in hand (text normalisation and hashing included);
 *   rtf: synthesis time / audio time, summed over all lines (timeline and WAV encoding included);
 *   visemeCoverage: share of the audio's duration covered by viseme cues;
 *   voicedCoverage: share of sounding 5 ms frames whose cue (40 ms ahead) is a mouth shape, not sil;
 *   pauseClosedShare: share of inner silences ≥ 120 ms whose middle shows sil or PP (a silence by
 *     energy can also be a quiet consonant — f, θ, an aspirated stop — hence the middle only);
 *   align*: pause-edge alignment of the delivered phoneme timing against the audio (align/metrics.ts).
 */
import { readFileSync } from 'node:fs';
import { EMOTIONS, type EmotionTag } from '@snowstage/protocol';
import {
  decodeWav, EspeakEngine, isSilentFrame, loudnessEnvelope, MemoryAudioStore, pauseAlignment, silences, snapPausesToAudio, SpeechSynthesizer,
  type TtsEvent,
} from '@snowstage/voice';
import { intArg, percentile, progress, round, sortedCopy } from './lib.js';

export async function main(args: Record<string, string>) {
  const workers = intArg(args, 'workers', 2);
  const warmup = intArg(args, 'warmup', 16);
  const sentences: string[] = JSON.parse(readFileSync(args.sentences ?? 'bench/voice-sentences.json', 'utf8'));
  const t0 = performance.now();
  const engine = await EspeakEngine.create({ size: workers, warmup });
  const startupMs = performance.now() - t0;
  progress(`engine ready in ${Math.round(startupMs)} ms (${workers} workers, ${warmup} warm-up utterances each)`);
  const synth = new SpeechSynthesizer({ engine, store: new MemoryAudioStore(1000) });
  const emotionOf = (i: number): EmotionTag => ({ name: EMOTIONS[i % EMOTIONS.length]!, intensity: 0.7 });

  // A few lines the benchmark does not count, so the pipeline's own JIT is warm too.
  for (let i = 0; i < 8; i++) await synth.speak(`预热第${i}句，warm-up line ${i}.`);

  const first: number[] = [];
  let synthMs = 0;
  let audioMs = 0;
  let covered = 0;
  let voiced = 0;
  let voicedOpen = 0;
  let pauses = 0;
  let pausesClosed = 0;
  const alignErrors: number[] = [];
  for (const [i, text] of sentences.entries()) {
    const start = performance.now();
    const s = await synth.stream(text, { emotion: emotionOf(i) });
    let firstAt = -1;
    const events: TtsEvent[] = [];
    for await (const c of s.chunks) {
      if ('pcm' in c && firstAt < 0) firstAt = performance.now() - start;
      if ('event' in c) events.push(c.event);
    }
    const line = await s.line;
    synthMs += performance.now() - start;
    first.push(firstAt);
    const dur = line.audio.durationMs;
    audioMs += dur;
    covered += line.visemes.reduce((sum, c) => sum + (c.endMs - c.startMs), 0);
    // Lip sync against the audio itself.
    const pcm = decodeWav(line.audio.bytes).pcm;
    const env = loudnessEnvelope(pcm, line.audio.sampleRate, 5);
    const cueAt = (ms: number) => line.visemes.find((c) => c.startMs <= ms && ms < c.endMs)?.v;
    for (let f = 0; f < env.rms.length; f++) {
      const ms = f * env.hopMs - 40;
      if (ms < 0 || isSilentFrame(env, f)) continue;
      voiced++;
      if (cueAt(ms) !== 'sil') voicedOpen++;
    }
    for (const p of silences(env, 120)) {
      if (p.startMs === 0 || p.endMs >= dur - 5) continue;
      pauses++;
      if (['sil', 'PP'].includes(cueAt((p.startMs + p.endMs) / 2 - 40) ?? '')) pausesClosed++;
    }
    alignErrors.push(...pauseAlignment(snapPausesToAudio(events, env), dur, env).errorsMs);
    if (i % 20 === 19) progress(`${i + 1}/${sentences.length} lines`);
  }

  const cached: number[] = [];
  for (const [i, text] of sentences.entries()) {
    const start = performance.now();
    const line = await synth.speak(text, { emotion: emotionOf(i) });
    cached.push(performance.now() - start);
    if (!line.cached) throw new Error(`line ${i} was synthesised twice`);
  }
  await engine.close();

  const f = sortedCopy(first);
  const a = sortedCopy(alignErrors);
  return {
    sentences: sentences.length,
    engine: 'espeak-ng',
    workers,
    startupMs: Math.round(startupMs),
    firstAudioP50Ms: round(percentile(f, 50)),
    firstAudioP95Ms: round(percentile(f, 95)),
    rtf: round(synthMs / audioMs, 4),
    visemeCoverage: round(covered / audioMs, 4),
    voicedCoverage: round(voicedOpen / voiced, 4),
    pauseClosedShare: round(pausesClosed / Math.max(1, pauses), 4),
    alignWithin30Share: round(alignErrors.filter((e) => e <= 30).length / alignErrors.length, 4),
    alignP90Ms: round(percentile(a, 90)),
    alignMaxMs: round(percentile(a, 100)),
    cachedP50Ms: round(percentile(sortedCopy(cached), 50), 2),
    audioSeconds: round(audioMs / 1000),
  };
}
