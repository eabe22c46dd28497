import { randomBytes } from 'node:crypto';
import { canonicalEntries, commitmentOf, drawRound, hashEntries, newSeed, verifyDraw, type DrawStore, type PrizeClaim, type Verification } from '@snowstage/commerce';
import { AppError, type Draw, type DrawPlan, type DrawPrize, type DrawPublication, type DrawRound } from '@snowstage/protocol';
import { newId } from '../ids.js';

export interface DrawEvents {
  /** A draw changed phase (created, drawn, redrawn): the room can announce it and the host react. */
  onChange(draw: Draw): void;
}

const DAY = 86_400_000;

/**
 * Lucky draws with commit–reveal (algorithm in @snowstage/commerce draw/). Seeds are made here,
 * kept secret in the store, and revealed only after the entries are frozen and hashed. When a round
 * is drawn the next round's seed is committed at once, so a later redraw of unclaimed prizes uses a
 * seed fixed before anyone knew who would claim.
 */
export class DrawService {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: DrawStore,
    private readonly now: () => number,
    private readonly events: DrawEvents = { onChange: () => undefined },
  ) {}

  private async commitRound(drawId: string, round: number, prizes: DrawPrize[]): Promise<DrawRound> {
    const seed = newSeed((n) => randomBytes(n));
    await this.store.saveSeed(drawId, round, seed);
    return { round, commitment: await commitmentOf(seed), prizes, entriesHash: null, seed: null, winners: null, drawnAt: null, claimBy: null };
  }

  async create(plan: DrawPlan): Promise<Draw> {
    const ids = new Set<string>();
    for (const p of plan.prizes) {
      if (ids.has(p.id)) throw new AppError('DRAW_INVALID', `prize ${p.id} listed twice`);
      ids.add(p.id);
    }
    const id = newId('draw');
    const draw: Draw = {
      id,
      title: plan.title,
      prizes: plan.prizes,
      opensAt: plan.opensAt,
      closesAt: plan.closesAt,
      ticketsPerEntry: plan.ticketsPerEntry,
      maxWinsPerFan: plan.maxWinsPerFan,
      claimDays: plan.claimDays,
      roomId: plan.roomId ?? null,
      status: 'open',
      rounds: [await this.commitRound(id, 0, plan.prizes)],
      createdAt: this.now(),
    };
    await this.store.saveDraw(draw);
    this.schedule(draw);
    this.events.onChange(draw);
    return draw;
  }

  async get(id: string): Promise<Draw> {
    const d = await this.store.getDraw(id);
    if (!d) throw new AppError('DRAW_NOT_FOUND', id);
    return d;
  }

  list(): Promise<Draw[]> {
    return this.store.listDraws();
  }

  async enter(drawId: string, fanId: string, entries: number, key: string): Promise<{ replayed: boolean }> {
    const d = await this.get(drawId);
    const now = this.now();
    if (d.status !== 'open' || now < d.opensAt || now >= d.closesAt) throw new AppError('DRAW_NOT_OPEN', d.status !== 'open' ? d.status : now < d.opensAt ? 'not open yet' : 'entries are closed');
    return this.store.enter(drawId, fanId, entries, d.ticketsPerEntry, key, now);
  }

  /**
   * Freezes the entries (the stored status becomes `closed` first, so the store refuses any entry after
   * it), reveals round 0's seed, computes the winners and commits round 1. Idempotent, and safe to run
   * again after a crash half-way.
   */
  async close(drawId: string): Promise<Draw> {
    let d = await this.get(drawId);
    if (d.status === 'drawn') return d;
    if (d.status === 'open') {
      d = { ...d, status: 'closed', closesAt: Math.min(d.closesAt, this.now()) };
      await this.store.saveDraw(d);
    }
    const entries = canonicalEntries(await this.store.entries(drawId));
    const entriesHash = await hashEntries(entries);
    const seed = await this.store.getSeed(drawId, 0);
    if (!seed) throw new Error(`draw ${drawId}: the seed of round 0 is missing`);
    const now = this.now();
    const round0 = d.rounds[0]!;
    const winners = await drawRound({ seedHex: seed, entries, entriesHash, round: 0, prizes: round0.prizes, maxWinsPerFan: d.maxWinsPerFan });
    const next = await this.commitRound(drawId, 1, []);
    const drawn: Draw = {
      ...d,
      status: 'drawn',
      closesAt: Math.min(d.closesAt, now),
      rounds: [{ ...round0, entriesHash, seed, winners, drawnAt: now, claimBy: now + d.claimDays * DAY }, { ...next, entriesHash }],
    };
    await this.store.saveDraw(drawn);
    this.clearTimer(drawId);
    this.events.onChange(drawn);
    return drawn;
  }

  /**
   * Redraws the prizes left unclaimed after the last round's claim deadline, with the seed committed
   * when that round was drawn; commits the following round's seed.
   */
  async redraw(drawId: string): Promise<Draw> {
    const d = await this.get(drawId);
    if (d.status !== 'drawn') throw new AppError('DRAW_NOT_DRAWN');
    const now = this.now();
    const lastDrawn = [...d.rounds].reverse().find((r) => r.winners !== null)!;
    if (lastDrawn.claimBy !== null && now < lastDrawn.claimBy) throw new AppError('DRAW_INVALID', 'the claim period of the last round is still running');
    const claimed = new Set((await this.store.claims(drawId)).map((c) => `${c.fanId}/${c.prizeId}`));
    const unclaimed = new Map<string, number>();
    for (const w of lastDrawn.winners!) if (!claimed.has(`${w.fanId}/${w.prizeId}`)) unclaimed.set(w.prizeId, (unclaimed.get(w.prizeId) ?? 0) + 1);
    const prizes = d.prizes.filter((p) => unclaimed.has(p.id)).map((p) => ({ ...p, quantity: unclaimed.get(p.id)! }));
    if (prizes.length === 0) throw new AppError('DRAW_INVALID', 'every prize of the last round was claimed');
    const pending = d.rounds[d.rounds.length - 1]!;
    const seed = await this.store.getSeed(drawId, pending.round);
    if (!seed || pending.winners !== null) throw new Error(`draw ${drawId}: no committed round to redraw`);
    const entries = await this.store.entries(drawId);
    const entriesHash = await hashEntries(entries);
    if (entriesHash !== pending.entriesHash) throw new Error(`draw ${drawId}: the frozen entries changed`);
    const earlier = d.rounds.flatMap((r) => r.winners ?? []);
    const winners = await drawRound({ seedHex: seed, entries, entriesHash, round: pending.round, prizes, maxWinsPerFan: d.maxWinsPerFan, earlierWinners: earlier });
    const next = await this.commitRound(drawId, pending.round + 1, []);
    const updated: Draw = {
      ...d,
      rounds: [...d.rounds.slice(0, -1), { ...pending, prizes, seed, winners, drawnAt: now, claimBy: now + d.claimDays * DAY }, { ...next, entriesHash }],
    };
    await this.store.saveDraw(updated);
    this.events.onChange(updated);
    return updated;
  }

  /** A winner gives a shipping address; idempotent by key; only for a prize they won, before the deadline. */
  async claim(drawId: string, fanId: string, details: Omit<PrizeClaim, 'drawId' | 'fanId' | 'claimedAt'>, key: string): Promise<{ claim: PrizeClaim; replayed: boolean }> {
    const d = await this.get(drawId);
    const round = d.rounds.find((r) => r.winners?.some((w) => w.fanId === fanId && w.prizeId === details.prizeId));
    if (!round) throw new AppError('NOT_A_WINNER');
    const existing = (await this.store.claims(drawId)).find((c) => c.fanId === fanId && c.prizeId === details.prizeId);
    if (!existing && round.claimBy !== null && this.now() > round.claimBy) throw new AppError('CLAIM_CLOSED');
    return this.store.claim({ drawId, fanId, ...details }, key, this.now());
  }

  claims(drawId: string): Promise<PrizeClaim[]> {
    return this.store.claims(drawId);
  }

  /** Everything a verifier needs, once drawn. */
  async publication(drawId: string): Promise<DrawPublication> {
    const draw = await this.get(drawId);
    if (draw.status !== 'drawn') throw new AppError('DRAW_NOT_DRAWN');
    return { draw, entries: await this.store.entries(drawId), algorithm: 'snowstage-draw-v1' };
  }

  verify(pub: DrawPublication): Promise<Verification> {
    return verifyDraw(pub);
  }

  /** Closes draws by the clock: past ones now, future ones on a timer. Call at start-up. */
  async resume(): Promise<void> {
    for (const d of await this.store.listDraws()) if (d.status === 'open' || d.status === 'closed') this.schedule(d);
  }

  private schedule(d: Draw): void {
    this.clearTimer(d.id);
    const wait = Math.max(0, d.closesAt - this.now());
    // Long waits are re-armed in steps (timers cannot wait more than ~24.8 days).
    const t = setTimeout(() => {
      if (d.closesAt > this.now()) return this.schedule(d);
      this.close(d.id).catch((e) => console.error(`closing draw ${d.id} failed`, e));
    }, Math.min(wait, 2 ** 31 - 1));
    t.unref();
    this.timers.set(d.id, t);
  }

  private clearTimer(id: string): void {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.delete(id);
  }

  /** Stops the close timers (shutdown). */
  stop(): void {
    for (const id of [...this.timers.keys()]) this.clearTimer(id);
  }
}
