import { join } from 'node:path';
import { CosyVoiceEngine, EspeakEngine, OpenAiSpeechEngine, SpeechSynthesizer, type TtsEngine } from '@snowstage/voice';
import { FileAudioStore } from './file-audio-store.js';

/**
 * Builds the voice from the server's config: the engine (embedded eSpeak-NG, or an HTTP engine
 * with eSpeak-NG as its phonemiser for lip sync), the file-backed audio store under
 * `<dataDir>/audio`, and the synthesiser. Resolves once the eSpeak workers are warm.
 */
export interface VoiceConfig {
  dataDir: string;
  ttsEngine: 'espeak' | 'openai' | 'cosyvoice';
  ttsUrl?: string;
  ttsModel?: string;
  ttsApiKey?: string;
  ttsVoiceZh?: string;
  ttsVoiceEn?: string;
}

export interface Voice {
  synth: SpeechSynthesizer;
  store: FileAudioStore;
  engine: TtsEngine;
  close(): Promise<void>;
}

export async function createVoice(config: VoiceConfig, opts: { workers?: number; warmup?: number } = {}): Promise<Voice> {
  const espeak = await EspeakEngine.create({ size: opts.workers ?? 2, warmup: opts.warmup });
  let engine: TtsEngine = espeak;
  if (config.ttsEngine !== 'espeak') {
    if (!config.ttsUrl) throw new Error(`TTS_URL is required when TTS_ENGINE=${config.ttsEngine}`);
    const voices = { zh: config.ttsVoiceZh ?? '', en: config.ttsVoiceEn ?? '' };
    if (config.ttsEngine === 'openai') {
      engine = new OpenAiSpeechEngine({
        baseUrl: config.ttsUrl,
        model: config.ttsModel ?? 'tts-1',
        voices: { zh: voices.zh || 'zf_xiaoxiao', en: voices.en || 'af_heart' },
        apiKey: config.ttsApiKey,
        phonemizer: espeak,
      });
    } else {
      engine = new CosyVoiceEngine({ baseUrl: config.ttsUrl, speakers: { zh: voices.zh || '中文女', en: voices.en || '英文女' }, phonemizer: espeak });
    }
  }
  const store = new FileAudioStore(join(config.dataDir, 'audio'));
  return { synth: new SpeechSynthesizer({ engine, store }), store, engine, close: () => espeak.close() };
}
