import { describe, expect, it } from 'vitest';
import { createBlocklist, foldForMatching } from './blocklist.js';

describe('blocklist', () => {
  const b = createBlocklist({ zh: ['加微信', '刷单'], en: ['click this link', 'scam'] });
  it('finds words in either language regardless of case, width, spacing and punctuation', () => {
    expect(b.find('快来加微信领红包')).toBe('加微信');
    expect(b.find('加-微.信')).toBe('加微信');
    expect(b.find('Click   THIS link!!')).toBe('click this link');
    expect(b.find('ｓｃａｍ')).toBe('scam');
    expect(b.find('s\u200bcam')).toBe('scam');
  });
  it('passes clean text', () => {
    expect(b.find('这件T恤有XL吗？')).toBeNull();
    expect(b.find('What sizes do you have?')).toBeNull();
  });
  it('folds text the same way for words and messages', () => {
    expect(foldForMatching(' Ａ-b C ')).toBe('abc');
  });
});
