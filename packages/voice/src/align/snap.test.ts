import { describe, expect, it } from 'vitest';
import { snapPausesToAudio } from './snap.js';
import { marksAtWords } from './marks.js';
import type { Envelope } from '../audio/envelope.js';
import type { TtsEvent } from '../types.js';

/** An envelope from a loudness pattern: '#' = 5 ms of sound, '.' = 5 ms of silence. */
function env(pattern: string): Envelope {
  return { hopMs: 5, rms: Float32Array.from(pattern, (c) => (c === '#' ? 0.2 : 0.001)), reference: 0.2 };
}
const ph = (ms: number, ipa: string): TtsEvent => ({ type: 'phoneme', ms, ipa, lang: 'en' });

describe('snapping pauses to the audio', () => {
  it('drops a pause the voice carries straight through', () => {
    const out = snapPausesToAudio([ph(0, 'ˈɑ'), ph(50, ''), ph(100, 'ˈʌ'), ph(150, '')], env('#'.repeat(30) + '.'.repeat(10)));
    expect(out.map((e) => (e as { ipa: string }).ipa)).toEqual(['ˈɑ', 'ˈʌ', '']);
  });

  it('pulls a late pause back to where a vowel went silent, and an early vowel forward to its sound', () => {
    // sound 0–100, silence 100–250, sound 250–300; the timeline says vowel until 150, next vowel from 200.
    const e = env('#'.repeat(20) + '.'.repeat(30) + '#'.repeat(10));
    const out = snapPausesToAudio([ph(0, 'ˈɑ'), ph(150, ''), ph(200, 'ˈiː'), ph(300, '')], e);
    expect(out.map((x) => x.ms)).toEqual([0, 100, 250, 300]);
  });

  it('leaves a silent stop closure before a pause alone', () => {
    // "…t" then a pause: the t's closure is silent, and that is not a timing error.
    const e = env('#'.repeat(20) + '.'.repeat(30) + '#'.repeat(10));
    const out = snapPausesToAudio([ph(0, 'ˈɑ'), ph(100, 't'), ph(150, ''), ph(250, 'ˈiː'), ph(300, '')], e);
    expect(out.map((x) => x.ms)).toEqual([0, 100, 150, 250, 300]);
  });

  it('starts a trailing pause where the last sound stops', () => {
    const out = snapPausesToAudio([ph(0, 'ˈɑ'), ph(50, '')], env('#'.repeat(16) + '.'.repeat(10)));
    expect(out[1]!.ms).toBe(80);
  });

  it('moves words that began with a moved phoneme', () => {
    const e = env('#'.repeat(20) + '.'.repeat(30) + '#'.repeat(10));
    const out = snapPausesToAudio([ph(0, 'ˈɑ'), ph(150, ''), { type: 'word', ms: 200, text: 'eat' }, ph(200, 'ˈiː'), ph(300, '')], e);
    expect(out.find((x) => x.type === 'word')!.ms).toBe(250);
  });
});

describe('marks at words', () => {
  it('moves a mark onto the start of the word after it', () => {
    const out = marksAtWords([{ type: 'mark', ms: 100, name: 'g:wave' }, { type: 'word', ms: 260, text: 'hi' }, { type: 'end', ms: 500 }]);
    expect(out[0]).toEqual({ type: 'mark', ms: 260, name: 'g:wave' });
  });

  it('leaves a final mark where it is', () => {
    const out = marksAtWords([{ type: 'word', ms: 0, text: 'bye' }, { type: 'mark', ms: 300, name: 'g:bow' }, { type: 'end', ms: 400 }]);
    expect(out[1]!.ms).toBe(300);
  });
});
