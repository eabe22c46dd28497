import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { canonicalEntries, commitmentOf, drawRound, hashEntries } from '@snowstage/commerce';
import type { DrawPublication } from '@snowstage/protocol';

const BIN = fileURLToPath(new URL('../../bin/snowstage.mjs', import.meta.url));
const run = (args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args]).then((r) => ({ code: 0, out: r.stdout }), (e) => ({ code: e.code as number, out: e.stdout as string }));

async function publication(): Promise<DrawPublication> {
  const entries = canonicalEntries(Array.from({ length: 40 }, (_, i) => ({ fanId: `v_fan${i}`, entries: 1 + (i % 3) })));
  const entriesHash = await hashEntries(entries);
  const seed = 'ab'.repeat(32);
  const prizes = [{ id: 'plush', name: { zh: '公仔', en: 'Plush' }, quantity: 5 }];
  const winners = await drawRound({ seedHex: seed, entries, entriesHash, round: 0, prizes, maxWinsPerFan: 1 });
  return {
    algorithm: 'snowstage-draw-v1',
    entries,
    draw: {
      id: 'draw_1', title: { zh: '抽奖', en: 'Draw' }, prizes, opensAt: 0, closesAt: 1, ticketsPerEntry: 1, maxWinsPerFan: 1, claimDays: 7, roomId: null, status: 'drawn', createdAt: 0,
      rounds: [{ round: 0, commitment: await commitmentOf(seed), prizes, entriesHash, seed, winners, drawnAt: 1, claimBy: 2 }],
    },
  };
}

describe('snowstage verify-draw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  it('accepts a fair publication (exit 0) and names the problem in an altered one (exit 1)', async () => {
    const pub = await publication();
    writeFileSync(join(dir, 'fair.json'), JSON.stringify(pub));
    const fair = await run(['verify-draw', join(dir, 'fair.json')]);
    expect(fair.code).toBe(0);
    expect(JSON.parse(fair.out)).toMatchObject({ ok: true, drawId: 'draw_1', rounds: 1, winners: 5, problems: [] });
    const loser = pub.entries.find((e) => !pub.draw.rounds[0]!.winners!.some((w) => w.fanId === e.fanId))!;
    pub.draw.rounds[0]!.winners![0]!.fanId = loser.fanId;
    writeFileSync(join(dir, 'altered.json'), JSON.stringify(pub));
    const altered = await run(['verify-draw', join(dir, 'altered.json')]);
    expect(altered.code).toBe(1);
    expect(JSON.parse(altered.out).problems.join(' ')).toMatch(/winners differ/);
  }, 60_000);

  it('refuses a file that is not a draw publication (exit 2)', async () => {
    writeFileSync(join(dir, 'junk.json'), JSON.stringify({ hello: 'world' }));
    expect((await run(['verify-draw', join(dir, 'junk.json')])).code).toBe(2);
  }, 60_000);
});
