import type { FaqTopic, Product } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { daysText, dayName, localTime, occurrences } from '../knowledge/time.js';
import { Bm25 } from '../text/bm25.js';
import { normalize } from '../text/normalize.js';
import { extractNumbers } from '../text/numbers.js';
import { searchTerms } from '../text/tokenizer.js';
import { clock, saleLineFor } from './answers-product.js';
import { Lines, list, tr, type AnswerContext } from './context.js';
import { discountText, price, productName, salePhase, saleRemaining, unitWord } from './facts.js';

/** Shipping, returns, authenticity: the matching FAQ answer, split into sentences. */
export function answerFaq(ctx: AnswerContext, out: Lines, topics: FaqTopic[], products: Product[]): void {
  const ranked = ctx.faq.rank(ctx.u.text, topics);
  const e = ranked[0];
  const opener: Record<string, [string[], string[]]> = {
    shipping: [['物流这块您放心：', '发货的事儿我说清楚：', ''], ['About shipping: ', 'Good question! ', '']],
    returns: [['售后您放心：', '退换很简单：', ''], ['No worries: ', 'Returns are easy: ', '']],
    authenticity: [['放心，', '这个必须说清楚：', ''], ['Rest assured: ', 'Good question: ', '']],
  };
  const [zhOpen, enOpen] = opener[topics[0]!] ?? [[''], ['']];
  const emotion = topics[0] === 'authenticity' ? 'happy' : 'calm';
  const gesture = topics[0] === 'authenticity' ? 'thumbs-up' : 'nod';
  if (!e) {
    out.say('这个我得跟后台确认一下，稍后告诉您！', "Let me check that with the team and get back to you!", 'calm', 0.5, 'thinking');
    return;
  }
  const open = ctx.variety.choose(ctx.lang === 'zh' ? zhOpen : enOpen, ctx.now);
  const p = products[0];
  if (topics[0] === 'authenticity' && p && /证书|certificate/.test(ctx.u.norm)) {
    const c = /证书|certificate/i.test(pick(p.description, ctx.lang));
    out.say(
      c ? `${productName(p, 'zh')}附独立编号证书，` : `${productName(p, 'zh')}是官方授权正品，`,
      c ? `The ${productName(p, 'en')} comes with a numbered certificate, ` : `The ${productName(p, 'en')} is officially licensed, `,
      'happy',
      0.6,
      'thumbs-up',
      p.id,
    );
  }
  out.say(open + pick(e.answer, 'zh'), open + pick(e.answer, 'en'), emotion, 0.6, gesture, p?.id);
  // A second entry when the comment clearly asks two things ("包邮吗，几天到").
  const second = ranked[1];
  if (second && second.topic === e.topic && secondAsked(ctx.u.norm, second.keywords)) out.say(pick(second.answer, 'zh'), pick(second.answer, 'en'), emotion, 0.5, undefined, p?.id);
}

function secondAsked(norm: string, kw: { zh: string[]; en: string[] }): boolean {
  return [...kw.zh, ...kw.en].some((k) => (/[\u3400-\u9fff]/.test(k) ? norm.includes(k) : new RegExp(`\\b${k}\\b`).test(norm)));
}

