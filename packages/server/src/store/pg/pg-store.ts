import type pg from 'pg';
import { canTransition, decidePurchase, holdsStock, newOrder, sameRequest, type PurchaseResult } from '@snowstage/commerce';
import { AppError, type FlashSale, type Order, type OrderStatus, type Product, type PurchaseRequest, type RoomEvent, type Show } from '@snowstage/protocol';
import type { RoomRecord, Store } from '../store.js';
import { json, productRows, saleParams, toOrder, toProduct, toSale, type Row } from '../rows.js';
import { newId } from '../../ids.js';
import { inTransaction, isUniqueViolation, openPg, type PgOptions } from './pg-db.js';
import { PgDrawStore, PgShowcaseStore } from './pg-showcase.js';
import { PgCloudStore } from './pg-cloudstore.js';

const HOLDING = "status NOT IN ('cancelled', 'refunded')";

/**
 * The scale-out store: PostgreSQL, shared by every node. A purchase is one transaction that locks
 * the variant row (and the sale row) before reading stock, so the check and the decrement are one
 * atomic unit across nodes; the (buyer, key) unique index makes retries return the same order.
 */
export class PgStore implements Store {
  readonly showcase: PgShowcaseStore;
  readonly draws: PgDrawStore;
  readonly cloudstore: PgCloudStore;

  private constructor(private readonly pool: pg.Pool) {
    this.showcase = new PgShowcaseStore(pool);
    this.draws = new PgDrawStore(pool);
    this.cloudstore = new PgCloudStore(pool);
  }

  static async open(opts: PgOptions): Promise<PgStore> {
    return new PgStore(await openPg(opts));
  }

  private async rows(sql: string, params: unknown[] = [], c: pg.Pool | pg.PoolClient = this.pool): Promise<Row[]> {
    return (await c.query(sql, params)).rows as Row[];
  }

  // ── catalog ────────────────────────────────────────────────────────────────

  private async readProduct(id: string, c: pg.Pool | pg.PoolClient = this.pool): Promise<Product | null> {
    const [row] = await this.rows('SELECT * FROM products WHERE id = $1', [id], c);
    return row ? toProduct(row, await this.rows('SELECT * FROM variants WHERE product_id = $1 ORDER BY position', [id], c)) : null;
  }

  async listProducts(): Promise<Product[]> {
    const byProduct = new Map<string, Row[]>();
    for (const v of await this.rows('SELECT * FROM variants ORDER BY product_id, position')) {
      const list = byProduct.get(v.product_id as string) ?? [];
      list.push(v);
      byProduct.set(v.product_id as string, list);
    }
    return (await this.rows('SELECT * FROM products ORDER BY position')).map((r) => toProduct(r, byProduct.get(r.id as string) ?? []));
  }

  getProduct(id: string): Promise<Product | null> {
    return this.readProduct(id);
  }

