import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSale } from '@snowstage/commerce';
import { tshirt } from '@snowstage/commerce/testing';
import type { Store } from './store.js';
import type { Draw, StoreRecord } from '@snowstage/protocol';

/**
 * The behaviour every Store adapter must have. Each adapter's test file calls this with a factory
 * that returns a fresh, empty store; the same suite then proves the adapters interchangeable.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
      await store.upsertProducts([tshirt({ m: 10, l: 5 })]);
    });
    afterEach(async () => store.close());

    const buy = (buyer: string, key: string, extra: Partial<{ qty: number; saleId: string; variantId: string }> = {}, now = 0) =>
      store.purchase(buyer, 'main', { productId: 'tee', variantId: 'm', qty: 1, key, ...extra }, now);

    it('round-trips products with variants and stock', async () => {
      const p = await store.getProduct('tee');
      expect(p).toEqual(tshirt({ m: 10, l: 5 }));
      expect((await store.listProducts()).map((x) => x.id)).toEqual(['tee']);
      expect(await store.getProduct('nope')).toBeNull();
    });

    it('sells at list price and decrements stock', async () => {
      const { order, replayed } = await buy('v_a', 'key-000001', { qty: 3 });
      expect(replayed).toBe(false);
      expect(order).toMatchObject({ qty: 3, unitPrice: { amount: 12900 }, total: { amount: 38700, currency: 'CNY' }, status: 'created' });
      expect((await store.getProduct('tee'))!.variants[0]!.stock).toBe(7);
      expect(await store.soldUnits('tee', 'm')).toBe(3);
    });

    it('returns the same order for a retried key and never doubles it', async () => {
      const first = await buy('v_a', 'key-000001');
      const again = await buy('v_a', 'key-000001');
      expect(again.replayed).toBe(true);
      expect(again.order).toEqual(first.order);
      expect((await store.getProduct('tee'))!.variants[0]!.stock).toBe(9);
      await expect(buy('v_a', 'key-000001', { qty: 2 })).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
      // Keys are per buyer: another buyer may use the same key.
      expect((await buy('v_b', 'key-000001')).replayed).toBe(false);
    });

    it('never sells more than the stock when many buyers race', async () => {
      const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => buy(`v_${i}`, `key-${String(i).padStart(6, '0')}`, { variantId: 'l' })));
      const ok = results.filter((r) => r.status === 'fulfilled');
      expect(ok).toHaveLength(5);
      const codes = new Set(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : [])));
      expect(codes).toEqual(new Set(['SOLD_OUT']));
      expect((await store.getProduct('tee'))!.variants[1]!.stock).toBe(0);
    });

    it('holds sale quantity and per-buyer limits, at the sale price, only while open', async () => {
      const sale = planSale(
        { id: 's1', roomId: 'main', productId: 'tee', variantId: 'm', countdownS: 10, durationS: 60, salePrice: 9900, quantity: 4, perBuyerLimit: 2 },
        (await store.getProduct('tee'))!,
        0,
      );
      await store.createSale(sale);
      expect(await store.latestSale('main')).toEqual(sale);
      await expect(buy('v_a', 'key-early1', { saleId: 's1' }, 5_000)).rejects.toMatchObject({ code: 'SALE_NOT_OPEN' });
      const open = 15_000;
      expect((await buy('v_a', 'key-a00001', { saleId: 's1' }, open)).order.unitPrice.amount).toBe(9900);
      await buy('v_a', 'key-a00002', { saleId: 's1' }, open);
      await expect(buy('v_a', 'key-a00003', { saleId: 's1' }, open)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
      await buy('v_b', 'key-b00001', { saleId: 's1', qty: 2 }, open);
      await expect(buy('v_c', 'key-c00001', { saleId: 's1' }, open)).rejects.toMatchObject({ code: 'SOLD_OUT' });
      expect((await store.getSale('s1'))!.sold).toBe(4);
      expect(await store.soldUnits('tee', 'm', 's1')).toBe(4);
      expect((await store.getProduct('tee'))!.variants[0]!.stock).toBe(6);
      await expect(buy('v_d', 'key-d00001', { saleId: 's1' }, 80_000)).rejects.toMatchObject({ code: 'SOLD_OUT' });
    });

    it('cancels an order once, putting its units back; illegal transitions are refused', async () => {
      const { order } = await buy('v_a', 'key-000001', { qty: 2 });
      expect((await store.setOrderStatus(order.id, 'cancelled', 5)).status).toBe('cancelled');
      expect((await store.getProduct('tee'))!.variants[0]!.stock).toBe(10);
      await expect(store.setOrderStatus(order.id, 'paid', 6)).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
      const { order: o2 } = await buy('v_a', 'key-000002');
      expect((await store.setOrderStatus(o2.id, 'paid', 7)).status).toBe('paid');
      expect((await store.listOrders('v_a')).map((o) => o.id).sort()).toEqual([order.id, o2.id].sort());
      await expect(store.setOrderStatus('o_missing', 'paid', 8)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    });

    it('marks a variant or a whole product sold out', async () => {
      expect((await store.markSoldOut('tee', 'l')).variants.map((v) => v.stock)).toEqual([10, 0]);
      expect((await store.markSoldOut('tee')).variants.map((v) => v.stock)).toEqual([0, 0]);
      await expect(store.markSoldOut('nope')).rejects.toMatchObject({ code: 'PRODUCT_NOT_FOUND' });
    });

    it('appends events in order and reads them back by kind, tail and position', async () => {
      const events = Array.from({ length: 5 }, (_, i) => ({
        seq: i + 1,
        at: i,
        kind: 'announcement' as const,
        text: `hello ${i}`,
      }));
      await store.appendEvents('main', events);
      await store.appendEvents('main', [{ seq: 6, at: 6, kind: 'likes', delta: 3, total: 3 }]);
      expect(await store.lastSeq('main')).toBe(6);
      expect(await store.lastSeq('other')).toBe(0);
      expect((await store.readEvents('main', { afterSeq: 4 })).map((e) => e.seq)).toEqual([5, 6]);
      expect((await store.readEvents('main', { kinds: ['likes'] })).map((e) => e.seq)).toEqual([6]);
      expect((await store.tailEvents('main', ['announcement'], 2)).map((e) => e.seq)).toEqual([4, 5]);
      await expect(store.appendEvents('main', [{ seq: 6, at: 7, kind: 'likes', delta: 1, total: 4 }])).rejects.toThrow();
    });

    it('saves shows and lists them newest first, per room', async () => {
      const show = (id: string, roomId: string, scheduledAt: number) => ({
        id, roomId, title: `Show ${id} 节目`, scheduledAt, lineup: ['tee'], status: 'scheduled' as const,
        startedAt: null, endedAt: null, startSeq: null, endSeq: null,
      });
      await store.saveShow(show('a', 'main', 1000));
      await store.saveShow(show('b', 'main', 3000));
      await store.saveShow(show('c', 'other', 2000));
      expect((await store.listShows('main')).map((s) => s.id)).toEqual(['b', 'a']);
      expect((await store.listShows()).map((s) => s.id)).toEqual(['b', 'c', 'a']);
      await store.saveShow({ ...show('a', 'main', 1000), status: 'live', startedAt: 1500, startSeq: 7 });
      expect(await store.getShow('a')).toMatchObject({ status: 'live', startSeq: 7, title: 'Show a 节目' });
      expect(await store.getShow('zzz')).toBeNull();
    });

    it('records showcase facts once and pays each quest period once', async () => {
      const sc = store.showcase;
      await sc.recordVisit('v_a', 'booth-1', 10);
      await sc.recordVisit('v_a', 'booth-1', 20);
      await sc.recordVisit('v_a', 'booth-2', 30);
      expect(await sc.recordQuizAnswer('v_a', 'booth-1', 2, true, 40)).toBe(true);
      expect(await sc.recordQuizAnswer('v_a', 'booth-1', 1, false, 50)).toBe(false);
      const paid = await sc.payQuests('v_a', [{ questId: 'visit-2', period: 'once', tickets: 2 }, { questId: 'daily', period: '2026-11-27', tickets: 1 }], 60);
      expect(paid).toHaveLength(2);
      expect(await sc.payQuests('v_a', [{ questId: 'visit-2', period: 'once', tickets: 2 }, { questId: 'daily', period: '2026-11-28', tickets: 1 }], 70)).toEqual([{ questId: 'daily', period: '2026-11-28', tickets: 1 }]);
      const fan = await sc.fan('v_a');
      expect(fan.visited).toEqual(['booth-1', 'booth-2']);
      expect(fan.quizzes).toEqual([{ boothId: 'booth-1', correct: true }]);
      expect(fan.completions.reduce((n, c) => n + c.tickets, 0)).toBe(4);
      expect(fan.spent).toBe(0);
    });

    it('spends tickets on draw entries atomically and idempotently, and lists entries in canonical order', async () => {
      await store.draws.saveDraw(openDraw('d1'));
      await store.showcase.payQuests('v_b', [{ questId: 'q', period: 'once', tickets: 5 }], 1);
      await store.showcase.payQuests('v_a', [{ questId: 'q', period: 'once', tickets: 3 }], 1);
      const d = store.draws;
      // Ten concurrent entries of 2 tickets each from a fan holding 5: exactly two go through.
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => d.enter('d1', 'v_b', 1, 2, `key-${i}-0000`, 2)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(8).fill('NOT_ENOUGH_TICKETS'));
      expect(await d.enter('d1', 'v_b', 1, 2, 'key-0-0000', 3)).toEqual({ replayed: true });
      await d.enter('d1', 'v_a', 3, 1, 'key-a-0000', 4);
      expect(await d.entries('d1')).toEqual([{ fanId: 'v_a', entries: 3 }, { fanId: 'v_b', entries: 2 }]);
      expect(await d.entriesOf('v_b')).toEqual([{ drawId: 'd1', entries: 2 }]);
      expect((await store.showcase.fan('v_b')).spent).toBe(4);
    });

    it('refuses entries once a draw is frozen, even one racing the freeze, so the frozen list is final', async () => {
      const d = store.draws;
      await d.saveDraw(openDraw('d2'));
      await store.showcase.payQuests('v_c', [{ questId: 'q', period: 'once', tickets: 100 }], 1);
      const racing = Promise.allSettled(Array.from({ length: 20 }, (_, i) => d.enter('d2', 'v_c', 1, 1, `race-${i}-0000`, 2)));
      await d.saveDraw({ ...openDraw('d2'), status: 'closed' });
      const frozen = await d.entries('d2');
      const settled = await racing;
      // Whatever got in before the freeze is in the frozen list; nothing got in after it.
      expect(await d.entries('d2')).toEqual(frozen);
      expect(settled.filter((r) => r.status === 'fulfilled').length).toBe(frozen[0]?.entries ?? 0);
      await expect(d.enter('d2', 'v_c', 1, 1, 'late-entry-0000', 3)).rejects.toMatchObject({ code: 'DRAW_NOT_OPEN' });
      await expect(d.enter('nope', 'v_c', 1, 1, 'lost-entry-0000', 3)).rejects.toMatchObject({ code: 'DRAW_NOT_FOUND' });
      expect((await store.showcase.fan('v_c')).spent).toBe(frozen[0]?.entries ?? 0);
    });

    it('keeps draw seeds apart and claims idempotently', async () => {
      const d = store.draws;
      await d.saveSeed('d1', 0, 'ab'.repeat(32));
      expect(await d.getSeed('d1', 0)).toBe('ab'.repeat(32));
      expect(await d.getSeed('d1', 1)).toBeNull();
      const c = { drawId: 'd1', fanId: 'v_a', prizeId: 'plush', name: '王小雪', phone: '13800000000', address: '朝阳区某路1号', city: '北京' };
      const first = await d.claim(c, 'claim-key-1', 10);
      expect(first.replayed).toBe(false);
      expect(await d.claim(c, 'claim-key-1', 11)).toEqual({ claim: first.claim, replayed: true });
      await expect(d.claim({ ...c, address: 'elsewhere' }, 'claim-key-2', 12)).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
      expect(await d.claims('d1')).toEqual([first.claim]);
    });

    it('keeps rooms and meta', async () => {
      await store.upsertRoom({ id: 'main', title: { zh: '直播间', en: 'Live' } });
      expect(await store.getRoom('main')).toEqual({ id: 'main', title: { zh: '直播间', en: 'Live' } });
      expect(await store.getMeta('seededAt')).toBeNull();
      await store.setMeta('seededAt', '1');
      expect(await store.getMeta('seededAt')).toBe('1');
    });
  });
  describeCloudStoreContract(name, makeStore);
}

const shop = (id: string, zh: string, en: string, cityZh: string, cityEn: string): StoreRecord => ({
  id,
  name: { zh, en },
  city: { zh: cityZh, en: cityEn },
  province: { zh: cityZh + '市', en: cityEn },
  address: { zh: `${cityZh}某路 1 号`, en: `1 Some Road, ${cityEn}` },
  lat: 39.9,
  lon: 116.4,
});

/** The Cloud Store port: registry, designs, kiosk checkouts linked to catalog orders, timelines and back-office reads. */
function describeCloudStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name} cloud store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
      await store.upsertProducts([tshirt({ m: 10, l: 5 })]);
    });
    afterEach(async () => store.close());

    it('keeps a registry of stores, searchable in both languages and by city', async () => {
      const cs = store.cloudstore;
      await cs.upsertStores([
        shop('cs-bj-0001', '王府井店', 'Wangfujing Store', '北京', 'Beijing'),
        shop('cs-bj-0002', '三里屯店', 'Sanlitun Store', '北京', 'Beijing'),
        shop('cs-sh-0001', '南京路店', 'Nanjing Road Store', '上海', 'Shanghai'),
      ]);
      await cs.upsertStores([shop('cs-bj-0002', '三里屯太古里店', 'Taikoo Li Sanlitun Store', '北京', 'Beijing')]);
      expect(await cs.countStores()).toBe(3);
      expect((await cs.getStore('cs-bj-0002'))!.name.zh).toBe('三里屯太古里店');
      expect(await cs.getStore('cs-xx-0001')).toBeNull();
      expect((await cs.searchStores({ text: '南京', limit: 10 })).stores.map((s) => s.id)).toEqual(['cs-sh-0001']);
      expect((await cs.searchStores({ text: 'TAIKOO', limit: 10 })).stores.map((s) => s.id)).toEqual(['cs-bj-0002']);
      expect((await cs.searchStores({ text: '100%', limit: 10 })).total).toBe(0);
      const page = await cs.searchStores({ city: 'bj', limit: 1, offset: 1 });
      expect(page).toMatchObject({ total: 2, stores: [{ id: 'cs-bj-0002' }] });
      expect(await cs.cities()).toEqual([
        { code: 'bj', city: { zh: '北京', en: 'Beijing' }, count: 2 },
        { code: 'sh', city: { zh: '上海', en: 'Shanghai' }, count: 1 },
      ]);
    });

    it('saves a design once under its id, and its print files per side', async () => {
      const cs = store.cloudstore;
      const doc = { v: 1 as const, garment: 'tshirt' as const, color: 'white', sides: { front: [], back: [] } };
      await cs.saveDesign('d_1', doc, 1);
      await cs.saveDesign('d_1', { ...doc, color: 'navy' }, 2);
      expect(await cs.getDesign('d_1')).toEqual(doc);
      expect(await cs.getDesign('d_2')).toBeNull();
      await cs.savePrint({ designId: 'd_1', side: 'front', widthPx: 2480, heightPx: 3508, dpi: 300, pngSha256: 'ab' });
      await cs.savePrint({ designId: 'd_1', side: 'back', widthPx: 2480, heightPx: 3508, dpi: 300, pngSha256: 'cd' });
      await cs.savePrint({ designId: 'd_1', side: 'front', widthPx: 2480, heightPx: 3508, dpi: 300, pngSha256: 'ef' });
      expect((await cs.prints('d_1')).map((p) => [p.side, p.pngSha256])).toEqual([['front', 'ef'], ['back', 'cd']]);
    });

    it('records a checkout with its lines once per key, joined with the live orders', async () => {
      const cs = store.cloudstore;
      const a = await store.purchase('kiosk:cs-bj-0001', null, { productId: 'tee', variantId: 'm', qty: 2, key: 'ck-000001-0' }, 100);
      const b = await store.purchase('kiosk:cs-bj-0001', null, { productId: 'tee', variantId: 'l', qty: 1, key: 'ck-000001-1' }, 100);
      const address = { name: '王小雪', phone: '13800001234', province: '', city: '北京', district: '', line: '朝阳区 1 号' };
      const checkout = { id: 'co_1', storeId: 'cs-bj-0001', key: 'ck-000001', fingerprint: 'f', address, total: { amount: 38700, currency: 'CNY' as const }, payToken: 'tok', createdAt: 100 };
      const lines = [
        { orderId: a.order.id, checkoutId: 'co_1', storeId: 'cs-bj-0001', lineNo: 0, kind: 'stock' as const, designId: null, producedAt: null, createdAt: 100 },
        { orderId: b.order.id, checkoutId: 'co_1', storeId: 'cs-bj-0001', lineNo: 1, kind: 'custom' as const, designId: 'd_1', producedAt: null, createdAt: 100 },
      ];
      expect(await cs.insertCheckout(checkout, lines)).toEqual({ checkout, created: true });
      const again = await cs.insertCheckout({ ...checkout, id: 'co_2' }, lines.map((l) => ({ ...l, checkoutId: 'co_2' })));
      expect(again).toEqual({ checkout, created: false });
      expect(await cs.checkoutByKey('cs-bj-0001', 'ck-000001')).toEqual(checkout);
      expect(await cs.checkoutByKey('cs-bj-0002', 'ck-000001')).toBeNull();
      expect(await cs.getCheckout('co_2')).toBeNull();
      const view = await cs.linesOf('co_1');
      expect(view.map((l) => [l.kind, l.variantId, l.qty, l.total.amount, l.status])).toEqual([
        ['stock', 'm', 2, 25800, 'created'],
        ['custom', 'l', 1, 12900, 'created'],
      ]);
      await store.setOrderStatus(b.order.id, 'paid', 200);
      expect((await cs.line(b.order.id))!.status).toBe('paid');
      expect(await cs.line('o_missing')).toBeNull();
    });

    it('keeps timelines, stamps production once, and answers the back office', async () => {
      const cs = store.cloudstore;
      const day1 = Date.UTC(2026, 10, 27, 2); // 10:00 in Beijing
      const mk = async (storeId: string, key: string, variantId: string, kind: 'stock' | 'custom', at: number) => {
        const { order } = await store.purchase(`kiosk:${storeId}`, null, { productId: 'tee', variantId, qty: 1, key: `${key}-0` }, at);
        await cs.insertCheckout(
          { id: `co_${key}`, storeId, key, fingerprint: 'f', address: { name: 'A', phone: '13800001234', province: '', city: '北京', district: '', line: 'x' }, total: order.total, payToken: 't', createdAt: at },
          [{ orderId: order.id, checkoutId: `co_${key}`, storeId, lineNo: 0, kind, designId: kind === 'custom' ? 'd_1' : null, producedAt: null, createdAt: at }],
        );
        await cs.recordStatus(order.id, 'created', at);
        return order.id;
      };
      const o1 = await mk('cs-bj-0001', 'key-00001', 'm', 'custom', day1);
      const o2 = await mk('cs-bj-0001', 'key-00002', 'm', 'custom', day1 + 1000);
      const o3 = await mk('cs-sh-0001', 'key-00003', 'l', 'stock', day1 + 86_400_000);
      const o4 = await mk('cs-sh-0001', 'key-00004', 'l', 'stock', day1 + 86_400_000 + 5);
      for (const id of [o1, o2]) {
        await store.setOrderStatus(id, 'paid', day1 + 5000);
        await store.setOrderStatus(id, 'in_production', day1 + 5000);
        await cs.recordStatus(id, 'in_production', day1 + 5000);
        await cs.recordStatus(id, 'paid', day1 + 5000);
      }
      await cs.recordStatus(o1, 'paid', day1 + 9999);
      await store.setOrderStatus(o3, 'paid', day1 + 86_400_000 + 10);
      const tl = await cs.timelines([o1, o3, 'o_missing']);
      expect(tl.get(o1)).toEqual([
        { status: 'created', at: day1 },
        { status: 'paid', at: day1 + 5000 },
        { status: 'in_production', at: day1 + 5000 },
      ]);
      expect(tl.get(o3)).toEqual([{ status: 'created', at: day1 + 86_400_000 }]);
      expect(tl.has('o_missing')).toBe(false);

      expect((await cs.productionQueue({ limit: 10 })).map((l) => l.orderId)).toEqual([o1, o2]);
      expect(await cs.markProduced(o1, day1 + 6000)).toBe(true);
      expect(await cs.markProduced(o1, day1 + 7000)).toBe(false);
      expect(await cs.markProduced(o3, day1 + 7000)).toBe(false);
      const queue = await cs.productionQueue({ limit: 10 });
      expect(queue.map((l) => [l.orderId, l.producedAt])).toEqual([[o2, null], [o1, day1 + 6000]]);
      expect(await cs.productionQueue({ limit: 10, storeId: 'cs-sh-0001' })).toEqual([]);

      expect((await cs.linesByStore('cs-bj-0001', { limit: 10 })).map((l) => l.orderId)).toEqual([o2, o1]);
      expect((await cs.linesByStore('cs-bj-0001', { limit: 10, before: day1 + 1000 })).map((l) => l.orderId)).toEqual([o1]);

      // Paid sales only (o4 was never paid), per store and China day.
      expect(await cs.salesByStoreDay({ from: day1 - 1, to: day1 + 3 * 86_400_000 })).toEqual([
        { storeId: 'cs-bj-0001', day: '2026-11-27', orders: 2, units: 2, gmv: 25800 },
        { storeId: 'cs-sh-0001', day: '2026-11-28', orders: 1, units: 1, gmv: 12900 },
      ]);
      expect(await cs.salesByStoreDay({ from: day1 - 1, to: day1 + 3 * 86_400_000, storeId: 'cs-sh-0001' })).toHaveLength(1);
      expect(o4).toBeTruthy();
    });
  });
}

/** A draw open for entries (only its id and status matter to the store). */
function openDraw(id: string): Draw {
  return {
    id,
    title: { zh: '抽奖', en: 'Draw' },
    prizes: [{ id: 'plush', name: { zh: '公仔', en: 'Plush' }, quantity: 1 }],
    opensAt: 0,
    closesAt: 1e13,
    ticketsPerEntry: 1,
    maxWinsPerFan: 1,
    claimDays: 7,
    roomId: null,
    status: 'open',
    rounds: [{ round: 0, commitment: 'ab'.repeat(32), prizes: [{ id: 'plush', name: { zh: '公仔', en: 'Plush' }, quantity: 1 }], entriesHash: null, seed: null, winners: null, drawnAt: null, claimBy: null }],
    createdAt: 0,
  };
}
