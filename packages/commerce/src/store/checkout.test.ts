import { describe, expect, it } from 'vitest';
import { IdempotencyKey } from '@snowstage/protocol';
import { checkoutFingerprint, lineKey, linePurchase, maskAddress } from './checkout.js';
import { blankProducts, blankVariantId, TEMPLATES, templateOfProduct } from './templates.js';

describe('kiosk checkout helpers', () => {
  it('derives per-line purchase keys that are valid idempotency keys', () => {
    const key = 'k'.repeat(48);
    expect(IdempotencyKey.safeParse(lineKey(key, 9)).success).toBe(true);
    expect(linePurchase({ kind: 'custom', designId: 'd_' + '0'.repeat(32), variantId: 'm', qty: 2 }, 1, 'abcdefgh', { productId: 'custom-tshirt', variantId: 'navy-m' })).toEqual({
      productId: 'custom-tshirt', variantId: 'navy-m', qty: 2, key: 'abcdefgh-1',
    });
  });

  it('fingerprints a request independently of key order, and not of its key', () => {
    const address = { name: '王小雪', phone: '13800001234', province: '', city: '北京', district: '', line: '朝阳区冬运路 1 号' };
    const a = checkoutFingerprint({ storeId: 'cs-bj-0001', key: 'aaaaaaaa', address, lines: [{ kind: 'stock', productId: 'p', variantId: 'v', qty: 1 }] });
    const b = checkoutFingerprint({ key: 'bbbbbbbb', lines: [{ qty: 1, variantId: 'v', productId: 'p', kind: 'stock' }], address: { ...address }, storeId: 'cs-bj-0001' });
    expect(a).toBe(b);
    expect(maskAddress(address)).toMatchObject({ name: '王**', phone: '138****1234', line: '朝阳区冬运路…' });
  });

  it('turns every template into a catalog product whose variants are the blanks', () => {
    const [tee, tote] = blankProducts(50);
    expect(tee!.variants).toHaveLength(25);
    expect(tee!.variants.find((v) => v.id === blankVariantId(TEMPLATES.tshirt, 'navy', 'xl'))).toMatchObject({ stock: 50, size: 'XL' });
    expect(tote!.variants.map((v) => v.id)).toEqual(['natural', 'navy', 'black', 'red']);
    expect(templateOfProduct('custom-tote')).toBe(TEMPLATES.tote);
    expect(templateOfProduct('xue-dundun-plush')).toBeNull();
  });
});
