import { axisAngle, IDENTITY, mul, rotY, rotZ } from '../math/quat.js';
import type { HumanBone, Quat } from '../types.js';
import { mirrorQuat } from './mirror.js';

/**
 * Hand shapes as local rotations of the finger bones.
 *
 * Conventions (left hand, at rest in the T-pose): fingers point along +X, the palm faces −Y, the thumb
 * points 45° between +X and +Z. Curling a finger turns it towards the palm: a negative rotation about Z.
 * The right hand is the mirror image (positive rotation about Z).
 */
export type ThumbShape = 'along' | 'out' | 'up' | 'fold';

export interface HandShape {
  /** Curl of index, middle, ring and little finger: 0 straight … 1 closed into a fist. */
  curl: readonly [number, number, number, number];
  /** along: beside the index (flat hand) · out: spread away from the fingers · up: sticking straight out
   *  of a fist (thumbs-up) · fold: wrapped over the curled fingers (fist). */
  thumb: ThumbShape;
  /** Fingers fanned apart, 0–1. */
  spread?: number;
}

export const HANDS = {
  relaxed: { curl: [0.22, 0.3, 0.36, 0.42], thumb: 'along', spread: 0.05 },
  flat: { curl: [0.04, 0.04, 0.06, 0.08], thumb: 'along', spread: 0.15 },
  open: { curl: [0.05, 0.05, 0.08, 0.1], thumb: 'out', spread: 0.6 },
  fist: { curl: [1, 1, 1, 1], thumb: 'fold' },
  thumbsUp: { curl: [1, 1, 1, 1], thumb: 'up' },
  point: { curl: [0, 1, 1, 1], thumb: 'fold' },
  heart: { curl: [0.55, 0.6, 0.65, 0.7], thumb: 'out', spread: 0 },
  cupped: { curl: [0.45, 0.5, 0.55, 0.6], thumb: 'along', spread: 0.1 },
} as const satisfies Record<string, HandShape>;

const FINGERS = ['Index', 'Middle', 'Ring', 'Little'] as const;
/** Full-curl angles of the three finger joints, radians. */
const CURL = [1.4, 1.7, 1.15] as const;
const SPREAD = [-0.18, 0, 0.1, 0.22] as const;
/** Axis about which the left thumb curls towards the palm (perpendicular to its rest direction, in the palm plane). */
const THUMB_CURL_AXIS = [Math.SQRT1_2, 0, -Math.SQRT1_2] as const;
const thumbCurl = (a: number): Quat => axisAngle(THUMB_CURL_AXIS, a);

/** Left-thumb local rotations [metacarpal, proximal, distal] per shape. Positive Y swings it towards the index. */
const THUMB: Record<ThumbShape, readonly [Quat, Quat, Quat]> = {
  along: [mul(rotY(0.3), thumbCurl(0.1)), thumbCurl(0.15), thumbCurl(0.1)],
  out: [mul(rotY(-0.5), thumbCurl(-0.1)), thumbCurl(0.05), thumbCurl(0.05)],
  up: [mul(rotY(-Math.PI / 4), thumbCurl(-0.12)), IDENTITY, IDENTITY],
  fold: [mul(rotY(0.45), thumbCurl(0.55)), thumbCurl(0.55), thumbCurl(0.5)],
};

/**
 * Local rotations of all finger bones of one hand for a shape.
 * Returns: a bone map with the 15 finger bones of that side.
 */
export function handBones(side: 'left' | 'right', shape: HandShape): Partial<Record<HumanBone, Quat>> {
  const out: Partial<Record<HumanBone, Quat>> = {};
  const fix = (q: Quat): Quat => (side === 'left' ? q : mirrorQuat(q));
  const spread = shape.spread ?? 0;
  FINGERS.forEach((f, i) => {
    const c = shape.curl[i] ?? 0;
    const base = `${side}${f}` as const;
    out[`${base}Proximal` as HumanBone] = fix(mul(rotY(SPREAD[i]! * spread), rotZ(-CURL[0] * c)));
    out[`${base}Intermediate` as HumanBone] = fix(rotZ(-CURL[1] * c));
    out[`${base}Distal` as HumanBone] = fix(rotZ(-CURL[2] * c));
  });
  const [m, p, d] = THUMB[shape.thumb];
  out[`${side}ThumbMetacarpal`] = fix(m);
  out[`${side}ThumbProximal`] = fix(p);
  out[`${side}ThumbDistal`] = fix(d);
  return out;
}
