import type { Lang } from '@snowstage/protocol';
import type { EngineInfo, SynthesisRequest } from '../../types.js';
import { emotionInstruction, prosodyFor, speedOf } from '../../prosody.js';
import { HttpEngine, type HttpEngineBase } from './http-engine.js';

/**
 * An OpenAI-compatible `POST {baseUrl}/audio/speech` engine: OpenAI itself, and local servers that
 * copy its API (kokoro-fastapi, openedai-speech, …). Asks for WAV; emotion becomes `speed` (and,
 * when `instructions` is on, a sentence such as "Speak in a happy tone." for models that read it).
 */
export interface OpenAiSpeechOptions extends HttpEngineBase {
  /** e.g. `http://127.0.0.1:8880/v1` */
  baseUrl: string;
  model: string;
  voices: Record<Lang, string>;
  apiKey?: string;
  /** Send an `instructions` field describing the emotion (gpt-4o-mini-tts reads it). Default false. */
  instructions?: boolean;
  /** Sample rate when the server ignores `response_format` and sends raw PCM (default 24000). */
  rawSampleRate?: number;
}

export class OpenAiSpeechEngine extends HttpEngine {
  constructor(private readonly o: OpenAiSpeechOptions) {
    super(o);
  }

  describe(): EngineInfo {
    return {
      id: `openai:${this.o.model}@${new URL(this.o.baseUrl).host}`,
      voices: { ...this.o.voices },
      sampleRate: this.o.rawSampleRate ?? 24000,
      nativePhonemes: false,
      licence: 'depends on the server and model',
    };
  }

  protected request(text: string, req: SynthesisRequest) {
    const speed = Math.min(4, Math.max(0.25, speedOf(prosodyFor(req.emotion))));
    const body: Record<string, unknown> = { model: this.o.model, input: text, voice: req.voice ?? this.o.voices[req.lang], response_format: 'wav', speed };
    if (this.o.instructions) body.instructions = emotionInstruction(req.emotion, req.lang);
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'audio/wav' };
    if (this.o.apiKey) headers.authorization = `Bearer ${this.o.apiKey}`;
    return { url: `${this.o.baseUrl.replace(/\/$/, '')}/audio/speech`, headers, body: JSON.stringify(body), rawSampleRate: this.o.rawSampleRate ?? 24000 };
  }
}
