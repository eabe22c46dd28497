import type { AvoidTopic, Lang } from '@snowstage/protocol';
import { PRODUCT_INTENTS, type Intent } from '../types.js';
import { detectLang, normalize } from '../text/normalize.js';
import { scoreIntents, type IntentScores } from './intents.js';
import type { ViewerMemory } from './memory.js';
import type { ProductIndex, ProductLink } from './product-index.js';

/** Everything the brain understood from one comment, before it reads any live fact. */
export interface Understanding {
  text: string;
  norm: string;
  lang: Lang;
  intent: Intent;
  /** Products the comment is about, in the order named (follow-ups filled in from the viewer's last turn). */
  products: string[];
  followUp: boolean;
  /** The comment names the flash sale ("秒杀价", "sale price"). */
  mentionsSale: boolean;
  /** Viewer text that tries to give the host instructions or state facts ("ignore your rules…"). */
  injection: boolean;
  scores: IntentScores;
  links: ProductLink[];
  /** A second product question in the same comment ("多少钱，有XL吗"), answered after the first. */
  also: Intent | null;
  /** A topic the persona stays out of, when the comment is about one (set by the brain). */
  avoided?: AvoidTopic;
}

export interface UnderstandContext {
  index: ProductIndex;
  pinned: readonly string[];
  memory: ViewerMemory;
  now: number;
}

const INJECTION =
  /ignore (all |your |the |previous |prior )*(rules|instructions|prompt)|system prompt|\[system\]|developer mode|you are now|from now on you|pretend (to be|you)|act as|jailbreak|\bdan\b|new instruction|忽略.{0,6}(规则|指令|设定|提示)|系统提示|系统指令|管理员|假装你是|扮演|从现在开始你|你现在是|新指令|开发者模式|改成\s*\d|改为\s*\d/;
const ELLIPTICAL = /^(那|那么|还有|再问下)?\s*[^\s]{1,14}(呢|咧)[?？。!！]*$|^(and|what about|how about)\b/;
const POLICY = /发票|花呗|支付|付款|怎么买|怎么下单|分期|信用卡|invoice|alipay|wechat pay|credit card|how (do|can) i (buy|order|pay)|pay (with|by)/;
const SALE = /秒杀|抢购|活动价|flash sale|sale price|\bthe sale\b|\bdeal\b/;
/** Intents that may use a weak (partial-name) product match. */
const WEAK_LINK_INTENTS: ReadonlySet<Intent> = new Set([...PRODUCT_INTENTS, 'saleTiming']);

/**
 * Reads a comment: language, intent, the products named (by name, alias, partial name, pinyin, typo or
 * "N号链接"), and follow-ups from the viewer's last turn. Pure apart from updating `memory`.
 */
export function understand(text: string, viewerId: string, uiLang: Lang | undefined, ctx: UnderstandContext): Understanding {
  const norm = normalize(text);
  const lang = detectLang(text) ?? uiLang ?? 'zh';
  const scores = scoreIntents(text);
  const links = ctx.index.link(text, ctx.pinned);
  const last = ctx.memory.get(viewerId, ctx.now);

  // Two products named together lean towards a comparison.
  if (links.filter((l) => l.strong).length >= 2 && scores.scores.comparison !== undefined) {
    scores.scores.comparison += 2;
    if (scores.scores.comparison >= scores.score) scores.best = 'comparison';
  } else if (links.filter((l) => l.strong).length >= 2 && !scores.best) scores.best = 'comparison';
  let intent: Intent | null = scores.best;
  // "那灯宝呢" / "and the beanie?": the same question as last time, about another product.
  if (links.length > 0 && ELLIPTICAL.test(norm) && (!intent || intent === 'productInfo')) {
    intent = last && PRODUCT_INTENTS.has(last.intent) ? last.intent : 'productInfo';
  }
  const chosen: Intent = intent ?? (links.length > 0 ? 'productInfo' : 'offTopic');
  intent = chosen;
  const usable = links.filter((l) => l.strong || WEAK_LINK_INTENTS.has(chosen));
  let products = usable.map((l) => l.productId);
  if (intent === 'productInfo' && products.length === 0 && !last) intent = scores.best ?? 'offTopic';
  const mentionsSale = SALE.test(norm);
  let followUp = false;
  if (
    products.length === 0 &&
    last?.productId &&
    PRODUCT_INTENTS.has(intent) &&
    intent !== 'comparison' &&
    !(intent === 'purchase' && POLICY.test(norm)) &&
    !mentionsSale
  ) {
    products = [last.productId];
    followUp = true;
  }
  if (products.length > 0 || PRODUCT_INTENTS.has(intent)) {
    ctx.memory.set(viewerId, { productId: products[0] ?? last?.productId ?? null, intent, at: ctx.now });
  }
  const second = Object.entries(scores.scores)
    .filter(([i, v]) => i !== intent && v >= 3 && ['price', 'stock', 'size', 'material', 'shipping'].includes(i))
    .sort((a, b) => b[1] - a[1])[0];
  const also = second && ['price', 'stock', 'size', 'material'].includes(intent) && products.length > 0 ? (second[0] as Intent) : null;
  return { text, norm, lang, intent, products, followUp, mentionsSale, injection: INJECTION.test(norm), scores, links, also };
}
