import type { Lang, Product } from '@snowstage/protocol';
import { pick, totalStock } from '@snowstage/protocol';
import { fromArray } from '../embedded/embedded-brain.js';
import { discountText, price, productName, salePhase, saleRemaining, unitWord, variantName } from '../embedded/facts.js';
import type { GroundingGuard } from '../guard/grounding.js';
import { clockText } from '../knowledge/time.js';
import type { Clock, Knowledge, ShopFacts } from '../ports.js';
import { speakable } from '../text/normalize.js';
import type { Brain, Intent, Segment } from '../types.js';
import type { Variety } from '../variety.js';
import type { ScriptRef, SpeechPlan } from './types.js';

export interface RenderDeps {
  /** The brain that answers chat (already wrapped with guardBrain). */
  brain: Brain;
  facts: ShopFacts;
  /** Scripts pass the same guard as replies. */
  guard: GroundingGuard;
  knowledge: Knowledge;
  roomId: string;
  clock?: Clock;
  /** Shared with the brain so scripted lines are not repeated within the window either. */
  variety?: Variety;
}

/** A speech ready for the voice: segments in order, and what the stage shows with it. */
export interface RenderedSpeech {
  segments: AsyncIterable<Segment>;
  replyTo: { messageId: string; nickname: string; text: string } | null;
  productId: string | null;
  intent: Intent | null;
}

const seg = (text: string, lang: Lang, emotion: Segment['emotion']['name'], intensity: number, gesture?: Segment['gesture'], productId?: string): Segment => ({
  text: speakable(text, lang),
  lang,
  emotion: { name: emotion, intensity },
  ...(gesture ? { gesture } : {}),
  ...(productId ? { productId } : {}),
});

/**
 * Turns a director `speak` plan into segments, reading prices, stock and sale times from ShopFacts now,
 * at the moment of speaking. Replies go through the brain; scripts and replies through the guard.
 * Use when: executing a `speak` action, right before synthesising it.
 */
export async function renderSpeech(plan: SpeechPlan, deps: RenderDeps, signal?: AbortSignal): Promise<RenderedSpeech> {
  if (plan.kind === 'lines') return { segments: fromArray(plan.segments), replyTo: null, productId: plan.segments.find((s) => s.productId)?.productId ?? null, intent: null };
  if (plan.kind === 'reply') {
    const c = plan.comment;
    const r = await deps.brain.reply({ text: c.text, viewerId: c.viewerId, nickname: c.nickname, roomId: deps.roomId, lang: plan.lang }, signal);
    const segments = plan.askers > 1 ? prepend(groupLine(plan.askers, r.intent, r.lang), r.segments) : r.segments;
    return { segments, replyTo: { messageId: c.id, nickname: c.nickname, text: c.text }, productId: r.productId, intent: r.intent };
  }
  const lines = await scriptLines(plan.script, plan.lang, deps, signal);
  const productId = lines.find((l) => l.productId)?.productId ?? null;
  const fresh = deps.variety ? lines.map((l) => ({ ...l, text: deps.variety!.unique(l.text, l.lang, (deps.clock ?? Date.now)()) })) : lines;
  return { segments: deps.guard.ground(fromArray(fresh), { roomId: deps.roomId, products: productId ? [productId] : [] }, signal), replyTo: null, productId, intent: null };
}

async function* prepend(first: Segment, rest: AsyncIterable<Segment>): AsyncIterable<Segment> {
  yield first;
  yield* rest;
}

const TOPIC: Partial<Record<Intent, { zh: string; en: string }>> = {
  size: { zh: '尺码', en: 'sizes' },
  price: { zh: '价格', en: 'the price' },
  stock: { zh: '库存', en: 'stock' },
  shipping: { zh: '发货', en: 'shipping' },
  material: { zh: '材质', en: 'materials' },
  returns: { zh: '退换', en: 'returns' },
  saleTiming: { zh: '秒杀', en: 'the flash sale' },
};

/** "好多朋友都在问尺码" — one answer for several viewers asking the same thing. */
export function groupLine(askers: number, intent: Intent, lang: Lang): Segment {
  const topic = TOPIC[intent];
  return lang === 'zh'
    ? seg(`好多朋友都在问${topic ? topic.zh : '这个'}，我统一说一下！`, 'zh', 'happy', 0.6, 'nod')
    : seg(`${askers} of you are asking about ${topic ? topic.en : 'this'}, so here goes!`, 'en', 'happy', 0.6, 'nod');
}

