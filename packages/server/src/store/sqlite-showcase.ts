import type Database from 'better-sqlite3';
import type { Completion, DrawStore, FanRecord, PrizeClaim, ShowcaseStore } from '@snowstage/commerce';
import { AppError, type Draw, type DrawEntry } from '@snowstage/protocol';
import { assertOpen } from './rows.js';

type Row = Record<string, unknown>;

/** The showcase port on the embedded SQLite file (tables from migration 3). */
export class SqliteShowcaseStore implements ShowcaseStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      visit: db.prepare('INSERT INTO showcase_visits (fan_id, booth_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      answer: db.prepare('INSERT INTO quiz_answers (fan_id, booth_id, choice, correct, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      visits: db.prepare('SELECT booth_id FROM showcase_visits WHERE fan_id = ? ORDER BY at, booth_id'),
      answers: db.prepare('SELECT booth_id, correct FROM quiz_answers WHERE fan_id = ? ORDER BY at, booth_id'),
      payments: db.prepare('SELECT quest_id, period, tickets, at FROM quest_payments WHERE fan_id = ? ORDER BY at, quest_id'),
      pay: db.prepare('INSERT INTO quest_payments (fan_id, quest_id, period, tickets, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      spent: db.prepare('SELECT COALESCE(SUM(cost), 0) AS n FROM draw_entry_requests WHERE fan_id = ?'),
    };
  }

  async recordVisit(fanId: string, boothId: string, at: number): Promise<void> {
    this.q.visit.run(fanId, boothId, at);
  }

  async recordQuizAnswer(fanId: string, boothId: string, choice: number, correct: boolean, at: number): Promise<boolean> {
    return this.q.answer.run(fanId, boothId, choice, correct ? 1 : 0, at).changes === 1;
  }

  async fan(fanId: string): Promise<FanRecord> {
    return {
      visited: (this.q.visits.all(fanId) as Row[]).map((r) => r.booth_id as string),
      quizzes: (this.q.answers.all(fanId) as Row[]).map((r) => ({ boothId: r.booth_id as string, correct: r.correct === 1 })),
      completions: (this.q.payments.all(fanId) as Row[]).map((r) => ({ questId: r.quest_id as string, period: r.period as string, tickets: r.tickets as number, at: r.at as number })),
      spent: (this.q.spent.get(fanId) as Row).n as number,
    };
  }

  async payQuests(fanId: string, completions: readonly Completion[], at: number): Promise<Completion[]> {
    return this.db.transaction(() => completions.filter((c) => this.q.pay.run(fanId, c.questId, c.period, c.tickets, at).changes === 1))();
  }
}

/** The lucky-draw port on SQLite: entering is one IMMEDIATE transaction (balance check + insert). */
export class SqliteDrawStore implements DrawStore {
  private readonly q;
  private readonly enterTx;

