import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignDoc, KioskCheckout } from '@snowstage/protocol';
import { TEST_TOKENS } from '../testing/spawn-server.js';
import { gradientPng, startCloudStoreServer, type CloudStoreTestServer } from './testing.js';
import { probeImage } from './image-probe.js';

let s: CloudStoreTestServer;
const OP = { authorization: `Bearer ${TEST_TOKENS.operatorToken}` };
const address = { name: '王小雪', phone: '13800001234', province: '北京市', city: '北京', district: '朝阳区', line: '冬运路 1 号院 2 号楼' };

beforeAll(async () => {
  s = await startCloudStoreServer({ storeCount: 300, blankStock: 500 });
});
afterAll(async () => s?.close());

const inject = (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  s.http.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers });

const design = (text = '冰雪之约 我的T恤'): DesignDoc => ({
  v: 1,
  garment: 'tshirt',
  color: 'red',
  sides: {
    front: [
      { id: 't1', kind: 'text', text, color: '#FFFFFF', weight: 700, x: 105, y: 60, w: 160, h: 24, scale: 1, rotation: 0 },
      { id: 'c1', kind: 'clipart', clipartId: 'snowflake', x: 105, y: 160, w: 100, h: 100, scale: 1, rotation: 0 },
    ],
    back: [],
  },
});

async function saveDesign(doc = design()): Promise<string> {
  const r = await inject('POST', '/api/cloudstore/designs', doc);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().design.designId;
}

describe('cloud store: designer endpoints', () => {
  it('serves templates, clip-art and the print font', async () => {
    const cfg = (await inject('GET', '/api/cloudstore/config')).json();
    expect(cfg.templates.map((t: { kind: string }) => t.kind)).toEqual(['tshirt', 'tote']);
    expect(cfg.clipart.length).toBeGreaterThanOrEqual(12);
    const svg = await inject('GET', cfg.clipart[0].url);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const font = await inject('GET', cfg.fonts.bold);
    expect(font.rawPayload.readUInt32BE(0)).toBe(0x00010000); // a TrueType font, not WOFF
  });

  it('saves a design under its content id with print files and a public preview', async () => {
    const r = await inject('POST', '/api/cloudstore/designs', design());
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json().design;
    expect(d.designId).toMatch(/^d_[a-f0-9]{32}$/);
    expect(d.prints).toEqual([{ side: 'front', pngUrl: `/api/cloudstore/designs/${d.designId}/front.png`, svgUrl: `/api/cloudstore/designs/${d.designId}/front.svg`, widthPx: 2480, heightPx: 3508, dpi: 300 }]);
    expect((await inject('POST', '/api/cloudstore/designs', design())).json().design.designId).toBe(d.designId);
    const preview = await inject('GET', d.previewUrl);
    expect(probeImage(preview.rawPayload)).toMatchObject({ type: 'image/png', width: 600 });
    // Print files are for production staff.
    expect((await inject('GET', d.prints[0].pngUrl)).statusCode).toBe(401);
    const print = await inject('GET', d.prints[0].pngUrl, undefined, OP);
    expect(probeImage(print.rawPayload)).toMatchObject({ width: 2480, height: 3508 });
  });

  it('refuses blocked text and explains invalid documents', async () => {
    const r = await inject('POST', '/api/cloudstore/designs?lang=en', design('赌博 T恤'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'DESIGN_TEXT_BLOCKED', message: 'The design text contains words we cannot print', detail: 'front/t1 "赌博"' });
    const bad = await inject('POST', '/api/cloudstore/designs', { ...design(), color: 'plaid' });
    expect(bad.json().error).toMatchObject({ code: 'DESIGN_INVALID', detail: 'tshirt does not come in plaid' });
    expect((await inject('POST', '/api/cloudstore/designs', { v: 2 })).json().error.code).toBe('DESIGN_INVALID');
  });
});

