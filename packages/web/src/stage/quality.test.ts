import { describe, expect, it } from 'vitest';
import { ResolutionGovernor } from './quality.js';

/** Feeds `seconds` of frames at `fps` and returns the ratios after each change. */
function run(g: ResolutionGovernor, fps: number, seconds: number, start = 0): number {
  let t = start;
  for (let i = 0; i < fps * seconds; i++) {
    t += 1000 / fps;
    g.frame(t);
  }
  return t;
}

describe('ResolutionGovernor', () => {
  it('lowers the render resolution while frames are slow, never below the minimum', () => {
    const g = new ResolutionGovernor(1.5, 0.6, 30);
    run(g, 12, 20);
    expect(g.ratio).toBe(0.6);
  });

  it('raises it again when there is headroom, never above the maximum', () => {
    const g = new ResolutionGovernor(1.5, 0.6, 30);
    const t = run(g, 12, 20);
    run(g, 60, 60, t);
    expect(g.ratio).toBe(1.5);
  });

  it('holds steady at the target frame rate', () => {
    const g = new ResolutionGovernor(1, 0.6, 30);
    run(g, 31, 20);
    expect(g.ratio).toBe(1);
  });

  it('is fixed when minimum and maximum are the same', () => {
    const g = new ResolutionGovernor(1, 1, 30);
    run(g, 5, 10);
    expect(g.ratio).toBe(1);
  });
});
