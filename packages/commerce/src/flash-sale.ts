import { AppError, SALE_LIMITS, type FlashSale, type Money, type Product, type SaleStatus } from '@snowstage/protocol';

/** What an operator asks for when scheduling a flash sale. */
export interface SalePlan {
  id: string;
  roomId: string;
  productId: string;
  variantId: string;
  countdownS: number;
  durationS: number;
  salePrice: number;
  quantity: number;
  perBuyerLimit: number;
}

export interface SalePlanOptions {
  /** Smallest allowed countdown; the protocol allows 10–300 s, rehearsals may lower the floor. @default 10 */
  minCountdownS?: number;
}

/**
 * Validates a plan against the product and turns it into a sale that opens `countdownS` from `now`.
 * Expects: the product as it is in the store now. Throws AppError(SALE_INVALID | PRODUCT_NOT_FOUND).
 */
export function planSale(plan: SalePlan, product: Product, now: number, opts: SalePlanOptions = {}): FlashSale {
  const variant = product.variants.find((v) => v.id === plan.variantId);
  if (!variant) throw new AppError('PRODUCT_NOT_FOUND', `${plan.productId}/${plan.variantId}`);
  const minCountdown = opts.minCountdownS ?? SALE_LIMITS.countdownS.min;
  if (plan.countdownS < minCountdown || plan.countdownS > SALE_LIMITS.countdownS.max)
    throw new AppError('SALE_INVALID', `countdown must be ${minCountdown}-${SALE_LIMITS.countdownS.max} s`);
  if (plan.quantity > variant.stock)
    throw new AppError('SALE_INVALID', `quantity ${plan.quantity} exceeds stock ${variant.stock}`);
  if (plan.salePrice >= product.price.amount)
    throw new AppError('SALE_INVALID', 'the sale price must be below the list price');
  if (plan.perBuyerLimit > plan.quantity) throw new AppError('SALE_INVALID', 'per-buyer limit exceeds quantity');
  const startsAt = now + plan.countdownS * 1000;
  return {
    id: plan.id,
    roomId: plan.roomId,
    productId: plan.productId,
    variantId: plan.variantId,
    salePrice: { amount: plan.salePrice, currency: product.price.currency },
    listPrice: product.price,
    quantity: plan.quantity,
    sold: 0,
    perBuyerLimit: plan.perBuyerLimit,
    startsAt,
    endsAt: startsAt + plan.durationS * 1000,
    status: 'scheduled',
  };
}

/**
 * The phase of a sale at `now`, derived from its times and counts (never stored, so it can't go stale):
 * scheduled before start, open until it ends or sells its quantity, then closed. Cancelled is sticky.
 */
export function salePhase(sale: Pick<FlashSale, 'status' | 'startsAt' | 'endsAt' | 'sold' | 'quantity'>, now: number): SaleStatus {
  if (sale.status === 'cancelled') return 'cancelled';
  if (now < sale.startsAt) return 'scheduled';
  if (now < sale.endsAt && sale.sold < sale.quantity) return 'open';
  return 'closed';
}

/** The sale as viewers should see it at `now` (status recomputed). */
export function viewSale(sale: FlashSale, now: number): FlashSale {
  const status = salePhase(sale, now);
  return status === sale.status ? sale : { ...sale, status };
}

/** When the sale next changes phase by the clock alone, or null if it never will. */
export function nextSaleDeadline(sale: FlashSale, now: number): number | null {
  const phase = salePhase(sale, now);
  if (phase === 'scheduled') return sale.startsAt;
  if (phase === 'open') return sale.endsAt;
  return null;
}

/** True while the sale still matters to a room (not yet over). */
export function saleIsLive(sale: FlashSale, now: number): boolean {
  const p = salePhase(sale, now);
  return p === 'scheduled' || p === 'open';
}

export function salePriceOf(sale: FlashSale): Money {
  return sale.salePrice;
}
