/**
 * `npm run bench -- flash [--buyers 500] [--attempts 20000] [--stock 1000] [--limit 5] [--nodes 1]`
 *
 * A flash sale of `stock` units; `buyers` concurrent buyers make `attempts` buy attempts in all
 * through the real WebSocket path (a fifth of them retries of an earlier key, as flaky phones do).
 * Then the database is read back to check that nothing was oversold or doubled.
 * Last line: {attempts, stock, sold, oversold, duplicateOrders, limitViolations, attemptsPerSec, p50Ms, p99Ms}.
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnServer, TEST_TOKENS, type RunningServer } from '../packages/server/src/testing/spawn-server.js';
import type { Store } from '../packages/server/src/store/store.js';
import { startCluster } from './cluster-lib.js';
import { TestClient } from '../packages/server/src/testing/ws-client.js';
import { SqliteStore } from '../packages/server/src/store/sqlite-store.js';
import { loadContent } from '../packages/server/src/content.js';
import { seedIfEmpty } from '../packages/server/src/seed.js';
import { command } from '../packages/server/src/testing/test-app.js';
import { inBatches, intArg, percentile, progress, round, sleep, sortedCopy } from './lib.js';
import type { Product } from '@snowstage/protocol';

const BENCH_PRODUCT: Product = {
  id: 'bench-flash-plush',
  category: 'plush',
  name: { zh: '压测限定雪墩墩', en: 'Bench Xue Dundun' },
  description: { zh: '压测用商品', en: 'Benchmark product' },
  aliases: { zh: [], en: [] },
  price: { amount: 19900, currency: 'CNY' },
  color: '#4FC3F7',
  tags: [],
  variants: [{ id: 'std', label: { zh: '标准', en: 'Standard' }, stock: 0 }],
};

export async function main(args: Record<string, string>) {
  const buyers = intArg(args, 'buyers', 500);
  const attempts = intArg(args, 'attempts', 20_000);
  const stock = intArg(args, 'stock', 1000);
  const limit = intArg(args, 'limit', 5);

  const nodes = intArg(args, 'nodes', 1);
  const product = { ...BENCH_PRODUCT, variants: [{ ...BENCH_PRODUCT.variants[0]!, stock }] };
  const env = { SALE_MIN_COUNTDOWN_S: '1', LOG_LEVEL: 'error' };
  let servers: RunningServer[];
  let openStore: () => Promise<{ store: Store; close(): Promise<void> }>;
  let stopAll: () => Promise<void>;
  if (nodes > 1) {
    // Several nodes on PostgreSQL + Redis: sale stock reserved in Redis, orders written to PostgreSQL.
    const cluster = await startCluster(nodes, env);
    await cluster.store.upsertProducts([product]);
    servers = cluster.nodes;
    openStore = async () => ({ store: cluster.store, close: async () => undefined });
    stopAll = () => cluster.stop();
  } else {
    // Seed a fresh data folder with the demo content plus one product holding exactly `stock` units.
    const dataDir = mkdtempSync(join(tmpdir(), 'snowstage-flash-'));
    const seedStore = new SqliteStore(join(dataDir, 'snowstage.db'));
    await seedIfEmpty(seedStore, loadContent('content'), Date.now());
    await seedStore.upsertProducts([product]);
    await seedStore.close();
    servers = [await spawnServer({ dataDir, env })];
    openStore = async () => {
      const store = new SqliteStore(join(dataDir, 'snowstage.db'));
      return { store, close: () => store.close() };
    };
    stopAll = () => servers[0]!.kill('SIGTERM');
  }
  const server = servers[0]!;
  progress(`connecting ${buyers} buyers to ${servers.length} node(s)`);
  const clients = await inBatches(buyers, 100, (i) => TestClient.join(servers[i % servers.length]!.wsUrl));
  const r = await command(server.url, TEST_TOKENS.operatorToken, {
    type: 'scheduleSale', productId: BENCH_PRODUCT.id, variantId: 'std', countdownS: 2, durationS: 300,
    salePrice: 9900, quantity: stock, perBuyerLimit: limit,
  });
  if (r.status !== 200) throw new Error(`could not schedule the sale: ${JSON.stringify(r.body)}`);
  const sale = (await (await fetch(`${server.url}/api/rooms/main`)).json() as { snapshot: { sale: { id: string; startsAt: number } } }).snapshot.sale;
  await sleep(Math.max(0, sale.startsAt - Date.now()) + 20);

  progress(`${attempts} attempts from ${buyers} buyers`);
  const latencies: number[] = [];
  const orderIdsByKey = new Map<string, Set<string>>();
  const codes = new Map<string, number>();
  const perBuyer = Math.ceil(attempts / buyers);
  let made = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, b) => {
      for (let n = 0; n < perBuyer && made < attempts; n++) {
        made++;
        // Every fifth attempt retries the previous key, as a phone does after a timeout.
        const k = n % 5 === 4 ? n - 1 : n;
        const key = `buyer${b}-key${k}`;
        const start = performance.now();
        const reply = await c.request({ type: 'buy', productId: BENCH_PRODUCT.id, variantId: 'std', qty: 1, saleId: sale.id, key }, 30_000);
        latencies.push(performance.now() - start);
        if (reply.type === 'order') {
          const id = `${c.welcome!.you.viewerId}/${key}`;
          const set = orderIdsByKey.get(id) ?? new Set();
          set.add(reply.order.id);
          orderIdsByKey.set(id, set);
        } else if (reply.type === 'error') codes.set(reply.code, (codes.get(reply.code) ?? 0) + 1);
      }
    }),
  );
  const elapsedS = (performance.now() - t0) / 1000;
  for (const c of clients) c.close();
  const { store, close } = await openStore();
  const sold = await store.soldUnits(BENCH_PRODUCT.id, 'std', sale.id);
  const left = (await store.getProduct(BENCH_PRODUCT.id))!.variants[0]!.stock;
  const orders = await Promise.all(clients.map((c) => store.listOrders(c.welcome!.you.viewerId)));
  await close();
  await stopAll();
  const limitViolations = orders.filter((os) => os.reduce((n, o) => n + o.qty, 0) > limit).length;
  const distinctKeys = new Set(orders.flat().map((o) => `${o.buyerId}/${o.idempotencyKey}`)).size;
  const duplicateOrders =
    orders.flat().length - distinctKeys + [...orderIdsByKey.values()].filter((s) => s.size > 1).length;
  progress(`replies by error code: ${JSON.stringify(Object.fromEntries(codes))}; stock left ${left}`);
  const sorted = sortedCopy(latencies);
  return {
    nodes: servers.length,
    attempts: made,
    stock,
    sold,
    oversold: Math.max(0, sold - stock) + (left < 0 ? -left : 0) + (sold + left !== stock ? Math.abs(sold + left - stock) : 0),
    duplicateOrders,
    limitViolations,
    attemptsPerSec: round(made / elapsedS),
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
  };
}
