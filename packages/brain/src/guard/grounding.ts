import type { FlashSale, Lang, Product, Schedule } from '@snowstage/protocol';
import { formatMoney, totalStock } from '@snowstage/protocol';
import { discountText, salePhase, saleRemaining } from '../embedded/facts.js';
import { clockText, localTime, occurrences } from '../knowledge/time.js';
import { ProductIndex } from '../nlu/product-index.js';
import type { Clock, ShopFacts } from '../ports.js';
import type { Brain, BrainInput, BrainReply, Segment } from '../types.js';
import { extractNumbers } from '../text/numbers.js';
import { findClaims, sentences, type Claim } from './claims.js';

/** A fact the guard changed (or a sentence it dropped) before it was spoken. */
export interface Correction {
  kind: Claim['kind'];
  said: string;
  /** The corrected text, or null when the sentence was dropped. */
  corrected: string | null;
  productId: string | null;
}

export interface GuardOptions {
  facts: ShopFacts;
  schedule?: Schedule;
  /** IANA zone for clock times. @default the schedule's, else 'Asia/Shanghai' */
  timeZone?: string;
  clock?: Clock;
  onCorrection?: (c: Correction, roomId: string) => void;
}

interface Snapshot {
  byId: Map<string, Product>;
  sale: FlashSale | null;
  index: ProductIndex;
  now: number;
}

const SALE_WORDS = /秒杀|抢|活动|优惠|折|flash|sale|deal|discount|off\b/i;

/**
 * The grounding guard for every brain: each price, stock count, discount and time in a segment is
 * checked against ShopFacts (read when the reply starts speaking) and corrected, or its sentence dropped
 * when no true value can be named. Viewer text never reaches here as instructions, only the host's lines.
 */
export class GroundingGuard {
  private index: ProductIndex | null = null;
  private readonly clock: Clock;
  private readonly tz: string;

  constructor(private readonly opts: GuardOptions) {
    this.clock = opts.clock ?? Date.now;
    this.tz = opts.timeZone ?? opts.schedule?.timezone ?? 'Asia/Shanghai';
  }

  private async snapshot(roomId: string, signal?: AbortSignal): Promise<Snapshot> {
    const [products, sale] = await Promise.all([this.opts.facts.listProducts(signal), this.opts.facts.currentSale(roomId, signal)]);
    if (!this.index || this.index.signature !== ProductIndex.signatureOf(products)) this.index = new ProductIndex(products);
    return { byId: new Map(products.map((p) => [p.id, p])), sale, index: this.index, now: this.clock() };
  }

  /** Wraps a segment stream: facts are read at the first segment, then every segment is checked. */
  async *ground(segments: AsyncIterable<Segment>, ctx: { roomId: string; products: readonly string[] }, signal?: AbortSignal): AsyncIterable<Segment> {
    let snap: Snapshot | null = null;
    for await (const seg of segments) {
      if (signal?.aborted) return;
      snap ??= await this.snapshot(ctx.roomId, signal);
      const fixed = this.check(seg, ctx, snap);
      if (fixed) yield fixed;
    }
  }

  /** Checks one segment against a snapshot; returns it corrected, or null when nothing true is left. */
  check(seg: Segment, ctx: { roomId: string; products: readonly string[] }, snap: Snapshot): Segment | null {
    const kept: string[] = [];
    for (const sentence of sentences(seg.text)) {
      const claims = findClaims(sentence);
      if (claims.length === 0) {
        kept.push(sentence);
        continue;
      }
      const named = snap.index.link(sentence).filter((l) => l.strong).map((l) => l.productId);
      const context = [...new Set([...named, ...(seg.productId ? [seg.productId] : []), ...(named.length ? [] : ctx.products)])]
        .map((id) => snap.byId.get(id))
        .filter((p): p is Product => !!p);
      const fixed = this.fixSentence(sentence, claims, context, snap, seg.lang, ctx.roomId, named.length > 0);
      if (fixed !== null) kept.push(fixed);
    }
    const text = kept.join('').trim();
    if (!text || !/[\p{L}\p{N}]/u.test(text)) return null;
    return text === seg.text ? seg : { ...seg, text };
  }

  private fixSentence(sentence: string, claims: Claim[], context: Product[], snap: Snapshot, lang: Lang, roomId: string, named: boolean): string | null {
    const sale = snap.sale && salePhase(snap.sale, snap.now) !== 'cancelled' ? snap.sale : null;
    const aboutSale = !!sale && SALE_WORDS.test(sentence) && (context.length === 0 || context.some((p) => p.id === sale.productId));
    const primary = aboutSale ? snap.byId.get(sale!.productId) : context[0];
    const report = (c: Claim, corrected: string | null) =>
      this.opts.onCorrection?.({ kind: c.kind, said: sentence, corrected, productId: primary?.id ?? null }, roomId);
    let out = sentence;
    // Replace from the end so earlier positions stay valid.
    for (const c of [...claims].reverse()) {
      if (this.holds(c, context, sale, snap, named, sentence)) continue;
      const replacement = this.truth(c, primary, aboutSale ? sale : null, snap, lang);
      if (replacement === null) {
        report(c, null);
        return null;
      }
      const [at, len] = c.kind === 'stock' || c.kind === 'minutes' ? [c.numAt, c.numLen] : [c.at, c.len];
      out = out.slice(0, at) + replacement + out.slice(at + len);
      report(c, out);
    }
    return out;
  }

