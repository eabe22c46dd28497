import { describe, expect, it } from 'vitest';
import { decidePurchase, newOrder, sameRequest } from './purchase.js';
import { planSale } from './flash-sale.js';
import { tshirt } from './testing/fixtures.js';

const sale = planSale(
  { id: 's1', roomId: 'main', productId: 'tee', variantId: 'm', countdownS: 10, durationS: 60, salePrice: 9900, quantity: 5, perBuyerLimit: 2 },
  tshirt(),
  0,
);
const req = { productId: 'tee', variantId: 'm', qty: 1, key: 'key-00000001' };
const open = 20_000;

describe('decidePurchase', () => {
  it('charges the list price without a sale and the sale price in an open sale', () => {
    expect(decidePurchase({ request: req, product: tshirt(), sale: null, boughtInSale: 0, now: 0 })).toEqual({ ok: true, unitPrice: { amount: 12900, currency: 'CNY' }, qty: 1 });
    expect(decidePurchase({ request: { ...req, saleId: 's1' }, product: tshirt(), sale, boughtInSale: 0, now: open })).toMatchObject({ ok: true, unitPrice: { amount: 9900 } });
  });

  it('refuses a sale that has not started or is over, with a clear code', () => {
    expect(decidePurchase({ request: { ...req, saleId: 's1' }, product: tshirt(), sale, boughtInSale: 0, now: 5_000 })).toMatchObject({ ok: false, code: 'SALE_NOT_OPEN', detail: 'not started yet' });
    expect(decidePurchase({ request: { ...req, saleId: 's1' }, product: tshirt(), sale, boughtInSale: 0, now: 80_000 })).toMatchObject({ ok: false, code: 'SALE_NOT_OPEN', detail: 'already over' });
    expect(decidePurchase({ request: { ...req, saleId: 'nope' }, product: tshirt(), sale: null, boughtInSale: 0, now: open })).toMatchObject({ ok: false, code: 'SALE_NOT_FOUND' });
  });

  it('holds the per-buyer limit, counting what the buyer already has', () => {
    const r = { ...req, saleId: 's1' };
    expect(decidePurchase({ request: r, product: tshirt(), sale, boughtInSale: 1, now: open }).ok).toBe(true);
    expect(decidePurchase({ request: r, product: tshirt(), sale, boughtInSale: 2, now: open })).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
    expect(decidePurchase({ request: { ...r, qty: 3 }, product: tshirt(), sale, boughtInSale: 0, now: open })).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
  });

  it('says sold out when the sale quantity or the stock is gone, and never sells more than is left', () => {
    const r = { ...req, saleId: 's1' };
    expect(decidePurchase({ request: r, product: tshirt(), sale: { ...sale, sold: 5 }, boughtInSale: 0, now: open })).toMatchObject({ ok: false, code: 'SOLD_OUT' });
    expect(decidePurchase({ request: r, product: tshirt({ m: 0 }), sale, boughtInSale: 0, now: open })).toMatchObject({ ok: false, code: 'SOLD_OUT' });
    expect(decidePurchase({ request: { ...r, qty: 2 }, product: tshirt(), sale: { ...sale, sold: 4 }, boughtInSale: 0, now: open })).toMatchObject({ ok: false, code: 'INSUFFICIENT_STOCK' });
    expect(decidePurchase({ request: { ...req, qty: 6 }, product: tshirt({ l: 5 }), sale: null, boughtInSale: 0, now: 0 }).ok).toBe(true);
    expect(decidePurchase({ request: { ...req, variantId: 'l', qty: 6 }, product: tshirt({ l: 5 }), sale: null, boughtInSale: 0, now: 0 })).toMatchObject({ ok: false, code: 'INSUFFICIENT_STOCK' });
  });

  it('refuses unknown products and a sale for another variant', () => {
    expect(decidePurchase({ request: { ...req, variantId: 'xxl' }, product: tshirt(), sale: null, boughtInSale: 0, now: 0 })).toMatchObject({ ok: false, code: 'PRODUCT_NOT_FOUND' });
    expect(decidePurchase({ request: { ...req, variantId: 'l', saleId: 's1' }, product: tshirt(), sale, boughtInSale: 0, now: open })).toMatchObject({ ok: false, code: 'SALE_INVALID' });
  });
});

describe('sameRequest', () => {
  it('matches a retry and rejects a different request under the same key', () => {
    const order = { productId: 'tee', variantId: 'm', qty: 1, saleId: null };
    expect(sameRequest(order, req)).toBe(true);
    expect(sameRequest(order, { ...req, qty: 2 })).toBe(false);
    expect(sameRequest(order, { ...req, saleId: 's1' })).toBe(false);
  });
});

describe('newOrder', () => {
  it('totals the unit price times the quantity and keeps the idempotency key', () => {
    const o = newOrder({ id: 'o1', buyerId: 'b', roomId: null, request: { ...req, qty: 3, saleId: 's1' }, saleId: 's1', unitPrice: { amount: 9900, currency: 'CNY' }, qty: 3, now: 42 });
    expect(o).toMatchObject({ productId: 'tee', variantId: 'm', saleId: 's1', qty: 3, status: 'created', idempotencyKey: 'key-00000001', createdAt: 42, updatedAt: 42 });
    expect(o.total).toEqual({ amount: 29700, currency: 'CNY' });
  });
});
