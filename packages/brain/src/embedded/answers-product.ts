import type { Product, Variant } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { matchVariants } from '../nlu/variants.js';
import { speakable } from '../text/normalize.js';
import { extractNumbers } from '../text/numbers.js';
import { bestClause } from './answers-material.js';
import { askWhich } from './ask-which.js';
import { dimensionClauses } from './answers-size.js';
import { Lines, list, tr, type AnswerContext } from './context.js';
import { discountText, price, productName, salePhase, saleRemaining, totalStock, unitWord, variantName } from './facts.js';

/** Lines about the room's sale when it concerns `p` (scheduled or open); none otherwise. */
export function saleLineFor(ctx: AnswerContext, out: Lines, p: Product): void {
  const s = ctx.sale;
  if (!s || s.productId !== p.id) return;
  const phase = salePhase(s, ctx.now);
  const v = p.variants.find((x) => x.id === s.variantId);
  const vn = v && p.variants.length > 1 ? variantName(v, ctx.lang) : '';
  if (phase === 'scheduled') {
    const mins = Math.max(1, Math.ceil((s.startsAt - ctx.now) / 60_000));
    out.say(
      [`而且今晚有秒杀：${vn}只要 ${price(s.salePrice)}，${mins} 分钟后开抢，限量 ${s.quantity} ${unitWord(p, 'zh')}！`, `划重点：${vn}秒杀价 ${price(s.salePrice)}，还有 ${mins} 分钟开抢，一共 ${s.quantity} ${unitWord(p, 'zh')}！`],
      [`And there's a flash sale: ${vn ? vn + ' ' : ''}for just ${price(s.salePrice)}, starting in ${mins} minutes, only ${s.quantity} of them!`, `Heads up: the ${vn ? vn + ' ' : ''}flash price is ${price(s.salePrice)} in ${mins} minutes, ${s.quantity} units only!`],
      'excited',
      0.8,
      'cheer',
      p.id,
    );
  } else if (phase === 'open') {
    out.say(
      `秒杀正在进行！${vn}现在只要 ${price(s.salePrice)}，还剩 ${saleRemaining(s)} ${unitWord(p, 'zh')}，快冲！`,
      `The flash sale is on right now: ${vn ? vn + ' ' : ''}${price(s.salePrice)}, ${saleRemaining(s)} left, go go go!`,
      'excited',
      0.9,
      'cheer',
      p.id,
    );
  }
}

export function answerPrice(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const { lang } = ctx;
  if (products.length === 0) {
    const s = ctx.sale && salePhase(ctx.sale, ctx.now) !== 'closed' && salePhase(ctx.sale, ctx.now) !== 'cancelled' ? ctx.sale : null;
    const sp = s ? ctx.byId.get(s.productId) : undefined;
    if (s && sp) {
      out.say(
        [`今晚秒杀的是${productName(sp, 'zh')}，秒杀价 ${price(s.salePrice)}，原价 ${price(s.listPrice)}，相当于${discountText(s, 'zh')}！`],
        [`Tonight's flash sale is the ${productName(sp, 'en')}: ${price(s.salePrice)} instead of ${price(s.listPrice)}, that's ${discountText(s, 'en')}!`],
        'excited',
        0.8,
        'point-product',
        sp.id,
      );
      saleTimeLine(ctx, out, s, sp);
      return;
    }
    askWhich(ctx, out);
    return;
  }
  for (const p of products.slice(0, 3)) {
    const name = productName(p, lang);
    out.say(
      [`${name}现在 ${price(p.price)}。`, `${name}的价格是 ${price(p.price)}。`, `这款${name}，${price(p.price)}一${unitWord(p, 'zh')}。`],
      [`The ${name} is ${price(p.price)}.`, `${name}: ${price(p.price)}.`, `The ${name} costs ${price(p.price)}.`],
      'happy',
      0.6,
      'point-product',
      p.id,
    );
    if (ctx.u.injection)
      out.say('价格以系统和商品卡片为准，东东不会乱改价哦。', "Prices come from the shop system, and I don't change them on request!", 'calm', 0.5, 'shake-head', p.id);
    saleLineFor(ctx, out, p);
  }
  if (products.length === 1 && !ctx.sale && !ctx.u.also) {
    const p = products[0]!;
    out.maybe(
      ['喜欢就点下方卡片，全国包邮！', '中国大陆包邮，放心冲！'],
      ['Tap the card below, shipping is free!', 'Free shipping in mainland China, too!'],
      'happy',
      0.5,
      undefined,
      p.id,
    );
  }
}

