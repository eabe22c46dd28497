import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '@snowstage/protocol';
import { EMOTION_PROSODY, emotionInstruction, NEUTRAL_PROSODY, prosodyFor, speedOf } from './prosody.js';

describe('emotion prosody presets', () => {
  it('intensity 0 is neutral and 1 is the full preset, for every emotion', () => {
    for (const name of EMOTIONS) {
      expect(prosodyFor({ name, intensity: 0 })).toEqual(NEUTRAL_PROSODY);
      expect(prosodyFor({ name, intensity: 1 })).toEqual(EMOTION_PROSODY[name]);
    }
  });

  it('moves halfway at intensity 0.5 and clamps out-of-range intensity', () => {
    expect(prosodyFor({ name: 'happy', intensity: 0.5 }).rate).toBe(Math.round((175 + 210) / 2));
    expect(prosodyFor({ name: 'sad', intensity: 7 })).toEqual(EMOTION_PROSODY.sad);
  });

  it('makes every emotion other than neutral differ from neutral', () => {
    for (const name of EMOTIONS.filter((e) => e !== 'neutral')) expect(EMOTION_PROSODY[name]).not.toEqual(NEUTRAL_PROSODY);
  });

  it('derives a speed and an instruction for HTTP engines', () => {
    expect(speedOf(EMOTION_PROSODY.happy)).toBe(1.2);
    expect(speedOf(EMOTION_PROSODY.sad)).toBe(0.8);
    expect(emotionInstruction({ name: 'happy', intensity: 0.9 }, 'zh')).toBe('用非常开心的语气说');
    expect(emotionInstruction({ name: 'sad', intensity: 0.5 }, 'en')).toBe('Speak in a sad tone.');
  });
});
