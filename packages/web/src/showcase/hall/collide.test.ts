import { describe, expect, it } from 'vitest';
import { freeFraction, resolve } from './collide.js';
import { DIM } from './layout.js';

const bounds = { x0: -50, z0: -50, x1: 50, z1: 50 };
const wall = { a: { x: 0, z: -5 }, b: { x: 0, z: 5 } };

describe('collisions', () => {
  it('keeps a body out of a wall, leaving it on its own side', () => {
    const p = resolve({ x: -0.1, z: 0 }, 0.35, { segments: [wall], circles: [] }, bounds);
    expect(p.x).toBeCloseTo(-(0.35 + DIM.wallThickness / 2));
    expect(p.z).toBe(0);
  });

  it('slides along a wall: the move into it is removed, the move along it stays', () => {
    const p = resolve({ x: -0.3, z: 1.5 }, 0.35, { segments: [wall], circles: [] }, bounds);
    expect(p.z).toBe(1.5);
    expect(p.x).toBeLessThan(-0.3);
  });

  it('walks round the end of a wall and out of solid circles', () => {
    const free = resolve({ x: 0, z: 5.6 }, 0.35, { segments: [wall], circles: [] }, bounds);
    expect(free).toEqual({ x: 0, z: 5.6 });
    const p = resolve({ x: 10.5, z: 0 }, 0.35, { segments: [], circles: [{ c: { x: 10, z: 0 }, r: 1 }] }, bounds);
    expect(Math.hypot(p.x - 10, p.z)).toBeCloseTo(1.35);
  });

  it('stays inside the bounds', () => {
    expect(resolve({ x: 80, z: -80 }, 0.5, { segments: [], circles: [] }, bounds)).toEqual({ x: 49.5, z: -49.5 });
  });

  it('tells how far a camera ray gets before a wall', () => {
    expect(freeFraction({ x: -2, z: 0 }, { x: 2, z: 0 }, [wall])).toBeCloseTo(0.5);
    expect(freeFraction({ x: -2, z: 6 }, { x: 2, z: 6 }, [wall])).toBe(1);
  });
});
