/**
 * @snowstage/voice — the host's voice: text in, audio + viseme timeline + gesture marks out.
 * Node only (the embedded engine runs in worker threads). Browser code imports
 * `@snowstage/voice/visemes` instead.
 */
export type { EngineInfo, SynthesisRequest, TtsChunk, TtsEngine, TtsEvent, TtsEventType } from './types.js';

// Engines
export { EspeakEngine, ESPEAK_VOICES, type EspeakEngineOptions } from './engines/espeak/index.js';
export { OpenAiSpeechEngine, type OpenAiSpeechOptions } from './engines/http/openai.js';
export { CosyVoiceEngine, type CosyVoiceOptions } from './engines/http/cosyvoice.js';
export { HttpTtsError, spokenText, type Fetch, type HttpEngineBase } from './engines/http/http-engine.js';

// The front door
export { SpeechSynthesizer, speakAll, type SpeakOptions, type SpokenLine, type SpeechStream, type SynthesizerOptions } from './synthesizer.js';
export { AUDIO_KEY, MemoryAudioStore, contentKey, type AudioStore, type SpeechAudio, type StoredLine } from './store.js';

// Text
export { segmentSpeech, SpeechSegmenter, type SegmenterOptions, type SpeechSegment } from './text/segmenter.js';
export { normalizeForSpeech, normalizeText, BRAND_RESPELLINGS } from './text/normalize.js';
export { detectLang, splitLangRuns, type LangRun } from './text/lang.js';
export { parseSpeechMarkup, plainText, toSpeechMarkup, type SpeechPiece } from './text/markup.js';

// Emotion
export { EMOTION_PROSODY, NEUTRAL_PROSODY, emotionInstruction, prosodyFor, speedOf, type Prosody } from './prosody.js';

// Audio
export { concatPcm, decodeWav, WavError, WavStreamDecoder, type PcmAudio } from './audio/wav.js';
export { isSilentFrame, loudnessEnvelope, relativeLoudness, silences, soundIntervals, SILENCE_DB, type Envelope, type Interval } from './audio/envelope.js';
export { medianF0, pitchTrack, type F0Options } from './audio/f0.js';

// Visemes and alignment
export * from './visemes/index.js';
export { alignEvents, referenceSpeech, type ReferenceSpeech } from './align/align.js';
export { snapPausesToAudio } from './align/snap.js';
export { marksAtWords } from './align/marks.js';
export { pauseAlignment, type PauseAlignment } from './align/metrics.js';
