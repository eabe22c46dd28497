import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDraw } from '@snowstage/commerce';
import { SqliteStore } from '../store/sqlite-store.js';
import { DrawService } from './draw-service.js';

/** The draw service on a real SQLite store with a hand-moved clock: close, claims, redraw, publication. */
const DAY = 86_400_000;
let store: SqliteStore;
let now = 1_000_000;
let draws: DrawService;
const prize = { id: 'pin', name: { zh: '徽章', en: 'Pin' }, quantity: 2 };
const address = { name: '王小雪', phone: '13800000000', address: '朝阳区冰雪路1号', city: '北京' };

beforeEach(async () => {
  store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'snowstage-draws-')), 'db.sqlite'));
  now = 1_000_000;
  draws = new DrawService(store.draws, () => now);
  for (const fan of ['v_a', 'v_b', 'v_c', 'v_d']) await store.showcase.payQuests(fan, [{ questId: 'q', period: 'once', tickets: 3 }], now);
});
afterEach(() => {
  draws.stop();
  store.close();
});

const plan = () => ({ title: { zh: '抽奖', en: 'Draw' }, prizes: [prize], opensAt: now, closesAt: now + 60_000, ticketsPerEntry: 1, maxWinsPerFan: 1, claimDays: 3 });

describe('lucky draws', () => {
  it('refuses entries before it opens and after it closes, and the frozen list is what the publication verifies', async () => {
    const d = await draws.create({ ...plan(), opensAt: now + 1000 });
    await expect(draws.enter(d.id, 'v_a', 1, 'early-key-0001')).rejects.toMatchObject({ code: 'DRAW_NOT_OPEN' });
    now += 1000;
    for (const fan of ['v_a', 'v_b', 'v_c']) await draws.enter(d.id, fan, 2, `enter-${fan}-0001`);
    const drawn = await draws.close(d.id);
    expect(drawn.status).toBe('drawn');
    expect(drawn.rounds[0]!.winners).toHaveLength(2);
    await expect(draws.enter(d.id, 'v_d', 1, 'late-key-00001')).rejects.toMatchObject({ code: 'DRAW_NOT_OPEN' });
    expect(await draws.close(d.id)).toEqual(drawn); // idempotent
    const pub = await draws.publication(d.id);
    expect(pub.entries).toEqual([{ fanId: 'v_a', entries: 2 }, { fanId: 'v_b', entries: 2 }, { fanId: 'v_c', entries: 2 }]);
    expect((await verifyDraw(pub)).ok).toBe(true);
  });

  it('lets only winners claim, only before the deadline, and redraws the unclaimed prizes with the pre-committed seed', async () => {
    const d = await draws.create(plan());
    for (const fan of ['v_a', 'v_b', 'v_c', 'v_d']) await draws.enter(d.id, fan, 1, `enter-${fan}-0001`);
    const drawn = await draws.close(d.id);
    const [first, second] = drawn.rounds[0]!.winners!;
    const loser = ['v_a', 'v_b', 'v_c', 'v_d'].find((f) => !drawn.rounds[0]!.winners!.some((w) => w.fanId === f))!;
    await expect(draws.claim(d.id, loser, { prizeId: 'pin', ...address }, 'claim-loser-01')).rejects.toMatchObject({ code: 'NOT_A_WINNER' });
    expect((await draws.claim(d.id, first!.fanId, { prizeId: 'pin', ...address }, 'claim-first-01')).replayed).toBe(false);
    await expect(draws.redraw(d.id)).rejects.toMatchObject({ code: 'DRAW_INVALID' }); // claim period still running
    now += 3 * DAY + 1;
    await expect(draws.claim(d.id, second!.fanId, { prizeId: 'pin', ...address }, 'claim-second-1')).rejects.toMatchObject({ code: 'CLAIM_CLOSED' });
    expect((await draws.claim(d.id, first!.fanId, { prizeId: 'pin', ...address }, 'claim-first-01')).replayed).toBe(true);

    const redrawn = await draws.redraw(d.id);
    const round1 = redrawn.rounds[1]!;
    expect(round1.commitment).toBe(drawn.rounds[1]!.commitment); // the seed was fixed when round 0 was drawn
    expect(round1.prizes).toEqual([{ ...prize, quantity: 1 }]);
    expect(round1.winners).toHaveLength(1);
    expect([first!.fanId, second!.fanId]).not.toContain(round1.winners![0]!.fanId); // one win per fan
    expect(redrawn.rounds).toHaveLength(3); // round 2 committed
    const pub = await draws.publication(d.id);
    expect((await verifyDraw(pub)).ok).toBe(true);

    // A publication that inflates a redraw's prizes is caught.
    const forged = structuredClone(pub);
    forged.draw.rounds[1]!.prizes = [{ ...prize, quantity: 5 }];
    const v = await verifyDraw(forged);
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/round 1: prize pin ×5/);
  });
});
