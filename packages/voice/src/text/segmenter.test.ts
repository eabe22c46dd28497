import { describe, expect, it } from 'vitest';
import { segmentSpeech, SpeechSegmenter } from './segmenter.js';

/** Feeds text in small chunks (as an LLM streams tokens) and collects the segments. */
function feed(text: string, size = 3): string[] {
  const s = new SpeechSegmenter();
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  out.push(...s.end());
  return out;
}

describe('speech segmenter', () => {
  it('cuts the first Chinese segment at the first comma, later ones at sentence ends', () => {
    const segs = feed('大家好，欢迎来到冬奥直播间！今天给大家带来冰墩墩毛绒玩具，手感超级好，只要八十八元。喜欢的快下单吧！');
    expect(segs).toEqual([
      '大家好，',
      '欢迎来到冬奥直播间！',
      '今天给大家带来冰墩墩毛绒玩具，手感超级好，只要八十八元。',
      '喜欢的快下单吧！',
    ]);
  });

  it('does the same for English', () => {
    expect(feed('Hi everyone, welcome to the Winter Games shop! This plush is soft, cute and only eighty-eight yuan. Grab one now!')).toEqual([
      'Hi everyone,',
      'welcome to the Winter Games shop!',
      'This plush is soft, cute and only eighty-eight yuan.',
      'Grab one now!',
    ]);
  });

  it('does not cut a first segment absurdly short', () => {
    expect(feed('好，那我们开始吧。接下来看这件。')[0]).toBe('好，那我们开始吧。');
    expect(feed('Ok, so here we go. Next one.')[0]).toBe('Ok, so here we go.');
  });

  it('cuts the first segment at a word boundary when no pause comes', () => {
    const [first] = feed('这款冰墩墩毛绒玩具采用优质面料制作而成手感柔软细腻非常适合送给小朋友');
    expect(first!.length).toBeGreaterThanOrEqual(8);
    expect(first!.length).toBeLessThanOrEqual(16);
    const [en] = feed('this limited edition mascot plush is made from premium materials and feels wonderful');
    expect(en!.split(' ').length).toBeGreaterThanOrEqual(5);
    expect('this limited edition mascot plush is made from premium materials and feels wonderful'.startsWith(en!)).toBe(true);
    expect(/\s$/.test(en!) || /\w$/.test(en!)).toBe(true);
    expect('this limited edition mascot plush is made from premium materials and feels wonderful'.charAt(en!.length)).toBe(' ');
  });

  it('never cuts inside numbers, abbreviations or tags, even when chunks split them', () => {
    const text = 'Mr. Li paid 3.5 yuan, then 1,000 more. <mark name="g:thumbs-up"/>Great, right? See e.g. the site.';
    for (const size of [1, 2, 5]) {
      const segs = feed(text, size);
      expect(segs.join(' ')).toBe(text);
      for (const s of segs) {
        expect(s.endsWith('3.') || s.endsWith('1,') || s.endsWith('Mr.') || s.endsWith('e.g.')).toBe(false);
        expect((s.match(/</g) ?? []).length).toBe((s.match(/>/g) ?? []).length);
      }
    }
  });

  it('keeps a mark with the text that follows it', () => {
    const segs = feed('看这里，<mark name="g:point-product"/>这就是我们的冰墩墩。');
    expect(segs).toEqual(['看这里，', '<mark name="g:point-product"/>这就是我们的冰墩墩。']);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(feed('她说：“太好看了！”然后就下单了。大家也快来吧。')).toEqual(['她说：“太好看了！”', '然后就下单了。大家也快来吧。']);
  });

  it('streams from an async iterable and numbers the segments', async () => {
    async function* tokens() {
      for (const t of ['Hello', ' there', ',', ' friends', '.', ' How', ' are', ' you', '?']) yield t;
    }
    const out = [];
    for await (const s of segmentSpeech(tokens())) out.push(s);
    expect(out).toEqual([
      { index: 0, text: 'Hello there,' },
      { index: 1, text: 'friends. How are you?' },
    ]);
  });
});
