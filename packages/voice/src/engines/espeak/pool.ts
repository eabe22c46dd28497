import { Worker } from 'node:worker_threads';
import { AsyncQueue, abortError } from '../../async-queue.js';
import type { Prosody } from '../../prosody.js';

/**
 * A small pool of worker threads, each holding one warm eSpeak-NG instance. eSpeak's `synthesize`
 * is synchronous and CPU-bound, so it must not run on the server's event loop; two workers let two
 * utterances (or two language runs of one sentence) synthesise at once on a 2-core machine.
 */

export interface EspeakJob {
  text: string;
  voice: string;
  prosody: Prosody;
}

/** Raw events as the worker reports them: phoneme, word, sentence, mark. */
export interface RawEvent {
  t: 'p' | 'w' | 's' | 'm';
  ms: number;
  v: string;
}

export interface EspeakOutput {
  pcm: Int16Array;
  events: RawEvent[];
}

export interface EspeakPoolOptions {
  /** Worker threads (default 2). */
  size?: number;
  /** Warm-up utterances each worker speaks before it is ready (default 10; 0 = none). */
  warmup?: number;
}

interface Slot {
  worker: Worker;
  cancel: Int32Array;
  job: Running | undefined;
}

interface Running {
  id: number;
  job: EspeakJob;
  queue: AsyncQueue<EspeakOutput>;
  slot?: Slot;
  signal?: AbortSignal;
  onAbort?: () => void;
}

type FromWorker =
  | { type: 'ready'; sampleRate: number }
  | { type: 'chunk'; id: number; pcm: Int16Array; events: RawEvent[] }
  | { type: 'done'; id: number; cancelled: boolean }
  | { type: 'error'; id: number; message: string };

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class EspeakPool {
  readonly sampleRate = 22050;
  private readonly slots: Slot[] = [];
  private readonly waiting: Running[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(private readonly warmup: number) {}

  /**
   * Use when: starting the server or a command that speaks. Resolves once every worker is warm.
   * Expects: nothing on disk beyond the npm package; takes about 0.3 s per worker plus warm-up.
   */
  static async start(opts: EspeakPoolOptions = {}): Promise<EspeakPool> {
    const pool = new EspeakPool(opts.warmup ?? 10);
    await Promise.all(Array.from({ length: Math.max(1, opts.size ?? 2) }, () => pool.spawn()));
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Promise<void> {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_URL, { workerData: { cancel: cancel.buffer, warmup: this.warmup } });
    const slot: Slot = { worker, cancel, job: undefined };
    return new Promise((resolve, reject) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          this.slots.push(slot);
          worker.unref();
          resolve();
          this.dispatch();
          return;
        }
        const run = slot.job;
        if (!run || run.id !== m.id) return; // a cancelled job's late output
        if (m.type === 'chunk') run.queue.push({ pcm: m.pcm, events: m.events });
        else {
          if (m.type === 'error') run.queue.fail(new Error(`eSpeak-NG failed: ${m.message}`));
          else if (m.cancelled) run.queue.fail(abortError(run.signal));
          else run.queue.end();
          this.release(slot);
        }
      });
      worker.once('error', (err) => {
        reject(err);
        this.crashed(slot, err);
      });
      worker.once('exit', (code) => {
        if (!this.closed && code !== 0) this.crashed(slot, new Error(`eSpeak-NG worker exited with code ${code}`));
      });
    });
  }

  /** A dead worker fails its job and is replaced, so one bad utterance never takes the voice down. */
  private crashed(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    slot.job?.queue.fail(err);
    slot.job = undefined;
    if (!this.closed) void this.spawn().catch(() => undefined);
  }

  /**
   * Use when: synthesising one utterance in one voice.
   * Returns: the PCM chunks with their events, as the worker produces them. Queued when all workers
   * are busy. Breaking out of the loop or aborting `signal` stops the synthesis in the worker.
   */
  run(job: EspeakJob, signal?: AbortSignal): AsyncIterable<EspeakOutput> {
    if (this.closed) throw new Error('the eSpeak-NG pool is closed');
    const run: Running = { id: this.nextId++, job, signal, queue: undefined! };
    run.queue = new AsyncQueue<EspeakOutput>(() => this.cancel(run));
    if (signal?.aborted) {
      run.queue.fail(abortError(signal));
      return run.queue;
    }
    if (signal) {
      run.onAbort = () => {
        this.cancel(run);
        run.queue.fail(abortError(signal));
      };
      signal.addEventListener('abort', run.onAbort, { once: true });
    }
    this.waiting.push(run);
    this.dispatch();
    return run.queue;
  }

  private cancel(run: Running): void {
    const w = this.waiting.indexOf(run);
    if (w >= 0) this.waiting.splice(w, 1);
    if (run.slot && run.slot.job === run) Atomics.store(run.slot.cancel, 0, run.id);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || !this.waiting.length) continue;
      const run = this.waiting.shift()!;
      slot.job = run;
      run.slot = slot;
      slot.worker.ref(); // keep the process alive while a job runs
      const { text, voice, prosody } = run.job;
      slot.worker.postMessage({ id: run.id, text, voice, ...prosody });
    }
  }

  private release(slot: Slot): void {
    const run = slot.job;
    if (run?.onAbort) run.signal?.removeEventListener('abort', run.onAbort);
    slot.job = undefined;
    slot.worker.unref();
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const r of this.waiting.splice(0)) r.queue.fail(new Error('the eSpeak-NG pool was closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }
}