  async upsertProducts(products: Product[]): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      for (const [position, p] of products.entries()) {
        const { product, variants } = productRows(p, position);
        await c.query(
          `INSERT INTO products (id, doc, price_amount, currency, position) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, price_amount = excluded.price_amount, currency = excluded.currency, position = excluded.position`,
          [product.id, product.doc, product.price, product.currency, product.position],
        );
        for (const v of variants)
          await c.query(
            `INSERT INTO variants (product_id, id, doc, stock, position) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (product_id, id) DO UPDATE SET doc = excluded.doc, stock = excluded.stock, position = excluded.position`,
            [v.productId, v.id, v.doc, v.stock, v.position],
          );
      }
    });
  }

  async markSoldOut(productId: string, variantId?: string): Promise<Product> {
    const r = variantId
      ? await this.pool.query('UPDATE variants SET stock = 0 WHERE product_id = $1 AND id = $2', [productId, variantId])
      : await this.pool.query('UPDATE variants SET stock = 0 WHERE product_id = $1', [productId]);
    const p = await this.readProduct(productId);
    if (!p || r.rowCount === 0) throw new AppError('PRODUCT_NOT_FOUND', variantId ? `${productId}/${variantId}` : productId);
    return p;
  }

  // ── flash sales ────────────────────────────────────────────────────────────

  async createSale(s: FlashSale): Promise<void> {
    const p = saleParams(s);
    await this.pool.query(
      `INSERT INTO sales (id, room_id, product_id, variant_id, sale_price, list_price, currency, quantity, sold, per_buyer_limit, starts_at, ends_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [p.id, p.roomId, p.productId, p.variantId, p.salePrice, p.listPrice, p.currency, p.quantity, p.sold, p.perBuyerLimit, p.startsAt, p.endsAt, p.status],
    );
  }

  async getSale(id: string): Promise<FlashSale | null> {
    const [r] = await this.rows('SELECT * FROM sales WHERE id = $1', [id]);
    return r ? toSale(r) : null;
  }

  async latestSale(roomId: string): Promise<FlashSale | null> {
    const [r] = await this.rows("SELECT * FROM sales WHERE room_id = $1 AND status != 'cancelled' ORDER BY created_seq DESC LIMIT 1", [roomId]);
    return r ? toSale(r) : null;
  }

  async cancelSale(id: string): Promise<FlashSale> {
    const [r] = await this.rows("UPDATE sales SET status = 'cancelled' WHERE id = $1 RETURNING *", [id]);
    if (!r) throw new AppError('SALE_NOT_FOUND', id);
    return toSale(r);
  }

  /** Adds sold units to a sale (Redis-reserved purchases reconcile through this). */
  async setSaleSold(id: string, sold: number): Promise<void> {
    await this.pool.query('UPDATE sales SET sold = $2 WHERE id = $1', [id, sold]);
  }

  // ── orders ─────────────────────────────────────────────────────────────────

  async purchase(buyerId: string, roomId: string | null, req: PurchaseRequest, now: number): Promise<PurchaseResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inTransaction(this.pool, (c) => this.purchaseTx(c, buyerId, roomId, req, now));
      } catch (e) {
        // A concurrent retry with the same key committed first: answer with its order.
        if (isUniqueViolation(e) && attempt < 2) continue;
        throw e;
      }
    }
  }

  private async purchaseTx(c: pg.PoolClient, buyerId: string, roomId: string | null, req: PurchaseRequest, now: number): Promise<PurchaseResult> {
    const [existing] = await this.rows('SELECT * FROM orders WHERE buyer_id = $1 AND idempotency_key = $2', [buyerId, req.key], c);
    if (existing) {
      const order = toOrder(existing);
      if (!sameRequest(order, req)) throw new AppError('IDEMPOTENCY_MISMATCH');
      return { order, replayed: true };
    }
    // Lock order: sale row first (it serialises one buyer's racing requests for the per-buyer limit), then the variant.
    const [saleRow] = req.saleId !== undefined ? await this.rows('SELECT * FROM sales WHERE id = $1 FOR UPDATE', [req.saleId], c) : [];
    const sale = saleRow ? toSale(saleRow) : null;
    await c.query('SELECT stock FROM variants WHERE product_id = $1 AND id = $2 FOR UPDATE', [req.productId, req.variantId]);
    const product = await this.readProduct(req.productId, c);
    const boughtInSale = sale
      ? Number((await this.rows(`SELECT COALESCE(SUM(qty), 0)::int AS n FROM orders WHERE sale_id = $1 AND buyer_id = $2 AND ${HOLDING}`, [sale.id, buyerId], c))[0]!.n)
      : 0;
    const decision = decidePurchase({ request: req, product, sale, boughtInSale, now });
    if (!decision.ok) throw new AppError(decision.code, decision.detail);
    const dec = await c.query('UPDATE variants SET stock = stock - $1 WHERE product_id = $2 AND id = $3 AND stock >= $1', [decision.qty, req.productId, req.variantId]);
    if (dec.rowCount !== 1) throw new AppError('INSUFFICIENT_STOCK');
    if (sale && (await c.query('UPDATE sales SET sold = sold + $1 WHERE id = $2 AND sold + $1 <= quantity', [decision.qty, sale.id])).rowCount !== 1) throw new AppError('SOLD_OUT');
    const order = newOrder({ id: newId('o'), buyerId, roomId, request: req, saleId: sale?.id ?? null, unitPrice: decision.unitPrice, qty: decision.qty, now });
    await this.insertOrder(c, order);
    return { order, replayed: false };
  }

  /**
   * Scale-out flash sales: writes an order whose units Redis has already reserved (stock, sale
   * quantity and per-buyer limit checked there, atomically across nodes). PostgreSQL stays the
   * record and the last guard: the stock and sale-quantity conditions are checked again here.
   */
  async purchaseReserved(buyerId: string, roomId: string | null, req: PurchaseRequest, sale: FlashSale, now: number): Promise<PurchaseResult> {
    return inTransaction(this.pool, async (c) => {
      const [existing] = await this.rows('SELECT * FROM orders WHERE buyer_id = $1 AND idempotency_key = $2', [buyerId, req.key], c);
      if (existing) {
        const order = toOrder(existing);
        if (!sameRequest(order, req)) throw new AppError('IDEMPOTENCY_MISMATCH');
        return { order, replayed: true };
      }
      const dec = await c.query('UPDATE variants SET stock = stock - $1 WHERE product_id = $2 AND id = $3 AND stock >= $1', [req.qty, req.productId, req.variantId]);
      if (dec.rowCount !== 1) throw new AppError('SOLD_OUT');
      if ((await c.query('UPDATE sales SET sold = sold + $1 WHERE id = $2 AND sold + $1 <= quantity', [req.qty, sale.id])).rowCount !== 1) throw new AppError('SOLD_OUT');
      const order = newOrder({ id: newId('o'), buyerId, roomId, request: req, saleId: sale.id, unitPrice: sale.salePrice, qty: req.qty, now });
      await this.insertOrder(c, order);
      return { order, replayed: false };
    });
  }

  /** The orders of a sale that hold stock: what Redis is reconciled from. */
  async saleOrders(saleId: string): Promise<{ buyerId: string; key: string; qty: number }[]> {
    const rows = await this.rows(`SELECT buyer_id, idempotency_key, qty FROM orders WHERE sale_id = $1 AND ${HOLDING}`, [saleId]);
    return rows.map((r) => ({ buyerId: r.buyer_id as string, key: r.idempotency_key as string, qty: Number(r.qty) }));
  }

  async orderByKey(buyerId: string, key: string): Promise<Order | null> {
    const [r] = await this.rows('SELECT * FROM orders WHERE buyer_id = $1 AND idempotency_key = $2', [buyerId, key]);
    return r ? toOrder(r) : null;
  }

  /** Writes an order row (also used by the Redis-reserved purchase path). */
  async insertOrder(c: pg.Pool | pg.PoolClient, o: Order): Promise<void> {
    await c.query(
      `INSERT INTO orders (id, buyer_id, room_id, product_id, variant_id, sale_id, qty, unit_price, total, currency, status, idempotency_key, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [o.id, o.buyerId, o.roomId, o.productId, o.variantId, o.saleId, o.qty, o.unitPrice.amount, o.total.amount, o.total.currency, o.status, o.idempotencyKey, o.createdAt, o.updatedAt],
    );
  }

  async listOrders(buyerId: string): Promise<Order[]> {
    return (await this.rows('SELECT * FROM orders WHERE buyer_id = $1 ORDER BY created_at DESC, id DESC LIMIT 200', [buyerId])).map(toOrder);
  }

  async getOrder(id: string): Promise<Order | null> {
    const [r] = await this.rows('SELECT * FROM orders WHERE id = $1', [id]);
    return r ? toOrder(r) : null;
  }

  async setOrderStatus(id: string, to: OrderStatus, now: number): Promise<Order> {
    return inTransaction(this.pool, async (c) => {
      const [r] = await this.rows('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [id], c);
      if (!r) throw new AppError('ORDER_NOT_FOUND', id);
      const order = toOrder(r);
      if (!canTransition(order.status, to)) throw new AppError('ILLEGAL_TRANSITION', `${order.status} → ${to}`);
      await c.query('UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3', [to, now, id]);
      // Units of a cancelled or refunded order go back on the shelf (and back into its sale).
      if (holdsStock(order.status) && !holdsStock(to)) {
        // Same lock order as purchases (sale, then variant), so the two never deadlock.
        if (order.saleId) await c.query('SELECT 1 FROM sales WHERE id = $1 FOR UPDATE', [order.saleId]);
        await c.query('UPDATE variants SET stock = stock + $1 WHERE product_id = $2 AND id = $3', [order.qty, order.productId, order.variantId]);
        if (order.saleId) await c.query('UPDATE sales SET sold = sold - $1 WHERE id = $2', [order.qty, order.saleId]);
      }
      return { ...order, status: to, updatedAt: now };
    });
  }

  async soldUnits(productId: string, variantId: string, saleId?: string): Promise<number> {
    const [r] = saleId
      ? await this.rows(`SELECT COALESCE(SUM(qty), 0)::int AS n FROM orders WHERE product_id = $1 AND variant_id = $2 AND sale_id = $3 AND ${HOLDING}`, [productId, variantId, saleId])
      : await this.rows(`SELECT COALESCE(SUM(qty), 0)::int AS n FROM orders WHERE product_id = $1 AND variant_id = $2 AND ${HOLDING}`, [productId, variantId]);
    return Number(r!.n);
  }

  // ── event log ──────────────────────────────────────────────────────────────

  async appendEvents(roomId: string, events: readonly RoomEvent[]): Promise<void> {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const values = events.map((e, i) => {
      params.push(roomId, e.seq, e.at, e.kind, JSON.stringify(e));
      const b = i * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
    });
    await this.pool.query(`INSERT INTO room_events (room_id, seq, at, kind, data) VALUES ${values.join(', ')}`, params);
  }

  async readEvents(roomId: string, opts: { afterSeq?: number; kinds?: readonly string[]; limit?: number } = {}): Promise<RoomEvent[]> {
    const kinds = opts.kinds ?? [];
    const rows = await this.rows(
      `SELECT data FROM room_events WHERE room_id = $1 AND seq > $2 ${kinds.length ? 'AND kind = ANY($4)' : ''} ORDER BY seq LIMIT $3`,
      kinds.length ? [roomId, opts.afterSeq ?? 0, opts.limit ?? null, kinds] : [roomId, opts.afterSeq ?? 0, opts.limit ?? null],
    );
    return rows.map((r) => json<RoomEvent>(r.data));
  }

  async tailEvents(roomId: string, kinds: readonly string[], limit: number): Promise<RoomEvent[]> {
    const rows = await this.rows('SELECT data FROM room_events WHERE room_id = $1 AND kind = ANY($2) ORDER BY seq DESC LIMIT $3', [roomId, kinds, limit]);
    return rows.reverse().map((r) => json<RoomEvent>(r.data));
  }

  async lastSeq(roomId: string): Promise<number> {
    return Number((await this.rows('SELECT COALESCE(MAX(seq), 0) AS n FROM room_events WHERE room_id = $1', [roomId]))[0]!.n);
  }

  // ── shows ──────────────────────────────────────────────────────────────────

  async saveShow(show: Show): Promise<void> {
    await this.pool.query(
      'INSERT INTO shows (id, room_id, doc, scheduled_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, scheduled_at = excluded.scheduled_at',
      [show.id, show.roomId, show, show.scheduledAt],
    );
  }

  async getShow(id: string): Promise<Show | null> {
    const [r] = await this.rows('SELECT doc FROM shows WHERE id = $1', [id]);
    return r ? json<Show>(r.doc) : null;
  }

  async listShows(roomId?: string): Promise<Show[]> {
    const rows = roomId
      ? await this.rows('SELECT doc FROM shows WHERE room_id = $1 ORDER BY scheduled_at DESC, id DESC LIMIT 500', [roomId])
      : await this.rows('SELECT doc FROM shows ORDER BY scheduled_at DESC, id DESC LIMIT 500');
    return rows.map((r) => json<Show>(r.doc));
  }

  // ── rooms and meta ─────────────────────────────────────────────────────────

  async listRooms(): Promise<RoomRecord[]> {
    return (await this.rows('SELECT * FROM rooms ORDER BY id')).map((r) => ({ id: r.id as string, title: json(r.title) }));
  }

  async getRoom(id: string): Promise<RoomRecord | null> {
    const [r] = await this.rows('SELECT * FROM rooms WHERE id = $1', [id]);
    return r ? { id: r.id as string, title: json(r.title) } : null;
  }

  async upsertRoom(room: RoomRecord): Promise<void> {
    await this.pool.query('INSERT INTO rooms (id, title) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET title = excluded.title', [room.id, room.title]);
  }

  async getMeta(key: string): Promise<string | null> {
    const [r] = await this.rows('SELECT value FROM meta WHERE key = $1', [key]);
    return r ? (r.value as string) : null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  /** The pool, for adapters that share it (the Redis stock path writes orders through it). */
  get db(): pg.Pool {
    return this.pool;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