export function answerSaleTiming(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const s = ctx.sale;
  const phase = s ? salePhase(s, ctx.now) : null;
  const sp = s ? ctx.byId.get(s.productId) : undefined;
  const asked = products[0];
  if (!s || !sp || phase === 'closed' || phase === 'cancelled') {
    const show = ctx.knowledge.schedule.shows.find((x) => x.roomId && /秒杀|flash sale/i.test(`${x.highlight.zh} ${x.highlight.en}`));
    out.say('这会儿没有秒杀活动哦。', "There's no flash sale running right now.", 'calm', 0.5, 'shake-head', asked?.id);
    if (show) out.say(`提前剧透：${show.title.zh}${show.highlight.zh}，记得来！`, `Tip: in ${show.title.en} there's ${show.highlight.en}. Don't miss it!`, 'happy', 0.6, 'wave');
    return;
  }
  const start = clock(ctx, s.startsAt);
  const end = clock(ctx, s.endsAt);
  const unit = unitWord(sp, 'zh');
  const v = sp.variants.find((x) => x.id === s.variantId);
  const vn = v && sp.variants.length > 1 ? pick(v.label, ctx.lang) : '';
  if (asked && asked.id !== sp.id) {
    out.say(
      `${productName(asked, 'zh')}这次没有秒杀，现价 ${price(asked.price)}。今晚秒杀的是${productName(sp, 'zh')}。`,
      `The ${productName(asked, 'en')} isn't in tonight's flash sale; it's ${price(asked.price)}. The flash sale is the ${productName(sp, 'en')}.`,
      'calm',
      0.5,
      'shake-head',
      asked.id,
    );
  }
  if (phase === 'scheduled') {
    const mins = Math.max(1, Math.ceil((s.startsAt - ctx.now) / 60_000));
    out.say(
      [`秒杀 ${start} 准时开抢，还有 ${mins} 分钟！`, `还有 ${mins} 分钟，${start} 开抢！`],
      [`The flash sale starts at ${start}, in ${mins} minutes!`, `${mins} minutes to go: it starts at ${start}!`],
      'excited',
      0.8,
      'cheer',
      sp.id,
    );
    out.say(
      `${productName(sp, 'zh')}${vn}秒杀价 ${price(s.salePrice)}，原价 ${price(s.listPrice)}，${discountText(s, 'zh')}！限量 ${s.quantity} ${unit}，每人限购 ${s.perBuyerLimit} ${unit}，${end} 结束。`,
      `${productName(sp, 'en')}${vn ? ' (' + vn + ')' : ''} at ${price(s.salePrice)} instead of ${price(s.listPrice)}, ${discountText(s, 'en')}! ${s.quantity} units, ${s.perBuyerLimit} per person, ending at ${end}.`,
      'excited',
      0.8,
      'point-product',
      sp.id,
    );
  } else {
    out.say(
      `秒杀正在进行！${productName(sp, 'zh')}${vn}只要 ${price(s.salePrice)}，还剩 ${saleRemaining(s)} ${unit}，${end} 结束！`,
      `The flash sale is live! ${productName(sp, 'en')} for ${price(s.salePrice)}, ${saleRemaining(s)} left, until ${end}!`,
      'excited',
      0.9,
      'cheer',
      sp.id,
    );
  }
}

