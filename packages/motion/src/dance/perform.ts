import type { DanceMove } from '@snowstage/protocol';
import { plantLegs, type FootPlacement } from '../body/legs.js';
import type { BoneMap, Pose } from '../body/pose.js';
import { RELAXED_POSE } from '../body/rest-pose.js';
import { REST_SKELETON } from '../body/skeleton.js';
import { EASES, lerp } from '../math/ease.js';
import { IDENTITY, mul, rotate, rotY, slerp } from '../math/quat.js';
import { add, lerp3, scale, sub } from '../math/vec.js';
import type { HumanBone, Quat, Vec3 } from '../types.js';
import { moveByName, MOVES, type DanceKey, type MoveDef } from './moves.js';

/** Where `t` (ms) falls on a beat grid: the beat index, the phase 0–1 within it, and its length. */
export interface BeatPosition {
  index: number;
  phase: number;
  periodMs: number;
}

/**
 * Locates `t` on the beat times, extrapolating with the first/last interval before and after them.
 * Expects: ascending beat times (ms). With no beats, a 120 BPM grid from 0 is assumed.
 */
export function beatAt(beatsMs: readonly number[], t: number): BeatPosition {
  const n = beatsMs.length;
  if (n < 2) {
    const origin = beatsMs[0] ?? 0;
    const index = Math.floor((t - origin) / 500);
    return { index, phase: (t - origin) / 500 - index, periodMs: 500 };
  }
  if (t < beatsMs[0]!) {
    const p = beatsMs[1]! - beatsMs[0]!;
    const x = (t - beatsMs[0]!) / p;
    const index = Math.floor(x);
    return { index, phase: x - index, periodMs: p };
  }
  if (t >= beatsMs[n - 1]!) {
    const p = beatsMs[n - 1]! - beatsMs[n - 2]!;
    const x = (t - beatsMs[n - 1]!) / p;
    const k = Math.floor(x);
    return { index: n - 1 + k, phase: x - k, periodMs: p };
  }
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (beatsMs[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const p = beatsMs[lo + 1]! - beatsMs[lo]!;
  return { index: lo, phase: (t - beatsMs[lo]!) / p, periodMs: p };
}

/** The nearest beat index to a time (moves start on beats). */
function nearestBeat(beatsMs: readonly number[], t: number): number {
  const b = beatAt(beatsMs, t);
  return b.phase < 0.5 ? b.index : b.index + 1;
}

const isLeg = (b: HumanBone) => b === 'hips' || b.includes('Leg') || b.includes('Foot') || b.includes('Toes');
const UPPER: readonly HumanBone[] = (Object.keys(MOVES[0]!.keys[0]!.bones) as HumanBone[]).filter((b) => !isLeg(b));
const REST_ANKLE = {
  left: add(REST_SKELETON.leftUpperLeg.offset, add(REST_SKELETON.leftLowerLeg.offset, REST_SKELETON.leftFoot.offset)),
  right: add(REST_SKELETON.rightUpperLeg.offset, add(REST_SKELETON.rightLowerLeg.offset, REST_SKELETON.rightFoot.offset)),
};

interface Scaled {
  bones: BoneMap;
  hips: Quat;
  hipsOffset: Vec3;
  feet: DanceKey['feet'];
}

/** A key played at an energy: low energy keeps the shapes but makes them smaller (closer to standing). */
function atEnergy(k: DanceKey, energy: number): Scaled {
  const amt = 0.5 + 0.5 * energy;
  const bones: BoneMap = {};
  for (const b of UPPER) bones[b] = slerp(RELAXED_POSE.bones[b] ?? IDENTITY, k.bones[b] ?? IDENTITY, amt);
  return {
    bones,
    hips: slerp(IDENTITY, k.bones.hips ?? IDENTITY, amt),
    hipsOffset: scale(k.hipsOffset, amt),
    feet: {
      left: { offset: scale(k.feet.left.offset, amt), yaw: k.feet.left.yaw * amt },
      right: { offset: scale(k.feet.right.offset, amt), yaw: k.feet.right.yaw * amt },
    },
  };
}

/** Knee dip shape: 1 exactly on the beat, 0 half-way between beats. */
export const dip = (phase: number): number => ((1 + Math.cos(2 * Math.PI * phase)) / 2) ** 2;

export interface DanceScript {
  beatsMs: readonly number[];
  moves: readonly DanceMove[];
}

/**
 * The dance pose `t` ms after the song started. Between beat k and k+1 the body travels from key k to
 * key k+1 (the last beat of a move travels to the first key of the next move), with a knee dip that is
 * deepest on each beat, jumps that land on the beat and full turns where a move spins.
 * Before the first move she stands ready in its first key; after the last she holds its last key.
 * Unknown move names are skipped (their time is danced by the previous move's cycle).
 */
export function dancePose(script: DanceScript, t: number): Pose {
  const moves = script.moves
    .map((m) => ({ m, def: moveByName(m.name) }))
    .filter((x): x is { m: DanceMove; def: MoveDef } => x.def !== undefined);
  if (moves.length === 0) return { bones: { ...RELAXED_POSE.bones }, hipsOffset: [0, 0, 0] };
  let i = 0;
  while (i < moves.length - 1 && moves[i + 1]!.m.startMs <= t) i++;
  const cur = moves[i]!;
  const next = moves[i + 1];
  const beat = beatAt(script.beatsMs, t);
  const first = nearestBeat(script.beatsMs, cur.m.startMs);
  const before = t < cur.m.startMs;
  const local = before ? 0 : beat.index - first;
  const phase = before ? 0 : beat.phase;
  const nBeats = cur.def.bars * 4;
  const inMove = ((local % nBeats) + nBeats) % nBeats;
  const keys = cur.def.keys;
  const a = atEnergy(keys[inMove % keys.length]!, cur.m.energy);
  const lastBeat = inMove === nBeats - 1;
  const b = lastBeat && next && !before
    ? atEnergy(next.def.keys[0]!, next.m.energy)
    : atEnergy(keys[(inMove + 1) % keys.length]!, cur.m.energy);
  const u = EASES.inOutCubic(phase);

  const bones: BoneMap = {};
  for (const name of UPPER) bones[name] = slerp(a.bones[name]!, b.bones[name]!, u);
  let hips = slerp(a.hips, b.hips, u);
  const energy = lerp(cur.m.energy, lastBeat && next ? next.m.energy : cur.m.energy, u);
  let hipsOffset = lerp3(a.hipsOffset, b.hipsOffset, u);
  const bounce = before ? 0 : cur.def.bounce * (0.35 + 0.65 * energy) * dip(phase);
  const lift = before ? 0 : (cur.def.lift?.[inMove % (cur.def.lift?.length ?? 1)] ?? 0) * (0.5 + 0.5 * energy) * Math.sin(Math.PI * phase);
  hipsOffset = add(hipsOffset, [0, lift - bounce, 0]);
  const feet = {
    left: { offset: lerp3(a.feet.left.offset, b.feet.left.offset, u), yaw: lerp(a.feet.left.yaw, b.feet.left.yaw, u) },
    right: { offset: lerp3(a.feet.right.offset, b.feet.right.offset, u), yaw: lerp(a.feet.right.yaw, b.feet.right.yaw, u) },
  };
  const spin = cur.def.spin;
  if (spin && !before && inMove >= spin.startBeat && inMove < spin.startBeat + spin.beats) {
    const angle = 2 * Math.PI * EASES.inOutSine((inMove - spin.startBeat + phase) / spin.beats);
    hips = mul(rotY(angle), hips);
    const turn = rotY(angle);
    for (const s of ['left', 'right'] as const) {
      const ankle = add(REST_ANKLE[s], feet[s].offset);
      const turned = rotate(turn, ankle);
      feet[s] = { offset: sub(turned, REST_ANKLE[s]), yaw: feet[s].yaw + angle };
    }
  }
  for (const s of ['left', 'right'] as const) feet[s].offset = add(feet[s].offset, [0, Math.max(0, lift - 0.01), 0]);
  bones.hips = hips;
  Object.assign(bones, plantLegs(hipsOffset, hips, feet as { left: FootPlacement; right: FootPlacement }));
  return { bones, hipsOffset };
}
