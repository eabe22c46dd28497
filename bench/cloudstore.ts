/**
 * `npm run bench -- cloudstore [--stores 7200] [--checkouts 3000] [--requests 200]`: the kiosk's and
 * the back office's reads with a registry of thousands of stores and thousands of kiosk orders
 * (SQLite, in-process inject, so it measures the service and the database, not the network).
 */
import { TEST_TOKENS } from '../packages/server/src/testing/spawn-server.js';
import { startCloudStoreServer } from '../packages/server/src/cloudstore/testing.js';
import { intArg, percentile, progress, round, sortedCopy } from './lib.js';

export async function main(args: Record<string, string>): Promise<object> {
  const stores = intArg(args, 'stores', 7200);
  const checkouts = intArg(args, 'checkouts', 3000);
  const requests = intArg(args, 'requests', 200);
  const t0 = performance.now();
  const s = await startCloudStoreServer({ storeCount: stores, blankStock: 100_000 });
  const seedMs = performance.now() - t0;
  progress(`registry of ${stores} stores seeded in ${Math.round(seedMs)} ms`);
  // Raise the shelf's stock so thousands of checkouts do not sell it out.
  await s.store.upsertProducts((await s.store.listProducts()).filter((p) => !p.id.startsWith('custom-')).map((p) => ({ ...p, variants: p.variants.map((v) => ({ ...v, stock: 100_000 })) })));
  const ids = (await s.store.cloudstore.searchStores({ limit: stores })).stores.map((x) => x.id);
  const products = (await s.store.listProducts()).filter((p) => !p.id.startsWith('custom-'));
  const design = (await s.http.inject({ method: 'POST', url: '/api/cloudstore/designs', payload: { v: 1, garment: 'tshirt', color: 'white', sides: { front: [{ id: 'a', kind: 'clipart', clipartId: 'snowflake', x: 105, y: 150, w: 80, h: 80, scale: 1, rotation: 0 }], back: [] } } })).json().design.designId;
  const address = { name: '王小雪', phone: '13800001234', city: '北京', line: '朝阳区 1 号' };
  const busy = ids[0]!;
  const t1 = performance.now();
  for (let i = 0; i < checkouts; i++) {
    const p = products[i % products.length]!;
    const lines = [{ kind: 'stock', productId: p.id, variantId: p.variants[0]!.id, qty: 1 + (i % 2) }, ...(i % 4 === 0 ? [{ kind: 'custom', designId: design, variantId: 'm', qty: 1 }] : [])];
    const storeId = i % 10 === 0 ? busy : ids[(i * 7919) % ids.length]!;
    const r = await s.http.inject({ method: 'POST', url: '/api/cloudstore/checkouts', payload: { storeId, key: `bench-${String(i).padStart(8, '0')}`, address, lines } });
    if (r.statusCode !== 200) throw new Error(r.body);
    if (i % 2 === 0) {
      const c = r.json().checkout;
      await s.http.inject({ method: 'POST', url: `/api/cloudstore/checkouts/${c.id}/pay`, payload: { token: c.paymentUrl.split('pay=')[1] } });
    }
    if ((i + 1) % 500 === 0) progress(`${i + 1}/${checkouts} checkouts`);
  }
  const checkoutMs = (performance.now() - t1) / checkouts;
  const auth = { authorization: `Bearer ${TEST_TOKENS.operatorToken}` };
  const words = ['beijing', '上海', '万达', 'mixc', 'cs-gz-00', '体育中心', 'airport', '成都', 'joy city', '西安'];
  const probes: Record<string, (i: number) => { url: string; headers?: Record<string, string> }> = {
    kioskShelf: () => ({ url: '/api/cloudstore/shelf' }),
    kioskStore: (i) => ({ url: `/api/cloudstore/stores/${ids[(i * 31) % ids.length]}` }),
    storeSearch: (i) => ({ url: `/api/cloudstore/stores?limit=8&q=${encodeURIComponent(words[i % words.length]!)}` }),
    backofficeOrders: () => ({ url: `/api/cloudstore/backoffice/orders?store=${busy}`, headers: auth }),
    backofficeQueue: () => ({ url: '/api/cloudstore/backoffice/queue', headers: auth }),
    backofficeSales: () => ({ url: '/api/cloudstore/backoffice/sales?days=14&top=8', headers: auth }),
  };
  const out: Record<string, { p50Ms: number; p95Ms: number }> = {};
  for (const [name, make] of Object.entries(probes)) {
    const ms: number[] = [];
    for (let i = 0; i < requests; i++) {
      const { url, headers } = make(i);
      const t = performance.now();
      const r = await s.http.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });
      ms.push(performance.now() - t);
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.body}`);
    }
    const sorted = sortedCopy(ms);
    out[name] = { p50Ms: round(percentile(sorted, 50), 2), p95Ms: round(percentile(sorted, 95), 2) };
    progress(`${name}: p50 ${out[name].p50Ms} ms, p95 ${out[name].p95Ms} ms`);
  }
  await s.close();
  return { stores, checkouts, seedRegistryMs: Math.round(seedMs), checkoutMeanMs: round(checkoutMs, 2), ...out };
}
