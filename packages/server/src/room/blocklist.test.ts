import { describe, expect, it } from 'vitest';
import { jiebaTokenizer } from '@snowstage/brain';
import { createBlocklist, foldForMatching, foldWords } from './blocklist.js';
import content from '../../../../content/blocklist.json' with { type: 'json' };

const jieba = () => {
  const t = jiebaTokenizer();
  return (text: string) => t.cut(text);
};

describe('blocklist', () => {
  const b = createBlocklist({ zh: ['加微信', '刷单'], en: ['click this link', 'scam'] }, jieba);
  it('finds words in either language regardless of case, width, spacing and punctuation', () => {
    expect(b.find('快来加微信领红包')).toBe('加微信');
    expect(b.find('加-微.信')).toBe('加微信');
    expect(b.find('Click   THIS link!!')).toBe('click this link');
    expect(b.find('clickthislink now')).toBe('click this link');
    expect(b.find('ｓｃａｍ')).toBe('scam');
    expect(b.find('s\u200bcam')).toBe('scam');
    expect(b.find('what a s c a m')).toBe('scam');
    expect(b.find('s.c.a.m')).toBe('scam');
    expect(b.find('scammers everywhere')).toBe('scam');
  });
  it('passes clean text', () => {
    expect(b.find('这件T恤有XL吗？')).toBeNull();
    expect(b.find('What sizes do you have?')).toBeNull();
  });
  it("does not block innocent words that merely contain a blocked one (the Scunthorpe problem), in both languages", () => {
    const demo = createBlocklist(content, jieba);
    // Viewers' real questions that plain substring matching refused: "wash it" ⊃ "shit", "外套现在" ⊃ "套现".
    expect(demo.find('can i machine wash it')).toBeNull();
    expect(demo.find('摇粒绒外套现在啥价')).toBeNull();
    expect(demo.find('I live in Scunthorpe')).toBeNull();
    expect(demo.find('回去死机了')).toBeNull();
    // …while the abuse they stand for is still caught.
    expect(demo.find('信用卡套现找我')).toBe('套现');
    expect(demo.find('you are a s h i t')).toBe('shit');
    expect(demo.find('what the fucking hell')).toBe('fuck');
    expect(demo.find('加v信领红包')).toBe('加v信');
  });
  it('folds text the same way for words and messages', () => {
    expect(foldForMatching(' Ａ-b C ')).toBe('abc');
    expect(foldWords(' F.R.E.E   m o n e y ')).toBe('free money');
  });
});
