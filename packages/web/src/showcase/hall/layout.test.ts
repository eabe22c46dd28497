import { describe, expect, it } from 'vitest';
import { resolve } from './collide.js';
import { DIM, dist, forwardOf, inRect, layoutHall, yawTowards } from './layout.js';

const booths = (n: number, exhibits = 4) => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, exhibits: Array.from({ length: exhibits }, (_, j) => ({ id: `e${j}` })) }));

describe('hall layout', () => {
  it('gives every booth its own footprint beside the avenue, none overlapping', () => {
    const l = layoutHall(booths(10), 10);
    expect(l.booths).toHaveLength(10);
    for (const b of l.booths) {
      expect(Math.min(Math.abs(b.area.x0), Math.abs(b.area.x1))).toBeGreaterThan(DIM.avenueHalf);
      for (const o of l.booths) {
        if (o === b) continue;
        const overlap = b.area.x0 < o.area.x1 && o.area.x0 < b.area.x1 && b.area.z0 < o.area.z1 && o.area.z0 < b.area.z1;
        expect(overlap, `${b.id} overlaps ${o.id}`).toBe(false);
      }
      // Nothing of a booth reaches into the plaza circle.
      const nearestZ = Math.max(b.area.z0, Math.min(b.area.z1, l.plaza.c.z));
      expect(Math.abs(nearestZ - l.plaza.c.z) > DIM.plazaR - 0.01 || Math.abs(b.center.x) > DIM.plazaR).toBe(true);
    }
    expect(new Set(l.booths.map((b) => b.side)).size).toBe(2);
  });

  it('puts each exhibit on a plinth inside its booth, clear of the walls, facing the middle', () => {
    const l = layoutHall(booths(9, 6), 8);
    for (const b of l.booths) {
      expect(b.plinths).toHaveLength(6);
      for (const p of b.plinths) {
        expect(inRect(p.pos, b.area, -DIM.plinthR)).toBe(true);
        // A plinth is already where collisions would leave it.
        const settled = resolve(p.pos, DIM.plinthR - 0.01, { segments: b.walls, circles: [] }, l.bounds);
        expect(dist(settled, p.pos)).toBeLessThan(1e-9);
        const f = forwardOf(p.yaw);
        const toMiddle = { x: b.center.x - p.pos.x, z: b.center.z - p.pos.z };
        expect(f.x * toMiddle.x + f.z * toMiddle.z).toBeGreaterThan(0);
      }
      for (let i = 1; i < b.plinths.length; i++) expect(dist(b.plinths[i]!.pos, b.plinths[i - 1]!.pos)).toBeGreaterThan(2 * DIM.plinthR);
    }
  });

  it('sets the timeline panels on an arc facing the rotunda centre, one per milestone', () => {
    for (const m of [4, 10, 24]) {
      const l = layoutHall(booths(8), m);
      const { center, radius, panels } = l.rotunda;
      expect(panels).toHaveLength(m);
      for (const p of panels) {
        expect(dist(p.pos, center)).toBeCloseTo(radius, 6);
        const f = forwardOf(p.yaw);
        expect(f.x * (center.x - p.pos.x) + f.z * (center.z - p.pos.z)).toBeCloseTo(radius, 6);
      }
      for (let i = 1; i < m; i++) expect(dist(panels[i]!.pos, panels[i - 1]!.pos)).toBeGreaterThan(DIM.panelW);
      // Oldest first, from west to east.
      expect(panels[0]!.pos.x).toBeLessThan(panels[m - 1]!.pos.x);
      expect(l.rotunda.center.z).toBeLessThan(Math.min(...l.booths.map((b) => b.area.z0)));
    }
  });

  it('starts the fan at a free spot south of the gate, looking up the avenue', () => {
    const l = layoutHall(booths(11), 9);
    expect(resolve(l.spawn, DIM.bodyR, l.colliders, l.bounds)).toEqual({ x: l.spawn.x, z: l.spawn.z });
    expect(l.spawn.z).toBeGreaterThan(l.gate.z);
    expect(forwardOf(l.spawn.yaw).z).toBeCloseTo(-1);
    expect(inRect(l.spawn, l.bounds)).toBe(true);
  });

  it('faces booths from their doors', () => {
    const l = layoutHall(booths(8), 8);
    for (const b of l.booths) {
      expect(Math.abs(b.door.x)).toBeLessThan(DIM.avenueHalf);
      expect(Math.abs(yawTowards(b.door, b.center) - b.facingIn)).toBeLessThan(1e-9);
    }
  });
});
