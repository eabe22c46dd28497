import { describe, expect, it } from 'vitest';
import { planFulfilment, sortQueue, type FulfilFacts } from './fulfilment.js';

const custom = (status: FulfilFacts['status'], producedAt: number | null = null): FulfilFacts => ({ status, kind: 'custom', producedAt });
const stock = (status: FulfilFacts['status']): FulfilFacts => ({ status, kind: 'stock', producedAt: null });

describe('kiosk order state machine', () => {
  it('sends a paid custom item straight into production; a stock item just becomes paid', () => {
    expect(planFulfilment('pay', custom('created'))).toEqual({ ok: true, steps: ['paid', 'in_production'], produced: false });
    expect(planFulfilment('pay', stock('created'))).toEqual({ ok: true, steps: ['paid'], produced: false });
  });

  it('ships a custom item only after it was produced', () => {
    expect(planFulfilment('ship', custom('in_production'))).toMatchObject({ ok: false, code: 'FULFILMENT_INVALID' });
    expect(planFulfilment('produced', custom('in_production'))).toEqual({ ok: true, steps: [], produced: true });
    expect(planFulfilment('produced', custom('in_production', 5))).toMatchObject({ ok: false, detail: 'already produced' });
    expect(planFulfilment('ship', custom('in_production', 5))).toEqual({ ok: true, steps: ['shipped'], produced: false });
  });

  it('ships stock from paid, and never produces it', () => {
    expect(planFulfilment('ship', stock('paid'))).toMatchObject({ ok: true, steps: ['shipped'] });
    expect(planFulfilment('produced', stock('paid'))).toMatchObject({ ok: false, code: 'FULFILMENT_INVALID' });
  });

  it('refuses illegal jumps with the lifecycle error', () => {
    expect(planFulfilment('ship', stock('created'))).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION', detail: 'created → shipped' });
    expect(planFulfilment('pay', stock('paid'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(planFulfilment('deliver', stock('paid'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(planFulfilment('cancel', stock('paid'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(planFulfilment('refund', custom('cancelled'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(planFulfilment('deliver', stock('shipped'))).toMatchObject({ ok: true, steps: ['delivered'] });
    expect(planFulfilment('refund', custom('in_production'))).toMatchObject({ ok: true, steps: ['refunded'] });
  });

  it('orders the production queue: waiting items by payment time, produced ones last', () => {
    const q = sortQueue([
      { orderId: 'c', paidAt: 3, producedAt: 9 },
      { orderId: 'b', paidAt: 2, producedAt: null },
      { orderId: 'a', paidAt: 5, producedAt: null },
    ]);
    expect(q.map((x) => x.orderId)).toEqual(['b', 'a', 'c']);
  });
});
