import { parseChineseNumber } from '../text/numbers.js';

/** A checkable statement found in a sentence the host is about to say. */
export type Claim =
  | { kind: 'money'; fen: number; foreign: boolean; at: number; len: number; raw: string }
  | { kind: 'stock'; count: number; at: number; len: number; raw: string; numAt: number; numLen: number }
  | { kind: 'discount'; ratio: number; at: number; len: number; raw: string }
  | { kind: 'clock'; minutesOfDay: number; at: number; len: number; raw: string }
  | { kind: 'minutes'; minutes: number; at: number; len: number; raw: string; numAt: number; numLen: number };

const ZH = '[零〇一二两三四五六七八九十百千万点]+';
const MONEY = new RegExp(
  // 块 is money only as 块钱 or at a clause end ("99块！", "99块一个"), not as a measure word ("109块金牌").
  `([¥￥$])\\s?(\\d+(?:\\.\\d{1,2})?)|(\\d+(?:\\.\\d{1,2})?)\\s?(元|块钱|块(?=$|[^\\u4e00-\\u9fff]|[一每])|yuan\\b|rmb\\b|kuai\\b|dollars?\\b|bucks\\b)|(${ZH})\\s?(元|块钱|块(?=$|[^\\u4e00-\\u9fff]|[一每]))`,
  'gi',
);
const FREE = /免费送|白送|不要钱|(?<!\d)0\s?元|\bfor free\b|\b(is|are|it's) (now )?free\b(?! shipping)|\bfree of charge\b/gi;
const DISCOUNT = /(\d(?:\.\d)?)\s?折|([一二三四五六七八九])折|(\d{1,2})\s?%\s?off\b|\bhalf price\b|半价/gi;
const STOCK_ZH = /(还剩|还有|剩下|剩|库存|仅剩|只剩|现货)[^\d，。！？,.!?]{0,4}?(\d+)\s?(件|个|只|套|枚|条|顶|副|包|盒|份)/g;
const STOCK_EN = /\b(only |just )?(\d+)\s+(?:units?\s+|pieces?\s+|sets?\s+|items?\s+)?(left|in stock|remaining)\b/gi;
const CLOCK = /(?<![\d.])([01]?\d|2[0-3])[:：]([0-5]\d)(?!\d)/g;
const MINUTES = /(\d+)\s?(分钟|minutes?\b|mins?\b)/gi;

/** Finds prices, stock counts, discounts and times in a sentence, with their positions for correction. */
export function findClaims(text: string): Claim[] {
  const out: Claim[] = [];
  for (const m of text.matchAll(MONEY)) {
    const raw = m[0];
    let yuan: number;
    if (m[2]) yuan = Number(m[2]);
    else if (m[3]) yuan = Number(m[3]);
    else yuan = parseChineseNumber(m[5]!);
    if (!Number.isFinite(yuan)) continue;
    const foreign = m[1] === '$' || /dollar|bucks/i.test(m[4] ?? '');
    out.push({ kind: 'money', fen: Math.round(yuan * 100), foreign, at: m.index!, len: raw.length, raw });
  }
  // "Free shipping", "gift-wrapped for free" are services, not a price.
  const service = /shipping|deliver|postage|包邮|运费|邮费|gift bag|wrap|包装|贺卡|card|invoice|发票|return|退/i.test(text);
  if (!service) for (const m of text.matchAll(FREE)) out.push({ kind: 'money', fen: 0, foreign: false, at: m.index!, len: m[0].length, raw: m[0] });
  for (const m of text.matchAll(DISCOUNT)) {
    let ratio: number;
    if (m[1]) ratio = Number(m[1]) / 10;
    else if (m[2]) ratio = parseChineseNumber(m[2]) / 10;
    else if (m[3]) ratio = 1 - Number(m[3]) / 100;
    else ratio = 0.5;
    out.push({ kind: 'discount', ratio, at: m.index!, len: m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(STOCK_ZH)) {
    const numAt = m.index! + m[0].search(/\d/);
    out.push({ kind: 'stock', count: Number(m[2]), at: m.index!, len: m[0].length, raw: m[0], numAt, numLen: m[2]!.length });
  }
  for (const m of text.matchAll(STOCK_EN)) {
    const numAt = m.index! + (m[1]?.length ?? 0);
    out.push({ kind: 'stock', count: Number(m[2]), at: m.index!, len: m[0].length, raw: m[0], numAt, numLen: m[2]!.length });
  }
  for (const m of text.matchAll(CLOCK)) out.push({ kind: 'clock', minutesOfDay: Number(m[1]) * 60 + Number(m[2]), at: m.index!, len: m[0].length, raw: m[0] });
  for (const m of text.matchAll(MINUTES)) out.push({ kind: 'minutes', minutes: Number(m[1]), at: m.index!, len: m[0].length, raw: m[0], numAt: m.index!, numLen: m[1]!.length });
  return out.sort((a, b) => a.at - b.at);
}

/** Splits a segment into sentences, keeping the end marks (never at a decimal point). */
export function sentences(text: string): string[] {
  return text.match(/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/g)?.flatMap((s) => s.split(/(?<=[a-z)\]"'][.])(?=\s+[A-Z])/)) ?? [text];
}
