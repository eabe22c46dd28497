import type { EmotionTag, Lang } from '@snowstage/protocol';

/**
 * The contract every speech engine implements (embedded eSpeak-NG, OpenAI-compatible HTTP, CosyVoice).
 *
 * Text given to an engine is *speech markup*: plain text already normalised for speech (see
 * `normalizeForSpeech`) that may carry the few tags documented in `markup.ts` (`<mark/>`, `<break/>`,
 * `<emphasis>`). Engines never see raw brain output.
 */

/** What to say and how. `voice` overrides the engine's default voice for `lang`. */
export interface SynthesisRequest {
  lang: Lang;
  voice?: string;
  emotion: EmotionTag;
}

/** A timed event inside one utterance; `ms` counts from the utterance's first sample. */
export type TtsEvent =
  /** `ipa` is the engine's phoneme symbol (eSpeak IPA, with eSpeak's own names for some Mandarin phonemes); `''` is a pause. */
  | { type: 'phoneme'; ms: number; ipa: string; lang: Lang }
  | { type: 'word'; ms: number; text: string }
  | { type: 'sentence'; ms: number }
  | { type: 'mark'; ms: number; name: string }
  /** Always the last item of a stream: the utterance's total duration. */
  | { type: 'end'; ms: number };

export type TtsEventType = TtsEvent['type'];

/** One item of a synthesis stream: mono 16-bit PCM, or an event. */
export type TtsChunk = { pcm: Int16Array; sampleRate: number } | { event: TtsEvent };

/** What an engine is, for logs, cache keys and the admin page. */
export interface EngineInfo {
  /** Stable id, part of every cache key (e.g. `espeak-ng`, `openai:kokoro`). */
  id: string;
  /** The default voice per language. */
  voices: Record<Lang, string>;
  /** Sample rate of the PCM it streams (HTTP engines: the rate they expect; the stream carries the real one). */
  sampleRate: number;
  /** True when phoneme events come from the synthesiser itself; false when they are aligned afterwards. */
  nativePhonemes: boolean;
  licence: string;
}

/**
 * A speech engine.
 * Use when: turning one segment of speech markup into audio and timed events.
 * Expects: `text` in speech markup; `signal` aborts synthesis (the iterator then throws an AbortError).
 * Returns: a stream of PCM chunks and events. Within the stream, events are in time order and an event
 * is never emitted before the audio that reaches its `ms` (so a player can trust what it has); the
 * stream ends with exactly one `end` event.
 */
export interface TtsEngine {
  describe(): EngineInfo;
  synthesize(text: string, req: SynthesisRequest, signal?: AbortSignal): AsyncIterable<TtsChunk>;
  close(): Promise<void>;
}
