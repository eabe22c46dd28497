import { describe, expect, it } from 'vitest';
import { visemesForPhoneme } from './lookup.js';
import { EN_VISEMES, ZH_VISEMES } from './tables.js';

/** Every phoneme symbol eSpeak-NG produced for the 100 benchmark sentences plus pangrams (collected once). */
const ZH_SEEN = ['', 'n', 'ŋ', 't', 'j', 'ˈi', 'tɕ', 'w', 'ˈɑ', 's.', 'p', 'ˈɑu', 'ˈiɛ', 'ɕ', 'ə', 'ts.', 'k', 'm', 'ˈi.', 'l', 'χ', 'ˈai',
  'ˈə', 'ˈo-', 'kh', 'o-', 'ˈiɑ', 'ˈa', 'th', 'ˈiou', 'ˈu', 'i', 'ˈonɡ', 'ʐ', 'ˈei', 'ˈo', 'ˈuə', 'ts.h', 'ts', 'ˈyɛ', 'ˈuo', 'f', 'tɕh',
  'ˈər', 's', 'ˈou', 'tsh', 'ˈuei', 'ɑ', 'ˈi̪', 'ˈy', 'ˈyæ', 'iɛ', 'ph', 'i.', 'u', 'ˈua', 'i̪', 'ei', 'ua', 'ai', 'a', 'ɑu', 'ˈuai', 'uo',
  'ˈyə', 'onɡ', 'iou', 'iɑ', 'ˈio', 'ˌi', 'ou', 'yə', 'yɛ', 'ər', 'ˈŋ-'];
const EN_SEEN = ['', 't', 'n', 's', 'ɪ', 'l', 'k', 'ə', 'd', 'z', 'm', 'ð', 'ˈɛ', 'w', 'f', 'ɹ', 'p', 'ˈaɪ', 'ˈɪ', 'ˈiː', 'b', 'i', 'ɚ', 'ˈʌ',
  'ˈeɪ', 'v', 'ˈɑː', 'ʃ', 'ˈæ', 'ɡ', 'ŋ', 'h', 'ˈoʊ', 'ɾ', 'θ', 'ᵻ', 'ˈaʊ', 'æ', 'ɐ', 'ˈɔːɹ', 'j', 'tʃ', 'ˈɜː', 'ʌ', 'ˈuː', 'iː', 'ɛ', 'ˌoʊ',
  'uː', 'dʒ', 'ˌʌ', 'ˈɔ', 'ɔːɹ', 'ˈɑːɹ', 'ˈʊ', 'oʊ', 'əl', 'ɑːɹ', 'eɪ', 'ˌeɪ', 'ˈɔː', 'ˌɛ', 'ˌɔ', 'ˌiː', 'aɪ', 'ˈɛɹ', 'ʊɹ', 'ʔ', 'n̩', 'ˌaɪ',
  'aʊ', 'ɑː', 'ʒ', 'ˈʊɹ', 'ˈɔɪ', 'ˌaʊ', 'ˌɪ', 'ɔː', 'ɜː', 'ˈiə', 'ʊ', 'ˈɒ', 'ˈɪɹ'];

const strip = (p: string) => p.replace(/[ˈˌː]/g, '');

describe('phoneme to viseme tables', () => {
  it('have an exact entry for every symbol eSpeak produced in both languages', () => {
    expect(ZH_SEEN.filter((p) => !ZH_VISEMES[strip(p)])).toEqual([]);
    expect(EN_SEEN.filter((p) => !EN_VISEMES[strip(p)])).toEqual([]);
  });

  it('close the lips for p, b, m (aspirated too) and map pauses to sil', () => {
    for (const p of ['p', 'b', 'm', 'ph']) expect(visemesForPhoneme(p, 'zh')).toEqual([['PP', 1]]);
    for (const p of ['p', 'b', 'm']) expect(visemesForPhoneme(p, 'en')).toEqual([['PP', 1]]);
    expect(visemesForPhoneme('', 'zh')).toEqual([['sil', 1]]);
  });

  it('split diphthongs into nucleus and glide, in the right order', () => {
    expect(visemesForPhoneme('ˈaɪ', 'en')).toEqual([['aa', 0.6], ['ih', 0.4]]);
    expect(visemesForPhoneme('ˈɑu', 'zh')).toEqual([['aa', 0.6], ['ou', 0.4]]);
    expect(visemesForPhoneme('ˈiɛ', 'zh')).toEqual([['ih', 0.3], ['E', 0.7]]);
    expect(visemesForPhoneme('ˈuei', 'zh')!.map(([v]) => v)).toEqual(['ou', 'E', 'ih']);
  });

  it('ignore tone digits and stress, and split unknown clusters into known pieces', () => {
    expect(visemesForPhoneme('ma3', 'zh')).toEqual([['PP', 0.5], ['aa', 0.5]]);
    expect(visemesForPhoneme('ˈɑu2', 'zh')).toEqual(visemesForPhoneme('ɑu', 'zh'));
    expect(visemesForPhoneme('iɑu', 'zh')!.map(([v]) => v)).toEqual(['ih', 'aa', 'ou']);
    expect(visemesForPhoneme('ʘ', 'en')).toBeUndefined();
  });
});
