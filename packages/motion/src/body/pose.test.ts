import { describe, expect, it } from 'vitest';
import { length, sub } from '../math/vec.js';
import { plantLegs } from './legs.js';
import { solveTwoBone } from './ik.js';
import { buildPose } from './pose.js';
import { HANDS } from './hands.js';
import { RELAXED_POSE } from './rest-pose.js';
import { forwardKinematics, REST_SKELETON } from './skeleton.js';
import { rotX } from '../math/quat.js';

describe('two-bone IK', () => {
  it('reaches a reachable target with both segment lengths kept', () => {
    const s = solveTwoBone([0, 0, 0], [0.3, 0.1, 0.2], 0.25, 0.22, [0, -1, 0]);
    expect(length(sub(s.end, [0.3, 0.1, 0.2]))).toBeLessThan(1e-9);
    expect(length(s.mid)).toBeCloseTo(0.25, 9);
    expect(length(sub(s.end, s.mid))).toBeCloseTo(0.22, 9);
    expect(s.mid[1]).toBeLessThan(0.1); // bends towards the pole
  });
});

describe('buildPose', () => {
  it('puts the wrist where the spec asks, on the rest skeleton', () => {
    const pose = buildPose({ right: { wrist: [-0.2, 1.3, 0.25], palm: [1, 0, 0], shape: HANDS.fist } });
    const w = forwardKinematics(pose);
    expect(length(sub(w.position.rightHand, [-0.2, 1.3, 0.25]))).toBeLessThan(1e-6);
  });

  it('keeps chest-relative wrists attached to a bent torso', () => {
    const upright = forwardKinematics(buildPose({ left: { wrist: [0.1, 1.2, 0.3], palm: [0, -1, 0], shape: HANDS.fist, frame: 'chest' } }));
    const bent = forwardKinematics(buildPose({ chest: rotX(0.4), left: { wrist: [0.1, 1.2, 0.3], palm: [0, -1, 0], shape: HANDS.fist, frame: 'chest' } }));
    const rel = (w: typeof upright) => length(sub(w.position.leftHand, w.position.upperChest));
    expect(rel(bent)).toBeCloseTo(rel(upright), 6);
    expect(bent.position.leftHand[1]).toBeLessThan(upright.position.leftHand[1]);
  });
});

describe('legs', () => {
  it('keep the feet planted while the hips dip and shift', () => {
    const rest = forwardKinematics({ bones: {} });
    const hipsOffset = [0.04, -0.1, 0.02] as const;
    const w = forwardKinematics({ bones: plantLegs(hipsOffset), hipsOffset });
    for (const foot of ['leftFoot', 'rightFoot'] as const) {
      expect(length(sub(w.position[foot], rest.position[foot]))).toBeLessThan(1e-3);
    }
    expect(w.position.leftLowerLeg[2]).toBeGreaterThan(0.02); // knees bend forward
  });
});

describe('the relaxed pose', () => {
  const w = forwardKinematics(RELAXED_POSE);
  it('hangs the arms by the sides, not in a T-pose', () => {
    for (const s of ['left', 'right'] as const) {
      const sign = s === 'left' ? 1 : -1;
      const hand = w.position[`${s}Hand`];
      const shoulder = w.position[`${s}UpperArm`];
      expect(shoulder[1] - hand[1]).toBeGreaterThan(0.38);
      expect(hand[0] * sign).toBeGreaterThan(0.15); // beside the hips, not inside them
      expect(hand[0] * sign).toBeLessThan(0.26);
    }
  });
  it('stands on the rest skeleton: hips at their rest height', () => {
    expect(w.position.hips[1]).toBeCloseTo(REST_SKELETON.hips.offset[1], 6);
  });
});
