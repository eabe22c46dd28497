import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { InProcessBus, type Bus } from './bus.js';
import { RedisBus } from './redis-bus.js';
import { requireService } from './testing/services.js';

/** The behaviour every Bus adapter must have, run against the in-process bus and real Redis. */
function describeBus(name: string, make: () => Promise<{ a: Bus; b: Bus; close(): Promise<void> }>) {
  describe(`${name} bus`, () => {
    it("delivers a message to every subscriber of the channel, on every node, in each publisher's order", async () => {
      const { a, b, close } = await make();
      const got: string[] = [];
      const gotB: string[] = [];
      a.subscribe('room:x', (m) => got.push(m));
      b.subscribe('room:x', (m) => gotB.push(m));
      b.subscribe('room:y', () => gotB.push('wrong channel'));
      await settle();
      for (let i = 0; i < 50; i++) (i % 2 ? a : b).publish('room:x', `m${i}`);
      await until(() => got.length === 50 && gotB.length === 50);
      const fromA = (xs: string[]) => xs.filter((m) => Number(m.slice(1)) % 2 === 1);
      const fromB = (xs: string[]) => xs.filter((m) => Number(m.slice(1)) % 2 === 0);
      for (const xs of [got, gotB]) {
        expect(fromA(xs)).toEqual(Array.from({ length: 25 }, (_, i) => `m${2 * i + 1}`));
        expect(fromB(xs)).toEqual(Array.from({ length: 25 }, (_, i) => `m${2 * i}`));
      }
      await close();
    });

    it('stops delivering after unsubscribe', async () => {
      const { a, b, close } = await make();
      const got: string[] = [];
      const off = a.subscribe('room:z', (m) => got.push(m));
      await settle();
      b.publish('room:z', 'one');
      await until(() => got.length === 1);
      off();
      await settle();
      b.publish('room:z', 'two');
      await new Promise((r) => setTimeout(r, 100));
      expect(got).toEqual(['one']);
      await close();
    });
  });
}

const settle = () => new Promise((r) => setTimeout(r, 50));
async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeBus('in-process', async () => {
  const bus = new InProcessBus();
  return { a: bus, b: bus, close: () => bus.close() };
});

const redisUrl = await requireService('redis', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
if (redisUrl) {
  describeBus('Redis', async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    const a = new RedisBus(redisUrl, prefix);
    const b = new RedisBus(redisUrl, prefix);
    await Promise.all([a.ready(), b.ready()]);
    return { a, b, close: async () => (await a.close(), await b.close()) };
  });
}
