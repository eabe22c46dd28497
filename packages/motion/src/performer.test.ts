import type { VisemeCue } from '@snowstage/protocol';
import { describe, expect, it } from 'vitest';
import { forwardKinematics } from './body/skeleton.js';
import { gestureClip } from './gestures/library.js';
import { angleBetween, rotate } from './math/quat.js';
import { Performer } from './performer.js';
import type { HumanBone, PoseFrame } from './types.js';

const T0 = 1_000_000; // an arbitrary audio-clock origin
const aa: VisemeCue[] = [
  { v: 'aa', startMs: 0, endMs: 400, weight: 1 },
  { v: 'sil', startMs: 400, endMs: 600, weight: 1 },
  { v: 'oh', startMs: 600, endMs: 1200, weight: 1 },
];
const speech = (over: Partial<Parameters<Performer['speak']>[0]> = {}) => ({
  startMs: T0,
  durationMs: 1500,
  visemes: aa,
  emotion: { name: 'neutral' as const, intensity: 0 },
  gestures: [],
  ...over,
});

/** Runs a performer at 60 fps from `from` to `to` (the way a stage calls it) and returns the last frame. */
function run(p: Performer, from: number, to: number): PoseFrame {
  let f = p.update(from);
  for (let t = from + 16; t < to; t += 16) f = p.update(t);
  return p.update(to);
}

const sameBones = (a: PoseFrame, b: PoseFrame, eps = 1e-6) => {
  for (const k of Object.keys(a.bones) as HumanBone[]) expect(angleBetween(a.bones[k]!, b.bones[k]!), k).toBeLessThan(eps);
};

