import type { DrawPublication, DrawWinner } from '@snowstage/protocol';
import { commitmentOf, drawRound, hashEntries, isCanonical } from './draw.js';

export interface Verification {
  ok: boolean;
  problems: string[];
  /** The winners recomputed per round (for rounds whose seed is revealed). */
  winners: DrawWinner[][];
}

/**
 * Recomputes a published draw from its data alone and says whether it is fair as published:
 * each round's seed matches its commitment, the entry list matches its hash, the winners are
 * exactly what the algorithm gives, nobody wins more than the limit, no more winners than prizes,
 * round 0 gives out the draw's prizes and a redraw only prizes the round before it gave out.
 */
export async function verifyDraw(pub: DrawPublication): Promise<Verification> {
  const problems: string[] = [];
  const { draw, entries } = pub;
  if (!isCanonical(entries)) problems.push('the entry list is not in canonical order (sorted by fanId, each fan once)');
  const hash = await hashEntries(entries);
  const all: DrawWinner[] = [];
  const recomputed: DrawWinner[][] = [];
  let before: Map<string, number> = new Map(draw.prizes.map((p) => [p.id, p.quantity]));
  for (const r of draw.rounds) {
    const label = `round ${r.round}`;
    if (r.seed === null || r.winners === null) continue; // not drawn yet: nothing to check
    // Prizes cannot grow: round 0 is the draw's list; a redraw re-offers at most what the last round gave out.
    for (const p of r.prizes)
      if (p.quantity > (before.get(p.id) ?? 0) || (r.round === 0 && p.quantity !== before.get(p.id)))
        problems.push(`${label}: prize ${p.id} ×${p.quantity} is not among the prizes it may give out (${before.get(p.id) ?? 0})`);
    if (r.round === 0 && r.prizes.length !== draw.prizes.length) problems.push(`${label}: the prizes differ from the draw's prizes`);
    if ((await commitmentOf(r.seed)) !== r.commitment) problems.push(`${label}: the revealed seed does not match the commitment`);
    if (r.entriesHash !== hash) problems.push(`${label}: the entry list does not match the published entries hash`);
    const winners = await drawRound({ seedHex: r.seed, entries, entriesHash: r.entriesHash ?? hash, round: r.round, prizes: r.prizes, maxWinsPerFan: draw.maxWinsPerFan, earlierWinners: all });
    recomputed.push(winners);
    const same = winners.length === r.winners.length && winners.every((w, i) => w.fanId === r.winners![i]!.fanId && w.prizeId === r.winners![i]!.prizeId && w.rank === r.winners![i]!.rank);
    if (!same) problems.push(`${label}: the published winners differ from the recomputed winners`);
    const units = r.prizes.reduce((n, p) => n + p.quantity, 0);
    if (r.winners.length > units) problems.push(`${label}: more winners (${r.winners.length}) than prizes (${units})`);
    all.push(...r.winners);
    before = new Map();
    for (const w of r.winners) before.set(w.prizeId, (before.get(w.prizeId) ?? 0) + 1);
  }
  const perFan = new Map<string, number>();
  for (const w of all) perFan.set(w.fanId, (perFan.get(w.fanId) ?? 0) + 1);
  for (const [fan, n] of perFan) if (n > draw.maxWinsPerFan) problems.push(`fan ${fan} wins ${n} times, over the limit of ${draw.maxWinsPerFan}`);
  // Entries are sorted by fanId: look winners up by binary search instead of indexing a million ids.
  for (const w of all) if (!hasFan(entries, w.fanId)) problems.push(`winner ${w.fanId} is not in the entry list`);
  return { ok: problems.length === 0, problems, winners: recomputed };
}

function hasFan(sorted: readonly { fanId: string }[], fanId: string): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = sorted[mid]!.fanId;
    if (id === fanId) return true;
    if (id < fanId) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
