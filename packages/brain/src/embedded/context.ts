import type { Emotion, FlashSale, Gesture, Lang, Product } from '@snowstage/protocol';
import type { FaqSearch } from '../knowledge/faq-search.js';
import type { Understanding } from '../nlu/understand.js';
import type { Knowledge } from '../ports.js';
import type { Rng } from '../rng.js';
import type { Segment } from '../types.js';
import type { Variety } from '../variety.js';
import type { FunFactPicker } from './funfact-picker.js';

/** What an answer composer may read: the understood comment and facts read fresh for this reply. */
export interface AnswerContext {
  u: Understanding;
  lang: Lang;
  nickname: string;
  now: number;
  tz: string;
  products: Product[];
  byId: Map<string, Product>;
  sale: FlashSale | null;
  pinned: string[];
  knowledge: Knowledge;
  faq: FaqSearch;
  rng: Rng;
  variety: Variety;
  funFacts: FunFactPicker;
}

/** Builds segments for one reply. */
export class Lines {
  readonly out: Segment[] = [];
  constructor(private readonly ctx: AnswerContext) {}

  /** Adds a line; `zh`/`en` may be lists of alternatives, one is chosen that was not said lately. */
  say(zh: string | string[], en: string | string[], emotion: Emotion, intensity: number, gesture?: Gesture, productId?: string): this {
    const options = this.ctx.lang === 'zh' ? zh : en;
    const text = Array.isArray(options) ? this.ctx.variety.choose(options, this.ctx.now) : options;
    if (text.trim()) this.out.push({ text, lang: this.ctx.lang, emotion: { name: emotion, intensity }, gesture, productId });
    return this;
  }

  /** Adds one of the options only if one was not said lately (for optional colour: catchphrases, closers). */
  maybe(zh: string[], en: string[], emotion: Emotion, intensity: number, gesture?: Gesture, productId?: string): this {
    const text = this.ctx.variety.fresh(this.ctx.lang === 'zh' ? zh : en, this.ctx.now);
    if (text && text.trim()) this.out.push({ text, lang: this.ctx.lang, emotion: { name: emotion, intensity }, gesture, productId });
    return this;
  }

  get lang(): Lang {
    return this.ctx.lang;
  }
}

/** zh or en by the reply language. */
export function tr(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

/** Joins a list: "A、B和C" / "A, B and C". */
export function list(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  if (lang === 'zh') return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
