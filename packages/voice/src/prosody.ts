import type { Emotion, EmotionTag } from '@snowstage/protocol';

/**
 * Emotional prosody: how fast, how high, how varied and how loud the host speaks for each emotion.
 * Values are in eSpeak-NG's units (rate in words per minute 80–450, pitch and range 0–100, volume
 * 0–200); HTTP engines use the derived `speed`. Measured on this machine (FACTS.md): happy vs sad
 * differ by about 60% in duration and 60% in median F0 on the same Mandarin sentence.
 */
export interface Prosody {
  rate: number;
  pitch: number;
  range: number;
  volume: number;
}

export const NEUTRAL_PROSODY: Prosody = { rate: 175, pitch: 50, range: 50, volume: 100 };

/** The full-intensity preset of each emotion; intensity 0 is neutral, 1 is this. */
export const EMOTION_PROSODY: Record<Emotion, Prosody> = {
  neutral: NEUTRAL_PROSODY,
  happy: { rate: 210, pitch: 70, range: 80, volume: 112 },
  excited: { rate: 235, pitch: 80, range: 95, volume: 118 },
  calm: { rate: 155, pitch: 42, range: 35, volume: 92 },
  sad: { rate: 140, pitch: 30, range: 20, volume: 82 },
  surprised: { rate: 195, pitch: 82, range: 100, volume: 112 },
  angry: { rate: 205, pitch: 38, range: 72, volume: 120 },
};

/**
 * Use when: turning the brain's emotion tag into voice settings.
 * Returns: the neutral preset moved towards the emotion's preset by `intensity` (0–1), in whole units
 * (so cache keys stay stable for nearly equal intensities).
 */
export function prosodyFor(emotion: EmotionTag): Prosody {
  const target = EMOTION_PROSODY[emotion.name];
  const k = Math.min(1, Math.max(0, emotion.intensity));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * k);
  return {
    rate: mix(NEUTRAL_PROSODY.rate, target.rate),
    pitch: mix(NEUTRAL_PROSODY.pitch, target.pitch),
    range: mix(NEUTRAL_PROSODY.range, target.range),
    volume: mix(NEUTRAL_PROSODY.volume, target.volume),
  };
}

/** Speaking speed relative to neutral (1 = normal), for engines that take a `speed` parameter. */
export function speedOf(p: Prosody): number {
  return Math.round((p.rate / NEUTRAL_PROSODY.rate) * 100) / 100;
}

/** The emotion in words, for engines that take an instruction (CosyVoice-Instruct, gpt-4o-mini-tts). */
export function emotionInstruction(emotion: EmotionTag, lang: 'zh' | 'en'): string {
  const strength = emotion.intensity >= 0.7 ? (lang === 'zh' ? '非常' : 'very ') : emotion.intensity >= 0.35 ? '' : lang === 'zh' ? '略微' : 'slightly ';
  const words: Record<Emotion, [string, string]> = {
    neutral: ['自然', 'natural'],
    happy: ['开心', 'happy'],
    excited: ['兴奋', 'excited'],
    calm: ['平静温柔', 'calm and gentle'],
    sad: ['难过', 'sad'],
    surprised: ['惊讶', 'surprised'],
    angry: ['生气', 'angry'],
  };
  const [zh, en] = words[emotion.name];
  return emotion.name === 'neutral'
    ? lang === 'zh' ? '用自然亲切的语气说' : 'Speak in a natural, friendly tone.'
    : lang === 'zh' ? `用${strength}${zh}的语气说` : `Speak in a ${strength}${en} tone.`;
}
