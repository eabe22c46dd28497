import { newCompletions, type Completion, type DrawStore, type ShowcaseStore } from '@snowstage/commerce';
import { AppError, pick, type Booth, type Passport, type PublicBooth, type ShowcaseContent } from '@snowstage/protocol';

export interface Granted {
  questId: string;
  tickets: number;
}

/**
 * The Cloud Showcase's game rules on the server: it records what it sees (a fan at a booth, a
 * graded quiz answer, a check-in) and pays the quests those facts complete — never on a client's
 * word that it finished something.
 */
export class ShowcaseService {
  private readonly booths: Map<string, Booth>;

  constructor(
    private readonly content: ShowcaseContent,
    private readonly store: ShowcaseStore,
    private readonly draws: DrawStore,
    private readonly now: () => number,
  ) {
    this.booths = new Map(content.booths.map((b) => [b.id, b]));
  }

  /** The hall as browsers get it: every quiz without its answer. */
  publicContent(): Omit<ShowcaseContent, 'booths'> & { booths: PublicBooth[] } {
    return { ...this.content, booths: this.content.booths.map(({ quiz: { answer: _answer, ...quiz }, ...b }) => ({ ...b, quiz })) };
  }

  booth(id: string): Booth {
    const b = this.booths.get(id);
    if (!b) throw new AppError('BOOTH_NOT_FOUND', id);
    return b;
  }

  async visit(fanId: string, boothId: string): Promise<{ passport: Passport; granted: Granted[] }> {
    this.booth(boothId);
    await this.store.recordVisit(fanId, boothId, this.now());
    return this.settle(fanId);
  }

  async answer(fanId: string, boothId: string, choice: number): Promise<{ correct: boolean; answer: number; passport: Passport; granted: Granted[] }> {
    const booth = this.booth(boothId);
    if (choice >= booth.quiz.options.length) throw new AppError('INVALID_MESSAGE', `choice must be 0-${booth.quiz.options.length - 1}`);
    const correct = choice === booth.quiz.answer;
    if (!(await this.store.recordQuizAnswer(fanId, boothId, choice, correct, this.now()))) throw new AppError('QUIZ_ANSWERED', boothId);
    return { correct, answer: booth.quiz.answer, ...(await this.settle(fanId)) };
  }

  checkin(fanId: string): Promise<{ passport: Passport; granted: Granted[] }> {
    return this.settle(fanId, true);
  }

  /** Pays whatever the recorded facts now complete, then reads the passport back. */
  private async settle(fanId: string, checkingIn = false): Promise<{ passport: Passport; granted: Granted[] }> {
    const fan = await this.store.fan(fanId);
    const due: Completion[] = newCompletions(
      this.content.quests,
      this.content.booths,
      {
        visited: new Set(fan.visited),
        quizzes: new Map(fan.quizzes.map((q) => [q.boothId, q.correct])),
        paid: new Set(fan.completions.map((c) => `${c.questId}@${c.period}`)),
      },
      this.now(),
      checkingIn,
    );
    const paid = due.length > 0 ? await this.store.payQuests(fanId, due, this.now()) : [];
    return { passport: await this.passport(fanId), granted: paid.map((c) => ({ questId: c.questId, tickets: c.tickets })) };
  }

  async passport(fanId: string): Promise<Passport> {
    const fan = await this.store.fan(fanId);
    const earned = fan.completions.reduce((n, c) => n + c.tickets, 0);
    const entries = await this.draws.entriesOf(fanId);
    const prizes: Passport['prizes'] = [];
    for (const draw of await this.draws.listDraws()) {
      const won = draw.rounds.flatMap((r) => r.winners ?? []).filter((w) => w.fanId === fanId);
      if (won.length === 0) continue;
      const claimed = new Set((await this.draws.claims(draw.id)).filter((c) => c.fanId === fanId).map((c) => c.prizeId));
      for (const w of won) {
        const prize = draw.prizes.find((p) => p.id === w.prizeId);
        if (prize) prizes.push({ drawId: draw.id, prizeId: w.prizeId, name: prize.name, claimed: claimed.has(w.prizeId) });
      }
    }
    return {
      fanId,
      stamps: fan.visited,
      quizzes: fan.quizzes,
      quests: fan.completions.map((c) => ({ questId: c.questId, completedAt: c.at, tickets: c.tickets })),
      tickets: Math.max(0, earned - fan.spent),
      entries,
      prizes,
    };
  }

  /** A booth's story as the tour guide tells it. */
  story(boothId: string, lang: 'zh' | 'en'): string {
    const b = this.booth(boothId);
    return `${pick(b.partner, lang)}${lang === 'zh' ? '：' : ': '}${pick(b.story, lang)}`;
  }
}
