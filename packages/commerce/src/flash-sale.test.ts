import { describe, expect, it } from 'vitest';
import { nextSaleDeadline, planSale, salePhase } from './flash-sale.js';
import { tshirt } from './testing/fixtures.js';

const plan = { id: 's1', roomId: 'main', productId: 'tee', variantId: 'm', countdownS: 30, durationS: 60, salePrice: 9900, quantity: 5, perBuyerLimit: 2 };

describe('planSale', () => {
  it('starts after the countdown and ends after the duration', () => {
    const s = planSale(plan, tshirt(), 1_000_000);
    expect(s.startsAt).toBe(1_030_000);
    expect(s.endsAt).toBe(1_090_000);
    expect(s.salePrice).toEqual({ amount: 9900, currency: 'CNY' });
    expect(s.listPrice.amount).toBe(12900);
  });

  it('refuses countdowns outside 10-300 s, quantities above stock, and prices not below list', () => {
    expect(() => planSale({ ...plan, countdownS: 5 }, tshirt(), 0)).toThrow(/countdown must be 10-300/);
    expect(() => planSale({ ...plan, countdownS: 301 }, tshirt(), 0)).toThrow(/countdown/);
    expect(() => planSale({ ...plan, quantity: 11 }, tshirt(), 0)).toThrow(/exceeds stock 10/);
    expect(() => planSale({ ...plan, salePrice: 12900 }, tshirt(), 0)).toThrow(/below the list price/);
    expect(() => planSale({ ...plan, variantId: 'xl' }, tshirt(), 0)).toThrow(/No such product/);
  });

  it('lets a lower countdown floor be configured for rehearsals', () => {
    expect(planSale({ ...plan, countdownS: 2 }, tshirt(), 0, { minCountdownS: 1 }).startsAt).toBe(2000);
  });
});

describe('salePhase', () => {
  const s = planSale(plan, tshirt(), 0);
  it('is scheduled, then open, then closed by the clock alone', () => {
    expect(salePhase(s, 29_999)).toBe('scheduled');
    expect(salePhase(s, 30_000)).toBe('open');
    expect(salePhase(s, 89_999)).toBe('open');
    expect(salePhase(s, 90_000)).toBe('closed');
  });
  it('closes early when the quantity is sold, and cancelled is sticky', () => {
    expect(salePhase({ ...s, sold: 5 }, 40_000)).toBe('closed');
    expect(salePhase({ ...s, status: 'cancelled' }, 40_000)).toBe('cancelled');
  });
  it('names the next deadline', () => {
    expect(nextSaleDeadline(s, 0)).toBe(30_000);
    expect(nextSaleDeadline(s, 30_000)).toBe(90_000);
    expect(nextSaleDeadline(s, 90_000)).toBeNull();
  });
});
