/**
 * Browser-safe entry (`@snowstage/voice/visemes`): viseme tables, timeline building and the VRM mouth
 * mapping, with no Node or engine code. The stage imports this.
 */
export { ZH_VISEMES, EN_VISEMES, type VisemePart, type VisemeTable } from './tables.js';
export { visemesForPhoneme, cleanPhoneme } from './lookup.js';
export { buildVisemeTimeline, phonemeSpans, type PhonemeSpan, type TimelineOptions } from './timeline.js';
// The VRM mouth mapping is the protocol's (one table for every stage); sampling it is the motion runtime's.
export { VISEME_TO_VRM } from '@snowstage/protocol';
