import { describe, expect, it } from 'vitest';
import { parseSpeechMarkup, plainText, toSpeechMarkup } from './markup.js';

describe('speech markup', () => {
  it('reads marks, breaks and emphasis between text', () => {
    expect(parseSpeechMarkup('这件<mark name="g:thumbs-up"/>超好看<break time="0.5s"/>真的<emphasis>很</emphasis>值')).toEqual([
      { kind: 'text', text: '这件', emphasis: false },
      { kind: 'mark', name: 'g:thumbs-up' },
      { kind: 'text', text: '超好看', emphasis: false },
      { kind: 'break', ms: 500 },
      { kind: 'text', text: '真的', emphasis: false },
      { kind: 'text', text: '很', emphasis: true },
      { kind: 'text', text: '值', emphasis: false },
    ]);
  });

  it('accepts single quotes, bare values, no slash and upper case', () => {
    const p = parseSpeechMarkup("a<MARK name='x'>b<mark name=y/>c<break>d<break time=\"9s\"/>");
    expect(p.filter((x) => x.kind !== 'text')).toEqual([
      { kind: 'mark', name: 'x' }, { kind: 'mark', name: 'y' }, { kind: 'break', ms: 300 }, { kind: 'break', ms: 3000 },
    ]);
  });

  it('reads *stars* and **double stars** as emphasis', () => {
    expect(parseSpeechMarkup('a **big** deal and *so* cheap')).toEqual([
      { kind: 'text', text: 'a ', emphasis: false },
      { kind: 'text', text: 'big', emphasis: true },
      { kind: 'text', text: ' deal and ', emphasis: false },
      { kind: 'text', text: 'so', emphasis: true },
      { kind: 'text', text: ' cheap', emphasis: false },
    ]);
  });

  it('drops unknown tags and bad mark names but keeps stray < and & as text', () => {
    expect(plainText(parseSpeechMarkup('<speak><b>Hi</b> a < b & c <mark name="bad name!"/>x</speak>'))).toBe('Hi a < b & c x');
    expect(parseSpeechMarkup('<mark name="bad name!"/>').length).toBe(0);
  });

  it('serialises to canonical markup that parses back to the same pieces', () => {
    const src = '价格<mark name="g:point-product"/>只要<emphasis>八十八</emphasis>元<break time="200ms"/>快来';
    const pieces = parseSpeechMarkup(src);
    expect(toSpeechMarkup(pieces)).toBe(src);
    expect(parseSpeechMarkup(toSpeechMarkup(pieces))).toEqual(pieces);
  });
});
