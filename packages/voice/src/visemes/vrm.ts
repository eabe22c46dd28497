import type { Viseme, VisemeCue, VrmMouth } from '@snowstage/protocol';
import { VRM_MOUTHS } from '@snowstage/protocol';

/**
 * The 15 visemes as blends of the 5 mouth shapes every VRM model has (aa ih ou ee oh). Closed shapes
 * (sil, PP) are all zero: the neutral, closed mouth. The stage multiplies by the cue's weight.
 */
export const VISEME_TO_VRM: Readonly<Record<Viseme, Readonly<Partial<Record<VrmMouth, number>>>>> = {
  sil: {},
  PP: {},
  FF: { ih: 0.3, ou: 0.1 },
  TH: { ih: 0.3, aa: 0.15 },
  DD: { ih: 0.35, aa: 0.2 },
  kk: { aa: 0.35, ih: 0.2 },
  CH: { ou: 0.4, ih: 0.3 },
  SS: { ih: 0.55, ee: 0.1 },
  nn: { ih: 0.3, aa: 0.2 },
  RR: { ou: 0.5, oh: 0.2 },
  aa: { aa: 1 },
  E: { ee: 0.7, aa: 0.3 },
  ih: { ih: 0.8, ee: 0.2 },
  oh: { oh: 1 },
  ou: { ou: 1 },
};

export type MouthWeights = Record<VrmMouth, number>;

/** The five mouth weights of one cue (its blend times its weight). */
export function mouthWeights(v: Viseme, weight: number): MouthWeights {
  const out = { aa: 0, ih: 0, ou: 0, ee: 0, oh: 0 };
  for (const m of VRM_MOUTHS) out[m] = (VISEME_TO_VRM[v][m] ?? 0) * weight;
  return out;
}

/**
 * Use when: the stage renders a frame of speech.
 * Expects: a timeline and the time (ms from the audio's start); `blendMs` crossfades neighbouring
 * cues so the mouth moves instead of snapping (default 30 ms).
 * Returns: the five VRM mouth weights, 0–1.
 */
export function sampleMouth(cues: readonly VisemeCue[], ms: number, blendMs = 30): MouthWeights {
  let lo = 0;
  let hi = cues.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.endMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  const cue = cues[lo];
  if (!cue || ms < cue.startMs || ms > cue.endMs) return mouthWeights('sil', 1);
  const here = mouthWeights(cue.v, cue.weight);
  const prev = cues[lo - 1];
  const into = ms - cue.startMs;
  if (!prev || into >= blendMs) return here;
  const k = into / blendMs; // 0 at the boundary → 1 after blendMs
  const before = mouthWeights(prev.v, prev.weight);
  const out = { ...here };
  for (const m of VRM_MOUTHS) out[m] = before[m] + (here[m] - before[m]) * (0.5 + 0.5 * k);
  return out;
}