describe('cloud store: uploads', () => {
  const upload = (body: Buffer, type: string) => s.http.inject({ method: 'POST', url: '/api/cloudstore/uploads?lang=en', payload: body, headers: { 'content-type': type } });

  it('stores a PNG by content and tells how large it may print', async () => {
    const r = await upload(gradientPng(600, 300), 'image/png');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().image).toMatchObject({ type: 'image/png', width: 600, height: 300, maxPrintMm: { w: 101, h: 50 } });
    expect((await upload(gradientPng(600, 300), 'image/png')).json().image.id).toBe(r.json().image.id);
  });

  it('refuses the wrong type, a lying type, a damaged file and an oversized one, each with its own message', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const wrongType = await upload(gif, 'image/gif');
    expect([wrongType.statusCode, wrongType.json().error.code, wrongType.json().error.message]).toEqual([415, 'UPLOAD_TYPE', 'Only PNG and JPEG images can be uploaded']);
    const lying = await upload(gradientPng(64, 64), 'image/jpeg');
    expect(lying.json().error).toMatchObject({ code: 'UPLOAD_CORRUPT', detail: 'the file is image/png, sent as image/jpeg' });
    const fakeJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 64, 0, 64, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
    const damaged = await upload(fakeJpeg, 'image/jpeg');
    expect(damaged.json().error.code).toBe('UPLOAD_CORRUPT');
    const big = await upload(Buffer.concat([gradientPng(64, 64), Buffer.alloc(9 * 1024 * 1024)]), 'image/png');
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'UPLOAD_TOO_LARGE']);
    const huge = await upload(Buffer.alloc(20 * 1024 * 1024), 'image/png');
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'UPLOAD_TOO_LARGE']);
  });

  it('refuses a design whose photo is too small for print quality at its size', async () => {
    const id = (await upload(gradientPng(300, 200), 'image/png')).json().image.id;
    const doc = (w: number): DesignDoc => ({ v: 1, garment: 'tote', color: 'natural', sides: { front: [{ id: 'p', kind: 'image', imageId: id, x: 120, y: 135, w, h: (w * 2) / 3, scale: 1, rotation: 0 }], back: [] } });
    const r = await inject('POST', '/api/cloudstore/designs?lang=zh', doc(150));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'IMAGE_TOO_SMALL', message: '图片像素不足，按此尺寸印制会模糊；请缩小图片或上传更大的图片' });
    expect(r.json().error.detail).toContain('at most 50×33 mm');
    expect((await inject('POST', '/api/cloudstore/designs', doc(50))).statusCode).toBe(200);
  });
});

