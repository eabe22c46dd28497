import { describe, expect, it } from 'vitest';
import { floorTrapezoids, trapezoidArea, type FloorShape, type Trapezoid } from './floor-plan.js';

const bg = { kind: 'rect', x0: -20, x1: 20, z0: -50, z1: 10, color: 'snow', priority: 0 } as const;
const areaOf = (ts: Trapezoid[], color: string) => ts.filter((t) => t.color === color).reduce((a, t) => a + trapezoidArea(t), 0);

describe('floor plan', () => {
  it('tiles the background exactly: the areas add up to the whole rectangle', () => {
    const shapes: FloorShape[] = [
      { kind: 'rect', x0: -6, x1: 6, z0: -45, z1: 10, color: 'paving', priority: 1 },
      { kind: 'rect', x0: -2.4, x1: 2.4, z0: -41, z1: 10, color: 'carpet', priority: 2 },
      { kind: 'disc', cx: 0, cz: -20, r: 10, color: 'plaza', priority: 3 },
      { kind: 'disc', cx: 0, cz: -20, r: 8, color: 'ring', priority: 4 },
      { kind: 'disc', cx: 0, cz: -20, r: 7.6, color: 'plaza', priority: 5 },
    ];
    const ts = floorTrapezoids(bg, shapes);
    const total = ts.reduce((a, t) => a + trapezoidArea(t), 0);
    expect(total).toBeCloseTo(40 * 60, 6);
    for (const t of ts) {
      expect(t.r0).toBeGreaterThanOrEqual(t.l0 - 1e-9);
      expect(t.r1).toBeGreaterThanOrEqual(t.l1 - 1e-9);
    }
    // Shapes win by priority: the carpet shows outside the plaza, the plaza over the carpet.
    let underPlaza = 0;
    for (let x = -2.4 + 0.0005; x < 2.4; x += 0.001) underPlaza += 2 * Math.sqrt(100 - x * x) * 0.001;
    const carpetOutsidePlaza = 4.8 * 51 - underPlaza;
    expect(Math.abs(areaOf(ts, 'carpet') - carpetOutsidePlaza)).toBeLessThan(0.5);
    const ring = Math.PI * (8 * 8 - 7.6 * 7.6);
    expect(areaOf(ts, 'ring')).toBeCloseTo(ring, 0);
    // Discs are polygons of 10° steps: within two percent of the true area.
    expect(areaOf(ts, 'plaza')).toBeGreaterThan((Math.PI * 100 - ring) * 0.98);
    expect(areaOf(ts, 'plaza')).toBeLessThan((Math.PI * 100 - ring) * 1.02);
  });

  it('never lets two pieces cover the same point', () => {
    const shapes: FloorShape[] = [
      { kind: 'rect', x0: -6, x1: 6, z0: -45, z1: 10, color: 'a', priority: 1 },
      { kind: 'disc', cx: 3, cz: -10, r: 9, color: 'b', priority: 2 },
      { kind: 'rect', x0: 4, x1: 15, z0: -30, z1: -5, color: 'c', priority: 3 },
    ];
    const ts = floorTrapezoids(bg, shapes);
    // Sample points: each must be inside exactly one trapezoid, of the colour of the topmost shape.
    for (let i = 0; i < 400; i++) {
      const x = -19.9 + ((i * 37) % 399) / 10;
      const z = -49.9 + ((i * 53) % 599) / 10;
      const hits = ts.filter((t) => {
        if (z < t.z0 || z > t.z1) return false;
        const f = (z - t.z0) / (t.z1 - t.z0);
        return x >= t.l0 + (t.l1 - t.l0) * f - 1e-9 && x <= t.r0 + (t.r1 - t.r0) * f + 1e-9;
      });
      const inDisc = Math.hypot(x - 3, z + 10) < 9;
      const want = x >= 4 && x <= 15 && z >= -30 && z <= -5 ? 'c' : inDisc ? 'b' : x >= -6 && x <= 6 && z >= -45 ? 'a' : 'snow';
      const nearEdge = Math.abs(Math.hypot(x - 3, z + 10) - 9) < 0.15 || [-6, 6, 4, 15].some((e) => Math.abs(x - e) < 0.05) || [-45, -30, -5].some((e) => Math.abs(z - e) < 0.05);
      if (nearEdge) continue;
      expect(hits.length, `${x},${z}`).toBeGreaterThanOrEqual(1);
      expect(hits.every((h) => h.color === want), `${x},${z}`).toBe(true);
    }
  });
});