describe('Performer layers', () => {
  it('is idle with arms down, eyes on the camera and no expression when nothing is scheduled', () => {
    const p = new Performer({ seed: 1 });
    const f = run(p, T0, T0 + 500);
    const w = forwardKinematics(f);
    expect(w.position.rightHand[1]).toBeLessThan(0.95);
    expect(Math.abs(f.lookAt.yaw)).toBeLessThanOrEqual(0.1);
    expect(f.expressions).toEqual({});
    expect(p.activity(T0 + 500)).toBe('idle');
  });

  it('is deterministic for a seed', () => {
    const a = run(new Performer({ seed: 4 }), T0, T0 + 3000);
    const b = run(new Performer({ seed: 4 }), T0, T0 + 3000);
    expect(a).toEqual(b);
  });

  it('plays a gesture over idle: the driven bones are exactly the key pose at the key time', () => {
    const p = new Performer({ seed: 2 });
    p.gesture('thumbs-up', T0 + 100);
    const clip = gestureClip('thumbs-up');
    const key = clip.keys[1]!;
    const f = run(p, T0, T0 + 100 + key.atMs);
    for (const b of clip.bones) expect(angleBetween(f.bones[b]!, key.pose.bones[b]!), b).toBeLessThan(1e-6);
    const w = forwardKinematics(f);
    expect(w.position.rightHand[1]).toBeGreaterThan(w.position.rightLowerArm[1] + 0.05);
    expect(w.position.leftHand[1]).toBeLessThan(0.95); // the other arm keeps idling
    expect(p.activity(T0 + 100 + key.atMs)).toBe('gesturing');
  });

  it('adds nod on top of the idle head instead of replacing it', () => {
    const plain = new Performer({ seed: 2 });
    const nodding = new Performer({ seed: 2 });
    nodding.gesture('nod', T0);
    const t = T0 + gestureClip('nod').keys[1]!.atMs;
    const a = run(plain, T0, t);
    const b = run(nodding, T0, t);
    const down = (f: PoseFrame) => -rotate(forwardKinematics(f).rotation.head, [0, 0, 1])[1];
    expect(down(b) - down(a)).toBeGreaterThan(0.25);
    expect(nodding.activity(t)).toBe('idle'); // a head gesture does not need the full-body camera
  });

  it('times speech gestures so their stroke lands on the word at atMs', () => {
    const p = new Performer({ seed: 1 });
    p.speak(speech({ gestures: [{ name: 'wave', atMs: 900 }] }));
    const lead = gestureClip('wave').keys[0]!.atMs;
    expect(p.activity(T0 + 880 - lead)).toBe('speaking');
    expect(p.activity(T0 + 920 - lead)).toBe('gesturing');
    const f = run(p, T0, T0 + 900);
    for (const b of gestureClip('wave').bones) {
      expect(angleBetween(f.bones[b]!, gestureClip('wave').keys[0]!.pose.bones[b]!)).toBeLessThan(1e-6);
    }
    expect(forwardKinematics(f).position.rightHand[1]).toBeGreaterThan(1.4);
  });

  it('moves the mouth from the viseme timeline on the caller clock, closed after the speech', () => {
    const p = new Performer({ seed: 1 });
    p.speak(speech());
    expect(run(p, T0 - 200, T0 - 100).expressions.aa).toBeUndefined();
    expect(p.update(T0 + 200).expressions.aa).toBe(1);
    expect(p.update(T0 + 500).expressions.aa).toBeUndefined(); // sil
    expect(p.update(T0 + 900).expressions.oh).toBe(1);
    const after = run(p, T0 + 900, T0 + 1700).expressions;
    expect(after.aa ?? 0).toBe(0);
    expect(after.oh ?? 0).toBe(0);
  });

  it('gives the mouth precedence over the emotion while speaking', () => {
    const p = new Performer({ seed: 1 });
    p.speak(speech({ emotion: { name: 'happy', intensity: 0.9 } }));
    const talking = run(p, T0, T0 + 300).expressions;
    const pause = run(p, T0 + 300, T0 + 500).expressions;
    expect(talking.aa).toBe(1);
    expect(pause.happy!).toBeCloseTo(0.9, 5);
    expect(talking.happy!).toBeLessThan(pause.happy! * 0.6);
  });

  it('suppresses blinks while a full happy face closes the eyes', () => {
    const neutral = new Performer({ seed: 8 });
    const happy = new Performer({ seed: 8 });
    happy.express({ name: 'happy', intensity: 1 }, T0, 30_000);
    let maxNeutral = 0;
    let maxHappy = 0;
    for (let t = T0; t < T0 + 20_000; t += 10) {
      maxNeutral = Math.max(maxNeutral, neutral.update(t).expressions.blink ?? 0);
      if (t > T0 + 300) maxHappy = Math.max(maxHappy, happy.update(t).expressions.blink ?? 0);
      else happy.update(t);
    }
    expect(maxNeutral).toBeGreaterThan(0.95);
    expect(maxHappy).toBe(0);
  });

  it('blends emotions in and out, later ones over earlier ones', () => {
    const p = new Performer({ seed: 1 });
    p.express({ name: 'sad', intensity: 1 }, T0, 2000);
    p.express({ name: 'surprised', intensity: 0.8 }, T0 + 1000, 500);
    expect(p.update(T0 + 100).expressions.sad!).toBeGreaterThan(0.1);
    expect(p.update(T0 + 100).expressions.sad!).toBeLessThan(0.9);
    expect(p.update(T0 + 600).expressions.sad).toBeCloseTo(1, 9);
    const both = p.update(T0 + 1400).expressions;
    expect(both.surprised).toBeCloseTo(0.8, 9);
    expect(both.sad ?? 0).toBeLessThan(0.01);
    expect(p.update(T0 + 2200).expressions.sad!).toBeLessThan(1);
    expect(p.update(T0 + 2600).expressions).toEqual({});
  });

  it('lowers the head when sad', () => {
    const plain = run(new Performer({ seed: 3 }), T0, T0 + 1000);
    const p = new Performer({ seed: 3 });
    p.express({ name: 'sad', intensity: 1 }, T0, 5000);
    const sad = run(p, T0, T0 + 1000);
    const down = (f: PoseFrame) => -rotate(forwardKinematics(f).rotation.head, [0, 0, 1])[1];
    expect(down(sad) - down(plain)).toBeGreaterThan(0.15);
    expect(sad.lookAt.pitch).toBeGreaterThan(plain.lookAt.pitch);
  });

  it('falls back to loudness for a speech without visemes', () => {
    const p = new Performer({ seed: 1 });
    p.speak(speech({ visemes: [] }));
    p.setMouthLoudness(0.8);
    expect(run(p, T0, T0 + 200).expressions.aa!).toBeGreaterThan(0.5);
    p.setMouthLoudness(0);
    expect(run(p, T0 + 200, T0 + 800).expressions.aa ?? 0).toBe(0);
    p.setMouthLoudness(1);
    expect(run(p, T0 + 1600, T0 + 1800).expressions.aa ?? 0).toBe(0); // speech over: loudness ignored
  });
});

