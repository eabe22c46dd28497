import type { Lang } from '@snowstage/protocol';
import type { EngineInfo, SynthesisRequest } from '../../types.js';
import { emotionInstruction } from '../../prosody.js';
import { HttpEngine, type HttpEngineBase } from './http-engine.js';

/**
 * A CosyVoice server engine, for the FastAPI server in CosyVoice's repository
 * (runtime/python/fastapi/server.py): `POST /inference_sft` with form fields `tts_text`, `spk_id`,
 * or `/inference_instruct` with `instruct_text` too (the Instruct model speaks the emotion). The
 * server streams raw 16-bit PCM at the model's rate (22050 Hz for CosyVoice-300M, 24000 for
 * CosyVoice2); a WAV reply is read as WAV. In `sft` mode the emotion is not voiced.
 */
export interface CosyVoiceOptions extends HttpEngineBase {
  /** e.g. `http://127.0.0.1:50000` */
  baseUrl: string;
  /** Speaker ids per language (e.g. 中文女 / 英文女 for the SFT model). */
  speakers: Record<Lang, string>;
  mode?: 'sft' | 'instruct';
  /** The model's output rate (default 22050). */
  sampleRate?: number;
}

export class CosyVoiceEngine extends HttpEngine {
  constructor(private readonly o: CosyVoiceOptions) {
    super(o);
  }

  describe(): EngineInfo {
    return {
      id: `cosyvoice:${this.o.mode ?? 'sft'}@${new URL(this.o.baseUrl).host}`,
      voices: { ...this.o.speakers },
      sampleRate: this.o.sampleRate ?? 22050,
      nativePhonemes: false,
      licence: 'CosyVoice models: Apache-2.0 (check the model you serve)',
    };
  }

  protected request(text: string, req: SynthesisRequest) {
    const mode = this.o.mode ?? 'sft';
    const form = new URLSearchParams({ tts_text: text, spk_id: req.voice ?? this.o.speakers[req.lang] });
    if (mode === 'instruct') form.set('instruct_text', emotionInstruction(req.emotion, req.lang));
    return {
      url: `${this.o.baseUrl.replace(/\/$/, '')}/inference_${mode}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      rawSampleRate: this.o.sampleRate ?? 22050,
    };
  }
}
