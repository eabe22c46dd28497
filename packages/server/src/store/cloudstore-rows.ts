import type { CheckoutRecord, KioskLineView, PrintFileRecord } from '@snowstage/commerce';
import type { DesignSide, OrderStatus, StoreRecord, TimelineEntry } from '@snowstage/protocol';
import { json, type Row } from './rows.js';

/**
 * Row mappers and SQL shared by the SQLite and PostgreSQL Cloud Store adapters (same tables and
 * columns; documents are text in SQLite and JSONB in PostgreSQL).
 */

/** The lowercased text a store search matches against. */
export function storeSearchText(s: StoreRecord): string {
  return [s.id, s.name.zh, s.name.en, s.city.zh, s.city.en, s.province.zh, s.province.en, s.address.zh, s.address.en].join(' ').toLowerCase();
}

/** The city code inside a store id (`cs-bj-0042` → `bj`). */
export function storeCityCode(id: string): string {
  return id.split('-')[1]!;
}

/** Escapes LIKE wildcards; use with `ESCAPE '\\'`. */
export function likePattern(text: string): string {
  return `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** A kiosk line joined with its order: the columns both adapters select. */
export const LINE_VIEW = `SELECT l.order_id, l.checkout_id, l.store_id, l.line_no, l.kind, l.design_id, l.produced_at, l.created_at,
  o.product_id, o.variant_id, o.qty, o.total, o.currency, o.status, o.updated_at
  FROM cs_lines l JOIN orders o ON o.id = l.order_id`;

export function toLineView(r: Row): KioskLineView {
  return {
    orderId: r.order_id as string,
    checkoutId: r.checkout_id as string,
    storeId: r.store_id as string,
    lineNo: Number(r.line_no),
    kind: r.kind as 'stock' | 'custom',
    designId: (r.design_id as string | null) ?? null,
    producedAt: r.produced_at === null || r.produced_at === undefined ? null : Number(r.produced_at),
    createdAt: Number(r.created_at),
    productId: r.product_id as string,
    variantId: r.variant_id as string,
    qty: Number(r.qty),
    total: { amount: Number(r.total), currency: r.currency as 'CNY' },
    status: r.status as OrderStatus,
    updatedAt: Number(r.updated_at),
  };
}

export function toCheckout(r: Row): CheckoutRecord {
  return {
    id: r.id as string,
    storeId: r.store_id as string,
    key: r.key as string,
    fingerprint: r.fingerprint as string,
    address: json(r.address),
    total: { amount: Number(r.total), currency: r.currency as 'CNY' },
    payToken: r.pay_token as string,
    createdAt: Number(r.created_at),
  };
}

export function toPrint(r: Row): PrintFileRecord {
  return {
    designId: r.design_id as string,
    side: r.side as DesignSide,
    widthPx: Number(r.width_px),
    heightPx: Number(r.height_px),
    dpi: Number(r.dpi),
    pngSha256: r.png_sha256 as string,
  };
}

const RANK: Record<TimelineEntry['status'], number> = { created: 0, paid: 1, in_production: 2, produced: 3, shipped: 4, delivered: 5, cancelled: 6, refunded: 7 };

/** Groups timeline rows per order, in time order (lifecycle order for equal times). */
export function groupTimelines(rows: readonly Row[]): Map<string, TimelineEntry[]> {
  const out = new Map<string, TimelineEntry[]>();
  for (const r of rows) {
    const list = out.get(r.order_id as string) ?? [];
    list.push({ status: r.status as TimelineEntry['status'], at: Number(r.at) });
    out.set(r.order_id as string, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at || RANK[a.status] - RANK[b.status]);
  return out;
}

const DAY = 86_400_000;
/** SQL for the China (UTC+8) day number of an epoch-ms column. */
export const dayNumber = (col: string) => `((${col} + 28800000) / ${DAY})`;
export function dayString(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}