describe('stop (barge-in)', () => {
  it('returns to exactly the idle frame once the fades are over', () => {
    const idle = new Performer({ seed: 5 });
    const busy = new Performer({ seed: 5 });
    busy.speak(speech({ durationMs: 5000, emotion: { name: 'excited', intensity: 1 }, gestures: [{ name: 'cheer', atMs: 200 }, { name: 'bow', atMs: 3000 }] }));
    busy.dance({ startMs: T0 + 100, durationMs: 20_000, beatsMs: [0, 500, 1000, 1500, 2000], moves: [{ name: 'jump-cheer', startMs: 0, durationMs: 20_000, energy: 1 }] });
    const at = T0 + 700;
    run(idle, T0, at);
    run(busy, T0, at);
    busy.stop(at);
    expect(busy.activity(at)).toBe('idle');
    const mid = busy.update(at + 150);
    expect(mid.expressions.aa ?? 0).toBe(0); // the mouth closes at once
    idle.update(at + 150);
    const a = run(idle, at + 166, at + 1200);
    const b = run(busy, at + 166, at + 1200);
    sameBones(a, b);
    expect(b.hipsOffset).toEqual(a.hipsOffset);
    expect(b.expressions).toEqual(a.expressions);
    // the bow scheduled for later was dropped
    expect(busy.activity(T0 + 3500)).toBe('idle');
  });

  it('fades gestures out instead of snapping', () => {
    const p = new Performer({ seed: 5 });
    p.gesture('cheer', T0);
    const up = run(p, T0, T0 + 400);
    p.stop(T0 + 400);
    const fading = run(p, T0 + 400, T0 + 500);
    const gone = run(p, T0 + 500, T0 + 900);
    const hand = (f: PoseFrame) => forwardKinematics(f).position.leftHand[1];
    expect(hand(fading)).toBeLessThan(hand(up));
    expect(hand(fading)).toBeGreaterThan(hand(gone));
  });

  it('keeps an emotion set by express()', () => {
    const p = new Performer({ seed: 5 });
    p.express({ name: 'calm', intensity: 0.7 }, T0, 5000);
    p.stop(T0 + 1000);
    expect(run(p, T0, T0 + 2000).expressions.relaxed).toBeCloseTo(0.7, 9);
  });
});

describe('dance in the Performer', () => {
  it('dances on the beats of the caller clock and reports dancing', () => {
    const p = new Performer({ seed: 1 });
    const beatsMs = Array.from({ length: 32 }, (_, i) => 250 + i * 500);
    p.dance({ startMs: T0, durationMs: 16_000, beatsMs, moves: [{ name: 'side-step-clap', startMs: 250, durationMs: 15_750, energy: 1 }] });
    expect(p.activity(T0 + 3000)).toBe('dancing');
    const onBeat = run(p, T0, T0 + beatsMs[8]!).hipsOffset[1];
    const offBeat = run(p, T0 + beatsMs[8]!, T0 + beatsMs[8]! + 250).hipsOffset[1];
    expect(offBeat - onBeat).toBeGreaterThan(0.02);
    const clap = run(p, T0 + beatsMs[8]! + 250, T0 + beatsMs[9]!);
    const w = forwardKinematics(clap);
    expect(Math.abs(w.position.leftHand[0] - w.position.rightHand[0])).toBeLessThan(0.12); // the clap on beat 2
    expect(p.activity(T0 + 16_500)).toBe('idle');
  });

  it('lets a gesture take the arms while the legs keep dancing', () => {
    const p = new Performer({ seed: 1 });
    const beatsMs = Array.from({ length: 32 }, (_, i) => i * 500);
    p.dance({ startMs: T0, durationMs: 16_000, beatsMs, moves: [{ name: 'ski-tuck', startMs: 0, durationMs: 16_000, energy: 1 }] });
    p.gesture('thumbs-up', T0 + 2000);
    const t = T0 + 2000 + gestureClip('thumbs-up').keys[0]!.atMs;
    const f = run(p, T0, t);
    expect(angleBetween(f.bones.rightUpperArm!, gestureClip('thumbs-up').keys[0]!.pose.bones.rightUpperArm!)).toBeLessThan(1e-6);
    expect(f.hipsOffset[1]).toBeLessThan(-0.1); // still in the tuck
    expect(p.activity(t)).toBe('dancing');
  });
});
