export * from './draw.js';
export * from './verify.js';
export { sha256Hex } from './hash.js';
