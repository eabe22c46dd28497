import { describe, expect, it } from 'vitest';
import { TagParser } from './tags.js';

function parse(chunks: string[], lang: 'zh' | 'en' = 'zh') {
  const p = new TagParser(lang);
  return [...chunks.flatMap((c) => p.push(c)), ...p.end()];
}

describe('the streaming tag parser', () => {
  it('turns inline tags into segment emotions and gestures, one segment per sentence', () => {
    const segs = parse(['[excited:0.9][wave]欢迎欢迎！这款雪墩墩 ¥128。', '[sad]可惜 30cm 卖完了。']);
    expect(segs.map((s) => s.text)).toEqual(['欢迎欢迎！', '这款雪墩墩 ¥128。', '可惜 30cm 卖完了。']);
    expect(segs[0]).toMatchObject({ emotion: { name: 'excited', intensity: 0.9 }, gesture: 'wave' });
    expect(segs[1]!.gesture).toBeUndefined();
    expect(segs[2]!.emotion).toEqual({ name: 'sad', intensity: 0.7 });
  });

  it('handles tags and sentences split across chunks', () => {
    const segs = parse(['[hap', 'py:0.5][thumbs', '-up]It is ¥88', '.50 now', '. Great!'], 'en');
    expect(segs.map((s) => s.text)).toEqual(['It is ¥88.50 now.', 'Great!']);
    expect(segs[0]).toMatchObject({ emotion: { name: 'happy', intensity: 0.5 }, gesture: 'thumbs-up' });
  });

  it('drops unknown tags, stray brackets, markdown and emoji, and keeps & and < out', () => {
    const segs = parse(['[evil]**Hi** there 😀 [not closed because this runs far too long', ' & more <b>!'], 'en');
    expect(segs.map((s) => s.text)).toEqual(['Hi there not closed because this runs far too long and more b !']);
  });

  it('emits a sentence as soon as it ends, before the stream finishes', () => {
    const p = new TagParser('zh');
    expect(p.push('第一句话。第二')).toHaveLength(1);
    expect(p.push('句话')).toHaveLength(0);
    expect(p.end().map((s) => s.text)).toEqual(['第二句话']);
  });
});