export function answerSchedule(ctx: AnswerContext, out: Lines, roomId: string): void {
  const { lang, now } = ctx;
  const sched = ctx.knowledge.schedule;
  const tz = sched.timezone;
  const all = occurrences(sched, now, 8);
  const mine = all.filter((o) => o.show.roomId === roomId);
  const norm = ctx.u.norm;
  const hhmm = (at: number) => clock({ ...ctx, tz }, at);
  const today = localTime(now, tz);
  const named = sched.shows.find((s) => norm.includes(normalize(s.title.zh)) || norm.includes(normalize(s.title.en)) || (/收藏|collector/.test(norm) && s.id.includes('collector')));
  if (named) {
    out.say(
      `${named.title.zh}是${daysText(named.days, 'zh')} ${named.start} 开播，${named.highlight.zh}。`,
      `${named.title.en} is on ${daysText(named.days, 'en')} at ${named.start}, with ${named.highlight.en}.`,
      'happy',
      0.6,
      'nod',
    );
    return;
  }
  const live = mine.find((o) => o.startsAt <= now && now < o.endsAt);
  if (/播到|下播|结束|几点完|\bend\b|\bfinish|\buntil\b/.test(norm) && live) {
    out.say(`今天这场播到 ${hhmm(live.endsAt)}，还早着呢！`, `Tonight's show runs until ${hhmm(live.endsAt)}, plenty of time!`, 'happy', 0.6, 'nod');
    return;
  }
  const dayOf = (at: number) => localTime(at, tz).weekday;
  if (/周末|weekend|周六|周日|星期六|星期天|saturday|sunday/.test(norm)) {
    const wk = sched.shows.filter((s) => s.roomId === roomId && (s.days.includes('sat') || s.days.includes('sun')));
    const parts = wk.map((s) => tr(lang, `${s.start} ${s.title.zh}`, `${s.title.en} at ${s.start}`));
    out.say(`周末有的！${list(parts, 'zh')}。`, `Yes, at the weekend: ${list(parts, 'en')}.`, 'happy', 0.7, 'wave');
    return;
  }
  if (/明天|tomorrow/.test(norm)) {
    const tomorrow = localTime(now + 86_400_000, tz);
    const t = mine.filter((o) => {
      const d = localTime(o.startsAt, tz);
      return d.day === tomorrow.day && d.month === tomorrow.month;
    });
    if (t.length > 0) {
      const parts = t.map((o) => tr(lang, `${hhmm(o.startsAt)} ${o.show.title.zh}`, `${o.show.title.en} at ${hhmm(o.startsAt)}`));
      out.say(`明天（${dayName(tomorrow.weekday, 'zh')}）照常播：${list(parts, 'zh')}，不见不散！`, `Tomorrow (${dayName(tomorrow.weekday, 'en')}): ${list(parts, 'en')}. See you there!`, 'happy', 0.7, 'wave');
    } else out.say('明天休息一天，后天见！', "Tomorrow is a day off, see you the day after!", 'calm', 0.5, 'wave');
    return;
  }
  const regular = sched.shows.filter((s) => s.roomId === roomId);
  const parts = regular.map((s) => tr(lang, `${daysText(s.days, 'zh')} ${s.start} ${s.title.zh}`, `${s.title.en} ${daysText(s.days, 'en')} at ${s.start}`));
  const next = mine.find((o) => o.startsAt > now);
  if (live) out.say(`现在就在播！这场到 ${hhmm(live.endsAt)}。`, `We're live right now, until ${hhmm(live.endsAt)}!`, 'happy', 0.6, 'wave');
  if (parts.length > 0) out.say(`我们的直播时间：${parts.join('；')}。`, `Our schedule: ${parts.join('; ')}.`, 'happy', 0.6, 'nod');
  if (next && !live) {
    const sameDay = dayOf(next.startsAt) === today.weekday;
    out.say(
      `下一场是${sameDay ? '今天' : dayName(dayOf(next.startsAt), 'zh')} ${hhmm(next.startsAt)}。`,
      `The next one is ${sameDay ? 'today' : dayName(dayOf(next.startsAt), 'en')} at ${hhmm(next.startsAt)}.`,
      'happy',
      0.6,
    );
  } else if (next) {
    out.say(`下一场：${dayName(dayOf(next.startsAt), 'zh')} ${hhmm(next.startsAt)}。`, `Next: ${dayName(dayOf(next.startsAt), 'en')} at ${hhmm(next.startsAt)}.`, 'happy', 0.5);
  }
}

/** Shopping concepts viewers name, expanded to words the catalog uses. */
const CONCEPTS: [RegExp, string[], string[]][] = [
  [/小朋友|孩子|儿童|小孩|宝宝|儿子|女儿|岁|\bkids?\b|child|children|\bson\b|daughter|year old|toddler/, ['kids'], ['儿童', 'kids', '公仔', 'plush']],
  [/收藏|collector|collect/, ['collector'], ['限量', '收藏', 'limited']],
  [/滑雪|ski|snowboard|雪场|slope/, [], ['滑雪', '雪场', '双肩包', '手套', '保温', 'ski', 'slopes', 'mid-layer', 'gloves', 'lift', 'goggles', 'hot']],
  [/保暖|暖和|冬天|冷|warm|cold|winter|爸妈|父母|老人|parents/, [], ['加绒', '针织', '羊毛', '摇粒绒', '保温', '围巾', '手套', 'fleece', 'knit', 'wool', 'hot', 'scarf', 'gloves', 'beanie']],
  [/咖啡|喝水|茶|coffee|tea|drink/, [], ['杯', '马克杯', '保温杯', 'mug', 'coffee', 'thermos', 'drinks']],
  [/女朋友|女友|老婆|男朋友|男友|老公|girlfriend|boyfriend|wife|husband|partner/, ['gift'], ['毛绒', '礼盒', 'plush', 'gift']],
  [/同事|老师|朋友|coworker|colleague|teacher|friend|boss/, ['gift'], ['礼盒', '杯', 'gift', 'mug']],
  [/卖得最好|最好卖|爆款|热销|best ?sell|popular|most people/, ['bestseller'], []],
  [/新品|新款|new/, ['new'], []],
];

