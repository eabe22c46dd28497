import type pg from 'pg';
import type { CheckoutRecord, CloudStoreStore, KioskLineRecord, KioskLineView, PrintFileRecord, StoreQuery } from '@snowstage/commerce';
import type { DesignDoc, SalesPoint, StoreRecord, TimelineEntry } from '@snowstage/protocol';
import { json, type Row } from '../rows.js';
import { dayNumber, dayString, groupTimelines, likePattern, LINE_VIEW, storeCityCode, storeSearchText, toCheckout, toLineView, toPrint } from '../cloudstore-rows.js';
import { inTransaction } from './pg-db.js';

const PAID = "o.status NOT IN ('created', 'cancelled', 'refunded')";

/** The Cloud Store port on PostgreSQL (same tables as SQLite; documents in JSONB). */
export class PgCloudStore implements CloudStoreStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[] = [], c: pg.Pool | pg.PoolClient = this.pool): Promise<Row[]> {
    return (await c.query(sql, params)).rows as Row[];
  }

  async countStores(): Promise<number> {
    return Number((await this.rows('SELECT COUNT(*)::int AS n FROM cs_stores'))[0]!.n);
  }

  async upsertStores(stores: readonly StoreRecord[]): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      for (let i = 0; i < stores.length; i += 1000) {
        const chunk = stores.slice(i, i + 1000);
        await c.query(
          `INSERT INTO cs_stores (id, city_code, doc, search)
           SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[])
           ON CONFLICT (id) DO UPDATE SET city_code = excluded.city_code, doc = excluded.doc, search = excluded.search`,
          [chunk.map((s) => s.id), chunk.map((s) => storeCityCode(s.id)), chunk.map((s) => JSON.stringify(s)), chunk.map(storeSearchText)],
        );
      }
    });
  }

  async getStore(id: string): Promise<StoreRecord | null> {
    const [r] = await this.rows('SELECT doc FROM cs_stores WHERE id = $1', [id]);
    return r ? json<StoreRecord>(r.doc) : null;
  }

  async searchStores(q: StoreQuery): Promise<{ stores: StoreRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.city) {
      params.push(q.city);
      where.push(`city_code = $${params.length}`);
    }
    if (q.text?.trim()) {
      params.push(likePattern(q.text));
      where.push(`search LIKE $${params.length} ESCAPE '\\'`);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.rows(`SELECT COUNT(*)::int AS n FROM cs_stores ${w}`, params);
    const rows = await this.rows(`SELECT doc FROM cs_stores ${w} ORDER BY id COLLATE "C" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, q.limit, q.offset ?? 0]);
    return { stores: rows.map((r) => json<StoreRecord>(r.doc)), total: Number(count!.n) };
  }

  async cities(): Promise<{ code: string; city: StoreRecord['city']; count: number }[]> {
    const rows = await this.rows(`SELECT city_code, (array_agg(doc))[1] AS doc, COUNT(*)::int AS n FROM cs_stores GROUP BY city_code ORDER BY n DESC, city_code COLLATE "C"`);
    return rows.map((r) => ({ code: r.city_code as string, city: json<StoreRecord>(r.doc).city, count: Number(r.n) }));
  }

  async saveDesign(id: string, doc: DesignDoc, at: number): Promise<void> {
    await this.pool.query('INSERT INTO cs_designs (id, doc, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [id, JSON.stringify(doc), at]);
  }

  async getDesign(id: string): Promise<DesignDoc | null> {
    const [r] = await this.rows('SELECT doc FROM cs_designs WHERE id = $1', [id]);
    return r ? json<DesignDoc>(r.doc) : null;
  }

  async savePrint(p: PrintFileRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO cs_prints (design_id, side, width_px, height_px, dpi, png_sha256) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (design_id, side) DO UPDATE SET width_px = excluded.width_px, height_px = excluded.height_px, dpi = excluded.dpi, png_sha256 = excluded.png_sha256`,
      [p.designId, p.side, p.widthPx, p.heightPx, p.dpi, p.pngSha256],
    );
  }

  async prints(designId: string): Promise<PrintFileRecord[]> {
    return (await this.rows('SELECT * FROM cs_prints WHERE design_id = $1 ORDER BY side DESC', [designId])).map(toPrint);
  }

  async insertCheckout(c: CheckoutRecord, lines: readonly KioskLineRecord[]): Promise<{ checkout: CheckoutRecord; created: boolean }> {
    return inTransaction(this.pool, async (tx) => {
      const ins = await tx.query(
        `INSERT INTO cs_checkouts (id, store_id, key, fingerprint, address, total, currency, pay_token, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (store_id, key) DO NOTHING`,
        [c.id, c.storeId, c.key, c.fingerprint, JSON.stringify(c.address), c.total.amount, c.total.currency, c.payToken, c.createdAt],
      );
      if (ins.rowCount === 0) return { checkout: toCheckout((await this.rows('SELECT * FROM cs_checkouts WHERE store_id = $1 AND key = $2', [c.storeId, c.key], tx))[0]!), created: false };
      for (const l of lines)
        await tx.query(
          'INSERT INTO cs_lines (order_id, checkout_id, store_id, line_no, kind, design_id, produced_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [l.orderId, l.checkoutId, l.storeId, l.lineNo, l.kind, l.designId, l.producedAt, l.createdAt],
        );
      return { checkout: c, created: true };
    });
  }

  async checkoutByKey(storeId: string, key: string): Promise<CheckoutRecord | null> {
    const [r] = await this.rows('SELECT * FROM cs_checkouts WHERE store_id = $1 AND key = $2', [storeId, key]);
    return r ? toCheckout(r) : null;
  }

  async getCheckout(id: string): Promise<CheckoutRecord | null> {
    const [r] = await this.rows('SELECT * FROM cs_checkouts WHERE id = $1', [id]);
    return r ? toCheckout(r) : null;
  }

  async linesOf(checkoutId: string): Promise<KioskLineView[]> {
    return (await this.rows(`${LINE_VIEW} WHERE l.checkout_id = $1 ORDER BY l.line_no`, [checkoutId])).map(toLineView);
  }

  async line(orderId: string): Promise<KioskLineView | null> {
    const [r] = await this.rows(`${LINE_VIEW} WHERE l.order_id = $1`, [orderId]);
    return r ? toLineView(r) : null;
  }

  async recordStatus(orderId: string, status: TimelineEntry['status'], at: number): Promise<void> {
    await this.pool.query('INSERT INTO cs_timeline (order_id, status, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [orderId, status, at]);
  }

  async timelines(orderIds: readonly string[]): Promise<Map<string, TimelineEntry[]>> {
    if (orderIds.length === 0) return new Map();
    return groupTimelines(await this.rows('SELECT order_id, status, at FROM cs_timeline WHERE order_id = ANY($1)', [orderIds]));
  }

  async markProduced(orderId: string, at: number): Promise<boolean> {
    const r = await this.pool.query("UPDATE cs_lines SET produced_at = $1 WHERE order_id = $2 AND kind = 'custom' AND produced_at IS NULL", [at, orderId]);
    return r.rowCount === 1;
  }

  async linesByStore(storeId: string, opts: { limit: number; before?: number }): Promise<KioskLineView[]> {
    const rows = await this.rows(`${LINE_VIEW} WHERE l.store_id = $1 AND l.created_at < $2 ORDER BY l.created_at DESC, l.order_id DESC LIMIT $3`, [
      storeId,
      opts.before ?? Number.MAX_SAFE_INTEGER,
      opts.limit,
    ]);
    return rows.map(toLineView);
  }

  async productionQueue(opts: { limit: number; storeId?: string }): Promise<KioskLineView[]> {
    const rows = await this.rows(
      `${LINE_VIEW} WHERE l.kind = 'custom' AND o.status = 'in_production' ${opts.storeId ? 'AND l.store_id = $2' : ''}
       ORDER BY (l.produced_at IS NOT NULL), o.updated_at, l.order_id COLLATE "C" LIMIT $1`,
      opts.storeId ? [opts.limit, opts.storeId] : [opts.limit],
    );
    return rows.map(toLineView);
  }

  async salesByStoreDay(opts: { from: number; to: number; storeId?: string; limit?: number }): Promise<SalesPoint[]> {
    const day = dayNumber('l.created_at');
    const rows = await this.rows(
      `SELECT l.store_id, ${day} AS day, COUNT(*)::int AS orders, SUM(o.qty)::int AS units, SUM(o.total)::bigint AS gmv
       FROM cs_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.created_at >= $1 AND l.created_at < $2 AND ${PAID} ${opts.storeId ? 'AND l.store_id = $4' : ''}
       GROUP BY l.store_id, day ORDER BY day, l.store_id COLLATE "C" LIMIT $3`,
      [opts.from, opts.to, opts.limit ?? 10_000, ...(opts.storeId ? [opts.storeId] : [])],
    );
    return rows.map((r) => ({ storeId: r.store_id as string, day: dayString(Number(r.day)), orders: Number(r.orders), units: Number(r.units), gmv: Number(r.gmv) }));
  }
}
