import { GESTURES } from '@snowstage/protocol';
import { describe, expect, it } from 'vitest';
import { RELAXED_POSE } from '../body/rest-pose.js';
import { boneDirection, forwardKinematics, type WorldPose } from '../body/skeleton.js';
import type { Pose } from '../body/pose.js';
import { angleBetween, rotate } from '../math/quat.js';
import { dot, length, sub } from '../math/vec.js';
import type { Vec3 } from '../types.js';
import { sampleGesture } from './clip.js';
import { gestureClip, gestureNames } from './library.js';

/** The world pose of a gesture's key k, over the relaxed body (what the stage would show at that key). */
function keyWorld(name: (typeof GESTURES)[number], k: number): WorldPose {
  const clip = gestureClip(name);
  const pose: Pose = clip.keys[k]!.pose;
  return forwardKinematics({ bones: { ...RELAXED_POSE.bones, ...pose.bones }, hipsOffset: clip.drivesHips ? pose.hipsOffset : [0, 0, 0] });
}
/** Tip of a distal finger bone (2 cm past its joint). */
const tip = (w: WorldPose, bone: 'leftIndexDistal' | 'rightIndexDistal' | 'rightThumbDistal'): Vec3 => {
  const d = boneDirection(w, bone);
  const p = w.position[bone];
  return [p[0] + 0.02 * d[0], p[1] + 0.02 * d[1], p[2] + 0.02 * d[2]];
};
const rest = forwardKinematics(RELAXED_POSE);

describe('the gesture library', () => {
  it('has all 12 protocol gestures, each 0.8–2.5 s long', () => {
    expect(gestureNames()).toEqual(GESTURES);
    for (const g of gestureNames()) {
      const c = gestureClip(g);
      expect(c.durationMs, g).toBeGreaterThanOrEqual(800);
      expect(c.durationMs, g).toBeLessThanOrEqual(2500);
      expect(c.doc.length, g).toBeGreaterThan(40);
    }
  });

  it('reaches each key pose exactly at its time, at full weight', () => {
    for (const g of gestureNames()) {
      const c = gestureClip(g);
      for (const k of c.keys) {
        const s = sampleGesture(c, k.atMs)!;
        expect(s.weight, `${g}@${k.atMs}`).toBe(1);
        for (const b of c.bones) expect(angleBetween(s.pose.bones[b]!, k.pose.bones[b]!), `${g} ${b}@${k.atMs}`).toBeLessThan(1e-6);
      }
    }
  });

  it('blends in from nothing and out to nothing, and moves between keys', () => {
    for (const g of gestureNames()) {
      const c = gestureClip(g);
      expect(sampleGesture(c, 0)!.weight).toBe(0);
      expect(sampleGesture(c, c.durationMs - 1)!.weight).toBeLessThan(0.01);
      expect(sampleGesture(c, c.durationMs)).toBeNull();
      expect(sampleGesture(c, -1)).toBeNull();
      const [a, b] = c.keys;
      if (a && b) {
        const mid = sampleGesture(c, (a.atMs + b.atMs) / 2)!;
        const moved = c.bones.some((n) => angleBetween(mid.pose.bones[n]!, a.pose.bones[n]!) > 1e-4);
        expect(moved || c.keys.length === 2, g).toBe(true);
      }
    }
  });
});

