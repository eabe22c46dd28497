export * from './types.js';
export * from './ports.js';
export { MemoryShop } from './memory-shop.js';
export { EmbeddedBrain, type EmbeddedBrainOptions, type Analysis } from './embedded/embedded-brain.js';
export { jiebaTokenizer } from './text/jieba.js';
export type { Tokenizer } from './text/tokenizer.js';
export { Variety } from './variety.js';
export { ProductIndex, type ProductLink } from './nlu/product-index.js';
export { understand, type Understanding } from './nlu/understand.js';
