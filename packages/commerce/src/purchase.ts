import type { ErrorCode, FlashSale, Money, Order, Product, PurchaseRequest } from '@snowstage/protocol';
import { salePhase } from './flash-sale.js';

/** Largest quantity one order may take at list price (sales use their own per-buyer limit). */
export const MAX_QTY_PER_ORDER = 20;

export interface PurchaseFacts {
  request: PurchaseRequest;
  product: Product | null;
  /** The sale named by the request, or null when none was named or it does not exist. */
  sale: FlashSale | null;
  /** Units this buyer already holds in this sale (non-cancelled orders). */
  boughtInSale: number;
  now: number;
}

export type PurchaseDecision =
  | { ok: true; unitPrice: Money; qty: number }
  | { ok: false; code: ErrorCode; detail?: string };

/**
 * Decides whether a purchase may go ahead, from facts read inside the store's transaction.
 * Pure: the store adapter reads the facts, calls this, and applies the decrement atomically.
 * Returns the unit price to charge (sale or list price) or the error code to report.
 */
export function decidePurchase(f: PurchaseFacts): PurchaseDecision {
  const { request: r, product, sale } = f;
  const variant = product?.variants.find((v) => v.id === r.variantId);
  if (!product || !variant) return { ok: false, code: 'PRODUCT_NOT_FOUND', detail: `${r.productId}/${r.variantId}` };
  if (r.saleId !== undefined) {
    if (!sale) return { ok: false, code: 'SALE_NOT_FOUND' };
    if (sale.productId !== r.productId || sale.variantId !== r.variantId)
      return { ok: false, code: 'SALE_INVALID', detail: 'the sale is for another product' };
    const phase = salePhase(sale, f.now);
    if (phase === 'scheduled') return { ok: false, code: 'SALE_NOT_OPEN', detail: 'not started yet' };
    if (sale.sold >= sale.quantity || variant.stock === 0) return { ok: false, code: 'SOLD_OUT' };
    if (phase !== 'open') return { ok: false, code: 'SALE_NOT_OPEN', detail: 'already over' };
    if (f.boughtInSale + r.qty > sale.perBuyerLimit)
      return { ok: false, code: 'LIMIT_EXCEEDED', detail: `limit ${sale.perBuyerLimit}, you have ${f.boughtInSale}` };
    if (sale.sold + r.qty > sale.quantity || variant.stock < r.qty) return { ok: false, code: 'INSUFFICIENT_STOCK' };
    return { ok: true, unitPrice: sale.salePrice, qty: r.qty };
  }
  if (r.qty > MAX_QTY_PER_ORDER) return { ok: false, code: 'LIMIT_EXCEEDED', detail: `at most ${MAX_QTY_PER_ORDER} per order` };
  if (variant.stock === 0) return { ok: false, code: 'SOLD_OUT' };
  if (variant.stock < r.qty) return { ok: false, code: 'INSUFFICIENT_STOCK' };
  return { ok: true, unitPrice: product.price, qty: r.qty };
}

/** True when a retried request asks for the same thing as the order its key produced. */
export function sameRequest(
  order: { productId: string; variantId: string; qty: number; saleId: string | null },
  r: PurchaseRequest,
): boolean {
  return order.productId === r.productId && order.variantId === r.variantId && order.qty === r.qty && order.saleId === (r.saleId ?? null);
}

/**
 * The order a granted purchase creates, in its first status. Pure: the store adapter supplies the id
 * and the clock, then writes it in the same transaction as the stock decrement.
 */
export function newOrder(o: {
  id: string;
  buyerId: string;
  roomId: string | null;
  request: PurchaseRequest;
  saleId: string | null;
  unitPrice: Money;
  qty: number;
  now: number;
}): Order {
  return {
    id: o.id,
    buyerId: o.buyerId,
    roomId: o.roomId,
    productId: o.request.productId,
    variantId: o.request.variantId,
    saleId: o.saleId,
    qty: o.qty,
    unitPrice: o.unitPrice,
    total: { amount: o.unitPrice.amount * o.qty, currency: o.unitPrice.currency },
    status: 'created',
    idempotencyKey: o.request.key,
    createdAt: o.now,
    updatedAt: o.now,
  };
}