  /** True when the claim matches a grounded value. */
  private holds(c: Claim, context: Product[], sale: FlashSale | null, snap: Snapshot, named: boolean, sentence: string): boolean {
    const pool = context.length > 0 ? context : [...snap.byId.values()];
    const saleHere = sale && (context.length === 0 || context.some((p) => p.id === sale.productId)) ? sale : null;
    switch (c.kind) {
      case 'money': {
        if (c.foreign) return false;
        const ok = new Set(pool.map((p) => p.price.amount));
        if (saleHere) [saleHere.salePrice.amount, saleHere.listPrice.amount, saleHere.listPrice.amount - saleHere.salePrice.amount].forEach((x) => ok.add(x));
        // A sentence that names no product and no sale may only quote catalog prices when it has context.
        return ok.has(c.fen) && !(c.fen === 0);
      }
      case 'stock': {
        const ok = new Set<number>();
        for (const p of pool) {
          ok.add(totalStock(p));
          for (const v of p.variants) ok.add(v.stock);
          for (const group of groupSums(p)) ok.add(group);
          for (const n of extractNumbers(`${p.description.zh} ${p.description.en}`)) ok.add(n);
        }
        if (saleHere) [saleHere.quantity, saleRemaining(saleHere), saleHere.perBuyerLimit].forEach((x) => ok.add(x));
        // A count with no product or sale in sight is not about the shop ("还有3个项目").
        if (context.length === 0 && !saleHere) return true;
        return ok.has(c.count);
      }
      case 'discount':
        return !!saleHere && Math.abs(saleHere.salePrice.amount / saleHere.listPrice.amount - c.ratio) < 0.011;
      case 'clock': {
        const ok = new Set<number>();
        const mod = (at: number) => {
          const t = localTime(at, this.tz);
          return t.hour * 60 + t.minute;
        };
        if (sale) [sale.startsAt, sale.endsAt].forEach((x) => ok.add(mod(x)));
        if (this.opts.schedule) {
          for (const o of occurrences(this.opts.schedule, snap.now - 86_400_000, 9)) [o.startsAt, o.endsAt].forEach((x) => ok.add(mod(x)));
          for (const s of this.opts.schedule.shows)
            for (const m of `${s.highlight.zh} ${s.highlight.en}`.matchAll(/(\d{1,2}):(\d{2})/g)) ok.add(Number(m[1]) * 60 + Number(m[2]));
        }
        return ok.has(c.minutesOfDay);
      }
      case 'minutes': {
        if (!/开|start|begin|结束|end|还有|in \d|倒计时|countdown|秒杀|sale/i.test(sentence)) return true;
        if (!sale) return false;
        const targets = [sale.startsAt, sale.endsAt].filter((t) => t > snap.now).map((t) => (t - snap.now) / 60_000);
        return targets.some((m) => Math.abs(m - c.minutes) <= 1.01);
      }
    }
  }

  /** The true value to say instead, or null when the sentence must go. */
  private truth(c: Claim, primary: Product | undefined, sale: FlashSale | null, snap: Snapshot, lang: Lang): string | null {
    switch (c.kind) {
      case 'money':
        if (sale) return formatMoney(sale.salePrice);
        return primary ? formatMoney(primary.price) : null;
      case 'stock':
        if (sale) return String(saleRemaining(sale));
        return primary ? String(totalStock(primary)) : null;
      case 'discount':
        return sale ? discountText(sale, lang) : null;
      case 'clock':
        return sale ? clockText(salePhase(sale, snap.now) === 'scheduled' ? sale.startsAt : sale.endsAt, this.tz) : null;
      case 'minutes':
        if (!sale) return null;
        return String(Math.max(1, Math.ceil(((salePhase(sale, snap.now) === 'scheduled' ? sale.startsAt : sale.endsAt) - snap.now) / 60_000)));
    }
  }
}

/** Stock sums over variants that share a size or a colour word (what "XL 还有 230 件" may quote). */
function groupSums(p: Product): number[] {
  const groups = new Map<string, number>();
  for (const v of p.variants) {
    const keys = [v.size ? `size:${v.size}` : '', ...v.label.en.toLowerCase().split(/\s+/).map((w) => `w:${w}`)].filter(Boolean);
    for (const k of keys) groups.set(k, (groups.get(k) ?? 0) + v.stock);
  }
  return [...groups.values()];
}

/**
 * Wraps a brain so every reply's segments pass the grounding guard. Use for every brain the show speaks
 * with (embedded and LLM alike).
 */
export function guardBrain(brain: Brain, guard: GroundingGuard): Brain {
  return {
    name: `${brain.name}+guard`,
    async reply(input: BrainInput, signal?: AbortSignal): Promise<BrainReply> {
      const r = await brain.reply(input, signal);
      return { ...r, segments: guard.ground(r.segments, { roomId: input.roomId, products: r.products }, signal) };
    },
  };
}

export { clockText };
