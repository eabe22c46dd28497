import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnServer, TEST_TOKENS, type RunningServer } from './testing/spawn-server.js';
import { TestClient } from './testing/ws-client.js';
import { SqliteStore } from './store/sqlite-store.js';
import { command, getJson } from './testing/test-app.js';
import type { Product } from '@snowstage/protocol';

/**
 * Kill -9 the server in the middle of a flash sale, start it again on the same data, and check
 * that nothing acknowledged was lost and no unit was created or destroyed.
 */
let server: RunningServer | null = null;
afterAll(async () => server?.kill('SIGKILL'));

describe('crash in the middle of a sale', () => {
  it('keeps every acknowledged order, and stock + sold == initial after a SIGKILL', async () => {
    server = await spawnServer({ env: { SALE_MIN_COUNTDOWN_S: '1', BROADCAST_INTERVAL_MS: '20' } });
    const products: Product[] = (await getJson(`${server.url}/api/products`)).products;
    const product = products.find((p) => p.variants.some((v) => v.stock >= 200))!;
    const variant = product.variants.find((v) => v.stock >= 200)!;
    const initial = variant.stock;
    const quantity = 150;
    const r = await command(server.url, TEST_TOKENS.operatorToken, {
      type: 'scheduleSale', productId: product.id, variantId: variant.id, countdownS: 1, durationS: 120,
      salePrice: Math.floor(product.price.amount * 0.6), quantity, perBuyerLimit: 3,
    });
    expect(r.status).toBe(200);
    const sale = (await getJson(`${server.url}/api/rooms/main`)).snapshot.sale;
    await new Promise((res) => setTimeout(res, sale.startsAt - Date.now() + 50));

    const buyers = await Promise.all(Array.from({ length: 80 }, () => TestClient.join(server!.wsUrl)));
    const acked = new Map<string, string>(); // order id → buyer token
    let killed = false;
    const loops = buyers.map(async (b, i) => {
      for (let n = 0; n < 3 && !killed; n++) {
        try {
          const reply = await b.request({ type: 'buy', productId: product.id, variantId: variant.id, qty: 1, saleId: sale.id, key: `crash-${i}-${n}` }, 3000);
          if (reply.type === 'order') acked.set(reply.order.id, b.welcome!.you.viewerToken);
        } catch {
          return; // the server died under us: this request was never acknowledged
        }
        if (acked.size >= 60 && !killed) {
          killed = true;
          server!.child.kill('SIGKILL');
        }
      }
    });
    await Promise.all(loops);
    if (!killed) server.child.kill('SIGKILL');
    await server.kill('SIGKILL');
    for (const b of buyers) b.close();
    expect(acked.size).toBeGreaterThanOrEqual(60);

    server = await spawnServer({ dataDir: server.dataDir, env: { SALE_MIN_COUNTDOWN_S: '1' } });
    for (const [orderId, token] of acked) {
      const res = await fetch(`${server.url}/api/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, orderId).toBe(200);
    }
    const reader = new SqliteStore(join(server.dataDir, 'snowstage.db'));
    try {
      const stock = (await reader.getProduct(product.id))!.variants.find((v) => v.id === variant.id)!.stock;
      const sold = await reader.soldUnits(product.id, variant.id);
      expect(stock + sold).toBe(initial);
      expect((await reader.getSale(sale.id))!.sold).toBe(await reader.soldUnits(product.id, variant.id, sale.id));
      expect(sold).toBeGreaterThanOrEqual(acked.size);
    } finally {
      await reader.close();
    }

    // The sale goes on after the restart, with the same limits.
    const again = await TestClient.join(server.wsUrl);
    const reply = await again.request({ type: 'buy', productId: product.id, variantId: variant.id, qty: 1, saleId: sale.id, key: 'after-restart' });
    expect(reply.type).toBe('order');
    again.close();
  }, 90_000);
});