describe('gesture key poses (forward kinematics on the rest skeleton)', () => {
  it('thumbs-up: right hand raised above the right elbow, thumb up, fingers curled', () => {
    for (let k = 0; k < gestureClip('thumbs-up').keys.length; k++) {
      const w = keyWorld('thumbs-up', k);
      expect(w.position.rightHand[1] - w.position.rightLowerArm[1]).toBeGreaterThan(0.08);
      expect(w.position.rightHand[2]).toBeGreaterThan(0.15); // in front of the body
      expect(boneDirection(w, 'rightThumbDistal')[1]).toBeGreaterThan(0.8); // thumb points up
      const hand = boneDirection(w, 'rightHand');
      expect(dot(boneDirection(w, 'rightIndexDistal'), hand)).toBeLessThan(0); // folded back: a fist
      expect(w.position.leftHand[1]).toBeLessThan(1.0); // only the right arm
    }
  });

  it('heart-hands: both hands meet in front of the upper chest, thumbs down and in', () => {
    const w = keyWorld('heart-hands', 0);
    for (const s of ['left', 'right'] as const) {
      const hand = w.position[`${s}Hand`];
      expect(hand[1]).toBeGreaterThan(w.position.chest[1] + 0.1);
      expect(hand[2]).toBeGreaterThan(0.2);
      expect(Math.abs(hand[0])).toBeLessThan(0.1);
      const thumb = boneDirection(w, `${s}ThumbDistal`);
      expect(thumb[1]).toBeLessThan(0);
      expect(thumb[0] * (s === 'left' ? 1 : -1)).toBeLessThan(0);
    }
    expect(length(sub(tip(w, 'leftIndexDistal'), tip(w, 'rightIndexDistal')))).toBeLessThan(0.08);
  });

  it('wipe-tears: the bent index fingers are at the eyes', () => {
    for (let k = 0; k < gestureClip('wipe-tears').keys.length; k++) {
      const w = keyWorld('wipe-tears', k);
      expect(length(sub(tip(w, 'leftIndexDistal'), w.position.leftEye))).toBeLessThan(0.07);
      expect(length(sub(tip(w, 'rightIndexDistal'), w.position.rightEye))).toBeLessThan(0.07);
    }
  });

  it('wave: the open right hand is up beside the head, swinging side to side', () => {
    const xs = gestureClip('wave').keys.map((_, k) => {
      const w = keyWorld('wave', k);
      expect(w.position.rightHand[1]).toBeGreaterThan(w.position.head[1]);
      return w.position.rightHand[0];
    });
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.1);
  });

  it('clap: palms meet on the claps and part in between', () => {
    const gap = gestureClip('clap').keys.map((_, k) => {
      const w = keyWorld('clap', k);
      return length(sub(w.position.leftHand, w.position.rightHand));
    });
    expect(gap.filter((_, i) => i % 2 === 1).every((d) => d < 0.09)).toBe(true);
    expect(gap.filter((_, i) => i % 2 === 0).every((d) => d > 0.25)).toBe(true);
  });

  it('bow: the face comes forward and down', () => {
    const w = keyWorld('bow', 0);
    expect(rest.position.leftEye[1] - w.position.leftEye[1]).toBeGreaterThan(0.1);
    expect(w.position.leftEye[2] - rest.position.leftEye[2]).toBeGreaterThan(0.2);
  });

  it("point-product: the right index points to the model's right-front (the viewer's left)", () => {
    const w = keyWorld('point-product', 0);
    const d = boneDirection(w, 'rightIndexDistal');
    expect(d[0]).toBeLessThan(-0.5);
    expect(d[2]).toBeGreaterThan(0.4);
    expect(w.position.rightHand[0]).toBeLessThan(-0.35);
    expect(gestureClip('point-product').keys[0]!.pose.gaze!.yaw).toBeLessThan(0); // eyes follow
  });

  it('cheer: both fists above the head', () => {
    const w = keyWorld('cheer', 0);
    expect(w.position.leftHand[1]).toBeGreaterThan(w.position.head[1] + 0.15);
    expect(w.position.rightHand[1]).toBeGreaterThan(w.position.head[1] + 0.15);
  });

  it('thinking: the right index finger at the chin', () => {
    const w = keyWorld('thinking', 0);
    const chin = rotate(w.rotation.head, [0, -0.02, 0.08]);
    const chinPos: Vec3 = [w.position.head[0] + chin[0], w.position.head[1] + chin[1], w.position.head[2] + chin[2]];
    expect(length(sub(tip(w, 'rightIndexDistal'), chinPos))).toBeLessThan(0.08);
  });

  it('shrug: shoulders up, forearms out with palms up', () => {
    const w = keyWorld('shrug', 0);
    expect(w.position.leftUpperArm[1] - rest.position.leftUpperArm[1]).toBeGreaterThan(0.015);
    expect(rotate(w.rotation.leftHand, [0, -1, 0])[1]).toBeGreaterThan(0.7); // palm normal points up
  });

  it('nod tips the head down; shake-head turns it both ways', () => {
    const down = gestureClip('nod').keys.map((k) => rotate(k.pose.bones.head!, [0, 0, 1])[1]);
    expect(Math.min(...down)).toBeLessThan(-0.2);
    const sideways = gestureClip('shake-head').keys.map((k) => rotate(k.pose.bones.head!, [0, 0, 1])[0]);
    expect(Math.max(...sideways)).toBeGreaterThan(0.15);
    expect(Math.min(...sideways)).toBeLessThan(-0.15);
  });
});
