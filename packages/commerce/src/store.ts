import type { FlashSale, Order, OrderStatus, Product, PurchaseRequest } from '@snowstage/protocol';

export interface PurchaseResult {
  order: Order;
  /** True when the idempotency key had already produced this order (a retry). */
  replayed: boolean;
}

/**
 * The commerce storage port. Adapters (SQLite, PostgreSQL) live in the server; each must make
 * `purchase` atomic: read facts, `decidePurchase`, decrement stock and write the order as one unit.
 * All methods reject with AppError for domain failures (SOLD_OUT, LIMIT_EXCEEDED, …).
 */
export interface CommerceStore {
  listProducts(): Promise<Product[]>;
  getProduct(id: string): Promise<Product | null>;
  /** Inserts or replaces catalog products with their variants and stock (seeding). */
  upsertProducts(products: Product[]): Promise<void>;
  /** Sets a variant's stock (or every variant's, when variantId is absent) to zero; returns the product. */
  markSoldOut(productId: string, variantId?: string): Promise<Product>;

  createSale(sale: FlashSale): Promise<void>;
  getSale(id: string): Promise<FlashSale | null>;
  /** The newest sale of a room that is not cancelled (its phase is computed by the caller). */
  latestSale(roomId: string): Promise<FlashSale | null>;
  cancelSale(id: string): Promise<FlashSale>;

  purchase(buyerId: string, roomId: string | null, request: PurchaseRequest, now: number): Promise<PurchaseResult>;
  listOrders(buyerId: string): Promise<Order[]>;
  getOrder(id: string): Promise<Order | null>;
  setOrderStatus(id: string, to: OrderStatus, now: number): Promise<Order>;
  /** Units sold (orders that hold stock) of a variant, optionally within one sale. */
  soldUnits(productId: string, variantId: string, saleId?: string): Promise<number>;
}
