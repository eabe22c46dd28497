import type pg from 'pg';
import type { Completion, DrawStore, FanRecord, PrizeClaim, ShowcaseStore } from '@snowstage/commerce';
import { AppError, type Draw, type DrawEntry } from '@snowstage/protocol';
import { assertOpen, json, type Row } from '../rows.js';
import { inTransaction } from './pg-db.js';

/** The showcase port on PostgreSQL. */
export class PgShowcaseStore implements ShowcaseStore {
  constructor(private readonly pool: pg.Pool) {}

  async recordVisit(fanId: string, boothId: string, at: number): Promise<void> {
    await this.pool.query('INSERT INTO showcase_visits (fan_id, booth_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [fanId, boothId, at]);
  }

  async recordQuizAnswer(fanId: string, boothId: string, choice: number, correct: boolean, at: number): Promise<boolean> {
    const r = await this.pool.query('INSERT INTO quiz_answers (fan_id, booth_id, choice, correct, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [fanId, boothId, choice, correct, at]);
    return r.rowCount === 1;
  }

  async fan(fanId: string): Promise<FanRecord> {
    const [visits, answers, payments, spent] = await Promise.all([
      this.pool.query('SELECT booth_id FROM showcase_visits WHERE fan_id = $1 ORDER BY at, booth_id', [fanId]),
      this.pool.query('SELECT booth_id, correct FROM quiz_answers WHERE fan_id = $1 ORDER BY at, booth_id', [fanId]),
      this.pool.query('SELECT quest_id, period, tickets, at FROM quest_payments WHERE fan_id = $1 ORDER BY at, quest_id', [fanId]),
      this.pool.query('SELECT COALESCE(SUM(cost), 0)::int AS n FROM draw_entry_requests WHERE fan_id = $1', [fanId]),
    ]);
    return {
      visited: (visits.rows as Row[]).map((r) => r.booth_id as string),
      quizzes: (answers.rows as Row[]).map((r) => ({ boothId: r.booth_id as string, correct: r.correct === true })),
      completions: (payments.rows as Row[]).map((r) => ({ questId: r.quest_id as string, period: r.period as string, tickets: Number(r.tickets), at: Number(r.at) })),
      spent: Number((spent.rows[0] as Row).n),
    };
  }

  async payQuests(fanId: string, completions: readonly Completion[], at: number): Promise<Completion[]> {
    return inTransaction(this.pool, async (c) => {
      const paid: Completion[] = [];
      for (const q of completions) {
        const r = await c.query('INSERT INTO quest_payments (fan_id, quest_id, period, tickets, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [fanId, q.questId, q.period, q.tickets, at]);
        if (r.rowCount === 1) paid.push(q);
      }
      return paid;
    });
  }
}

/** The lucky-draw port on PostgreSQL: entering locks the fan's row, so balance check and spend are atomic across nodes. */
export class PgDrawStore implements DrawStore {
  constructor(private readonly pool: pg.Pool) {}

  async saveDraw(draw: Draw): Promise<void> {
    await this.pool.query('INSERT INTO draws (id, doc, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc', [draw.id, draw, draw.createdAt]);
  }

  async getDraw(id: string): Promise<Draw | null> {
    const r = await this.pool.query('SELECT doc FROM draws WHERE id = $1', [id]);
    return r.rows[0] ? json<Draw>((r.rows[0] as Row).doc) : null;
  }

  async listDraws(): Promise<Draw[]> {
    return ((await this.pool.query('SELECT doc FROM draws ORDER BY created_at DESC, id DESC LIMIT 200')).rows as Row[]).map((r) => json<Draw>(r.doc));
  }

  async saveSeed(drawId: string, round: number, seedHex: string): Promise<void> {
    await this.pool.query('INSERT INTO draw_seeds (draw_id, round, seed) VALUES ($1, $2, $3)', [drawId, round, seedHex]);
  }

  async getSeed(drawId: string, round: number): Promise<string | null> {
    const r = await this.pool.query('SELECT seed FROM draw_seeds WHERE draw_id = $1 AND round = $2', [drawId, round]);
    return r.rows[0] ? ((r.rows[0] as Row).seed as string) : null;
  }

  async enter(drawId: string, fanId: string, entries: number, ticketsPerEntry: number, key: string, now: number): Promise<{ replayed: boolean }> {
    const cost = entries * ticketsPerEntry;
    return inTransaction(this.pool, async (c) => {
      await c.query('INSERT INTO fans (fan_id) VALUES ($1) ON CONFLICT DO NOTHING', [fanId]);
      await c.query('SELECT 1 FROM fans WHERE fan_id = $1 FOR UPDATE', [fanId]);
      const seen = (await c.query('SELECT draw_id, entries FROM draw_entry_requests WHERE fan_id = $1 AND key = $2', [fanId, key])).rows[0] as Row | undefined;
      if (seen) {
        if (seen.draw_id !== drawId || Number(seen.entries) !== entries) throw new AppError('IDEMPOTENCY_MISMATCH');
        return { replayed: true };
      }
      // FOR SHARE: a close (which updates the draw's row to freeze it) waits for entries in flight, and
      // an entry that starts after the freeze reads the frozen status.
      assertOpen(drawId, (await c.query('SELECT doc FROM draws WHERE id = $1 FOR SHARE', [drawId])).rows[0] as Row | undefined);
      const earned = Number(((await c.query('SELECT COALESCE(SUM(tickets), 0)::int AS n FROM quest_payments WHERE fan_id = $1', [fanId])).rows[0] as Row).n);
      const spent = Number(((await c.query('SELECT COALESCE(SUM(cost), 0)::int AS n FROM draw_entry_requests WHERE fan_id = $1', [fanId])).rows[0] as Row).n);
      if (earned - spent < cost) throw new AppError('NOT_ENOUGH_TICKETS', `${earned - spent} < ${cost}`);
      await c.query('INSERT INTO draw_entry_requests (fan_id, key, draw_id, entries, cost, at) VALUES ($1, $2, $3, $4, $5, $6)', [fanId, key, drawId, entries, cost, now]);
      return { replayed: false };
    });
  }

  async entries(drawId: string): Promise<DrawEntry[]> {
    // COLLATE "C": byte order, the canonical order for ASCII fan ids.
    const r = await this.pool.query('SELECT fan_id, SUM(entries)::int AS n FROM draw_entry_requests WHERE draw_id = $1 GROUP BY fan_id ORDER BY fan_id COLLATE "C"', [drawId]);
    return (r.rows as Row[]).map((x) => ({ fanId: x.fan_id as string, entries: Number(x.n) }));
  }

  async entriesOf(fanId: string): Promise<{ drawId: string; entries: number }[]> {
    const r = await this.pool.query('SELECT draw_id, SUM(entries)::int AS n FROM draw_entry_requests WHERE fan_id = $1 GROUP BY draw_id ORDER BY draw_id', [fanId]);
    return (r.rows as Row[]).map((x) => ({ drawId: x.draw_id as string, entries: Number(x.n) }));
  }

  async claim(c0: Omit<PrizeClaim, 'claimedAt'>, key: string, now: number): Promise<{ claim: PrizeClaim; replayed: boolean }> {
    return inTransaction(this.pool, async (c) => {
      const claim: PrizeClaim = { ...c0, claimedAt: now };
      const ins = await c.query('INSERT INTO draw_claims (draw_id, fan_id, prize_id, doc, key, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING', [c0.drawId, c0.fanId, c0.prizeId, claim, key, now]);
      if (ins.rowCount === 1) return { claim, replayed: false };
      const seen = (await c.query('SELECT doc, key FROM draw_claims WHERE draw_id = $1 AND fan_id = $2 AND prize_id = $3', [c0.drawId, c0.fanId, c0.prizeId])).rows[0] as Row;
      if (seen.key !== key) throw new AppError('IDEMPOTENCY_MISMATCH', 'this prize was already claimed');
      return { claim: json<PrizeClaim>(seen.doc), replayed: true };
    });
  }

  async claims(drawId: string): Promise<PrizeClaim[]> {
    return ((await this.pool.query('SELECT doc FROM draw_claims WHERE draw_id = $1 ORDER BY at', [drawId])).rows as Row[]).map((r) => json<PrizeClaim>(r.doc));
  }
}
