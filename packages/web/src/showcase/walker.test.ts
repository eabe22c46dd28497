import { describe, expect, it } from 'vitest';
import { layoutHall, inRect, DIM } from './hall/layout.js';
import { focusAt } from './hall/proximity.js';
import { NO_INPUT, routeToBooth, routeToPoint, routeToTourSpot, Walker } from './walker.js';

const layout = layoutHall(
  Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, exhibits: Array.from({ length: 3 + (i % 4) }, (_, j) => ({ id: `e${j}` })) })),
  10,
);

function run(w: Walker, seconds: number, input = NO_INPUT): void {
  for (let t = 0; t < seconds; t += 1 / 30) w.step(1 / 30, input);
}

describe('walker', () => {
  it('walks forward up the avenue with W and turns with the arrow keys', () => {
    const w = new Walker(layout);
    const z0 = w.pos.z;
    run(w, 1, { ...NO_INPUT, forward: 1 });
    expect(z0 - w.pos.z).toBeGreaterThan(3.5);
    expect(Math.abs(w.pos.x)).toBeLessThan(1e-9);
    run(w, 0.5, { ...NO_INPUT, turn: 1 });
    expect(w.yaw).toBeGreaterThan(1);
  });

  it('travels from the entrance into every booth by the route, ending inside looking in', () => {
    for (const booth of layout.booths) {
      const w = new Walker(layout);
      const r = routeToBooth(w.pos, booth, layout);
      w.travel(r.points, r.yaw);
      run(w, 40);
      expect(inRect(w.pos, booth.area), booth.id).toBe(true);
      expect(w.travelling).toBe(false);
      expect(Math.abs(w.yaw - booth.facingIn)).toBeLessThan(0.02);
      expect(focusAt(w.pos, layout).boothId).toBe(booth.id);
    }
  });

  it('goes from one booth to another through the door, never through walls', () => {
    const a = layout.booths[0]!;
    const b = layout.booths[7]!;
    const w = new Walker(layout);
    const r1 = routeToBooth(w.pos, a, layout);
    w.travel(r1.points, r1.yaw);
    run(w, 30);
    const r2 = routeToBooth(w.pos, b, layout);
    expect(r2.points[0]).toEqual(a.door);
    w.travel(r2.points, r2.yaw);
    run(w, 40);
    expect(inRect(w.pos, b.area)).toBe(true);
  });

  it('stops at a wall when walking into it and gives up an unreachable click', () => {
    const booth = layout.booths[0]!;
    const w = new Walker(layout);
    const r = routeToBooth(w.pos, booth, layout);
    w.travel(r.points, r.yaw);
    run(w, 30);
    // Keep walking into the back wall: the fan stays inside the footprint.
    run(w, 5, { ...NO_INPUT, forward: 1 });
    expect(inRect(w.pos, booth.area)).toBe(true);
    // A click inside the monument: the fan walks up to it and stops there.
    w.travel(routeToPoint(w.pos, { x: 0, z: layout.monument.c.z }, layout));
    run(w, 30);
    expect(w.travelling).toBe(false);
    expect(Math.hypot(w.pos.x - layout.monument.c.x, w.pos.z - layout.monument.c.z)).toBeGreaterThanOrEqual(layout.monument.r + DIM.bodyR - 1e-6);
  });

  it('walks round the monument to a spot beyond the plaza', () => {
    const w = new Walker(layout);
    const target = { x: 0, z: layout.monument.c.z - 8 };
    w.travel(routeToPoint(w.pos, target, layout));
    run(w, 40);
    expect(Math.hypot(w.pos.x - target.x, w.pos.z - target.z)).toBeLessThan(0.3);
    // And from a west booth to an east booth across the plaza.
    const from = layout.booths[2]!;
    const to = layout.booths[7]!;
    const w2 = new Walker(layout);
    const r1 = routeToBooth(w2.pos, from, layout);
    w2.travel(r1.points, r1.yaw);
    run(w2, 30);
    const r2 = routeToBooth(w2.pos, to, layout);
    w2.travel(r2.points, r2.yaw);
    run(w2, 40);
    expect(inRect(w2.pos, to.area)).toBe(true);
  });

  it('manual movement cancels a travel', () => {
    const w = new Walker(layout);
    const r = routeToBooth(w.pos, layout.booths[5]!, layout);
    w.travel(r.points, r.yaw);
    w.step(1 / 30, { ...NO_INPUT, strafe: 1 });
    expect(w.travelling).toBe(false);
  });
});

describe('focus', () => {
  it('opens the exhibit card only near a plinth, and the timeline card near a panel', () => {
    const b = layout.booths[2]!;
    const pl = b.plinths[1]!;
    const near = { x: pl.pos.x - b.side * 1.2, z: pl.pos.z };
    expect(focusAt(near, layout).exhibit).toEqual({ boothId: b.id, exhibitId: pl.exhibitId });
    expect(focusAt(b.door, layout)).toEqual({ boothId: null, exhibit: null, milestone: null });
    const panel = layout.rotunda.panels[3]!;
    const c = layout.rotunda.center;
    const before = { x: panel.pos.x + (c.x - panel.pos.x) * 0.15, z: panel.pos.z + (c.z - panel.pos.z) * 0.15 };
    expect(focusAt(before, layout).milestone).toBe(3);
  });

  it('follows the guide to the avenue in front of the booth, where she is in view', () => {
    for (const booth of [layout.booths[0]!, layout.booths[5]!]) {
      const w = new Walker(layout);
      const r = routeToTourSpot(w.pos, booth, layout);
      w.travel(r.points, r.yaw);
      run(w, 40);
      expect(Math.abs(w.pos.x)).toBeLessThan(DIM.avenueHalf);
      // Seen from the follow camera (6 m behind the fan) she stands beside the fan, not behind it:
      // between 8° and 25° off the line of sight.
      const f = { x: -Math.sin(w.yaw), z: -Math.cos(w.yaw) };
      const cam = { x: w.pos.x - f.x * 6, z: w.pos.z - f.z * 6 };
      const to = { x: booth.stage.x - cam.x, z: booth.stage.z - cam.z };
      const angle = Math.acos((f.x * to.x + f.z * to.z) / Math.hypot(to.x, to.z)) * (180 / Math.PI);
      expect(angle).toBeGreaterThan(8);
      expect(angle).toBeLessThan(25);
      expect(inRect(booth.stage, booth.area)).toBe(true);
    }
  });

  it('does not slip through a wall on a very slow frame', () => {
    const booth = layout.booths[0]!;
    const w = new Walker(layout);
    const r = routeToBooth(w.pos, booth, layout);
    w.travel(r.points, r.yaw);
    run(w, 30);
    for (let i = 0; i < 20; i++) w.step(0.25, { ...NO_INPUT, forward: 1, run: true });
    expect(inRect(w.pos, booth.area)).toBe(true);
  });
});
