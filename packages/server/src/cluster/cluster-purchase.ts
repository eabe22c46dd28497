import type { Redis } from 'ioredis';
import { salePhase, type PurchaseResult } from '@snowstage/commerce';
import { AppError, type FlashSale, type PurchaseRequest } from '@snowstage/protocol';
import type { PgStore } from '../store/pg/pg-store.js';
import type { Purchase } from '../room/live-room.js';
import { SaleStock } from './sale-stock.js';

/**
 * How a node sells when scaled out. Flash-sale units are reserved in Redis (one atomic Lua call:
 * no oversell, per-buyer limits across nodes, hot stock off the database), then the order is written
 * durably to PostgreSQL; a failed write gives the units back. Everything else goes straight to
 * PostgreSQL's row-locked purchase. When Redis is down, sale purchases fail with STOCK_UNAVAILABLE.
 */
export class ClusterSales {
  readonly stock: SaleStock;
  private readonly sales = new Map<string, { sale: FlashSale; at: number }>();

  constructor(
    private readonly store: PgStore,
    private readonly redis: Redis,
    private readonly now: () => number,
    private readonly prefix = 'snowstage:',
  ) {
    this.stock = new SaleStock(redis, prefix);
  }

  readonly purchase: Purchase = async (buyerId, roomId, req) => {
    if (req.saleId === undefined) return this.store.purchase(buyerId, roomId, req, this.now());
    const sale = await this.sale(req.saleId);
    if (sale.productId !== req.productId || sale.variantId !== req.variantId) throw new AppError('SALE_INVALID', 'the sale is for another product');
    const phase = salePhase({ ...sale, sold: 0 }, this.now());
    if (phase === 'scheduled') throw new AppError('SALE_NOT_OPEN', 'not started yet');
    if (phase !== 'open') throw new AppError('SALE_NOT_OPEN', 'already over');
    const reservation = await this.reserve(sale, buyerId, req);
    if (reservation === 'retry') {
      const done = await this.store.orderByKey(buyerId, req.key);
      if (done) return { order: done, replayed: true };
      // Reserved before, but the node that reserved died before writing: finish the write now.
    }
    try {
      return await this.store.purchaseReserved(buyerId, roomId, req, sale, this.now());
    } catch (e) {
      if (reservation === 'reserved') await this.stock.release(sale.id, buyerId, req.key, req.qty).catch(() => undefined);
      throw e;
    }
  };

  /** The sale's terms (cached for a second: they change only on cancel, which is re-read quickly). */
  private async sale(id: string): Promise<FlashSale> {
    const hit = this.sales.get(id);
    if (hit && this.now() - hit.at < 1000) return hit.sale;
    const sale = await this.store.getSale(id);
    if (!sale) throw new AppError('SALE_NOT_FOUND', id);
    this.sales.set(id, { sale, at: this.now() });
    return sale;
  }

  private async reserve(sale: FlashSale, buyerId: string, req: PurchaseRequest): Promise<'reserved' | 'retry'> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.stock.reserve(sale.id, buyerId, req.key, req.qty, sale.perBuyerLimit)).status;
      } catch (e) {
        // Redis came back empty (restarted) or never had this sale: load it from the record, once.
        const notLoaded = e instanceof AppError && e.code === 'STOCK_UNAVAILABLE' && e.detail === 'the sale is not loaded into Redis';
        if (!notLoaded || attempt >= 3) throw e;
        await this.load(sale);
      }
    }
  }

  /** Loads a sale's stock into Redis from PostgreSQL (one node at a time; the others wait for it). */
  async load(sale: FlashSale): Promise<void> {
    const lock = `${this.prefix}sale:{${sale.id}}:loading`;
    try {
      if ((await this.redis.set(lock, '1', 'PX', 5000, 'NX')) === 'OK') {
        if (!(await this.stock.isLoaded(sale.id))) await this.stock.reconcile(sale.id, sale.quantity, await this.store.saleOrders(sale.id));
        await this.redis.del(lock);
      } else {
        await new Promise((r) => setTimeout(r, 100));
      }
    } catch (e) {
      throw new AppError('STOCK_UNAVAILABLE', (e as Error).message);
    }
  }

  /**
   * Keeps Redis in step with the record: before a sale opens, and when it closes (so units reserved
   * by a node that died before writing come back to the count); while open, only loads it if missing.
   */
  async onSale(sale: FlashSale): Promise<void> {
    this.sales.delete(sale.id);
    const phase = salePhase(sale, this.now());
    if (phase === 'open') {
      if (!(await this.stock.isLoaded(sale.id))) await this.load(sale);
      return;
    }
    await this.stock.reconcile(sale.id, sale.quantity, await this.store.saleOrders(sale.id));
  }
}

export type { PurchaseResult };
