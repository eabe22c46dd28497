import type { FlashSale, Lang, Product, Variant } from '@snowstage/protocol';
import { formatMoney, pick, totalStock } from '@snowstage/protocol';
import { speakable } from '../text/normalize.js';

/** The product's name as spoken (no "&", no odd spacing: "雪墩墩印花 T 恤" → "雪墩墩印花T恤"). */
export function productName(p: Pick<Product, 'name'>, lang: Lang): string {
  const n = pick(p.name, lang);
  return speakable(lang === 'zh' ? n.replace(/\s+(?=[\u3400-\u9fffA-Za-z])|(?<=[\u3400-\u9fffA-Za-z])\s+/g, '') : n, lang);
}

export function variantName(v: Variant, lang: Lang): string {
  return speakable(pick(v.label, lang), lang);
}

export const price = formatMoney;

/** The measure word for counting this product in Chinese (只, 件, 枚 …) or '' in English. */
export function unitWord(p: Pick<Product, 'name' | 'category'>, lang: Lang): string {
  if (lang === 'en') return '';
  const n = p.name.zh;
  if (/套装|礼盒|套|明信片/.test(n)) return '套';
  if (/公仔|娃娃/.test(n)) return '只';
  if (/徽章/.test(n)) return '枚';
  if (/围巾/.test(n)) return '条';
  if (/帽/.test(n)) return '顶';
  if (/手套/.test(n)) return '副';
  if (/T\s*恤|卫衣|外套/.test(n)) return '件';
  if (/贴纸包/.test(n)) return '包';
  if (/盲盒/.test(n)) return '盒';
  return '个';
}

export type SalePhase = 'scheduled' | 'open' | 'closed' | 'cancelled';

/** The sale's phase at `now` from its times and counts (a stored status may be stale). */
export function salePhase(s: FlashSale, now: number): SalePhase {
  if (s.status === 'cancelled') return 'cancelled';
  if (now < s.startsAt) return 'scheduled';
  if (now < s.endsAt && s.sold < s.quantity) return 'open';
  return 'closed';
}

export function saleRemaining(s: FlashSale): number {
  return Math.max(0, s.quantity - s.sold);
}

/** "7.7折" / "23% off": the discount of a sale price against its list price. */
export function discountText(s: Pick<FlashSale, 'salePrice' | 'listPrice'>, lang: Lang): string {
  const ratio = s.salePrice.amount / s.listPrice.amount;
  if (lang === 'zh') return `${(Math.round(ratio * 100) / 10).toString()}折`;
  return `${Math.round((1 - ratio) * 100)}% off`;
}

export { totalStock };
