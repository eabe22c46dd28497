/**
 * `npm run bench -- draw [--entries 1000000] [--prizes 1000]`
 *
 * A lucky draw over a million fans: freeze and hash the entry list, draw the winners, then verify
 * the publication from scratch as an outside verifier would.
 * Last line: {entries, prizes, drawMs, verifyMs, freezeMs, winners}: drawMs = hash the frozen list + draw;
 * verifyMs = an outside verifier's whole check (order, hash, seed, winners); freezeMs = sorting an unsorted list.
 */
import { randomBytes } from 'node:crypto';
import { canonicalEntries, commitmentOf, drawRound, hashEntries, newSeed, verifyDraw } from '@snowstage/commerce';
import type { DrawEntry, DrawPublication } from '@snowstage/protocol';
import { intArg, progress, round } from './lib.js';

export async function main(args: Record<string, string>) {
  const n = intArg(args, 'entries', 1_000_000);
  const prizeUnits = intArg(args, 'prizes', 1000);
  progress(`making ${n} entries`);
  const raw: DrawEntry[] = Array.from({ length: n }, (_, i) => ({ fanId: `v_${(i * 2654435761) % 4294967296}_${i}`, entries: 1 + (i % 7) }));
  const prizes = [
    { id: 'gold-plush', name: { zh: '金色冰墩墩', en: 'Golden plush' }, quantity: Math.ceil(prizeUnits / 10) },
    { id: 'pin-set', name: { zh: '徽章套装', en: 'Pin set' }, quantity: prizeUnits - Math.ceil(prizeUnits / 10) },
  ];
  const seedHex = newSeed((k) => randomBytes(k));
  const commitment = await commitmentOf(seedHex);

  // Freezing puts the entries in canonical order. The server's database does this (ORDER BY fan_id at
  // close), so it is reported apart: drawMs is what the server spends after reading the frozen list.
  progress('freezing (sorting) the entries');
  const tf = performance.now();
  const entries = canonicalEntries(raw);
  const freezeMs = performance.now() - tf;
  progress('drawing');
  const t0 = performance.now();
  const entriesHash = await hashEntries(entries);
  const winners = await drawRound({ seedHex, entries, entriesHash, round: 0, prizes, maxWinsPerFan: 1 });
  const drawMs = performance.now() - t0;

  const pub: DrawPublication = {
    algorithm: 'snowstage-draw-v1',
    entries,
    draw: {
      id: 'bench', title: { zh: '压测抽奖', en: 'Bench draw' }, prizes, opensAt: 0, closesAt: 1, ticketsPerEntry: 1, maxWinsPerFan: 1, claimDays: 7,
      roomId: null, status: 'drawn', createdAt: 0,
      rounds: [{ round: 0, commitment, prizes, entriesHash, seed: seedHex, winners, drawnAt: 1, claimBy: 2 }],
    },
  };
  progress('verifying');
  const t1 = performance.now();
  const v = await verifyDraw(pub);
  const verifyMs = performance.now() - t1;
  if (!v.ok) throw new Error(`verification failed: ${v.problems.join('; ')}`);
  return { entries: n, prizes: prizeUnits, drawMs: round(drawMs), verifyMs: round(verifyMs), freezeMs: round(freezeMs), winners: winners.length };
}
