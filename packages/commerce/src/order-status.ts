import type { OrderStatus } from '@snowstage/protocol';

/** The order lifecycle. Anything not listed here is an illegal transition. */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['paid', 'cancelled'],
  paid: ['in_production', 'shipped', 'refunded'],
  in_production: ['shipped', 'refunded'],
  shipped: ['delivered'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses whose units count against stock and per-buyer limits. */
export function holdsStock(s: OrderStatus): boolean {
  return s !== 'cancelled' && s !== 'refunded';
}
