import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Lease } from './lease.js';
import { SaleStock } from './sale-stock.js';
import { requireService } from '../testing/services.js';

const url = await requireService('redis', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const clients: Redis[] = [];
const redis = () => {
  const r = new Redis(url!, { maxRetriesPerRequest: 1 });
  clients.push(r);
  return r;
};
afterAll(() => clients.forEach((c) => c.disconnect()));
const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

if (url) {
  describe('lease', () => {
    it('has at most one holder; when the holder stops renewing another node takes over within the TTL', async () => {
      const key = `test:lease:${randomBytes(4).toString('hex')}`;
      const events: string[] = [];
      const mk = (name: string) => new Lease(redis(), key, name, { ttlMs: 600, renewMs: 150, onAcquired: () => events.push(`${name}+`), onLost: () => events.push(`${name}-`) });
      const a = mk('a');
      const b = mk('b');
      a.start();
      await until(() => a.isHeld);
      b.start();
      await new Promise((r) => setTimeout(r, 700));
      expect(b.isHeld).toBe(false);
      expect(await b.holderNow()).toBe('a');
      // "Kill" a: it stops renewing without releasing (as a SIGKILLed node would).
      (a as unknown as { stopped: boolean }).stopped = true;
      const t0 = Date.now();
      await until(() => b.isHeld, 3000);
      expect(Date.now() - t0).toBeLessThan(1500);
      expect(await b.holderNow()).toBe('b');
      await b.stop();
      expect(await b.holderNow()).toBeNull();
    });
  });

  describe('flash-sale stock in Redis', () => {
    it('never oversells and holds the per-buyer limit under concurrent reservations from many clients', async () => {
      const saleId = `s_${randomBytes(4).toString('hex')}`;
      const nodes = [new SaleStock(redis(), 'test:'), new SaleStock(redis(), 'test:'), new SaleStock(redis(), 'test:')];
      await nodes[0]!.reconcile(saleId, 100, []);
      // One eager buyer hammers all three nodes; 150 others buy twice or more.
      const buyer = (i: number) => (i < 30 ? 'v_hot' : `v_${i % 150}`);
      const attempts = Array.from({ length: 600 }, (_, i) => nodes[i % 3]!.reserve(saleId, buyer(i), `k${i}`, 1, 2).then((r) => [buyer(i), r.status], (e) => [buyer(i), e.code as string]));
      const results = await Promise.all(attempts);
      const reserved = results.filter(([, r]) => r === 'reserved');
      expect(reserved).toHaveLength(100);
      const per = new Map<string, number>();
      for (const [b] of reserved) per.set(b!, (per.get(b!) ?? 0) + 1);
      expect(Math.max(...per.values())).toBe(2);
      expect(per.get('v_hot')).toBe(2);
      expect(new Set(results.filter(([, r]) => r !== 'reserved').map(([, r]) => r))).toEqual(new Set(['SOLD_OUT', 'LIMIT_EXCEEDED']));
      expect(await nodes[1]!.left(saleId)).toBe(0);
    });

    it('answers a retried key with the same reservation, releases on a failed write, and reconciles from the record', async () => {
      const saleId = `s_${randomBytes(4).toString('hex')}`;
      const s = new SaleStock(redis(), 'test:');
      await s.reconcile(saleId, 5, [{ buyerId: 'v_a', key: 'k1', qty: 2 }]);
      expect(await s.left(saleId)).toBe(3);
      await expect(s.reserve(saleId, 'v_a', 'k1', 2, 3)).resolves.toEqual({ status: 'retry', left: 3 });
      await expect(s.reserve(saleId, 'v_a', 'k1', 1, 3)).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
      await expect(s.reserve(saleId, 'v_a', 'k2', 2, 3)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
      await expect(s.reserve(saleId, 'v_b', 'k1', 3, 3)).resolves.toEqual({ status: 'reserved', left: 0 });
      await s.release(saleId, 'v_b', 'k1', 3);
      expect(await s.left(saleId)).toBe(3);
      await expect(s.reserve('s_unknown', 'v_a', 'k', 1, 1)).rejects.toMatchObject({ code: 'STOCK_UNAVAILABLE' });
    });
  });
}
