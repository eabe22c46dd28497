import { clamp, EASES } from '../math/ease.js';
import { Rng } from '../math/rng.js';

/** A clock that jumped backwards or far ahead (seek, late join) restarts the schedules from `now`. */
const JUMP_MS = 20_000;

/** Blink timing: close 60 ms, stay closed 30 ms, open 120 ms. */
export const BLINK_SHAPE = { closeMs: 60, holdMs: 30, openMs: 120 } as const;
const BLINK_MS = BLINK_SHAPE.closeMs + BLINK_SHAPE.holdMs + BLINK_SHAPE.openMs;

/** 0 open … 1 closed, `t` ms after a blink starts. */
export function blinkShape(t: number): number {
  const { closeMs, holdMs, openMs } = BLINK_SHAPE;
  if (t < 0 || t >= BLINK_MS) return 0;
  if (t < closeMs) return EASES.inOutSine(t / closeMs);
  if (t < closeMs + holdMs) return 1;
  return 1 - EASES.inOutSine((t - closeMs - holdMs) / openMs);
}

/**
 * Blinks at natural random intervals (2–6 s, more often short than long) with an occasional double
 * blink, from a seeded RNG: the same seed and the same clock give the same blinks.
 */
export class BlinkSchedule {
  private readonly rng: Rng;
  private next = Number.NaN;
  private last = Number.NaN;
  private starts: number[] = [];
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  /** Blink value at `now` (ms, any monotonic clock). */
  sample(now: number): number {
    if (!(now >= this.last - 500 && now - this.last <= JUMP_MS)) {
      this.next = now + this.rng.range(500, 2500);
      this.starts = [];
    }
    this.last = now;
    while (this.next <= now) {
      this.starts.push(this.next);
      if (this.rng.chance(0.18)) this.starts.push(this.next + BLINK_MS + 40);
      this.next += 2000 + 4000 * this.rng.next() ** 1.4;
    }
    this.starts = this.starts.filter((s) => now - s < BLINK_MS);
    let v = 0;
    for (const s of this.starts) v = Math.max(v, blinkShape(now - s));
    return v;
  }

  /** Start times of blinks still to come or in progress (for tests and debugging). */
  upcoming(): readonly number[] {
    return [...this.starts, this.next];
  }
}

export interface Gaze {
  yaw: number;
  pitch: number;
}

/**
 * Small eye saccades: mostly holding eye contact with the camera, now and then a quick glance a few
 * degrees away and back. Each jump takes 45 ms.
 */
export class SaccadeSchedule {
  private readonly rng: Rng;
  private next = Number.NaN;
  private last = Number.NaN;
  private from: Gaze = { yaw: 0, pitch: 0 };
  private to: Gaze = { yaw: 0, pitch: 0 };
  private at = 0;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  sample(now: number): Gaze {
    if (!(now >= this.last - 500 && now - this.last <= JUMP_MS)) {
      this.next = now + this.rng.range(300, 1500);
      this.from = this.to = { yaw: 0, pitch: 0 };
    }
    this.last = now;
    while (this.next <= now) {
      this.from = this.to;
      this.at = this.next;
      const away = this.to.yaw === 0 && this.to.pitch === 0 ? this.rng.chance(0.35) : this.rng.chance(0.15);
      this.to = away
        ? { yaw: this.rng.range(0.04, 0.1) * (this.rng.chance(0.5) ? 1 : -1), pitch: this.rng.range(-0.05, 0.05) }
        : { yaw: 0, pitch: 0 };
      this.next += away ? this.rng.range(250, 900) : this.rng.range(800, 3200);
    }
    const u = EASES.outCubic(clamp((now - this.at) / 45));
    return { yaw: this.from.yaw + (this.to.yaw - this.from.yaw) * u, pitch: this.from.pitch + (this.to.pitch - this.from.pitch) * u };
  }
}
