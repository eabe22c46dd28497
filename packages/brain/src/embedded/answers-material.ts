import type { Product } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { Bm25 } from '../text/bm25.js';
import { normalize, speakable } from '../text/normalize.js';
import { cjkBigrams, englishTerms } from '../text/tokenizer.js';
import { askWhich } from './ask-which.js';
import { Lines, type AnswerContext } from './context.js';
import { productName } from './facts.js';

const CARE = /洗|缩水|掉色|褪色|起球|微波|洗碗|保养|护理|wash|dishwasher|microwave|shrink|fade|clean|care/;

export function answerMaterial(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const { lang } = ctx;
  if (products.length === 0) {
    const e = ctx.faq.find(ctx.u.text, ['care', 'material']);
    if (e) out.say(pick(e.answer, 'zh'), pick(e.answer, 'en'), 'calm', 0.5, 'nod');
    else askWhich(ctx, out);
    return;
  }
  const p = products[0]!;
  const name = productName(p, lang);
  const wantsCare = CARE.test(ctx.u.norm);
  if (p.material)
    out.say(
      [`${name}的材质是${speakable(p.material.zh, 'zh')}。`, `${name}用的是${speakable(p.material.zh, 'zh')}。`],
      [`The ${name} is made of ${speakable(p.material.en, 'en').toLowerCase()}.`, `Material of the ${name}: ${speakable(p.material.en, 'en').toLowerCase()}.`],
      'calm',
      0.5,
      'nod',
      p.id,
    );
  // A description clause answering the exact worry ("防水", "waterproof", "扎不扎").
  const clause = bestClause(ctx, p, 1.5);
  if (clause && (!p.material || /防水|防泼水|water|软|soft|扎|itch|厚|thick/.test(ctx.u.norm))) out.say(`${clause}。`, `${clause}.`, 'calm', 0.5, undefined, p.id);
  if (wantsCare || !p.material) {
    if (/缩水|掉色|褪色|shrink|fade/.test(ctx.u.norm)) {
      const e = ctx.faq.byId('washing-apparel');
      if (e) out.say(pick(e.answer, 'zh'), pick(e.answer, 'en'), 'calm', 0.5, 'nod', p.id);
    }
    if (p.care) out.say(`清洗方法：${speakable(p.care.zh, 'zh')}。`, `Care: ${speakable(p.care.en, 'en')}.`, 'calm', 0.5, undefined, p.id);
  }
  if (!p.material && !p.care) out.say('这款的材质资料我手上暂时没有，以商品详情页为准。', "I don't have the material details for this one; please check the product page.", 'calm', 0.4, 'shrug', p.id);
}

/** The description clause that best answers the comment, if it shares enough words with it. */
export function bestClause(ctx: AnswerContext, p: Product, minScore = 1): string | null {
  const text = pick(p.description, ctx.lang);
  const clauses = text.split(/[，。；;]|,(?= )|—|(?<=\w)\. /).map((c) => c.trim()).filter((c) => c.length > 2);
  if (clauses.length === 0) return null;
  const terms = (s: string) => [...cjkBigrams(normalize(s)), ...englishTerms(s)];
  const bm = new Bm25(clauses.map((c) => ({ item: c, terms: terms(c) })));
  const hit = bm.search(terms(ctx.u.text).concat(expandQuery(ctx.u.norm)), 1)[0];
  return hit && hit.score >= minScore ? speakable(hit.item, ctx.lang) : null;
}

/** Words a description uses for what viewers ask ("充电" → USB-C, "batteries" → charge). */
function expandQuery(norm: string): string[] {
  const out: string[] = [];
  if (/充电|电池|batter|charg/.test(norm)) out.push('usb', 'charge', '充电', '小时');
  if (/颜色|colou?r/.test(norm)) out.push('红', '蓝', 'red', 'blue');
  if (/唱歌|音乐|sing|music/.test(norm)) out.push('音乐', 'music', 'box');
  if (/手机|phone|屏/.test(norm)) out.push('导电', '手机', 'phone', 'conductive');
  if (/防水|water/.test(norm)) out.push('防泼', '泼水', 'water', 'repellent');
  if (/多久|how long|hot|保温|热/.test(norm)) out.push('小时', 'hour', 'hot', '保热');
  if (/限量|limited/.test(norm)) out.push('限量', 'limited');
  if (/隐藏|secret|hidden/.test(norm)) out.push('隐藏', 'secret');
  return out;
}

