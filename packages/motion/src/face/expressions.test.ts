import { describe, expect, it } from 'vitest';
import { emotionExpression, resolveFace } from './expressions.js';

describe('emotionExpression', () => {
  it('maps emotions to VRM presets at their intensity', () => {
    expect(emotionExpression({ name: 'happy', intensity: 0.6 })).toEqual({ happy: 0.6 });
    expect(emotionExpression({ name: 'excited', intensity: 1 })).toEqual({ happy: 1, surprised: 0.3 });
    expect(emotionExpression({ name: 'calm', intensity: 0.5 })).toEqual({ relaxed: 0.5 });
    expect(emotionExpression({ name: 'sad', intensity: 1 })).toEqual({ sad: 1 });
    expect(emotionExpression({ name: 'surprised', intensity: 1 })).toEqual({ surprised: 1 });
    expect(emotionExpression({ name: 'angry', intensity: 0.3 })).toEqual({ angry: 0.3 });
    expect(emotionExpression({ name: 'neutral', intensity: 1 })).toEqual({});
  });
});

describe('resolveFace', () => {
  it('keeps the mouth and reduces the emotion that fights it', () => {
    const quiet = resolveFace({ emotion: { happy: 0.9, surprised: 0.3 }, mouth: {}, blink: 0 });
    const speaking = resolveFace({ emotion: { happy: 0.9, surprised: 0.3 }, mouth: { aa: 1, oh: 0.2 }, blink: 0 });
    expect(quiet.happy).toBeCloseTo(0.9);
    expect(speaking.aa).toBe(1);
    expect(speaking.oh).toBe(0.2);
    expect(speaking.happy!).toBeLessThan(0.5);
    expect(speaking.surprised!).toBeLessThan(quiet.surprised!);
  });

  it('suppresses blinking while an emotion already closes the eyes', () => {
    expect(resolveFace({ emotion: {}, mouth: {}, blink: 1 }).blink).toBe(1);
    expect(resolveFace({ emotion: { happy: 1 }, mouth: {}, blink: 1 }).blink).toBeUndefined();
    expect(resolveFace({ emotion: { sad: 1 }, mouth: {}, blink: 1 }).blink).toBe(1);
    expect(resolveFace({ emotion: { happy: 0.8 }, mouth: {}, blink: 1 }).blink).toBeUndefined(); // eyes mostly shut: no blink
    expect(resolveFace({ emotion: { relaxed: 1 }, mouth: {}, blink: 1 }).blink ?? 0).toBeLessThan(0.5);
    const half = resolveFace({ emotion: { happy: 0.5 }, mouth: {}, blink: 1 });
    expect(half.blink!).toBeGreaterThan(0);
    expect(half.blink! + half.happy!).toBeLessThanOrEqual(1);
  });
});
