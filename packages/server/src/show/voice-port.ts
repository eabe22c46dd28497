import { parseSpeechMarkup, plainText, type SpeechSynthesizer } from '@snowstage/voice';
import type { VoicePort } from './host-runtime.js';
import { audioUrl } from '../http/audio-routes.js';


/** The host runtime's voice, over the voice package's synthesiser (lines cached by content key). */
export function voicePort(synth: SpeechSynthesizer): VoicePort {
  return {
    async speak(text, opts, signal) {
      const line = await synth.speak(text, opts, signal);
      return {
        key: line.key,
        lang: line.lang,
        url: audioUrl(line.key),
        durationMs: line.audio.durationMs,
        sampleRate: line.audio.sampleRate,
        visemes: line.visemes,
        marks: line.marks,
      };
    },
    caption: (text) => plainText(parseSpeechMarkup(text)).replace(/\s+/g, ' ').trim(),
  };
}