async function scriptLines(sc: ScriptRef, lang: Lang, deps: RenderDeps, signal?: AbortSignal): Promise<Segment[]> {
  const now = (deps.clock ?? Date.now)();
  const tz = deps.knowledge.schedule.timezone;
  const zh = lang === 'zh';
  const L = (z: string, e: string) => (zh ? z : e);
  switch (sc.type) {
    case 'pitch': {
      const p = await deps.facts.getProduct(sc.productId, signal);
      if (!p) return [];
      const sale = await deps.facts.currentSale(deps.roomId, signal);
      const name = productName(p, lang);
      const first = pick(p.description, lang).split(/[。！!]|\.(?=\s|$)/)[0]!.trim();
      const stock = totalStock(p);
      const out = [
        seg(L(`来看看这款${name}！`, `Check out the ${name}!`), lang, 'excited', 0.7, 'point-product', p.id),
        seg(`${first}${L('。', '.')}`, lang, 'happy', 0.6, undefined, p.id),
        stock > 0
          ? seg(L(`现在 ${price(p.price)}，还有 ${stock} ${unitWord(p, 'zh')}。`, `Just ${price(p.price)}, with ${stock} in stock.`), lang, 'happy', 0.7, 'thumbs-up', p.id)
          : seg(L('可惜已经卖完了，点到货提醒等补货吧！', "It's sold out for now; tap 'Notify me' for the restock!"), lang, 'sad', 0.5, undefined, p.id),
      ];
      if (sale && sale.productId === p.id && salePhase(sale, now) === 'scheduled')
        out.push(seg(L(`${clockText(sale.startsAt, tz)} 还有秒杀，只要 ${price(sale.salePrice)}！`, `And at ${clockText(sale.startsAt, tz)} it's on flash sale for ${price(sale.salePrice)}!`), lang, 'excited', 0.8, 'cheer', p.id));
      return out;
    }
    case 'saleAnnounce':
    case 'saleReminder':
    case 'saleOpen':
    case 'saleClosed': {
      const sale = await deps.facts.currentSale(deps.roomId, signal);
      if (!sale || sale.id !== sc.saleId) return sc.type === 'saleClosed' ? [seg(L('秒杀结束啦，感谢大家的热情！', "The flash sale is over, thanks for the energy!"), lang, 'happy', 0.6, 'bow')] : [];
      const p = await deps.facts.getProduct(sale.productId, signal);
      if (!p) return [];
      const v = p.variants.find((x) => x.id === sale.variantId);
      const what = `${productName(p, lang)}${v && p.variants.length > 1 ? (zh ? variantName(v, lang) : ` (${variantName(v, lang)})`) : ''}`;
      const unit = unitWord(p, 'zh');
      const phase = salePhase(sale, now);
      if (sc.type === 'saleAnnounce' && phase === 'scheduled') {
        const mins = Math.max(1, Math.ceil((sale.startsAt - now) / 60_000));
        return [
          seg(L('家人们注意啦，秒杀要来了！', 'Everyone, a flash sale is coming!'), lang, 'excited', 0.9, 'cheer', p.id),
          seg(L(`${what}，秒杀价 ${price(sale.salePrice)}，原价 ${price(sale.listPrice)}，${discountText(sale, 'zh')}！`, `The ${what} for ${price(sale.salePrice)} instead of ${price(sale.listPrice)}, ${discountText(sale, 'en')}!`), lang, 'excited', 0.9, 'point-product', p.id),
          seg(L(`${clockText(sale.startsAt, tz)} 准时开抢，还有 ${mins} 分钟，限量 ${sale.quantity} ${unit}，每人限购 ${sale.perBuyerLimit} ${unit}！`, `It starts at ${clockText(sale.startsAt, tz)}, in ${mins} minutes: ${sale.quantity} units, ${sale.perBuyerLimit} per person!`), lang, 'excited', 0.8, 'cheer', p.id),
        ];
      }
      if ((sc.type === 'saleReminder' || sc.type === 'saleAnnounce') && phase === 'scheduled') {
        const secs = Math.max(1, Math.round((sale.startsAt - now) / 1000));
        const left = secs >= 60 ? L(`${Math.round(secs / 60)} 分钟`, `${Math.round(secs / 60)} minutes`) : L(`${secs} 秒`, `${secs} seconds`);
        return [seg(L(`还有 ${left}开抢！${what}只要 ${price(sale.salePrice)}，手指准备好！`, `${left} to go! The ${what} for just ${price(sale.salePrice)}, get ready!`), lang, 'excited', 1, 'cheer', p.id)];
      }
      if ((sc.type === 'saleOpen' || sc.type === 'saleAnnounce' || sc.type === 'saleReminder') && phase === 'open') {
        return [
          seg(L('开抢开抢！冲啊！', "It's open! Go go go!"), lang, 'excited', 1, 'cheer', p.id),
          seg(L(`${what}只要 ${price(sale.salePrice)}，还剩 ${saleRemaining(sale)} ${unit}，${clockText(sale.endsAt, tz)} 结束！`, `The ${what} for ${price(sale.salePrice)}, ${saleRemaining(sale)} left, until ${clockText(sale.endsAt, tz)}!`), lang, 'excited', 0.9, 'point-product', p.id),
        ];
      }
      if (phase === 'closed' || phase === 'cancelled' || sc.type === 'saleClosed') {
        const all = sale.sold >= sale.quantity;
        return [
          all
            ? seg(L(`秒杀结束！${sale.quantity} ${unit}全部抢光，太猛了！`, `That's it! All ${sale.quantity} sold out, you're amazing!`), lang, 'excited', 0.9, 'clap', p.id)
            : seg(L('秒杀结束啦，谢谢大家！', 'The flash sale is over, thank you all!'), lang, 'happy', 0.7, 'bow', p.id),
          seg(L('没抢到的别灰心，商品卡片里还能原价买哦。', "Missed it? Don't worry, it's still in the product card at the regular price."), lang, 'calm', 0.5, undefined, p.id),
        ];
      }
      return [];
    }
    case 'soldOut': {
      const p = await deps.facts.getProduct(sc.productId, signal);
      if (!p) return [];
      const v = sc.variantId ? p.variants.find((x) => x.id === sc.variantId) : undefined;
      const what = v && p.variants.length > 1 ? `${productName(p, lang)}${zh ? '' : ' '}${variantName(v, lang)}` : productName(p, lang);
      const restock = p.tags.includes('limited')
        ? L('这是限量款，卖完就没有了，呜呜。', "It's a limited edition, so that's the last of them.")
        : L('常规款 2 到 3 周补货，点到货提醒就能第一时间知道！', "It's usually back in 2 to 3 weeks: tap 'Notify me'!");
      return [
        seg(L(`哎呀，${what}卖完了……`, `Oh no, the ${what} just sold out…`), lang, 'sad', 0.8, 'wipe-tears', p.id),
        seg(restock, lang, 'sad', 0.5, undefined, p.id),
        seg(L('谢谢大家这么喜欢它！', 'Thank you for loving it so much!'), lang, 'happy', 0.5, 'heart-hands', p.id),
      ];
    }
    case 'thanks': {
      const p = await deps.facts.getProduct(sc.productId, signal);
      const names = sc.buyers.map((n) => speakable(n, lang)).filter(Boolean);
      const name = p ? productName(p, lang) : '';
      if (sc.big)
        return [seg(L(`哇！感谢${names[0] ?? '这位朋友'}一口气拿下 ${sc.qty} ${p ? unitWord(p, 'zh') : '件'}${name}！太给力了，比心！`, `Wow! ${names[0] ?? 'Someone'} just took ${sc.qty} ${name}! Thank you so much!`), lang, 'excited', 1, 'heart-hands', p?.id)];
      return [seg(L(`感谢${names.join('、')}的支持，比心！`, `Thank you ${names.join(', ')} for your orders!`), lang, 'happy', 0.9, 'heart-hands', p?.id)];
    }
    case 'milestone':
      return sc.kind === 'viewers'
        ? [seg(L(`直播间人数突破 ${sc.count} 啦！欢迎大家！`, `We just passed ${sc.count} viewers! Welcome, everyone!`), lang, 'excited', 0.9, 'cheer')]
        : [seg(L(`点赞破 ${sc.count} 了！谢谢大家！`, `${sc.count} likes! Thank you all!`), lang, 'excited', 0.9, 'heart-hands')];
    case 'welcome': {
      const names = sc.nicknames.map((n) => speakable(n, lang)).filter(Boolean);
      return [seg(L(`欢迎${names.join('、')}来到直播间！`, `Welcome, ${names.join(', ')}!`), lang, 'happy', 0.8, 'wave')];
    }
    case 'drawHype':
      return [seg(L('抽奖进行中！留在直播间、参与互动就有机会，祝大家好运！', 'The lucky draw is on! Stay in the room to take part, good luck everyone!'), lang, 'excited', 0.8, 'cheer')];
    case 'askAway':
      return [seg(L('有什么想问的，尽管在公屏问东东！', "Got a question? Ask me anything in the chat!"), lang, 'happy', 0.6, 'wave')];
  }
}
