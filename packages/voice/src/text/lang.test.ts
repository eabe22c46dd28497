import { describe, expect, it } from 'vitest';
import { detectLang, splitLangRuns } from './lang.js';
import { parseSpeechMarkup, toSpeechMarkup } from './markup.js';

const runs = (s: string, base: 'zh' | 'en' = 'zh') =>
  splitLangRuns(parseSpeechMarkup(s), base).map((r) => [r.lang, toSpeechMarkup(r.pieces)]);

describe('language detection', () => {
  it.each([
    ['你好，欢迎来到直播间', 'zh'],
    ['Hello and welcome!', 'en'],
    ['这件T恤真好看', 'zh'],
    ['I love 冰墩墩', 'zh'],
    ['Buy the 冰墩墩 plush right now', 'en'],
    ['123 !!!', 'zh'],
  ])('%s → %s', (text, lang) => expect(detectLang(text)).toBe(lang));
});

describe('language runs', () => {
  it('splits Latin words out of a Chinese sentence, punctuation staying with the run before it', () => {
    expect(runs('这件T恤，Nike出品！')).toEqual([
      ['zh', '这件'], ['en', 'T'], ['zh', '恤，'], ['en', 'Nike'], ['zh', '出品！'],
    ]);
  });

  it('splits Chinese words out of an English sentence', () => {
    expect(runs('Meet 冰墩墩, our mascot.', 'en')).toEqual([['en', 'Meet '], ['zh', '冰墩墩, '], ['en', 'our mascot.']]);
  });

  it('sends a mark with the word after it and a break with the text before it', () => {
    expect(runs('快看<mark name="g:wave"/>Nike<break time="200ms"/>新款')).toEqual([
      ['zh', '快看'], ['en', '<mark name="g:wave"/>Nike<break time="200ms"/>'], ['zh', '新款'],
    ]);
  });

  it('keeps a trailing mark and a leading break', () => {
    expect(runs('<break time="100ms"/>你好<mark name="end"/>')).toEqual([['zh', '<break time="100ms"/>你好<mark name="end"/>']]);
  });

  it('keeps a one-language sentence in one run', () => {
    expect(runs('Hello, world! 123.', 'en')).toEqual([['en', 'Hello, world! 123.']]);
  });
});
