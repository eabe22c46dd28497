import { describe, expect, it } from 'vitest';
import { forwardKinematics } from '../body/skeleton.js';
import { rotate } from '../math/quat.js';
import { IdleLife } from './idle.js';
import { BlinkSchedule, blinkShape, SaccadeSchedule } from './schedules.js';

/** Blink start times found by sampling a schedule every 10 ms for `seconds`. */
function blinkStarts(seed: number, seconds: number): number[] {
  const s = new BlinkSchedule(seed);
  const starts: number[] = [];
  let prev = 0;
  for (let t = 0; t < seconds * 1000; t += 10) {
    const v = s.sample(t);
    if (v > 0 && prev === 0) starts.push(t);
    prev = v;
  }
  return starts;
}

describe('blinks', () => {
  it('close fully and reopen within about 200 ms', () => {
    expect(blinkShape(0)).toBe(0);
    expect(blinkShape(75)).toBe(1);
    expect(blinkShape(150)).toBeGreaterThan(0);
    expect(blinkShape(215)).toBe(0);
  });

  it('come at natural intervals of 2–6 s, with occasional double blinks', () => {
    const starts = blinkStarts(7, 300);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    const doubles = gaps.filter((g) => g < 400).length;
    const singles = gaps.filter((g) => g >= 400);
    expect(doubles).toBeGreaterThan(3);
    expect(doubles).toBeLessThan(gaps.length * 0.35);
    // From the end of a (double) blink to the next: between 2 and 6 s, allowing the sampling step.
    expect(Math.min(...singles)).toBeGreaterThan(1700);
    expect(Math.max(...singles)).toBeLessThanOrEqual(6010);
    const mean = singles.reduce((a, b) => a + b, 0) / singles.length;
    expect(mean).toBeGreaterThan(2800);
    expect(mean).toBeLessThan(4800);
  });

  it('are the same for the same seed and differ between seeds', () => {
    expect(blinkStarts(3, 30)).toEqual(blinkStarts(3, 30));
    expect(blinkStarts(3, 30)).not.toEqual(blinkStarts(4, 30));
  });

  it('restart cleanly after the clock jumps (late join, seek)', () => {
    const s = new BlinkSchedule(1);
    s.sample(0);
    s.sample(1_000_000);
    const next = s.upcoming().at(-1)!;
    expect(next).toBeGreaterThan(1_000_000);
    expect(next).toBeLessThan(1_003_000);
  });
});

describe('saccades', () => {
  it('hold eye contact most of the time and glance only a few degrees away', () => {
    const s = new SaccadeSchedule(5);
    let contact = 0;
    let n = 0;
    let maxOff = 0;
    for (let t = 0; t < 120_000; t += 20, n++) {
      const g = s.sample(t);
      if (g.yaw === 0 && g.pitch === 0) contact++;
      maxOff = Math.max(maxOff, Math.abs(g.yaw), Math.abs(g.pitch));
    }
    expect(contact / n).toBeGreaterThan(0.6);
    expect(contact / n).toBeLessThan(0.98);
    expect(maxOff).toBeLessThanOrEqual(0.1);
  });
});

describe('IdleLife', () => {
  it('breathes and shifts weight but keeps the arms down and the feet planted', () => {
    const idle = new IdleLife(2);
    const chest = new Set<string>();
    const hx: number[] = [];
    for (let t = 0; t < 10_000; t += 500) {
      const s = idle.sample(t);
      const w = forwardKinematics(s);
      expect(w.position.leftHand[1]).toBeLessThan(0.95);
      expect(w.position.rightHand[1]).toBeLessThan(0.95);
      expect(Math.abs(w.position.leftFoot[1] - 0.08)).toBeLessThan(0.005);
      chest.add(s.bones.chest!.map((x) => x.toFixed(4)).join());
      hx.push(s.hipsOffset[0]);
    }
    expect(chest.size).toBeGreaterThan(10);
    expect(Math.max(...hx) - Math.min(...hx)).toBeGreaterThan(0.005);
  });

  it('drops the head and eyes when sad and bounces when excited', () => {
    const a = new IdleLife(2).sample(1234);
    const sad = new IdleLife(2).sample(1234, { lively: 0, low: 1, startled: 0 });
    const faceDown = (x: typeof a) => -rotate(forwardKinematics(x).rotation.head, [0, 0, 1])[1];
    expect(faceDown(sad) - faceDown(a)).toBeGreaterThan(0.15);
    const calmY: number[] = [];
    const liveY: number[] = [];
    const calm = new IdleLife(9);
    const live = new IdleLife(9);
    for (let t = 0; t < 3000; t += 50) {
      calmY.push(calm.sample(t).hipsOffset[1]);
      liveY.push(live.sample(t, { lively: 1, low: 0, startled: 0 }).hipsOffset[1]);
    }
    const range = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(range(liveY)).toBeGreaterThan(range(calmY) * 2);
  });
});
