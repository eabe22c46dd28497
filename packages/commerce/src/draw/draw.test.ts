import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Draw, DrawEntry, DrawPrize, DrawPublication } from '@snowstage/protocol';
import { canonicalEntries, commitmentOf, drawRound, hashEntries, newSeed } from './draw.js';
import { verifyDraw } from './verify.js';
import { Xoshiro128 } from './prng.js';
import { Fenwick } from './fenwick.js';
import { sha256Hex } from './hash.js';

const seedOf = (n: number) => n.toString(16).padStart(64, '0');

/** Builds a complete, honest publication for the given entries and prizes. */
async function publish(rawEntries: DrawEntry[], prizes: DrawPrize[], maxWinsPerFan: number, seedHex: string): Promise<DrawPublication> {
  const entries = canonicalEntries(rawEntries);
  const entriesHash = await hashEntries(entries);
  const winners = await drawRound({ seedHex, entries, entriesHash, round: 0, prizes, maxWinsPerFan });
  const draw: Draw = {
    id: 'd1', title: { zh: '抽奖', en: 'Draw' }, prizes, opensAt: 0, closesAt: 1, ticketsPerEntry: 1, maxWinsPerFan, claimDays: 7, roomId: null, status: 'drawn', createdAt: 0,
    rounds: [{ round: 0, commitment: await commitmentOf(seedHex), prizes, entriesHash, seed: seedHex, winners, drawnAt: 1, claimBy: 2 }],
  };
  return { draw, entries, algorithm: 'snowstage-draw-v1' };
}

const entriesArb = fc.uniqueArray(fc.record({ fanId: fc.stringMatching(/^v_[a-z0-9]{1,8}$/), entries: fc.integer({ min: 1, max: 20 }) }), { selector: (e) => e.fanId, minLength: 0, maxLength: 60 });
const prizesArb = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), name: fc.constant({ zh: '奖品', en: 'Prize' }), quantity: fc.integer({ min: 1, max: 12 }) }), { selector: (p) => p.id, minLength: 1, maxLength: 4 });

