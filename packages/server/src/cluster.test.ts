import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Redis } from 'ioredis';
import { LOG_ONLY_KINDS, type Product, type RoomEvent } from '@snowstage/protocol';
import { stateKey } from './room/fanout.js';
import { requireService } from './testing/services.js';
import { spawnNode, TestRedis, testSchema } from './testing/cluster.js';
import { TEST_TOKENS, type RunningServer } from './testing/spawn-server.js';
import { TestClient } from './testing/ws-client.js';
import { command, getJson } from './testing/test-app.js';
import { PgStore } from './store/pg/pg-store.js';

/**
 * Three real server processes on PostgreSQL and a private Redis, on loopback: fan-out across nodes,
 * racing buyers, the owning node killed mid-sale, then the next directing node killed mid-show, a
 * serving node's viewers leaving the count when it dies, Redis restarted mid-sale.
 */
const pgUrl = await requireService('postgres', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

const PRODUCT: Product = {
  id: 'cluster-plush',
  category: 'plush',
  name: { zh: '集群限定墩墩', en: 'Cluster Dundun' },
  description: { zh: '测试用', en: 'For tests' },
  aliases: { zh: [], en: [] },
  price: { amount: 19900, currency: 'CNY' },
  color: '#4FC3F7',
  tags: [],
  variants: [
    { id: 'a', label: { zh: 'A', en: 'A' }, stock: 1000 },
    { id: 'b', label: { zh: 'B', en: 'B' }, stock: 400 },
    { id: 'c', label: { zh: 'C', en: 'C' }, stock: 300 },
  ],
};

if (pgUrl) {
  let redis: TestRedis;
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let shared: Parameters<typeof spawnNode>[1];
  let nodes: (RunningServer | null)[] = [];
  let store: PgStore;
  const clients: TestClient[] = [];
  const hostEnv = { HOST_ENABLED: 'true', HOST_IDLE_MS: '1500', VOICE_WORKERS: '1', VOICE_WARMUP: '1', LOG_LEVEL: 'error' };

  const owner = async () => {
    const r = new Redis(redis.url);
    const id = await r.get(`${shared.prefix}lease:room:main`);
    r.disconnect();
    return id;
  };
  const join = async (n: RunningServer, hello: Record<string, unknown> = {}) => {
    const c = await TestClient.join(n.wsUrl, hello);
    clients.push(c);
    return c;
  };
  const alive = () => nodes.filter((n): n is RunningServer => n !== null);
  const sale = async (variantId: string, quantity: number, perBuyerLimit: number) => {
    const n = alive()[0]!;
    const r = await command(n.url, TEST_TOKENS.operatorToken, { type: 'scheduleSale', productId: PRODUCT.id, variantId, countdownS: 2, durationS: 120, salePrice: 9900, quantity, perBuyerLimit });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const s = (await getJson(`${n.url}/api/rooms/main`)).snapshot.sale;
    await new Promise((res) => setTimeout(res, s.startsAt - Date.now() + 100));
    return s as { id: string };
  };
  const mainCounts = async () => {
    const health = await Promise.all(alive().map((n) => getJson(`${n.url}/api/health`)));
    const main = health.map((h) => h.rooms.find((r: { id: string }) => r.id === 'main') as { viewers: number; connectionsHere: number });
    return { counted: [...new Set(main.map((r) => r.viewers))], connected: main.reduce((sum, r) => sum + r.connectionsHere, 0) };
  };
  const endSale = async (saleId: string) => command(alive()[0]!.url, TEST_TOKENS.operatorToken, { type: 'cancelSale', saleId });

  beforeAll(async () => {
    redis = await TestRedis.start();
    schema = await testSchema(pgUrl);
    shared = { databaseUrl: pgUrl, schema: schema.schema, redisUrl: redis.url, prefix: `t${randomBytes(3).toString('hex')}:`, dataDir: mkdtempSync(joinPath(tmpdir(), 'snowstage-cluster-')) };
    nodes = [await spawnNode(1, shared, hostEnv)];
    nodes.push(...(await Promise.all([spawnNode(2, shared, hostEnv), spawnNode(3, shared, hostEnv)])));
    store = await PgStore.open({ connectionString: pgUrl, schema: schema.schema });
    await store.upsertProducts([PRODUCT]);
  }, 240_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(alive().map((n) => n.kill('SIGKILL')));
    await store?.close();
    await redis?.down();
    await schema?.drop();
  });

  describe('a three-node cluster', () => {
    it('fans a chat line out from node 1 to viewers on nodes 2 and 3, and every node counts the same viewers', async () => {
      // All at once, while the room is first placed: joins in flight cross each node's restatement of its viewers.
      const viewers = await Promise.all(nodes.flatMap((n, k) => [0, 1, 2].map((i) => join(n!, { nickname: `c${k * 3 + i}` }))));
      expect(await viewers[0]!.request({ type: 'chat', text: '集群你好 hello cluster' })).toMatchObject({ type: 'ack' });
      for (const v of viewers.slice(3)) await v.waitForEvent('chat', (e) => e.line.text === '集群你好 hello cluster');
      // Counts come from the room's one owner, through the bus, to every node.
      const lastCount = (c: TestClient) => [...c.frames].reverse().find((f) => f.type === 'batch' && f.stats)?.type === 'batch' ? ([...c.frames].reverse().find((f) => f.type === 'batch' && f.stats) as { stats: { viewers: number } }).stats.viewers : -1;
      await expect.poll(() => new Set(viewers.map(lastCount)), { timeout: 10_000 }).toEqual(new Set([viewers.length]));
      // Likes from viewers on all three nodes add up to one total that every viewer sees.
      const lastLikes = (c: TestClient) => ([...c.frames].reverse().find((f) => f.type === 'batch' && f.stats) as { stats: { likes: number } } | undefined)?.stats.likes ?? -1;
      for (const [i, count] of [[0, 3], [4, 4], [8, 5]] as const) expect(await viewers[i]!.request({ type: 'like', count })).toMatchObject({ type: 'ack' });
      await expect.poll(() => new Set(viewers.map(lastLikes)), { timeout: 10_000 }).toEqual(new Set([12]));
      const health = await Promise.all(nodes.map((n) => getJson(`${n!.url}/api/health`)));
      expect(health.filter((h) => h.rooms.find((r: { id: string; ownedHere: boolean }) => r.id === 'main')?.ownedHere)).toHaveLength(1);
    }, 60_000);

    it('sells exactly 1,000 units to 500 buyers racing on three nodes: no oversell, no duplicate, limits held', async () => {
      const buyers: TestClient[] = [];
      for (let i = 0; i < 500; i++) buyers.push(await join(alive()[i % 3]!));
      const s = await sale('a', 1000, 3);
      const acked = new Map<string, string>();
      await Promise.all(
        buyers.map(async (b, i) => {
          for (let k = 0; k < 4; k++) {
            const req = { type: 'buy', productId: PRODUCT.id, variantId: 'a', qty: 1, saleId: s.id, key: `race-${i}-${k}` };
            const r = await b.request(req, 30_000);
            if (r.type === 'order') acked.set(r.order.id, b.welcome!.you.viewerId);
            if (k === 0) expect(await b.request(req, 30_000)).toMatchObject(r.type === 'order' ? { type: 'order', replayed: true, order: { id: r.order.id } } : { type: 'error' });
          }
        }),
      );
      expect(await store.soldUnits(PRODUCT.id, 'a', s.id)).toBe(1000);
      expect((await store.getProduct(PRODUCT.id))!.variants[0]!.stock).toBe(0);
      expect((await store.getSale(s.id))!.sold).toBe(1000);
      const orders = await store.saleOrders(s.id);
      expect(orders).toHaveLength(1000);
      expect(new Set(orders.map((o) => `${o.buyerId}/${o.key}`)).size).toBe(1000);
      const per = new Map<string, number>();
      for (const o of orders) per.set(o.buyerId, (per.get(o.buyerId) ?? 0) + o.qty);
      expect(Math.max(...per.values())).toBeLessThanOrEqual(3);
      expect(acked.size).toBe(1000);
      await endSale(s.id);
      for (const b of buyers) b.close();
    }, 180_000);

    it('loses no acknowledged order when a node is killed mid-sale; after reconciliation stock + sold == initial', async () => {
      // The node that owns the room (its core and director) dies mid-sale; the next test kills the new owner.
      const victimAt = Number((await owner())!.slice(4)) - 1;
      const victim = nodes[victimAt]!;
      const buyers: TestClient[] = [];
      for (let i = 0; i < 90; i++) buyers.push(await join(alive()[i % 3]!));
      const s = await sale('b', 300, 2);
      const acked: string[] = [];
      let killed = false;
      await Promise.all(
        buyers.map(async (b, i) => {
          for (let k = 0; k < 3; k++) {
            try {
              const r = await b.request({ type: 'buy', productId: PRODUCT.id, variantId: 'b', qty: 1, saleId: s.id, key: `kill-${i}-${k}` }, 10_000);
              if (r.type === 'order') acked.push(r.order.id);
            } catch {
              return; // its node died: this request was never acknowledged
            }
            if (!killed && acked.length >= 40) {
              killed = true;
              await victim.kill('SIGKILL');
            }
          }
        }),
      );
      nodes[victimAt] = null;
      expect(killed).toBe(true);
      for (const id of acked) expect(await store.getOrder(id), id).not.toBeNull();
      await endSale(s.id); // closing the sale reconciles Redis with the record
      const sold = await store.soldUnits(PRODUCT.id, 'b');
      expect((await store.getProduct(PRODUCT.id))!.variants[1]!.stock + sold).toBe(400);
      expect((await store.getSale(s.id))!.sold).toBe(await store.soldUnits(PRODUCT.id, 'b', s.id));
      nodes[victimAt] = await spawnNode(victimAt + 1, shared, hostEnv);
    }, 180_000);

    it('keeps the show going when the directing node is killed: another node directs within 10 s, no gap and no repeat', async () => {
      const watchers = await Promise.all(alive().map((n) => join(n)));
      const directing = await owner();
      expect(directing).toMatch(/^node\d$/);
      await watchers[0]!.waitForEvent('speech', () => true, 30_000);
      const victimIndex = Number(directing!.slice(4)) - 1;
      const survivor = watchers.find((_, i) => i !== victimIndex)!;
      const killedAt = Date.now();
      await nodes[victimIndex]!.kill('SIGKILL');
      nodes[victimIndex] = null;
      const next = await survivor.waitFor((f) => f.type === 'batch' && f.events.some((e) => e.kind === 'speech' && e.at > killedAt), 20_000);
      const firstAfter = (next as { events: RoomEvent[] }).events.find((e) => e.kind === 'speech' && e.at > killedAt)!;
      expect(firstAfter.at - killedAt).toBeLessThan(10_000);
      // Her voice is there for viewers on every node, whichever node made it.
      if (firstAfter.kind === 'speech') for (const n of alive()) expect((await fetch(n.url + firstAfter.audio.url)).status, n.url).toBe(200);
      expect(await owner()).not.toBe(directing);
      // The viewer saw every event once, in order; the log has no gap and no repeat.
      const seqs = survivor.events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      const log = await store.readEvents('main');
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      // No gap for the viewer either: every event meant for viewers between their first and last one
      // reached them (only state events superseded within one broadcast window may be merged away).
      const [first, last] = [seqs[0]!, seqs[seqs.length - 1]!];
      const seen = new Set(seqs);
      const missed = log.filter((e) => e.seq >= first && e.seq <= last && !LOG_ONLY_KINDS.has(e.kind) && stateKey(e) === null && !seen.has(e.seq));
      expect(missed.map((e) => `${e.seq}:${e.kind}`)).toEqual([]);
      nodes[victimIndex] = await spawnNode(victimIndex + 1, shared, hostEnv);
    }, 180_000);

    it("takes a dead node's viewers out of the count once its presence heartbeat stops", async () => {
      const here = await Promise.all(alive().flatMap((n) => [join(n), join(n)]));
      expect(here.length).toBeGreaterThan(0);
      const directing = await owner();
      const victimAt = nodes.findIndex((n, i) => n !== null && `node${i + 1}` !== directing);
      // Every node counts every open connection (one viewer each here) before the kill.
      const consistent = async () => { const c = await mainCounts(); return c.counted.length === 1 && c.counted[0] === c.connected ? c.connected : -1; };
      await expect.poll(consistent, { timeout: 20_000, interval: 500 }).toBeGreaterThan(0);
      const before = await consistent();
      const onVictim = (await getJson(`${nodes[victimAt]!.url}/api/health`)).rooms.find((r: { id: string }) => r.id === 'main').connectionsHere as number;
      expect(onVictim).toBeGreaterThanOrEqual(2);
      await nodes[victimAt]!.kill('SIGKILL');
      nodes[victimAt] = null;
      await expect.poll(async () => (await mainCounts()).counted, { timeout: 40_000, interval: 1000 }).toEqual([before - onVictim]);
      nodes[victimAt] = await spawnNode(victimAt + 1, shared, hostEnv);
    }, 120_000);

    it('refuses flash-sale buys with a clear error while Redis is down, and sells again without oversell when it is back', async () => {
      const buyers = await Promise.all(Array.from({ length: 30 }, (_, i) => join(alive()[i % alive().length]!)));
      const s = await sale('c', 50, 5);
      const buy = (b: TestClient, key: string) => b.request({ type: 'buy', productId: PRODUCT.id, variantId: 'c', qty: 1, saleId: s.id, key }, 15_000);
      expect(await buy(buyers[0]!, 'redis-before')).toMatchObject({ type: 'order' });
      await redis.down();
      const during = await buy(buyers[1]!, 'redis-during');
      expect(during).toMatchObject({ type: 'error', code: 'STOCK_UNAVAILABLE' });
      expect((during as { message: string }).message).toMatch(/库存服务暂时不可用|unreachable/);
      await redis.up();
      // Nodes reconnect by themselves; the sale's stock is reloaded from PostgreSQL on first use.
      await expect.poll(async () => (await buy(buyers[2]!, `redis-after-${Date.now()}`)).type, { timeout: 30_000, interval: 500 }).toBe('order');
      const results = await Promise.all(buyers.flatMap((b, i) => [buy(b, `after-${i}-1`), buy(b, `after-${i}-2`), buy(b, `after-${i}-3`)]));
      expect(results.every((r) => r.type === 'order' || (r.type === 'error' && ['SOLD_OUT', 'LIMIT_EXCEEDED'].includes(r.code)))).toBe(true);
      expect(await store.soldUnits(PRODUCT.id, 'c', s.id)).toBe(50);
      expect((await store.getProduct(PRODUCT.id))!.variants[2]!.stock).toBe(250);
    }, 180_000);
  });
}
