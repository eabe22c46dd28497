/**
 * Browser-safe entry (`@snowstage/voice/visemes`): viseme tables, timeline building and the VRM mouth
 * mapping, with no Node or engine code. The stage imports this.
 */
export { ZH_VISEMES, EN_VISEMES, type VisemePart, type VisemeTable } from './tables.js';
export { visemesForPhoneme, cleanPhoneme } from './lookup.js';
export { buildVisemeTimeline, phonemeSpans, type PhonemeSpan, type TimelineOptions } from './timeline.js';
export { VISEME_TO_VRM, mouthWeights, sampleMouth, type MouthWeights } from './vrm.js';
