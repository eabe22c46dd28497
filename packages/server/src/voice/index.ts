export { FileAudioStore } from './file-audio-store.js';
export { createVoice, type Voice, type VoiceConfig } from './create-voice.js';