describe('lucky draw (property tests)', () => {
  it('never gives more winners than prizes nor a fan more than the limit; the verifier accepts the real result', async () => {
    await fc.assert(
      fc.asyncProperty(entriesArb, prizesArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 ** 30 }), async (entries, prizes, maxWins, seed) => {
        const pub = await publish(entries, prizes, maxWins, seedOf(seed));
        const winners = pub.draw.rounds[0]!.winners!;
        const units = prizes.reduce((n, p) => n + p.quantity, 0);
        expect(winners.length).toBeLessThanOrEqual(units);
        expect(winners.length).toBe(Math.min(units, entries.length * maxWins));
        const per = new Map<string, number>();
        for (const w of winners) per.set(w.fanId, (per.get(w.fanId) ?? 0) + 1);
        for (const n of per.values()) expect(n).toBeLessThanOrEqual(maxWins);
        // Prize units go out in the listed order.
        const order = prizes.flatMap((p) => Array.from({ length: p.quantity }, () => p.id)).slice(0, winners.length);
        expect(winners.map((w) => w.prizeId)).toEqual(order);
        expect((await verifyDraw(pub)).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects any altered winner list, seed or entry', async () => {
    await fc.assert(
      fc.asyncProperty(entriesArb.filter((e) => e.length >= 3), prizesArb, fc.integer({ min: 1, max: 2 ** 30 }), fc.nat(), fc.constantFrom('winner', 'seed', 'entry', 'drop'), async (entries, prizes, seed, pick, what) => {
        const pub = await publish(entries, prizes, 1, seedOf(seed));
        const round = pub.draw.rounds[0]!;
        const winners = round.winners!;
        if (what === 'winner') {
          const i = pick % winners.length;
          const loser = pub.entries.find((e) => !winners.some((w) => w.fanId === e.fanId));
          if (!loser) return; // everyone won: no other fan to put in
          winners[i] = { ...winners[i]!, fanId: loser.fanId };
        } else if (what === 'seed') {
          round.seed = seedOf(seed + 1);
        } else if (what === 'entry') {
          const i = pick % pub.entries.length;
          pub.entries[i] = { ...pub.entries[i]!, entries: pub.entries[i]!.entries + 1 };
        } else {
          winners.pop();
        }
        const v = await verifyDraw(pub);
        expect(v.ok).toBe(false);
        expect(v.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same seed and entries give the same winners, in any input order', async () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ fanId: `v_fan${i}`, entries: 1 + (i % 5) }));
    const prizes = [{ id: 'plush', name: { zh: '公仔', en: 'Plush' }, quantity: 5 }];
    const a = await publish(entries, prizes, 1, seedOf(42));
    const b = await publish([...entries].reverse(), prizes, 1, seedOf(42));
    expect(b.draw.rounds[0]!.winners).toEqual(a.draw.rounds[0]!.winners);
    const c = await publish(entries, prizes, 1, seedOf(43));
    expect(c.draw.rounds[0]!.winners).not.toEqual(a.draw.rounds[0]!.winners);
  });

  it('gives chances proportional to entries', async () => {
    // Fan A holds 3 of 4 entries: over many seeds A should win a 1-prize draw about 75 % of the time.
    let a = 0;
    const runs = 400;
    for (let s = 1; s <= runs; s++) {
      const pub = await publish([{ fanId: 'v_a', entries: 3 }, { fanId: 'v_b', entries: 1 }], [{ id: 'p', name: { zh: '奖', en: 'P' }, quantity: 1 }], 1, seedOf(s * 7919));
      if (pub.draw.rounds[0]!.winners![0]!.fanId === 'v_a') a++;
    }
    expect(a / runs).toBeGreaterThan(0.68);
    expect(a / runs).toBeLessThan(0.82);
  });

  it('counts earlier rounds towards the limit in a redraw', async () => {
    const entries = canonicalEntries([{ fanId: 'v_a', entries: 1 }, { fanId: 'v_b', entries: 1 }, { fanId: 'v_c', entries: 1 }]);
    const entriesHash = await hashEntries(entries);
    const prizes = [{ id: 'p', name: { zh: '奖', en: 'P' }, quantity: 2 }];
    const r0 = await drawRound({ seedHex: seedOf(5), entries, entriesHash, round: 0, prizes, maxWinsPerFan: 1 });
    const r1 = await drawRound({ seedHex: seedOf(6), entries, entriesHash, round: 1, prizes, maxWinsPerFan: 1, earlierWinners: r0 });
    expect(r1).toHaveLength(1);
    expect(r0.map((w) => w.fanId)).not.toContain(r1[0]!.fanId);
  });
});

describe('draw building blocks', () => {
  it('hashes exactly the documented text: fanId TAB entries LF per fan', async () => {
    const entries = [{ fanId: 'v_a', entries: 3 }, { fanId: 'v_b', entries: 12 }];
    expect(await hashEntries(entries)).toBe(await sha256Hex('v_a\t3\nv_b\t12\n'));
  });

  it('commits to the seed bytes with SHA-256', async () => {
    // SHA-256 of 32 zero bytes.
    expect(await commitmentOf('0'.repeat(64))).toBe('66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925');
  });
  it('xoshiro128** matches the reference output', () => {
    // Reference: state {1, 2, 3, 4} → first outputs 11520, 0, 5927040, 70819200 (from the C reference implementation).
    const key = new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
    const p = new Xoshiro128(key);
    expect([p.next(), p.next(), p.next(), p.next()]).toEqual([11520, 0, 5927040, 70819200]);
  });
  it('finds the item holding the r-th unit of weight, and follows updates', () => {
    const f = new Fenwick([2, 0, 3, 1]);
    expect([0, 1, 2, 3, 4, 5].map((r) => f.find(r))).toEqual([0, 0, 2, 2, 2, 3]);
    f.set(2, 0);
    expect(f.total).toBe(3);
    expect([0, 1, 2].map((r) => f.find(r))).toEqual([0, 0, 3]);
  });
  it('makes 64-hex seeds from random bytes', () => {
    expect(newSeed((n) => new Uint8Array(n).fill(255))).toBe('f'.repeat(64));
  });
});