describe('cloud store: checkout, payment and fulfilment', () => {
  const checkout = (key: string, lines: unknown[], storeId = 'cs-bj-0001') => inject('POST', '/api/cloudstore/checkouts', { storeId, key, address, lines });
  const stockOf = async (productId: string, variantId: string) => (await inject('GET', `/api/cloudstore/products/${productId}`)).json().product.variants.find((v: { id: string }) => v.id === variantId).stock;

  it('is idempotent: a retried checkout returns the same order and takes stock once', async () => {
    const designId = await saveDesign();
    const before = await stockOf('custom-tshirt', 'red-l');
    const lines = [{ kind: 'custom', designId, variantId: 'l', qty: 1 }, { kind: 'stock', productId: 'knit-scarf', variantId: 'red', qty: 2 }];
    const a = await checkout('ck-idem-0001', lines);
    expect(a.statusCode, a.body).toBe(200);
    const b = await checkout('ck-idem-0001', lines);
    expect(b.json().replayed).toBe(true);
    expect(b.json().checkout.id).toBe(a.json().checkout.id);
    expect(await stockOf('custom-tshirt', 'red-l')).toBe(before - 1);
    const c: KioskCheckout = a.json().checkout;
    expect(c.total.amount).toBe(15900 + 2 * 12900);
    expect(c.address).toMatchObject({ name: '王**', phone: '138****1234' });
    expect(c.estimate).toMatchObject({ minDays: 3, maxDays: 4 });
    expect(c.paymentUrl).toMatch(new RegExp(`^/track/${c.id}\\?pay=[A-Za-z0-9_-]{24}$`));
    const mismatch = await checkout('ck-idem-0001', [lines[1]]);
    expect([mismatch.statusCode, mismatch.json().error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
  });

  it('keeps stock exact under concurrent checkouts and rolls back partly bought carts', async () => {
    // Five units of the tote's red blank; thirty kiosks try to buy one each, together with a scarf.
    await s.store.upsertProducts([{ ...(await s.store.getProduct('custom-tote'))!, variants: (await s.store.getProduct('custom-tote'))!.variants.map((v) => ({ ...v, stock: v.id === 'red' ? 5 : v.stock })) }]);
    const designId = await saveDesign({ v: 1, garment: 'tote', color: 'red', sides: { front: [{ id: 'a', kind: 'clipart', clipartId: 'torch', x: 120, y: 135, w: 80, h: 80, scale: 1, rotation: 0 }], back: [] } });
    const scarf = await stockOf('knit-scarf', 'navy');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => checkout(`ck-race-${String(i).padStart(4, '0')}`, [{ kind: 'stock', productId: 'knit-scarf', variantId: 'navy', qty: 1 }, { kind: 'custom', designId, variantId: 'one', qty: 1 }], `cs-bj-000${(i % 5) + 1}`)),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(5);
    expect(new Set(results.filter((r) => r.statusCode !== 200).map((r) => r.json().error.code))).toEqual(new Set(['SOLD_OUT']));
    expect(await stockOf('custom-tote', 'red')).toBe(0);
    // The scarves of the 25 failed carts went back on the shelf.
    expect(await stockOf('knit-scarf', 'navy')).toBe(scarf - 5);
    // A failed key cannot be replayed into a half order.
    const failedKey = results.findIndex((r) => r.statusCode !== 200);
    const again = await checkout(`ck-race-${String(failedKey).padStart(4, '0')}`, [{ kind: 'stock', productId: 'knit-scarf', variantId: 'navy', qty: 1 }, { kind: 'custom', designId, variantId: 'one', qty: 1 }], `cs-bj-000${(failedKey % 5) + 1}`);
    expect(again.json().error.code).toBe('CHECKOUT_KEY_USED');
  });

  it('pays, produces, ships and delivers through the state machine; the back office needs a staff token', async () => {
    const designId = await saveDesign(design('东东加油'));
    const c: KioskCheckout = (await checkout('ck-flow-0001', [{ kind: 'custom', designId, variantId: 'm', qty: 1 }, { kind: 'stock', productId: 'pompom-beanie', variantId: 'red', qty: 1 }], 'cs-sh-0001')).json().checkout;
    const token = c.paymentUrl.split('pay=')[1]!;
    expect((await inject('POST', `/api/cloudstore/checkouts/${c.id}/pay`, { token: 'x'.repeat(24) })).json().error.code).toBe('PAYMENT_INVALID');
    const paid: KioskCheckout = (await inject('POST', `/api/cloudstore/checkouts/${c.id}/pay`, { token })).json().checkout;
    expect(paid.orders.map((o) => [o.kind, o.status])).toEqual([['custom', 'in_production'], ['stock', 'paid']]);
    expect((await inject('POST', `/api/cloudstore/checkouts/${c.id}/pay`, { token })).statusCode).toBe(200);
    const [custom, stock] = paid.orders;

    expect((await inject('GET', '/api/cloudstore/backoffice/queue')).statusCode).toBe(401);
    const queue = (await inject('GET', '/api/cloudstore/backoffice/queue', undefined, OP)).json().queue;
    const item = queue.find((q: { orderId: string }) => q.orderId === custom!.orderId);
    expect(item.prints[0]).toMatchObject({ side: 'front', dpi: 300 });

    const act = (id: string, action: string) => inject('POST', `/api/cloudstore/backoffice/orders/${id}/${action}?lang=en`, undefined, OP);
    expect((await act(custom!.orderId, 'ship')).json().error).toMatchObject({ code: 'FULFILMENT_INVALID', detail: 'the custom item has not been produced yet' });
    expect((await act(stock!.orderId, 'produced')).json().error.code).toBe('FULFILMENT_INVALID');
    expect((await act(custom!.orderId, 'produced')).json().order.producedAt).toBeGreaterThan(0);
    expect((await act(custom!.orderId, 'ship')).json().order.status).toBe('shipped');
    expect((await act(stock!.orderId, 'ship')).json().order.status).toBe('shipped');
    expect((await act(stock!.orderId, 'ship')).json().error.code).toBe('ILLEGAL_TRANSITION');
    const delivered = (await act(custom!.orderId, 'deliver')).json().order;
    expect(delivered.timeline.map((t: { status: string }) => t.status)).toEqual(['created', 'paid', 'in_production', 'produced', 'shipped', 'delivered']);

    const track: KioskCheckout = (await inject('GET', `/api/cloudstore/checkouts/${c.id}`)).json().checkout;
    expect(track.orders.map((o) => o.status)).toEqual(['delivered', 'shipped']);
    const orders = (await inject('GET', '/api/cloudstore/backoffice/orders?store=cs-sh-0001', undefined, OP)).json().orders;
    expect(orders[0].address.phone).toBe('13800001234');
    const sales = (await inject('GET', '/api/cloudstore/backoffice/sales?days=7', undefined, OP)).json();
    expect(sales.days).toHaveLength(7);
    expect(sales.stores.find((x: { id: string }) => x.id === 'cs-sh-0001').gmv).toBe(15900 + 8900);
  });

  it('finds stores by name, city and id among the registry', async () => {
    const r = (await inject('GET', '/api/cloudstore/stores?q=beijing&limit=5')).json();
    expect(r.total).toBeGreaterThan(5);
    expect(r.stores).toHaveLength(5);
    expect((await inject('GET', `/api/cloudstore/stores?q=${encodeURIComponent('上海')}&limit=1`)).json().stores[0].city.en).toBe('Shanghai');
    expect((await inject('GET', '/api/cloudstore/stores/cs-bj-0001')).json().store.city.zh).toBe('北京');
    expect((await inject('GET', '/api/cloudstore/stores/cs-zz-9999')).statusCode).toBe(404);
    const estimate = (await inject('GET', `/api/cloudstore/estimate?city=${encodeURIComponent('乌鲁木齐')}`)).json().estimate;
    expect(estimate.zone).toBe('remote');
  });
});
