import { ClientMessage, SALE_LIMITS, type Product } from '@snowstage/protocol';

/**
 * Pure parsing of the console's forms (no DOM): what the operator typed → the message the server
 * takes, or the field that is wrong. Money is typed in yuan and sent as integer fen.
 */

/** "88", "88.5", "88.50", "¥1,288.00" → fen; anything else (negative, 3 decimals, text) → null. */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/^[¥￥]/, '').replace(/,/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A whole number within [min, max], or null. */
export function intIn(input: string, min: number, max: number): number | null {
  const s = input.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

export interface SaleInput {
  productId: string;
  variantId: string;
  salePrice: string;
  countdownS: string;
  durationS: string;
  quantity: string;
  perBuyerLimit: string;
}

export type SaleCommand = Extract<ClientMessage, { type: 'scheduleSale' }>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string };

/**
 * The flash-sale form → a `scheduleSale` message. The countdown may go below the usual 10 s only
 * as far as the protocol allows (1 s, for rehearsal servers); the server enforces its own floor.
 */
export function parseSale(input: SaleInput): Parsed<Omit<SaleCommand, 'rid'>> {
  const salePrice = yuanToFen(input.salePrice);
  if (salePrice === null) return { ok: false, field: 'salePrice' };
  const countdownS = intIn(input.countdownS, 1, SALE_LIMITS.countdownS.max);
  if (countdownS === null) return { ok: false, field: 'countdownS' };
  const durationS = intIn(input.durationS, SALE_LIMITS.durationS.min, SALE_LIMITS.durationS.max);
  if (durationS === null) return { ok: false, field: 'durationS' };
  const quantity = intIn(input.quantity, SALE_LIMITS.quantity.min, SALE_LIMITS.quantity.max);
  if (quantity === null) return { ok: false, field: 'quantity' };
  const perBuyerLimit = intIn(input.perBuyerLimit, SALE_LIMITS.perBuyerLimit.min, SALE_LIMITS.perBuyerLimit.max);
  if (perBuyerLimit === null) return { ok: false, field: 'perBuyerLimit' };
  const msg = { type: 'scheduleSale' as const, productId: input.productId, variantId: input.variantId, countdownS, durationS, salePrice, quantity, perBuyerLimit };
  const checked = ClientMessage.safeParse(msg);
  if (!checked.success) return { ok: false, field: String(checked.error.issues[0]?.path[0] ?? 'productId') };
  return { ok: true, value: msg };
}

export interface PrizeInput {
  zh: string;
  en: string;
  quantity: string;
}

export interface DrawInput {
  titleZh: string;
  titleEn: string;
  prizes: PrizeInput[];
  openMinutes: string;
  ticketsPerEntry: string;
  maxWinsPerFan: string;
}

/** What POST /api/draws takes (DrawPlan). */
export interface DrawPlanBody {
  title: { zh: string; en: string };
  prizes: { id: string; name: { zh: string; en: string }; quantity: number }[];
  opensAt: number;
  closesAt: number;
  ticketsPerEntry: number;
  maxWinsPerFan: number;
  roomId: string;
}

/** The lucky-draw form → a draw plan opening now in `roomId`. A missing language copies the other. */
export function parseDraw(input: DrawInput, roomId: string, now: number): Parsed<DrawPlanBody> {
  const both = (zh: string, en: string) => ({ zh: zh.trim() || en.trim(), en: en.trim() || zh.trim() });
  const title = both(input.titleZh, input.titleEn);
  if (!title.zh) return { ok: false, field: 'title' };
  const prizes: DrawPlanBody['prizes'] = [];
  for (const [i, p] of input.prizes.entries()) {
    const name = both(p.zh, p.en);
    if (!name.zh) return { ok: false, field: `prize${i}` };
    const quantity = intIn(p.quantity, 1, 100_000);
    if (quantity === null) return { ok: false, field: `prizeQty${i}` };
    prizes.push({ id: `prize-${i + 1}`, name, quantity });
  }
  if (prizes.length === 0) return { ok: false, field: 'prizes' };
  const minutes = intIn(input.openMinutes, 1, 7 * 24 * 60);
  if (minutes === null) return { ok: false, field: 'openMinutes' };
  const ticketsPerEntry = intIn(input.ticketsPerEntry, 1, 100);
  if (ticketsPerEntry === null) return { ok: false, field: 'ticketsPerEntry' };
  const maxWinsPerFan = intIn(input.maxWinsPerFan, 1, 100);
  if (maxWinsPerFan === null) return { ok: false, field: 'maxWinsPerFan' };
  // The room clock carries a fractional offset; the API takes whole milliseconds.
  const opensAt = Math.round(now);
  return { ok: true, value: { title, prizes, opensAt, closesAt: opensAt + minutes * 60_000, ticketsPerEntry, maxWinsPerFan, roomId } };
}

/** The blocklist editor's text areas → word lists: one per line, trimmed, no blanks, no repeats. */
export function parseWords(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((w) => w.trim()).filter(Boolean))];
}

/** Ticking products for a show line-up: the order they were ticked is the order they are shown. */
export function toggleLineup(lineup: readonly string[], id: string): string[] {
  return lineup.includes(id) ? lineup.filter((x) => x !== id) : [...lineup, id];
}

/**
 * Stock per variant as the console shows it: the lowest first (what sells out next matters most),
 * at most `max` of them, then how many more.
 */
export function stockLine(p: Pick<Product, 'variants'>, lang: 'zh' | 'en', max = 6): string {
  const sorted = [...p.variants].sort((a, b) => a.stock - b.stock);
  const shown = sorted.slice(0, max).map((v) => `${v.label[lang] || v.label.zh} ${v.stock}`);
  const more = sorted.length - shown.length;
  return shown.join(' · ') + (more > 0 ? (lang === 'zh' ? ` · 另有 ${more} 个规格` : ` · +${more} more`) : '');
}