function saleTimeLine(ctx: AnswerContext, out: Lines, s: NonNullable<AnswerContext['sale']>, p: Product): void {
  const phase = salePhase(s, ctx.now);
  const start = clock(ctx, s.startsAt);
  const end = clock(ctx, s.endsAt);
  if (phase === 'scheduled') {
    const mins = Math.max(1, Math.ceil((s.startsAt - ctx.now) / 60_000));
    out.say(
      `${start} 准时开抢，还有 ${mins} 分钟，${end} 结束，限量 ${s.quantity} ${unitWord(p, 'zh')}，每人限购 ${s.perBuyerLimit} ${unitWord(p, 'zh')}。`,
      `It starts at ${start}, in ${mins} minutes, and ends at ${end}: ${s.quantity} units, ${s.perBuyerLimit} per person.`,
      'excited',
      0.8,
      'cheer',
      p.id,
    );
  } else if (phase === 'open') {
    out.say(
      `正在抢！还剩 ${saleRemaining(s)} ${unitWord(p, 'zh')}，${end} 结束。`,
      `It's live now: ${saleRemaining(s)} left, ending at ${end}.`,
      'excited',
      0.9,
      'cheer',
      p.id,
    );
  }
}

export { askWhich };

export function clock(ctx: AnswerContext, at: number): string {
  const t = new Intl.DateTimeFormat('en-GB', { timeZone: ctx.tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
  return t;
}

function stockCount(vs: Variant[]): number {
  return vs.reduce((n, v) => n + v.stock, 0);
}

export function answerStock(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const { lang } = ctx;
  if (products.length === 0) {
    const e = ctx.faq.find(ctx.u.text, ['stock']);
    if (e && /补货|restock|back in stock|还会有|返场|不补/.test(ctx.u.norm)) {
      out.say(pick(e.answer, 'zh'), pick(e.answer, 'en'), 'calm', 0.5, 'nod');
      return;
    }
    askWhich(ctx, out);
    return;
  }
  for (const p of products.slice(0, 2)) {
    const name = productName(p, lang);
    const unit = unitWord(p, 'zh');
    const q = matchVariants(p, ctx.u.text);
    if (q.missingSize) {
      const sizes = [...new Set(p.variants.map((v) => v.size).filter(Boolean))];
      out.say(
        `${name}没有 ${q.missingSize} 码哦，尺码是 ${sizes.join('、')}。`,
        `The ${name} doesn't come in ${q.missingSize}; sizes are ${sizes.join(', ')}.`,
        'calm',
        0.5,
        'shake-head',
        p.id,
      );
    }
    const total = totalStock(p);
    if (q.matches.length > 0) {
      const inStock = q.matches.filter((v) => v.stock > 0);
      const n = stockCount(q.matches);
      if (n === 0) {
        soldOutLines(ctx, out, p, q.matches.map((v) => variantName(v, lang)));
        continue;
      }
      if (q.matches.length <= 3) {
        const parts = inStock.map((v) => tr(lang, `${variantName(v, 'zh')}还有 ${v.stock} ${unit}`, `${variantName(v, 'en')}: ${v.stock} left`));
        out.say([`有的！${name}${list(parts, 'zh')}。`, `放心，${name}${list(parts, 'zh')}。`], [`Yes! ${name}, ${list(parts, 'en')}.`, `Good news: ${name}, ${list(parts, 'en')}.`], n < 100 ? 'excited' : 'happy', 0.7, 'thumbs-up', p.id);
      } else {
        out.say(`有的，这几个规格一共还有 ${n} ${unit}。`, `Yes, ${n} left across those options.`, 'happy', 0.6, 'thumbs-up', p.id);
      }
      if (n < 100) out.say(['数量不多了，喜欢的抓紧！', '手慢无哦！'], ['Not many left, be quick!', "They're going fast!"], 'excited', 0.8, undefined, p.id);
    } else if (total === 0) {
      soldOutLines(ctx, out, p, []);
      continue;
    } else {
      const out0 = p.variants.filter((v) => v.stock === 0).map((v) => variantName(v, lang));
      out.say(
        [`${name}还有货，一共 ${total} ${unit}。`, `有货有货！${name}现在还有 ${total} ${unit}。`],
        [`Yes, the ${name} is in stock: ${total} left.`, `In stock! There are ${total} left of the ${name}.`],
        total < 100 ? 'excited' : 'happy',
        0.7,
        'thumbs-up',
        p.id,
      );
      if (out0.length > 0) out.say(`不过${list(out0, 'zh')}已经卖完了。`, `Only ${list(out0, 'en')} ${out0.length > 1 ? 'are' : 'is'} sold out.`, 'sad', 0.4, undefined, p.id);
      if (total < 100) out.say(['库存不多，手慢无！', '只剩这么点了，抓紧！'], ['Only a few left, hurry!', 'Stock is low, be quick!'], 'excited', 0.8, undefined, p.id);
    }
    saleLineFor(ctx, out, p);
  }
}

function soldOutLines(ctx: AnswerContext, out: Lines, p: Product, variants: string[]): void {
  const name = productName(p, ctx.lang);
  const what = variants.length > 0 ? tr(ctx.lang, `${name}${list(variants, 'zh')}`, `${name} in ${list(variants, 'en')}`) : name;
  out.say(`哎呀，${what}已经卖完了……`, `Oh no, the ${what} is sold out…`, 'sad', 0.7, 'wipe-tears', p.id);
  const limited = p.tags.includes('limited');
  out.say(
    limited ? '这是限量款，卖完就不补了，真舍不得。' : '常规款一般 2 到 3 周补货，点商品页的「到货提醒」第一时间通知您！',
    limited ? "It's a limited edition, so it won't be restocked. I'm sad too." : "Regular items are usually back in 2 to 3 weeks; tap 'Notify me' on the product page.",
    'sad',
    0.5,
    undefined,
    p.id,
  );
}

export function answerProductInfo(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const { lang } = ctx;
  if (products.length === 0) {
    askWhich(ctx, out);
    return;
  }
  const p = products[0]!;
  const name = productName(p, lang);
  const norm = ctx.u.norm;
  if (/颜色|配色|colou?rs?|型号|models?|款式|哪些款|几款|editions?|versions?/.test(norm) && p.variants.length > 1) {
    const labels = [...new Set(p.variants.map((v) => (v.color ? pick(v.color, lang) : variantName(v, lang))))];
    out.say(
      `${name}有${labels.length}种可选：${labels.join('、')}。`,
      `The ${name} comes in ${labels.length} options: ${labels.join(', ')}.`,
      'happy',
      0.6,
      'point-product',
      p.id,
    );
    out.say(`价格都是 ${price(p.price)}。`, `All at ${price(p.price)}.`, 'happy', 0.5, undefined, p.id);
    return;
  }
  const clause = bestClause(ctx, p, 2);
  const specific = /吗|\?|？|\bdoes\b|\bcan\b|\bhow\b|多久|几比几|是不是/.test(norm);
  if (clause && specific) {
    out.say([`${clause}。`, `是这样的：${clause}。`], [`${capital(clause)}.`, `Here's the thing: ${clause}.`], 'happy', 0.6, 'point-product', p.id);
  } else {
    out.say(
      [`来，给大家讲讲${name}！`, `${name}，我来介绍一下！`],
      [`Let me tell you about the ${name}!`, `Here's the ${name}!`],
      'excited',
      0.6,
      'point-product',
      p.id,
    );
    out.say(speakable(pick(p.description, 'zh'), 'zh'), speakable(pick(p.description, 'en'), 'en'), 'happy', 0.6, undefined, p.id);
  }
  out.say(
    [`现在 ${price(p.price)}，还有 ${totalStock(p)} ${unitWord(p, 'zh')}。`, `价格 ${price(p.price)}，库存 ${totalStock(p)} ${unitWord(p, 'zh')}。`],
    [`It's ${price(p.price)}, with ${totalStock(p)} in stock.`, `${price(p.price)}, and ${totalStock(p)} left.`],
    'happy',
    0.5,
    undefined,
    p.id,
  );
  saleLineFor(ctx, out, p);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function answerComparison(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const { lang } = ctx;
  if (products.length === 1) {
    const p = products[0]!;
    const nums = extractNumbers(ctx.u.text);
    const vs = p.variants.filter((v) => v.size && nums.includes(parseInt(v.size, 10)));
    const name = productName(p, lang);
    if (vs.length >= 2)
      out.say(
        `${name}${list(vs.map((v) => variantName(v, 'zh')), 'zh')}价格一样，都是 ${price(p.price)}，差的只是大小。`,
        `The ${name} costs the same in ${list(vs.map((v) => variantName(v, 'en')), 'en')}: ${price(p.price)} each; only the size differs.`,
        'happy',
        0.6,
        'thinking',
        p.id,
      );
    else
      out.say(`${name}现在 ${price(p.price)}，${speakable(pick(p.description, 'zh'), 'zh')}`, `The ${name} is ${price(p.price)}. ${speakable(pick(p.description, 'en'), 'en')}`, 'calm', 0.5, 'thinking', p.id);
    return;
  }
  if (products.length === 0) {
    askWhich(ctx, out);
    return;
  }
  out.say(['各有各的好，我给您对比一下：', '来，对比一下：'], ['Both are great, here is how they compare:', "Let's compare:"], 'calm', 0.5, 'thinking');
  for (const p of products.slice(0, 3)) {
    const feature = p.material ? pick(p.material, lang) : dimensionClauses(pick(p.description, lang))[0] ?? pick(p.description, lang);
    out.say(
      `${productName(p, 'zh')} ${price(p.price)}，${speakable(feature, 'zh')}。`,
      `The ${productName(p, 'en')} is ${price(p.price)}, ${speakable(feature, 'en').toLowerCase()}.`,
      'calm',
      0.5,
      'point-product',
      p.id,
    );
  }
  const cheaper = [...products].sort((a, b) => a.price.amount - b.price.amount)[0]!;
  const gift = products.find((p) => p.tags.includes('bestseller')) ?? products[0]!;
  if (/送|gift/.test(ctx.u.norm))
    out.say(`送人的话我选${productName(gift, 'zh')}，体面又实用！`, `As a gift I'd go for the ${productName(gift, 'en')}!`, 'happy', 0.6, 'thumbs-up', gift.id);
  else
    out.say(
      `预算有限就选${productName(cheaper, 'zh')}，想要更好的体验就选贵的那款，咱北京人说话实在！`,
      `On a budget, take the ${productName(cheaper, 'en')}; otherwise treat yourself to the other. Honest advice!`,
      'happy',
      0.6,
      'thumbs-up',
      cheaper.id,
    );
}

export function answerPurchase(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const norm = ctx.u.norm;
  const reported = /下单了|已下单|已拍|拍了|买了|入手|冲了|ordered|bought|purchased|got (one|it)/.test(norm) && !/怎么|how/.test(norm);
  if (reported) {
    const p = products[0];
    out.say(
      [`谢谢${ctx.nickname}的支持！比心！`, `感谢${ctx.nickname}！您的眼光倍儿棒！`],
      [`Thank you so much, ${ctx.nickname}!`, `${ctx.nickname}, thank you! Great choice!`],
      'happy',
      0.9,
      'heart-hands',
      p?.id,
    );
    out.say('付款后 48 小时内发货，顺丰送到家。', "It ships within 48 hours of payment by SF Express.", 'happy', 0.5, undefined, p?.id);
    return;
  }
  const policy = ctx.faq.find(ctx.u.text, ['payment', 'order']);
  const p = products[0];
  if (p && !/发票|invoice|花呗|alipay|wechat|credit|分期|支付|付款|pay/.test(norm)) {
    const qty = /(\d+|[一两二三四五])\s*(个|件|只|套|条|顶|副|盒)|\b(\d+|two|three|four|five)\b/.exec(norm);
    out.say(
      [`点下方${productName(p, 'zh')}的商品卡片，选好规格就能下单啦！`, `${productName(p, 'zh')}就在下方卡片里，点开选规格付款就行！`],
      [`Tap the ${productName(p, 'en')} card below, pick your option and check out!`, `The ${productName(p, 'en')} card is right below: tap it, choose, and pay.`],
      'happy',
      0.7,
      'point-product',
      p.id,
    );
    if (qty) out.say('数量在下单页直接改就行。', 'You can set the quantity on the order page.', 'happy', 0.5, undefined, p.id);
    out.say(`现在 ${price(p.price)}，全国包邮。`, `It's ${price(p.price)} with free shipping.`, 'happy', 0.5, undefined, p.id);
    return;
  }
  if (policy) out.say(pick(policy.answer, 'zh'), pick(policy.answer, 'en'), 'calm', 0.5, 'nod');
  else out.say('点下方商品卡片就能下单，微信支付宝都行。', 'Tap the product card below to order; WeChat Pay and Alipay both work.', 'calm', 0.5, 'point-product');
}
