import type { Analytics, ProductStats, SeriesPoint } from '@snowstage/commerce';
import type { Lang, Product } from '@snowstage/protocol';

/**
 * Pure formatting of the analytics numbers for the console and the report: tiles, chart columns
 * and the per-product table. Money arrives in fen and is shown in yuan; conversion as a percentage.
 */

export type { Analytics, ProductStats, SeriesPoint };

/** "¥1,288.50" / "¥88" from fen. */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100).toLocaleString('en-US');
  const cents = fen % 100;
  return `¥${whole}${cents ? '.' + String(cents).padStart(2, '0') : ''}`;
}

/** 0.6 → "60%", 0.12345 → "12.35%". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 10_000) / 100}%`;
}

/** The aligned columns uPlot draws: x in unix seconds, GMV in yuan. */
export interface ChartColumns {
  x: number[];
  viewers: number[];
  peakViewers: number[];
  comments: number[];
  likes: number[];
  orders: number[];
  gmvYuan: number[];
}

export function chartColumns(series: readonly SeriesPoint[]): ChartColumns {
  return {
    x: series.map((p) => p.t / 1000),
    viewers: series.map((p) => p.viewers),
    peakViewers: series.map((p) => p.peakViewers),
    comments: series.map((p) => p.comments),
    likes: series.map((p) => p.likes),
    orders: series.map((p) => p.orders),
    gmvYuan: series.map((p) => p.gmv / 100),
  };
}

/**
 * The time axis of the charts in unix seconds: the whole window, and at least two buckets wide so a
 * show's first minute is not drawn as a single point floating in years of axis.
 */
export function timeSpan(a: Pick<Analytics, 'from' | 'to' | 'series'>): [number, number] {
  const bucket = a.series.length > 1 ? a.series[1]!.t - a.series[0]!.t : 60_000;
  const from = a.from / 1000;
  const end = Math.max(a.to, (a.series.at(-1)?.t ?? a.from) + bucket, a.from + 2 * bucket) / 1000;
  return [from, end];
}

/** A report bucket (seconds) that gives a readable chart for a show of this length. */
export function defaultBucketS(lengthMs: number): number {
  if (lengthMs <= 10 * 60_000) return 10;
  if (lengthMs <= 3 * 3_600_000) return 60;
  return 300;
}

/** One row of the per-product table, with the product's name in the page language. */
export interface ProductRow extends ProductStats {
  name: string;
}

export function productRows(stats: readonly ProductStats[], products: ReadonlyMap<string, Product>, lang: Lang): ProductRow[] {
  return stats.map((s) => {
    const p = products.get(s.productId);
    return { ...s, name: p ? p.name[lang] || p.name.zh : s.productId };
  });
}

/** "1:02:05" / "12:05" for a length in ms. */
export function span(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h ? `${h}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}
