import type { Viseme } from '@snowstage/protocol';

/**
 * Phoneme → viseme tables (Oculus/Meta 15-viseme set) for eSpeak-NG's output: IPA for English, and
 * for Mandarin eSpeak's `cmn` symbols, some of which are its own names rather than IPA
 * (`ts.` = ʈʂ 知, `ts.h` = ʈʂʰ 吃, `s.` = ʂ 诗, `i.` = the apical vowel of 知吃诗日, `i̪` = that of 资此思,
 * `o-` = ɤ 歌, `onɡ` = ʊŋ). Stress marks, length marks and tone digits are stripped before lookup.
 *
 * A value is a sequence of parts `[viseme, share of the phoneme's time]`: diphthongs split into a
 * nucleus and a glide (falling diphthongs like ai/ɑu start on the nucleus; rising ones like iɛ/uo
 * start on the glide). `'next'` borrows the next phoneme's shape (h: the mouth is already set for the
 * vowel that follows).
 */
export type VisemePart = readonly [Viseme | 'next', number];
export type VisemeTable = Readonly<Record<string, readonly VisemePart[]>>;

const one = (v: Viseme | 'next'): readonly VisemePart[] => [[v, 1]];
const fall = (a: Viseme, b: Viseme): readonly VisemePart[] => [[a, 0.6], [b, 0.4]];
const rise = (a: Viseme, b: Viseme): readonly VisemePart[] => [[a, 0.3], [b, 0.7]];
const tri = (a: Viseme, b: Viseme, c: Viseme): readonly VisemePart[] => [[a, 0.25], [b, 0.45], [c, 0.3]];

/** Shared consonants and vowels (both languages' IPA). */
const COMMON: VisemeTable = {
  '': one('sil'),
  p: one('PP'), b: one('PP'), m: one('PP'),
  f: one('FF'), v: one('FF'),
  θ: one('TH'), ð: one('TH'),
  t: one('DD'), d: one('DD'), ɾ: one('DD'),
  k: one('kk'), ɡ: one('kk'), g: one('kk'), ŋ: one('kk'), x: one('kk'), χ: one('kk'),
  tʃ: one('CH'), dʒ: one('CH'), ʃ: one('CH'), ʒ: one('CH'),
  s: one('SS'), z: one('SS'), ts: one('SS'),
  n: one('nn'), l: one('nn'), n̩: one('nn'),
  ɹ: one('RR'), r: one('RR'), ɚ: one('RR'), ɝ: one('RR'),
  j: one('ih'), w: one('ou'), h: one('next'), ʔ: one('next'),
  a: one('aa'), ɑ: one('aa'), æ: one('aa'), ʌ: one('aa'), ɐ: one('aa'),
  e: one('E'), ɛ: one('E'), ə: one('E'), ɜ: one('E'),
  i: one('ih'), ɪ: one('ih'), ᵻ: one('ih'),
  o: one('oh'), ɔ: one('oh'), ɒ: one('oh'),
  u: one('ou'), ʊ: one('ou'),
  y: one('ou'),
};

/** Mandarin (eSpeak `cmn`). */
export const ZH_VISEMES: VisemeTable = {
  ...COMMON,
  ph: one('PP'), th: one('DD'), kh: one('kk'),
  tsh: one('SS'), tɕ: one('CH'), tɕh: one('CH'), ɕ: one('CH'),
  'ts.': one('CH'), 'ts.h': one('CH'), 's.': one('CH'), ʐ: one('RR'),
  'i.': one('ih'), i̪: one('ih'), 'o-': one('E'), 'ŋ-': one('kk'),
  ər: [['E', 0.4], ['RR', 0.6]],
  ai: fall('aa', 'ih'), ei: fall('E', 'ih'), ɑu: fall('aa', 'ou'), au: fall('aa', 'ou'), ou: fall('oh', 'ou'),
  iɑ: rise('ih', 'aa'), ia: rise('ih', 'aa'), iɛ: rise('ih', 'E'), io: rise('ih', 'oh'),
  ua: rise('ou', 'aa'), uɑ: rise('ou', 'aa'), uo: rise('ou', 'oh'), uə: rise('ou', 'E'),
  yɛ: rise('ou', 'E'), yæ: rise('ou', 'aa'), yə: rise('ou', 'E'),
  iou: tri('ih', 'oh', 'ou'), iɑu: tri('ih', 'aa', 'ou'), uei: tri('ou', 'E', 'ih'), uai: tri('ou', 'aa', 'ih'),
  onɡ: [['ou', 0.6], ['kk', 0.4]], ong: [['ou', 0.6], ['kk', 0.4]],
};

/** English (eSpeak `en-us` IPA). */
export const EN_VISEMES: VisemeTable = {
  ...COMMON,
  aɪ: fall('aa', 'ih'), aʊ: fall('aa', 'ou'), eɪ: fall('E', 'ih'), oʊ: fall('oh', 'ou'), əʊ: fall('E', 'ou'), ɔɪ: fall('oh', 'ih'),
  iə: rise('ih', 'E'), ɪə: rise('ih', 'E'), eə: fall('E', 'E'), ʊə: rise('ou', 'E'),
  ɔɹ: fall('oh', 'RR'), ɑɹ: fall('aa', 'RR'), ɛɹ: fall('E', 'RR'), ʊɹ: fall('ou', 'RR'), ɪɹ: fall('ih', 'RR'), aɪɚ: tri('aa', 'ih', 'RR'),
  əl: fall('E', 'nn'),
};
