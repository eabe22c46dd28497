/**
 * A push-to-pull bridge: producers `push` items, one consumer iterates them with `for await`.
 * `onReturn` runs when the consumer stops early (break, throw, abort), so the producer can cancel.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((e: unknown) => void) | undefined;
  private done = false;
  private error: unknown;

  constructor(private readonly onReturn?: () => void) {}

  push(item: T): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = this.failWaiting = undefined;
      w({ value: item, done: false });
    } else this.items.push(item);
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.wake();
  }

  fail(err: unknown): void {
    if (this.done) return;
    this.error = err;
    this.done = true;
    this.wake();
  }

  private wake(): void {
    if (!this.waiting) return;
    const w = this.waiting;
    const f = this.failWaiting!;
    this.waiting = this.failWaiting = undefined;
    if (this.error !== undefined) f(this.error);
    else w({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
        if (this.done) return this.error !== undefined ? Promise.reject(this.error) : Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          this.waiting = resolve;
          this.failWaiting = reject;
        });
      },
      return: () => {
        const wasDone = this.done;
        this.done = true;
        this.items = [];
        if (!wasDone) this.onReturn?.();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}

/** The error every voice API throws when its AbortSignal fires. */
export function abortError(signal?: AbortSignal): Error {
  const reason = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('The speech synthesis was aborted');
  e.name = 'AbortError';
  return e;
}
