import type Database from 'better-sqlite3';
import type { CheckoutRecord, CloudStoreStore, KioskLineRecord, KioskLineView, PrintFileRecord, StoreQuery } from '@snowstage/commerce';
import type { DesignDoc, SalesPoint, StoreRecord, TimelineEntry } from '@snowstage/protocol';
import type { Row } from './rows.js';
import { dayNumber, dayString, groupTimelines, likePattern, LINE_VIEW, storeCityCode, storeSearchText, toCheckout, toLineView, toPrint } from './cloudstore-rows.js';

const PAID = "o.status NOT IN ('created', 'cancelled', 'refunded')";

/** The Cloud Store port on the embedded SQLite file (tables from the cs_* migration). */
export class SqliteCloudStore implements CloudStoreStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      count: db.prepare('SELECT COUNT(*) AS n FROM cs_stores'),
      upsertStore: db.prepare(
        'INSERT INTO cs_stores (id, city_code, doc, search) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET city_code = excluded.city_code, doc = excluded.doc, search = excluded.search',
      ),
      store: db.prepare('SELECT doc FROM cs_stores WHERE id = ?'),
      cities: db.prepare('SELECT city_code, MIN(doc) AS doc, COUNT(*) AS n FROM cs_stores GROUP BY city_code ORDER BY n DESC, city_code'),
      saveDesign: db.prepare('INSERT INTO cs_designs (id, doc, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING'),
      design: db.prepare('SELECT doc FROM cs_designs WHERE id = ?'),
      savePrint: db.prepare(
        `INSERT INTO cs_prints (design_id, side, width_px, height_px, dpi, png_sha256) VALUES (@designId, @side, @widthPx, @heightPx, @dpi, @pngSha256)
         ON CONFLICT(design_id, side) DO UPDATE SET width_px = excluded.width_px, height_px = excluded.height_px, dpi = excluded.dpi, png_sha256 = excluded.png_sha256`,
      ),
      prints: db.prepare('SELECT * FROM cs_prints WHERE design_id = ? ORDER BY side DESC'),
      insertCheckout: db.prepare(
        `INSERT INTO cs_checkouts (id, store_id, key, fingerprint, address, total, currency, pay_token, created_at)
         VALUES (@id, @storeId, @key, @fingerprint, @address, @total, @currency, @payToken, @createdAt) ON CONFLICT(store_id, key) DO NOTHING`,
      ),
      insertLine: db.prepare(
        `INSERT INTO cs_lines (order_id, checkout_id, store_id, line_no, kind, design_id, produced_at, created_at)
         VALUES (@orderId, @checkoutId, @storeId, @lineNo, @kind, @designId, @producedAt, @createdAt)`,
      ),
      byKey: db.prepare('SELECT * FROM cs_checkouts WHERE store_id = ? AND key = ?'),
      checkout: db.prepare('SELECT * FROM cs_checkouts WHERE id = ?'),
      linesOf: db.prepare(`${LINE_VIEW} WHERE l.checkout_id = ? ORDER BY l.line_no`),
      line: db.prepare(`${LINE_VIEW} WHERE l.order_id = ?`),
      record: db.prepare('INSERT INTO cs_timeline (order_id, status, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      produced: db.prepare("UPDATE cs_lines SET produced_at = ? WHERE order_id = ? AND kind = 'custom' AND produced_at IS NULL"),
      byStore: db.prepare(`${LINE_VIEW} WHERE l.store_id = ? AND l.created_at < ? ORDER BY l.created_at DESC, l.order_id DESC LIMIT ?`),
      queue: db.prepare(`${LINE_VIEW} WHERE l.kind = 'custom' AND o.status = 'in_production' ORDER BY l.produced_at IS NOT NULL, o.updated_at, l.order_id LIMIT ?`),
      queueOf: db.prepare(
        `${LINE_VIEW} WHERE l.kind = 'custom' AND o.status = 'in_production' AND l.store_id = ? ORDER BY l.produced_at IS NOT NULL, o.updated_at, l.order_id LIMIT ?`,
      ),
    };
  }

  async countStores(): Promise<number> {
    return (this.q.count.get() as Row).n as number;
  }

  async upsertStores(stores: readonly StoreRecord[]): Promise<void> {
    this.db.transaction(() => {
      for (const s of stores) this.q.upsertStore.run(s.id, storeCityCode(s.id), JSON.stringify(s), storeSearchText(s));
    })();
  }

  async getStore(id: string): Promise<StoreRecord | null> {
    const r = this.q.store.get(id) as Row | undefined;
    return r ? (JSON.parse(r.doc as string) as StoreRecord) : null;
  }

  async searchStores(q: StoreQuery): Promise<{ stores: StoreRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.city) {
      where.push('city_code = ?');
      params.push(q.city);
    }
    if (q.text?.trim()) {
      where.push("search LIKE ? ESCAPE '\\'");
      params.push(likePattern(q.text));
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM cs_stores ${w}`).get(...params) as Row).n as number;
    const rows = this.db.prepare(`SELECT doc FROM cs_stores ${w} ORDER BY id LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset ?? 0) as Row[];
    return { stores: rows.map((r) => JSON.parse(r.doc as string) as StoreRecord), total };
  }

  async cities(): Promise<{ code: string; city: StoreRecord['city']; count: number }[]> {
    return (this.q.cities.all() as Row[]).map((r) => ({ code: r.city_code as string, city: (JSON.parse(r.doc as string) as StoreRecord).city, count: r.n as number }));
  }

  async saveDesign(id: string, doc: DesignDoc, at: number): Promise<void> {
    this.q.saveDesign.run(id, JSON.stringify(doc), at);
  }

  async getDesign(id: string): Promise<DesignDoc | null> {
    const r = this.q.design.get(id) as Row | undefined;
    return r ? (JSON.parse(r.doc as string) as DesignDoc) : null;
  }

  async savePrint(p: PrintFileRecord): Promise<void> {
    this.q.savePrint.run(p);
  }

  async prints(designId: string): Promise<PrintFileRecord[]> {
    return (this.q.prints.all(designId) as Row[]).map(toPrint);
  }

  async insertCheckout(c: CheckoutRecord, lines: readonly KioskLineRecord[]): Promise<{ checkout: CheckoutRecord; created: boolean }> {
    return this.db.transaction(() => {
      const ins = this.q.insertCheckout.run({ ...c, address: JSON.stringify(c.address), total: c.total.amount, currency: c.total.currency });
      if (ins.changes === 0) return { checkout: toCheckout(this.q.byKey.get(c.storeId, c.key) as Row), created: false };
      for (const l of lines) this.q.insertLine.run(l);
      return { checkout: c, created: true };
    }).immediate();
  }

  async checkoutByKey(storeId: string, key: string): Promise<CheckoutRecord | null> {
    const r = this.q.byKey.get(storeId, key) as Row | undefined;
    return r ? toCheckout(r) : null;
  }

  async getCheckout(id: string): Promise<CheckoutRecord | null> {
    const r = this.q.checkout.get(id) as Row | undefined;
    return r ? toCheckout(r) : null;
  }

  async linesOf(checkoutId: string): Promise<KioskLineView[]> {
    return (this.q.linesOf.all(checkoutId) as Row[]).map(toLineView);
  }

  async line(orderId: string): Promise<KioskLineView | null> {
    const r = this.q.line.get(orderId) as Row | undefined;
    return r ? toLineView(r) : null;
  }

  async recordStatus(orderId: string, status: TimelineEntry['status'], at: number): Promise<void> {
    this.q.record.run(orderId, status, at);
  }

  async timelines(orderIds: readonly string[]): Promise<Map<string, TimelineEntry[]>> {
    if (orderIds.length === 0) return new Map();
    const rows = this.db.prepare(`SELECT order_id, status, at FROM cs_timeline WHERE order_id IN (${orderIds.map(() => '?').join(',')})`).all(...orderIds) as Row[];
    return groupTimelines(rows);
  }

  async markProduced(orderId: string, at: number): Promise<boolean> {
    return this.q.produced.run(at, orderId).changes === 1;
  }

  async linesByStore(storeId: string, opts: { limit: number; before?: number }): Promise<KioskLineView[]> {
    return (this.q.byStore.all(storeId, opts.before ?? Number.MAX_SAFE_INTEGER, opts.limit) as Row[]).map(toLineView);
  }

  async productionQueue(opts: { limit: number; storeId?: string }): Promise<KioskLineView[]> {
    const rows = opts.storeId ? this.q.queueOf.all(opts.storeId, opts.limit) : this.q.queue.all(opts.limit);
    return (rows as Row[]).map(toLineView);
  }

  async salesByStoreDay(opts: { from: number; to: number; storeId?: string; limit?: number }): Promise<SalesPoint[]> {
    const day = dayNumber('l.created_at');
    const rows = this.db
      .prepare(
        `SELECT l.store_id, ${day} AS day, COUNT(*) AS orders, SUM(o.qty) AS units, SUM(o.total) AS gmv
         FROM cs_lines l JOIN orders o ON o.id = l.order_id
         WHERE l.created_at >= ? AND l.created_at < ? AND ${PAID} ${opts.storeId ? 'AND l.store_id = ?' : ''}
         GROUP BY l.store_id, day ORDER BY day, l.store_id LIMIT ?`,
      )
      .all(...[opts.from, opts.to, ...(opts.storeId ? [opts.storeId] : []), opts.limit ?? 10_000]) as Row[];
    return rows.map((r) => ({ storeId: r.store_id as string, day: dayString(Number(r.day)), orders: Number(r.orders), units: Number(r.units), gmv: Number(r.gmv) }));
  }
}
