import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { decidePurchase, holdsStock, canTransition, newOrder, sameRequest, type PurchaseResult } from '@snowstage/commerce';
import {
  AppError,
  type FlashSale,
  type Order,
  type OrderStatus,
  type Product,
  type PurchaseRequest,
  type RoomEvent,
  type Show,
  type Variant,
} from '@snowstage/protocol';
import { SQLITE_MIGRATIONS } from './sqlite-schema.js';
import { SqliteDrawStore, SqliteShowcaseStore } from './sqlite-showcase.js';
import { SqliteCloudStore } from './sqlite-cloudstore.js';
import type { RoomRecord, Store } from './store.js';
import { newId } from '../ids.js';
import { productRows, saleParams, toOrder, toProduct, toSale, type Row } from './rows.js';


/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so every
 * method body runs to completion before another starts; purchases additionally run inside an
 * IMMEDIATE transaction so the stock check and the decrement are one atomic unit on disk too.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmt: ReturnType<SqliteStore['prepare']>;
  /** The purchase as one IMMEDIATE transaction (takes the write lock before reading stock). */
  private readonly purchaseImmediate: SqliteStore['purchaseTx'];
  readonly showcase: SqliteShowcaseStore;
  readonly draws: SqliteDrawStore;
  readonly cloudstore: SqliteCloudStore;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL with WAL survives a process crash (SIGKILL) without losing a committed transaction.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.stmt = this.prepare();
    this.purchaseImmediate = this.db.transaction(this.purchaseTx).immediate;
    this.showcase = new SqliteShowcaseStore(this.db);
    this.draws = new SqliteDrawStore(this.db);
    this.cloudstore = new SqliteCloudStore(this.db);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(SQLITE_MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private prepare() {
    const db = this.db;
    return {
      products: db.prepare('SELECT * FROM products ORDER BY position'),
      product: db.prepare('SELECT * FROM products WHERE id = ?'),
      variantsOf: db.prepare('SELECT * FROM variants WHERE product_id = ? ORDER BY position'),
      allVariants: db.prepare('SELECT * FROM variants ORDER BY product_id, position'),
      upsertProduct: db.prepare(
        `INSERT INTO products (id, doc, price_amount, currency, position) VALUES (@id, @doc, @price, @currency, @position)
         ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, price_amount = excluded.price_amount, currency = excluded.currency, position = excluded.position`,
      ),
      upsertVariant: db.prepare(
        `INSERT INTO variants (product_id, id, doc, stock, position) VALUES (@productId, @id, @doc, @stock, @position)
         ON CONFLICT(product_id, id) DO UPDATE SET doc = excluded.doc, stock = excluded.stock, position = excluded.position`,
      ),
      zeroVariant: db.prepare('UPDATE variants SET stock = 0 WHERE product_id = ? AND id = ?'),
      zeroProduct: db.prepare('UPDATE variants SET stock = 0 WHERE product_id = ?'),
      decrement: db.prepare('UPDATE variants SET stock = stock - @qty WHERE product_id = @productId AND id = @variantId AND stock >= @qty'),
      insertSale: db.prepare(
        `INSERT INTO sales (id, room_id, product_id, variant_id, sale_price, list_price, currency, quantity, sold, per_buyer_limit, starts_at, ends_at, status, created_seq)
         VALUES (@id, @roomId, @productId, @variantId, @salePrice, @listPrice, @currency, @quantity, @sold, @perBuyerLimit, @startsAt, @endsAt, @status,
                 (SELECT COALESCE(MAX(created_seq), 0) + 1 FROM sales))`,
      ),
      sale: db.prepare('SELECT * FROM sales WHERE id = ?'),
      latestSale: db.prepare("SELECT * FROM sales WHERE room_id = ? AND status != 'cancelled' ORDER BY created_seq DESC LIMIT 1"),
      cancelSale: db.prepare("UPDATE sales SET status = 'cancelled' WHERE id = ?"),
      addSold: db.prepare('UPDATE sales SET sold = sold + @qty WHERE id = @id AND sold + @qty <= quantity'),
      orderByKey: db.prepare('SELECT * FROM orders WHERE buyer_id = ? AND idempotency_key = ?'),
      order: db.prepare('SELECT * FROM orders WHERE id = ?'),
      ordersOf: db.prepare('SELECT * FROM orders WHERE buyer_id = ? ORDER BY created_at DESC, id DESC LIMIT 200'),
      boughtInSale: db.prepare(
        "SELECT COALESCE(SUM(qty), 0) AS n FROM orders WHERE sale_id = ? AND buyer_id = ? AND status NOT IN ('cancelled', 'refunded')",
      ),
      soldUnits: db.prepare(
        "SELECT COALESCE(SUM(qty), 0) AS n FROM orders WHERE product_id = ? AND variant_id = ? AND status NOT IN ('cancelled', 'refunded')",
      ),
      soldUnitsInSale: db.prepare(
        "SELECT COALESCE(SUM(qty), 0) AS n FROM orders WHERE product_id = ? AND variant_id = ? AND sale_id = ? AND status NOT IN ('cancelled', 'refunded')",
      ),
      insertOrder: db.prepare(
        `INSERT INTO orders (id, buyer_id, room_id, product_id, variant_id, sale_id, qty, unit_price, total, currency, status, idempotency_key, created_at, updated_at)
         VALUES (@id, @buyerId, @roomId, @productId, @variantId, @saleId, @qty, @unitPrice, @total, @currency, @status, @idempotencyKey, @createdAt, @updatedAt)`,
      ),
      setOrderStatus: db.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?'),
      restock: db.prepare('UPDATE variants SET stock = stock + @qty WHERE product_id = @productId AND id = @variantId'),
      unsell: db.prepare('UPDATE sales SET sold = sold - @qty WHERE id = @id'),
      appendEvent: db.prepare('INSERT INTO room_events (room_id, seq, at, kind, data) VALUES (?, ?, ?, ?, ?)'),
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM room_events WHERE room_id = ?'),
      rooms: db.prepare('SELECT * FROM rooms ORDER BY id'),
      room: db.prepare('SELECT * FROM rooms WHERE id = ?'),
      upsertRoom: db.prepare('INSERT INTO rooms (id, title) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title'),
      saveShow: db.prepare(
        'INSERT INTO shows (id, room_id, doc, scheduled_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, scheduled_at = excluded.scheduled_at',
      ),
      show: db.prepare('SELECT doc FROM shows WHERE id = ?'),
      shows: db.prepare('SELECT doc FROM shows ORDER BY scheduled_at DESC, id DESC LIMIT 500'),
      showsOf: db.prepare('SELECT doc FROM shows WHERE room_id = ? ORDER BY scheduled_at DESC, id DESC LIMIT 500'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
  }

  // ── catalog ────────────────────────────────────────────────────────────────

  private readProduct(id: string): Product | null {
    const row = this.stmt.product.get(id) as Row | undefined;
    return row ? toProduct(row, this.stmt.variantsOf.all(id) as Row[]) : null;
  }

  async listProducts(): Promise<Product[]> {
    const byProduct = new Map<string, Row[]>();
    for (const v of this.stmt.allVariants.all() as Row[]) {
      const list = byProduct.get(v.product_id as string) ?? [];
      list.push(v);
      byProduct.set(v.product_id as string, list);
    }
    return (this.stmt.products.all() as Row[]).map((r) => toProduct(r, byProduct.get(r.id as string) ?? []));
  }

  async getProduct(id: string): Promise<Product | null> {
    return this.readProduct(id);
  }

  async upsertProducts(products: Product[]): Promise<void> {
    this.db.transaction(() => {
      products.forEach((p, position) => {
        const rows = productRows(p, position);
        this.stmt.upsertProduct.run({ ...rows.product, doc: JSON.stringify(rows.product.doc) });
        for (const v of rows.variants) this.stmt.upsertVariant.run({ ...v, doc: JSON.stringify(v.doc) });
      });
    })();
  }

  async markSoldOut(productId: string, variantId?: string): Promise<Product> {
    const info = variantId ? this.stmt.zeroVariant.run(productId, variantId) : this.stmt.zeroProduct.run(productId);
    const p = this.readProduct(productId);
    if (!p || info.changes === 0) throw new AppError('PRODUCT_NOT_FOUND', variantId ? `${productId}/${variantId}` : productId);
    return p;
  }

  // ── flash sales ────────────────────────────────────────────────────────────

  async createSale(s: FlashSale): Promise<void> {
    this.stmt.insertSale.run(saleParams(s));
  }

  async getSale(id: string): Promise<FlashSale | null> {
    const r = this.stmt.sale.get(id) as Row | undefined;
    return r ? toSale(r) : null;
  }

  async latestSale(roomId: string): Promise<FlashSale | null> {
    const r = this.stmt.latestSale.get(roomId) as Row | undefined;
    return r ? toSale(r) : null;
  }

  async cancelSale(id: string): Promise<FlashSale> {
    if (this.stmt.cancelSale.run(id).changes === 0) throw new AppError('SALE_NOT_FOUND', id);
    return toSale(this.stmt.sale.get(id) as Row);
  }

  // ── orders ─────────────────────────────────────────────────────────────────

  private purchaseTx = (buyerId: string, roomId: string | null, req: PurchaseRequest, now: number): PurchaseResult => {
    const existing = this.stmt.orderByKey.get(buyerId, req.key) as Row | undefined;
    if (existing) {
      const order = toOrder(existing);
      if (!sameRequest(order, req)) throw new AppError('IDEMPOTENCY_MISMATCH');
      return { order, replayed: true };
    }
    const product = this.readProduct(req.productId);
    const sale = req.saleId !== undefined ? ((r) => (r ? toSale(r) : null))(this.stmt.sale.get(req.saleId) as Row | undefined) : null;
    const boughtInSale = sale ? ((this.stmt.boughtInSale.get(sale.id, buyerId) as Row).n as number) : 0;
    const decision = decidePurchase({ request: req, product, sale, boughtInSale, now });
    if (!decision.ok) throw new AppError(decision.code, decision.detail);
    // The WHERE clauses re-check stock and sale quantity, so the decrement can never go below zero.
    if (this.stmt.decrement.run({ qty: decision.qty, productId: req.productId, variantId: req.variantId }).changes !== 1)
      throw new AppError('INSUFFICIENT_STOCK');
    if (sale && this.stmt.addSold.run({ qty: decision.qty, id: sale.id }).changes !== 1) throw new AppError('SOLD_OUT');
    const order = newOrder({ id: newId('o'), buyerId, roomId, request: req, saleId: sale?.id ?? null, unitPrice: decision.unitPrice, qty: decision.qty, now });
    this.stmt.insertOrder.run({
      ...order,
      unitPrice: order.unitPrice.amount,
      total: order.total.amount,
      currency: order.total.currency,
    });
    return { order, replayed: false };
  };
  async purchase(buyerId: string, roomId: string | null, request: PurchaseRequest, now: number): Promise<PurchaseResult> {
    return this.purchaseImmediate(buyerId, roomId, request, now);
  }

  async listOrders(buyerId: string): Promise<Order[]> {
    return (this.stmt.ordersOf.all(buyerId) as Row[]).map((r) => toOrder(r));
  }

  async getOrder(id: string): Promise<Order | null> {
    const r = this.stmt.order.get(id) as Row | undefined;
    return r ? toOrder(r) : null;
  }

  async setOrderStatus(id: string, to: OrderStatus, now: number): Promise<Order> {
    return this.db.transaction(() => {
      const r = this.stmt.order.get(id) as Row | undefined;
      if (!r) throw new AppError('ORDER_NOT_FOUND', id);
      const order = toOrder(r);
      if (!canTransition(order.status, to)) throw new AppError('ILLEGAL_TRANSITION', `${order.status} → ${to}`);
      this.stmt.setOrderStatus.run(to, now, id);
      // Units of a cancelled or refunded order go back on the shelf (and back into its sale).
      if (holdsStock(order.status) && !holdsStock(to)) {
        this.stmt.restock.run({ qty: order.qty, productId: order.productId, variantId: order.variantId });
        if (order.saleId) this.stmt.unsell.run({ qty: order.qty, id: order.saleId });
      }
      return { ...order, status: to, updatedAt: now };
    }).immediate();
  }

  async soldUnits(productId: string, variantId: string, saleId?: string): Promise<number> {
    const row = (saleId ? this.stmt.soldUnitsInSale.get(productId, variantId, saleId) : this.stmt.soldUnits.get(productId, variantId)) as Row;
    return row.n as number;
  }

  // ── event log ──────────────────────────────────────────────────────────────

  async appendEvents(roomId: string, events: readonly RoomEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.db.transaction(() => {
      for (const e of events) this.stmt.appendEvent.run(roomId, e.seq, e.at, e.kind, JSON.stringify(e));
    })();
  }

  async readEvents(roomId: string, opts: { afterSeq?: number; kinds?: readonly string[]; limit?: number } = {}): Promise<RoomEvent[]> {
    const kinds = opts.kinds ?? [];
    const sql =
      `SELECT data FROM room_events WHERE room_id = ? AND seq > ?` +
      (kinds.length ? ` AND kind IN (${kinds.map(() => '?').join(',')})` : '') +
      ` ORDER BY seq LIMIT ?`;
    const rows = this.db.prepare(sql).all(roomId, opts.afterSeq ?? 0, ...kinds, opts.limit ?? -1) as Row[];
    return rows.map((r) => JSON.parse(r.data as string) as RoomEvent);
  }

  async tailEvents(roomId: string, kinds: readonly string[], limit: number): Promise<RoomEvent[]> {
    const sql = `SELECT data FROM room_events WHERE room_id = ? AND kind IN (${kinds.map(() => '?').join(',')}) ORDER BY seq DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(roomId, ...kinds, limit) as Row[];
    return rows.reverse().map((r) => JSON.parse(r.data as string) as RoomEvent);
  }

  async lastSeq(roomId: string): Promise<number> {
    return (this.stmt.lastSeq.get(roomId) as Row).n as number;
  }

  // ── shows ──────────────────────────────────────────────────────────────────

  async saveShow(show: Show): Promise<void> {
    this.stmt.saveShow.run(show.id, show.roomId, JSON.stringify(show), show.scheduledAt);
  }

  async getShow(id: string): Promise<Show | null> {
    const r = this.stmt.show.get(id) as Row | undefined;
    return r ? (JSON.parse(r.doc as string) as Show) : null;
  }

  async listShows(roomId?: string): Promise<Show[]> {
    const rows = (roomId ? this.stmt.showsOf.all(roomId) : this.stmt.shows.all()) as Row[];
    return rows.map((r) => JSON.parse(r.doc as string) as Show);
  }

  // ── rooms and meta ─────────────────────────────────────────────────────────

  async listRooms(): Promise<RoomRecord[]> {
    return (this.stmt.rooms.all() as Row[]).map((r) => ({ id: r.id as string, title: JSON.parse(r.title as string) }));
  }

  async getRoom(id: string): Promise<RoomRecord | null> {
    const r = this.stmt.room.get(id) as Row | undefined;
    return r ? { id: r.id as string, title: JSON.parse(r.title as string) } : null;
  }

  async upsertRoom(room: RoomRecord): Promise<void> {
    this.stmt.upsertRoom.run(room.id, JSON.stringify(room.title));
  }

  async getMeta(key: string): Promise<string | null> {
    const r = this.stmt.getMeta.get(key) as Row | undefined;
    return r ? (r.value as string) : null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.stmt.setMeta.run(key, value);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
