import { avoidedTopicMatcher } from './avoid.js';
import type { AvoidTopic, FaqTopic, Lang, Product } from '@snowstage/protocol';
import { FaqSearch } from '../knowledge/faq-search.js';
import { ViewerMemory } from '../nlu/memory.js';
import { ProductIndex } from '../nlu/product-index.js';
import { scoreIntents } from '../nlu/intents.js';
import { understand, type Understanding } from '../nlu/understand.js';
import type { Clock, Knowledge, ShopFacts } from '../ports.js';
import { seededRng, type Rng } from '../rng.js';
import { detectLang, speakable } from '../text/normalize.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Brain, BrainInput, BrainReply, Intent, Segment } from '../types.js';
import { Variety } from '../variety.js';
import { answerMaterial } from './answers-material.js';
import { answerComparison, answerPrice, answerProductInfo, answerPurchase, answerStock } from './answers-product.js';
import { answerSize } from './answers-size.js';
import { answerFaq, answerRecommendation, answerSaleTiming, answerSchedule } from './answers-shop.js';
import { answerAbusive, answerAboutHost, answerComplaint, answerCompliment, answerDance, answerFunFact, answerGreeting, answerOffTopic } from './answers-social.js';
import { Lines, type AnswerContext } from './context.js';
import { FunFactPicker } from './funfact-picker.js';

export interface EmbeddedBrainOptions {
  facts: ShopFacts;
  knowledge: Knowledge;
  /** Chinese word segmentation; pass `jiebaTokenizer()` (the default in createDefaultBrain). */
  tokenizer: Tokenizer;
  /** @default Date.now */
  clock?: Clock;
  /** Seed for the choice of wording. @default the clock at creation */
  seed?: number;
  /** No identical line twice within this window. @default 600000 (10 minutes) */
  varietyWindowMs?: number;
  /** How long a viewer's last product is remembered for follow-ups. @default 300000 */
  followUpMs?: number;
  /** Shared with other brains so wording stays varied across all of them. */
  variety?: Variety;
}

/** What a reply is about, known before any sentence is composed (used by the LLM brain and the selector). */
export interface Analysis {
  u: Understanding;
  products: Product[];
  byId: Map<string, Product>;
  pinned: string[];
  sale: Awaited<ReturnType<ShopFacts['currentSale']>>;
  now: number;
}

const FAQ_INTENT: Record<FaqTopic, Intent> = {
  shipping: 'shipping',
  returns: 'returns',
  authenticity: 'authenticity',
  payment: 'purchase',
  order: 'purchase',
  stock: 'stock',
  sale: 'saleTiming',
  gift: 'recommendation',
  size: 'size',
  care: 'material',
  material: 'material',
};

/**
 * The default brain: works offline with no model. Understands the comment (intent, products, follow-ups),
 * reads live facts from ShopFacts, and composes a short in-character reply. Use when: always, and as the
 * LLM brain's fallback. Returns a Brain with extra `analyze`, `compose` and `classify` methods.
 */
export class EmbeddedBrain implements Brain {
  readonly name = 'embedded';
  private readonly clock: Clock;
  private readonly rng: Rng;
  readonly variety: Variety;
  private readonly memory: ViewerMemory;
  private readonly faq: FaqSearch;
  private readonly avoided: (text: string) => AvoidTopic | null;
  private readonly funFacts: FunFactPicker;
  private index: ProductIndex | null = null;
  private lastPinned: string[] = [];

  constructor(private readonly opts: EmbeddedBrainOptions) {
    this.clock = opts.clock ?? Date.now;
    this.rng = seededRng(opts.seed ?? this.clock());
    this.variety = opts.variety ?? new Variety(opts.varietyWindowMs ?? 600_000, this.rng);
    this.memory = new ViewerMemory(opts.followUpMs ?? 300_000);
    this.faq = new FaqSearch(opts.knowledge.faq, opts.tokenizer);
    this.avoided = avoidedTopicMatcher(opts.knowledge.persona);
    this.funFacts = new FunFactPicker(opts.knowledge.funFacts, opts.tokenizer, this.rng);
  }

  private indexFor(products: Product[]): ProductIndex {
    if (!this.index || this.index.signature !== ProductIndex.signatureOf(products)) {
      this.index = new ProductIndex(products, (t) => this.opts.tokenizer.cut(t));
      this.opts.tokenizer.addWords(this.index.dictionaryWords());
    }
    return this.index;
  }

  /** Reads the live facts and understands the comment (updates the viewer's follow-up memory). */
  async analyze(input: BrainInput, signal?: AbortSignal): Promise<Analysis> {
    const [products, pinned, sale] = await Promise.all([
      this.opts.facts.listProducts(signal),
      this.opts.facts.pinned(input.roomId, signal),
      this.opts.facts.currentSale(input.roomId, signal),
    ]);
    const now = this.clock();
    const index = this.indexFor(products);
    this.lastPinned = pinned;
    const u = understand(input.text, input.viewerId, input.lang, { index, pinned, memory: this.memory, now });
    // No cue at all: a shop-policy keyword may still tell what is asked ("顺丰吗").
    if (!u.scores.best && u.products.length === 0) {
      const hit = this.faq.keywordHit(input.text);
      if (hit) u.intent = FAQ_INTENT[hit.topic];
    }
    // A topic she stays out of wins over everything: she says so kindly and pitches nothing.
    const avoided = this.avoided(input.text);
    if (avoided) Object.assign(u, { intent: 'offTopic', products: [], also: null, avoided });
    return { u, products, byId: new Map(products.map((p) => [p.id, p])), pinned, sale, now };
  }

