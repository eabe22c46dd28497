import { describe, expect, it } from 'vitest';
import { layoutHall, dist } from './hall/layout.js';
import { GUIDE_SPEED, GuideTrack, MAX_WALK_S, guideHome } from './guide-track.js';

const layout = layoutHall(
  Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, exhibits: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] })),
  10,
);

describe('guide track', () => {
  it('waits at home until a tour stop, then walks to the booth door at a steady pace', () => {
    const g = new GuideTrack(layout);
    const home = guideHome(layout);
    expect(g.at(5_000).pos).toEqual({ x: home.x, z: home.z });
    const booth = layout.booths[9]!;
    g.walkTo(booth.door, booth.facingIn, 10_000);
    expect(g.at(9_000).pos).toEqual({ x: home.x, z: home.z });
    expect(g.at(10_500).walking).toBe(true);
    // A long way: she hurries, so that the walk takes MAX_WALK_S at most, at a steady pace.
    let walked = 0;
    for (let t = 10_000; t < 11_000; t += 10) walked += dist(g.at(t).pos, g.at(t + 10).pos);
    expect(walked).toBeGreaterThan(GUIDE_SPEED);
    expect(g.at(10_500).speed).toBeCloseTo(walked, 0);
    expect(g.arrivesAt - 10_000).toBeLessThanOrEqual(MAX_WALK_S * 1000 + 1);
    const end = g.at(g.arrivesAt + 1);
    expect(end).toEqual({ pos: booth.door, yaw: booth.facingIn, walking: false, speed: 0 });
    // A short way at her usual pace.
    const near = layout.booths[8]!;
    g.walkTo(near.door, near.facingIn, 60_000);
    const t0 = 60_000;
    expect(g.at(t0 + 100).speed).toBe(GUIDE_SPEED);
  });

  it('never walks through the monument, and a new stop starts from where she is', () => {
    const g = new GuideTrack(layout);
    const first = layout.booths[0]!;
    const last = layout.booths[9]!;
    g.walkTo(first.door, first.facingIn, 0);
    const midway = g.arrivesAt / 2;
    const here = g.at(midway).pos;
    g.walkTo(last.door, last.facingIn, midway);
    expect(g.at(midway).pos).toEqual(here);
    for (let t = midway; t < g.arrivesAt; t += 100) {
      expect(dist(g.at(t).pos, layout.monument.c)).toBeGreaterThan(layout.monument.r);
    }
    expect(g.at(g.arrivesAt).pos).toEqual(last.door);
  });

  it('keeps stops that arrive ahead of time in order, each starting where the previous one ends', () => {
    const g = new GuideTrack(layout);
    const a = layout.booths[1]!;
    const b = layout.booths[6]!;
    g.walkTo(a.door, a.facingIn, 10_000);
    g.walkTo(b.door, b.facingIn, 40_000);
    expect(g.headingAt(20_000)).toEqual(a.door);
    expect(g.at(39_000).pos).toEqual(a.door);
    expect(g.at(40_500).walking).toBe(true);
    expect(dist(g.at(40_500).pos, a.door)).toBeLessThan(g.at(40_500).speed);
    expect(g.headingAt(41_000)).toEqual(b.door);
    expect(g.at(g.arrivesAt + 1).pos).toEqual(b.door);
  });
});