export function answerRecommendation(ctx: AnswerContext, out: Lines): void {
  const { lang, products } = ctx;
  const norm = ctx.u.norm;
  const budget = budgetFen(norm);
  const tags = new Set<string>();
  const words: string[] = [];
  for (const [re, t, w] of CONCEPTS)
    if (re.test(norm)) {
      t.forEach((x) => tags.add(x));
      words.push(...w);
    }
  let pool = products.filter((p) => p.variants.some((v) => v.stock > 0));
  if (budget !== null) pool = pool.filter((p) => p.price.amount <= budget);
  const score = new Map<string, number>();
  if (words.length > 0) {
    const bm = new Bm25(pool.map((p) => ({ item: p.id, terms: searchTerms(tokless, `${p.name.zh} ${p.name.en} ${p.aliases.zh.join(' ')} ${p.aliases.en.join(' ')} ${p.description.zh} ${p.description.en} ${p.material?.en ?? ''}`) })));
    for (const h of bm.search(searchTerms(tokless, words.join(' ')), 30)) score.set(h.item, h.score);
  }
  for (const p of pool) {
    let s = score.get(p.id) ?? 0;
    for (const t of tags) if (p.tags.includes(t)) s += 4;
    if (p.tags.includes('bestseller')) s += 0.5;
    if (ctx.pinned.includes(p.id)) s += 0.3;
    score.set(p.id, s);
  }
  const ranked = [...pool].sort((a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) || a.price.amount - b.price.amount);
  const picks = ranked.slice(0, 2);
  if (picks.length === 0) {
    out.say('这个预算里暂时没有合适的，稍微加一点点预算选择就多啦！', 'Nothing fits that budget right now, but a little more opens up lots of options!', 'calm', 0.5, 'shrug');
    return;
  }
  if (/最喜欢|favou?rite/.test(norm))
    out.say(`我最爱${productName(picks[0]!, 'zh')}，每天都想抱着！`, `My favourite is the ${productName(picks[0]!, 'en')}, I'd hug it every day!`, 'happy', 0.8, 'heart-hands', picks[0]!.id);
  else out.say(['给您推荐两款：', '我来推荐！', '这俩闭眼入：'], ['Here are my picks:', "I'd recommend these:", 'Two I love:'], 'happy', 0.7, 'thinking');
  for (const p of picks) {
    const why = firstClause(pick(p.description, lang));
    out.say(`${productName(p, 'zh')}，${price(p.price)}，${why}。`, `The ${productName(p, 'en')}, ${price(p.price)}: ${why.replace(/^(A|An|The) /, (m) => m.toLowerCase())}.`, 'happy', 0.7, 'point-product', p.id);
    saleLineFor(ctx, out, p);
  }
}

/** The first clause of a description (never cut inside "0.5 mm"). */
export function firstClause(text: string): string {
  return text.split(/[，。；;—]|,(?=\s)|\.(?=\s|$)/)[0]!.trim();
}

const tokless = { cut: (t: string) => t.split(/\s+/), addWords() {} };

/** A budget in fen from "预算100以内", "100元以下", "under 50 yuan", "within 200". */
export function budgetFen(norm: string): number | null {
  const m =
    /预算\s*(\d+|[一二两三四五六七八九十百千]+)/.exec(norm) ??
    /(\d+|[一二两三四五六七八九十百千]+)\s*(?:元|块)?\s*(?:以内|以下|之内|左右)/.exec(norm) ??
    /不超过\s*(\d+|[一二两三四五六七八九十百千]+)/.exec(norm) ??
    /\b(?:under|below|within|less than|budget(?: of| is)?)\s*[¥￥$]?\s*(\d+)/.exec(norm);
  if (!m) return null;
  const n = extractNumbers(m[1]!)[0];
  return n && n > 0 ? Math.round(n * 100) : null;
}
