import type { EmotionTag, Gesture, Lang } from '@snowstage/protocol';

/** What a viewer's comment is about. The embedded brain recognises all of these. */
export const INTENTS = [
  'greeting',
  'price',
  'stock',
  'size',
  'material',
  'shipping',
  'returns',
  'authenticity',
  'saleTiming',
  'schedule',
  'comparison',
  'recommendation',
  'productInfo',
  'purchase',
  'funFact',
  'dance',
  'compliment',
  'complaint',
  'aboutHost',
  'offTopic',
  'abusive',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Intents whose answer is about one product, so a follow-up ("how much is it?") can reuse the viewer's last product. */
export const PRODUCT_INTENTS: ReadonlySet<Intent> = new Set(['price', 'stock', 'size', 'material', 'productInfo', 'comparison', 'purchase']);

/**
 * One spoken sentence or two: the unit the voice synthesises. Text never contains `<` or `&`
 * (the voice uses SSML). `productId` lets the stage point at the product's card.
 */
export interface Segment {
  text: string;
  lang: Lang;
  emotion: EmotionTag;
  gesture?: Gesture;
  productId?: string;
}

/** A viewer's comment as the brain receives it. `lang` is the viewer's UI language (used for mixed-language text). */
export interface BrainInput {
  text: string;
  viewerId: string;
  nickname: string;
  roomId: string;
  lang?: Lang;
}

/**
 * A brain's answer. `intent`, `productId` and `products` are known at once; `segments` stream, so the
 * first sentence can be spoken while the rest is still being produced. `productId` is the product the
 * viewer asked about (after follow-up resolution), or null; `products` lists every product linked, in
 * the order the viewer named them.
 */
export interface BrainReply {
  intent: Intent;
  productId: string | null;
  products: string[];
  lang: Lang;
  source: 'embedded' | 'llm';
  segments: AsyncIterable<Segment>;
}

/** The strategy interface every brain implements (embedded retrieval, LLM, guarded wrappers). */
export interface Brain {
  readonly name: string;
  reply(input: BrainInput, signal?: AbortSignal): Promise<BrainReply>;
}
