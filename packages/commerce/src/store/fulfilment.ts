import type { ErrorCode, FulfilAction, OrderStatus } from '@snowstage/protocol';
import { canTransition } from '../order-status.js';

/** What the kiosk order machine needs to know about one order. */
export interface FulfilFacts {
  status: OrderStatus;
  kind: 'stock' | 'custom';
  producedAt: number | null;
}

export type FulfilPlan =
  | { ok: true; steps: OrderStatus[]; produced: boolean }
  | { ok: false; code: ErrorCode; detail: string };

/**
 * The kiosk order state machine on top of the order lifecycle (order-status.ts):
 * * pay: created → paid; a custom item then enters the production queue at once (→ in_production).
 * * produced: a custom item in production gets its print made (a timestamp; the status stays).
 * * ship: a stock item ships from paid; a custom item only once it has been produced.
 * * deliver, cancel, refund: as the lifecycle allows.
 * Every step is checked with `canTransition`, so nothing here can make an illegal jump.
 *
 * Use when: the kiosk pays or the back office moves an order. Returns the status steps to apply in order.
 */
export function planFulfilment(action: FulfilAction | 'pay', f: FulfilFacts): FulfilPlan {
  const refuse = (detail: string): FulfilPlan => ({ ok: false, code: 'FULFILMENT_INVALID', detail });
  const steps = (list: OrderStatus[]): FulfilPlan => {
    let at = f.status;
    for (const to of list) {
      if (!canTransition(at, to)) return { ok: false, code: 'ILLEGAL_TRANSITION', detail: `${at} → ${to}` };
      at = to;
    }
    return { ok: true, steps: list, produced: false };
  };
  switch (action) {
    case 'pay':
      return steps(f.kind === 'custom' ? ['paid', 'in_production'] : ['paid']);
    case 'produced':
      if (f.kind !== 'custom') return refuse('only custom items are produced');
      if (f.status !== 'in_production') return refuse(`the order is ${f.status}, not in production`);
      if (f.producedAt !== null) return refuse('already produced');
      return { ok: true, steps: [], produced: true };
    case 'ship':
      if (f.kind === 'custom' && f.status === 'in_production' && f.producedAt === null) return refuse('the custom item has not been produced yet');
      if (f.kind === 'stock' && f.status === 'in_production') return refuse('stock items do not go through production');
      return steps(['shipped']);
    case 'deliver':
      return steps(['delivered']);
    case 'cancel':
      return steps(['cancelled']);
    case 'refund':
      return steps(['refunded']);
  }
}

/** A production-queue item: oldest payment first; produced items wait apart for shipping. */
export interface QueueItem {
  orderId: string;
  paidAt: number;
  producedAt: number | null;
}

/** Orders the queue: not yet produced first (oldest payment first), then produced ones awaiting shipping. */
export function sortQueue<T extends QueueItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const pa = a.producedAt === null ? 0 : 1;
    const pb = b.producedAt === null ? 0 : 1;
    return pa - pb || a.paidAt - b.paidAt || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);
  });
}
