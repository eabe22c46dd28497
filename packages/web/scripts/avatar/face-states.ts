/**
 * Facial states: every expression is a set of parameters of the same drawn face. The face builder
 * turns each state into vertex positions; the difference from `NEUTRAL` is the morph target.
 */
export interface EyeState {
  /** 1 = open as neutral, 0 = the upper lid lies on the closed line. */
  open: number;
  /** Bow of the closed line: negative sags (calm closed eye ‿), positive arches (laughing eye ^). */
  arc: number;
  /** Lowers the upper lid at the outer (+) or inner (−) end, as a fraction of the eye's height. */
  tilt: number;
  /** Pushes the lower lid up (a smiling squint), 0–1. */
  lowerRaise: number;
  /** Vertical size of the eye opening (surprise widens it). */
  scale: number;
  irisScale: number;
  pupilScale: number;
  /** Iris offset in metres (world x, y). */
  look: readonly [number, number];
  /** A tear drop on the cheek under the eye, 0–1. */
  tear: number;
}

export interface BrowState {
  /** Moves the whole brow up (+) or down (−), metres. */
  raise: number;
  /** Moves the inner end up (+, worried) or down (−, cross), metres. */
  inner: number;
}

export interface MouthState {
  halfWidth: number;
  /** Mid upper lip above the corner line, metres. */
  upper: number;
  /** Mid lower lip relative to the corner line (negative = open), metres. */
  lower: number;
  /** Corner height relative to the mouth centre (+ = smile). */
  corner: number;
  /** Shape exponent of the lips: 0.5 round, 1 flatter. */
  round: number;
  teeth: number;
  tongue: number;
}

export interface FaceState {
  eyeL: EyeState;
  eyeR: EyeState;
  browL: BrowState;
  browR: BrowState;
  mouth: MouthState;
}

const EYE: EyeState = { open: 1, arc: -0.0045, tilt: 0, lowerRaise: 0, scale: 1, irisScale: 1, pupilScale: 1, look: [0, 0], tear: 0 };
const BROW: BrowState = { raise: 0, inner: 0 };
const MOUTH: MouthState = { halfWidth: 0.0085, upper: 0, lower: 0, corner: 0.0011, round: 0.8, teeth: 0, tongue: 0 };

export const NEUTRAL: FaceState = { eyeL: EYE, eyeR: EYE, browL: BROW, browR: BROW, mouth: MOUTH };

type Patch = { eye?: Partial<EyeState>; eyeL?: Partial<EyeState>; eyeR?: Partial<EyeState>; brow?: Partial<BrowState>; mouth?: Partial<MouthState> };

function state(p: Patch): FaceState {
  return {
    eyeL: { ...EYE, ...p.eye, ...p.eyeL },
    eyeR: { ...EYE, ...p.eye, ...p.eyeR },
    browL: { ...BROW, ...p.brow },
    browR: { ...BROW, ...p.brow },
    mouth: { ...MOUTH, ...p.mouth },
  };
}

/** Morph targets, in the order they are written to the mesh. */
export const MORPHS: ReadonlyArray<readonly [string, FaceState]> = [
  ['aa', state({ mouth: { halfWidth: 0.0102, upper: 0.0032, lower: -0.0165, corner: 0.0004, round: 0.55, teeth: 0.45, tongue: 0.8 } })],
  ['ih', state({ mouth: { halfWidth: 0.0122, upper: 0.0018, lower: -0.0058, corner: 0.0014, round: 0.95, teeth: 1, tongue: 0.2 } })],
  ['ou', state({ mouth: { halfWidth: 0.0058, upper: 0.0036, lower: -0.0088, corner: 0, round: 0.5, teeth: 0, tongue: 0.3 } })],
  ['ee', state({ mouth: { halfWidth: 0.0128, upper: 0.0024, lower: -0.0082, corner: 0.0022, round: 0.85, teeth: 1, tongue: 0.3 } })],
  ['oh', state({ mouth: { halfWidth: 0.0082, upper: 0.0042, lower: -0.0128, corner: 0, round: 0.5, teeth: 0.15, tongue: 0.6 } })],
  ['blinkLeft', state({ eyeL: { open: 0 } })],
  ['blinkRight', state({ eyeR: { open: 0 } })],
  [
    'happy',
    state({
      eye: { open: 0, arc: 0.0085 },
      brow: { raise: 0.0022, inner: 0.0008 },
      mouth: { halfWidth: 0.0122, upper: 0.0014, lower: -0.0105, corner: 0.0042, round: 0.72, teeth: 0.55, tongue: 0.75 },
    }),
  ],
  [
    'angry',
    state({
      eye: { open: 0.8, tilt: -0.55 },
      brow: { raise: -0.001, inner: -0.0095 },
      mouth: { halfWidth: 0.0092, upper: 0.0012, lower: -0.0032, corner: -0.0022, round: 0.9, teeth: 0.7 },
    }),
  ],
  [
    'sad',
    state({
      eye: { open: 0.8, tilt: 0.32, look: [0, -0.0012], tear: 1 },
      brow: { raise: 0.0008, inner: 0.009 },
      mouth: { halfWidth: 0.0078, upper: 0.0006, lower: -0.0012, corner: -0.003, round: 0.8 },
    }),
  ],
  [
    'relaxed',
    state({
      eye: { open: 0.5, arc: -0.0015, lowerRaise: 0.15 },
      brow: { raise: -0.0006, inner: 0.0012 },
      mouth: { halfWidth: 0.0098, corner: 0.0026, round: 0.8 },
    }),
  ],
  [
    'surprised',
    state({
      eye: { scale: 1.14, irisScale: 0.9, pupilScale: 0.72 },
      brow: { raise: 0.0058, inner: 0.0006 },
      mouth: { halfWidth: 0.0066, upper: 0.0042, lower: -0.0125, corner: 0, round: 0.5, tongue: 0.3 },
    }),
  ],
  ['lookUp', state({ eye: { look: [0, 0.0042] } })],
  ['lookDown', state({ eye: { look: [0, -0.0046] } })],
  // VRM's lookLeft turns the eyes to the avatar's left, which is +X.
  ['lookLeft', state({ eye: { look: [0.0058, 0] } })],
  ['lookRight', state({ eye: { look: [-0.0058, 0] } })],
];
