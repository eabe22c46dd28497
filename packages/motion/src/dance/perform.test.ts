import type { DanceMove } from '@snowstage/protocol';
import { describe, expect, it } from 'vitest';
import { forwardKinematics } from '../body/skeleton.js';
import { angleBetween, rotate } from '../math/quat.js';
import { beatAt, dancePose, dip } from './perform.js';
import { MOVES } from './moves.js';

const period = 468.75;
const beatsMs = Array.from({ length: 64 }, (_, i) => 100 + i * period);
const only = (name: string, energy = 1): DanceMove[] => [{ name, startMs: beatsMs[0]!, durationMs: 16 * period, energy }];

describe('beatAt', () => {
  it('locates times on the beat grid and extrapolates outside it', () => {
    expect(beatAt(beatsMs, beatsMs[5]!)).toEqual({ index: 5, phase: 0, periodMs: period });
    expect(beatAt(beatsMs, beatsMs[5]! + period / 4).phase).toBeCloseTo(0.25, 9);
    expect(beatAt(beatsMs, beatsMs[63]! + 2.5 * period).index).toBe(65);
    expect(beatAt(beatsMs, 100 - period).index).toBe(-1);
    expect(beatAt([], 1250)).toEqual({ index: 2, phase: 0.5, periodMs: 500 });
  });
});

describe('dancePose', () => {
  it('dips deepest exactly on each beat: every move lands on the beat', () => {
    expect(dip(0)).toBe(1);
    expect(dip(0.5)).toBeCloseTo(0, 9);
    for (const m of MOVES) {
      const script = { beatsMs, moves: only(m.name) };
      for (const beat of [1, 2, 3]) {
        const onBeat = dancePose(script, beatsMs[beat]!).hipsOffset[1];
        const quarterAfter = dancePose(script, beatsMs[beat]! + period / 4).hipsOffset[1];
        const before = dancePose(script, beatsMs[beat]! - period / 4).hipsOffset[1];
        expect(onBeat, `${m.name} beat ${beat}`).toBeLessThan(Math.min(before, quarterAfter));
      }
    }
  });

  it('hits each key pose of the move on its beat', () => {
    for (const m of MOVES) {
      const script = { beatsMs, moves: only(m.name, 1) };
      for (let k = 1; k < m.keys.length; k++) {
        const pose = dancePose(script, beatsMs[k]!);
        for (const b of ['leftUpperArm', 'rightLowerArm', 'head'] as const) {
          expect(angleBetween(pose.bones[b]!, m.keys[k]!.bones[b]!), `${m.name} key ${k} ${b}`).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('changes the pose from beat to beat and keeps the feet on the floor', () => {
    for (const m of MOVES) {
      const script = { beatsMs, moves: only(m.name) };
      const arms = [0, 1, 2, 3].map((k) => dancePose(script, beatsMs[k]! + 1).bones);
      const changed = arms.slice(1).some((a, i) =>
        (['leftUpperArm', 'rightUpperArm', 'hips', 'leftLowerArm'] as const).some((b) => angleBetween(a[b]!, arms[i]![b]!) > 0.05));
      expect(changed, m.name).toBe(true);
      if (m.lift) continue;
      const w = forwardKinematics(dancePose(script, beatsMs[2]!));
      expect(Math.min(w.position.leftFoot[1], w.position.rightFoot[1]), m.name).toBeLessThan(0.12);
    }
  });

  it('jumps between beats and lands on them', () => {
    const script = { beatsMs, moves: only('jump-cheer') };
    const air = dancePose(script, beatsMs[1]! + period / 2).hipsOffset[1];
    const land = dancePose(script, beatsMs[2]!).hipsOffset[1];
    expect(air - land).toBeGreaterThan(0.08);
  });

  it('turns a full circle on the spin beats of point-and-spin', () => {
    const script = { beatsMs, moves: only('point-and-spin') };
    const facing = (t: number) => rotate(dancePose(script, t).bones.hips!, [0, 0, 1]);
    expect(facing(beatsMs[7]!)[2]).toBeLessThan(-0.9); // half-way: facing away
    expect(facing(beatsMs[8]!)[2]).toBeGreaterThan(0.9);
  });

  it('plays quieter music with smaller moves', () => {
    const big = dancePose({ beatsMs, moves: only('jump-cheer', 1) }, beatsMs[2]!);
    const small = dancePose({ beatsMs, moves: only('jump-cheer', 0) }, beatsMs[2]!);
    const lift = (p: typeof big) => forwardKinematics(p).position.leftHand[1];
    expect(lift(big)).toBeGreaterThan(lift(small) + 0.1);
  });

  it('flows from the last beat of one move into the first key of the next', () => {
    const moves: DanceMove[] = [
      { name: 'hip-sway', startMs: beatsMs[0]!, durationMs: 4 * period, energy: 1 },
      { name: 'jump-cheer', startMs: beatsMs[4]!, durationMs: 4 * period, energy: 1 },
    ];
    const justBefore = dancePose({ beatsMs, moves }, beatsMs[4]! - 1);
    const onIt = dancePose({ beatsMs, moves }, beatsMs[4]!);
    expect(angleBetween(justBefore.bones.leftUpperArm!, onIt.bones.leftUpperArm!)).toBeLessThan(0.02);
  });
});
