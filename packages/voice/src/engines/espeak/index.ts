/**
 * The eSpeak-NG engine. This folder is the only code that loads `@echogarden/espeak-ng-emscripten`
 * (GPL-3.0); everything else talks to it through the `TtsEngine` interface.
 */
export { EspeakEngine, ESPEAK_VOICES, type EspeakEngineOptions } from './engine.js';
export { fixErhua } from './ssml.js';
