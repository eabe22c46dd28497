// eSpeak-NG worker thread (GPL-3.0 code runs here). Plain JavaScript so that it loads the same way
// under Node, tsx and Vitest. One eSpeak instance per thread, created once and reused.
//
// in:  { id, text, voice, rate, pitch, range, volume }
// out: { type: 'ready' } once warm; then per job any number of
//      { type: 'chunk', id, pcm: Int16Array, events: [{ t: 'p'|'w'|'s'|'m', ms, v }] }
//      and finally { type: 'done', id, cancelled } or { type: 'error', id, message }.
// Cancelling: the parent writes the job id into the shared `cancel` cell; the synthesis callback
// sees it and stops eSpeak (its callback returns 1 = abort).
import { parentPort, workerData } from 'node:worker_threads';
import EspeakInit from '@echogarden/espeak-ng-emscripten';

const cancel = new Int32Array(workerData.cancel);
const module = await EspeakInit();
const engine = new module.eSpeakNGWorker();
let currentVoice = '';

function synthesize(job, onChunk) {
  if (job.voice !== currentVoice) {
    engine.set_voice(job.voice, '', 0, 0, '');
    currentVoice = job.voice;
  }
  // These four are sticky inside eSpeak: set every one of them for every utterance.
  engine.rate = job.rate;
  engine.pitch = job.pitch;
  engine.range = job.range;
  engine.volume = job.volume;
  const chars = Array.from(job.text);
  let cancelled = false;
  engine.synthesize(job.text, (pcm, events) => {
    if (Atomics.load(cancel, 0) === job.id) {
      cancelled = true;
      return true;
    }
    const out = [];
    for (const e of events) {
      if (e.type === 'phoneme') out.push({ t: 'p', ms: e.audio_position, v: e.id });
      else if (e.type === 'word') out.push({ t: 'w', ms: e.audio_position, v: chars.slice(e.text_position - 1, e.text_position - 1 + e.word_length).join('') });
      else if (e.type === 'sentence') out.push({ t: 's', ms: e.audio_position, v: '' });
      else if (e.type === 'mark') out.push({ t: 'm', ms: e.audio_position, v: e.id });
    }
    if (pcm.length || out.length) onChunk(pcm, out);
    return false;
  });
  return cancelled;
}

// Warm the JIT: the first utterances are 10–50× slower than later ones.
const warmups = workerData.warmup ?? 0;
const WARM_TEXT = [
  ['cmn+f3', '大家好，欢迎来到冬奥直播间，这件冰墩墩只要八十八元！'],
  ['en-us+f2', 'Hello everyone, welcome to the Winter Games shop, this plush is only eighty-eight yuan!'],
];
for (let i = 0; i < warmups; i++) {
  const [voice, text] = WARM_TEXT[i % 2];
  synthesize({ id: -1, text, voice, rate: 175, pitch: 50, range: 50, volume: 100 }, () => {});
}
parentPort.postMessage({ type: 'ready', sampleRate: 22050 });

parentPort.on('message', (job) => {
  try {
    const cancelled = synthesize(job, (pcm, events) => {
      parentPort.postMessage({ type: 'chunk', id: job.id, pcm, events }, [pcm.buffer]);
    });
    parentPort.postMessage({ type: 'done', id: job.id, cancelled });
  } catch (err) {
    parentPort.postMessage({ type: 'error', id: job.id, message: String(err && err.message ? err.message : err) });
  }
});