  /** Composes the reply segments for an analysis (facts as read by `analyze`). */
  compose(a: Analysis, input: BrainInput): Segment[] {
    const { u } = a;
    const ctx: AnswerContext = {
      u,
      lang: u.lang,
      nickname: cleanNickname(input.nickname, u.lang),
      now: a.now,
      tz: this.opts.knowledge.schedule.timezone,
      products: a.products,
      byId: a.byId,
      sale: a.sale,
      pinned: a.pinned,
      knowledge: this.opts.knowledge,
      faq: this.faq,
      rng: this.rng,
      variety: this.variety,
      funFacts: this.funFacts,
    };
    const out = new Lines(ctx);
    const ps = u.products.map((id) => a.byId.get(id)).filter((p): p is Product => !!p);
    switch (u.intent) {
      case 'greeting': answerGreeting(ctx, out); break;
      case 'price': answerPrice(ctx, out, ps); break;
      case 'stock': answerStock(ctx, out, ps); break;
      case 'size': answerSize(ctx, out, ps); break;
      case 'material': answerMaterial(ctx, out, ps); break;
      case 'shipping': answerFaq(ctx, out, ['shipping'], ps); break;
      case 'returns': answerFaq(ctx, out, ['returns', 'order'], ps); break;
      case 'authenticity': answerFaq(ctx, out, ['authenticity'], ps); break;
      case 'saleTiming': answerSaleTiming(ctx, out, ps); break;
      case 'schedule': answerSchedule(ctx, out, input.roomId); break;
      case 'comparison': answerComparison(ctx, out, ps); break;
      case 'recommendation': answerRecommendation(ctx, out); break;
      case 'productInfo': answerProductInfo(ctx, out, ps); break;
      case 'purchase': answerPurchase(ctx, out, ps); break;
      case 'funFact': answerFunFact(ctx, out); break;
      case 'dance': answerDance(ctx, out); break;
      case 'compliment': answerCompliment(ctx, out); break;
      case 'complaint': answerComplaint(ctx, out, ps); break;
      case 'aboutHost': answerAboutHost(ctx, out); break;
      case 'offTopic': answerOffTopic(ctx, out); break;
      case 'abusive': answerAbusive(ctx, out); break;
    }
    // A second question in the same comment gets its answer too.
    if (u.also === 'price') answerPrice(ctx, out, ps.slice(0, 1));
    else if (u.also === 'stock') answerStock(ctx, out, ps.slice(0, 1));
    else if (u.also === 'size') answerSize(ctx, out, ps.slice(0, 1));
    else if (u.also === 'material') answerMaterial(ctx, out, ps.slice(0, 1));
    else if (u.also === 'shipping') answerFaq(ctx, out, ['shipping'], ps);
    this.persona(ctx, out);
    return out.out.map((s) => ({ ...s, text: this.variety.unique(speakable(s.text, s.lang), s.lang, a.now, ctx.nickname) }));
  }

  /** Now and then a catchphrase, in the persona's voice (never after bad news or rudeness). */
  private persona(ctx: AnswerContext, out: Lines): void {
    if (['abusive', 'complaint', 'offTopic', 'shipping', 'returns'].includes(ctx.u.intent)) return;
    if (out.out.some((s) => s.emotion.name === 'sad')) return;
    if (this.rng() > 0.3) return;
    const phrases = this.opts.knowledge.persona.catchphrases;
    out.maybe(phrases.zh, phrases.en, 'excited', 0.7);
  }

  async reply(input: BrainInput, signal?: AbortSignal): Promise<BrainReply> {
    const a = await this.analyze(input, signal);
    const segments = this.compose(a, input);
    return {
      intent: a.u.intent,
      productId: a.u.products[0] ?? null,
      products: a.u.products,
      lang: a.u.lang,
      source: 'embedded',
      segments: fromArray(segments),
    };
  }

  /**
   * Loads the catalog names for `classify` and `linkProducts` before the first reply (call at start-up
   * and after products change). Prices and stock are never kept: replies always read them fresh.
   */
  async warm(roomId: string, signal?: AbortSignal): Promise<void> {
    const [products, pinned] = await Promise.all([this.opts.facts.listProducts(signal), this.opts.facts.pinned(roomId, signal)]);
    this.indexFor(products);
    this.lastPinned = pinned;
  }

  /** Products a line names (strong matches only), by the catalog last seen. */
  linkProducts(text: string): string[] {
    return this.index ? this.index.link(text, this.lastPinned).filter((l) => l.strong).map((l) => l.productId) : [];
  }

  /**
   * A quick synchronous read of a chat line for comment selection: intent, products (by the catalog
   * last seen) and language. Does not touch follow-up memory.
   */
  classify(text: string, pinned?: readonly string[], uiLang?: Lang): { intent: Intent; products: string[]; lang: Lang } {
    const lang = detectLang(text) ?? uiLang ?? 'zh';
    if (this.avoided(text)) return { intent: 'offTopic', products: [], lang };
    const scores = scoreIntents(text);
    const links = this.index ? this.index.link(text, pinned ?? this.lastPinned) : [];
    const intent = scores.best ?? (links.length > 0 ? 'productInfo' : (this.faq.keywordHit(text) ? FAQ_INTENT[this.faq.keywordHit(text)!.topic] : 'offTopic'));
    return { intent, products: links.filter((l) => l.strong).map((l) => l.productId), lang };
  }
}

export async function* fromArray<T>(items: readonly T[]): AsyncIterable<T> {
  for (const i of items) yield i;
}

/** A nickname fit to speak: letters, digits and CJK only, at most 12 characters. */
export function cleanNickname(nickname: string, lang: Lang): string {
  const n = [...nickname.normalize('NFKC').replace(/[^\p{L}\p{N} _-]/gu, '')].slice(0, 12).join('').trim();
  return n || (lang === 'zh' ? '这位朋友' : 'friend');
}