  constructor(private readonly db: Database.Database) {
    this.q = {
      save: db.prepare('INSERT INTO draws (id, doc, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc'),
      get: db.prepare('SELECT doc FROM draws WHERE id = ?'),
      list: db.prepare('SELECT doc FROM draws ORDER BY created_at DESC, id DESC LIMIT 200'),
      saveSeed: db.prepare('INSERT INTO draw_seeds (draw_id, round, seed) VALUES (?, ?, ?)'),
      getSeed: db.prepare('SELECT seed FROM draw_seeds WHERE draw_id = ? AND round = ?'),
      request: db.prepare('SELECT draw_id, entries FROM draw_entry_requests WHERE fan_id = ? AND key = ?'),
      earned: db.prepare('SELECT COALESCE(SUM(tickets), 0) AS n FROM quest_payments WHERE fan_id = ?'),
      spent: db.prepare('SELECT COALESCE(SUM(cost), 0) AS n FROM draw_entry_requests WHERE fan_id = ?'),
      insertRequest: db.prepare('INSERT INTO draw_entry_requests (fan_id, key, draw_id, entries, cost, at) VALUES (?, ?, ?, ?, ?, ?)'),
      // Binary collation: byte order of UTF-8 = code-point order = the canonical order for ASCII fan ids.
      entries: db.prepare('SELECT fan_id, SUM(entries) AS n FROM draw_entry_requests WHERE draw_id = ? GROUP BY fan_id ORDER BY fan_id COLLATE BINARY'),
      entriesOf: db.prepare('SELECT draw_id, SUM(entries) AS n FROM draw_entry_requests WHERE fan_id = ? GROUP BY draw_id ORDER BY draw_id'),
      claimGet: db.prepare('SELECT doc, key FROM draw_claims WHERE draw_id = ? AND fan_id = ? AND prize_id = ?'),
      claimPut: db.prepare('INSERT INTO draw_claims (draw_id, fan_id, prize_id, doc, key, at) VALUES (?, ?, ?, ?, ?, ?)'),
      claims: db.prepare('SELECT doc FROM draw_claims WHERE draw_id = ? ORDER BY at'),
    };
    this.enterTx = db
      .transaction((drawId: string, fanId: string, entries: number, cost: number, key: string, now: number): { replayed: boolean } => {
        const seen = this.q.request.get(fanId, key) as Row | undefined;
        if (seen) {
          if (seen.draw_id !== drawId || seen.entries !== entries) throw new AppError('IDEMPOTENCY_MISMATCH');
          return { replayed: true };
        }
        // Checked inside the transaction: once a close has frozen the draw, no entry can slip in.
        assertOpen(drawId, this.q.get.get(drawId) as Row | undefined);
        const balance = ((this.q.earned.get(fanId) as Row).n as number) - ((this.q.spent.get(fanId) as Row).n as number);
        if (balance < cost) throw new AppError('NOT_ENOUGH_TICKETS', `${balance} < ${cost}`);
        this.q.insertRequest.run(fanId, key, drawId, entries, cost, now);
        return { replayed: false };
      })
      .immediate.bind(null);
  }

  async saveDraw(draw: Draw): Promise<void> {
    this.q.save.run(draw.id, JSON.stringify(draw), draw.createdAt);
  }

  async getDraw(id: string): Promise<Draw | null> {
    const r = this.q.get.get(id) as Row | undefined;
    return r ? (JSON.parse(r.doc as string) as Draw) : null;
  }

  async listDraws(): Promise<Draw[]> {
    return (this.q.list.all() as Row[]).map((r) => JSON.parse(r.doc as string) as Draw);
  }

  async saveSeed(drawId: string, round: number, seedHex: string): Promise<void> {
    this.q.saveSeed.run(drawId, round, seedHex);
  }

  async getSeed(drawId: string, round: number): Promise<string | null> {
    const r = this.q.getSeed.get(drawId, round) as Row | undefined;
    return r ? (r.seed as string) : null;
  }

  async enter(drawId: string, fanId: string, entries: number, ticketsPerEntry: number, key: string, now: number): Promise<{ replayed: boolean }> {
    return this.enterTx(drawId, fanId, entries, entries * ticketsPerEntry, key, now);
  }

  async entries(drawId: string): Promise<DrawEntry[]> {
    return (this.q.entries.all(drawId) as Row[]).map((r) => ({ fanId: r.fan_id as string, entries: r.n as number }));
  }

  async entriesOf(fanId: string): Promise<{ drawId: string; entries: number }[]> {
    return (this.q.entriesOf.all(fanId) as Row[]).map((r) => ({ drawId: r.draw_id as string, entries: r.n as number }));
  }

  async claim(c: Omit<PrizeClaim, 'claimedAt'>, key: string, now: number): Promise<{ claim: PrizeClaim; replayed: boolean }> {
    return this.db.transaction(() => {
      const seen = this.q.claimGet.get(c.drawId, c.fanId, c.prizeId) as Row | undefined;
      if (seen) {
        if (seen.key !== key) throw new AppError('IDEMPOTENCY_MISMATCH', 'this prize was already claimed');
        return { claim: JSON.parse(seen.doc as string) as PrizeClaim, replayed: true };
      }
      const claim: PrizeClaim = { ...c, claimedAt: now };
      this.q.claimPut.run(c.drawId, c.fanId, c.prizeId, JSON.stringify(claim), key, now);
      return { claim, replayed: false };
    }).immediate();
  }

  async claims(drawId: string): Promise<PrizeClaim[]> {
    return (this.q.claims.all(drawId) as Row[]).map((r) => JSON.parse(r.doc as string) as PrizeClaim);
  }
}
