import type { Booth, Quest } from '@snowstage/protocol';

/** What the server has seen a fan do (never what the fan claims). */
export interface FanFacts {
  visited: ReadonlySet<string>;
  /** Booth id → whether the fan's one graded answer was right. */
  quizzes: ReadonlyMap<string, boolean>;
  /** Quest completions already paid, as `questId@period`. */
  paid: ReadonlySet<string>;
}

export interface Completion {
  questId: string;
  /** "once" for one-off quests; the calendar day (YYYY-MM-DD, Asia/Shanghai) for daily ones. */
  period: string;
  tickets: number;
}

/** The calendar day in China (UTC+8, no daylight saving) of a room-clock time. */
export function chinaDay(now: number): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The quests a fan has newly completed, judged only from recorded facts. Each quest pays once per
 * period ("once", or per day for check-ins), so replaying a visit or an answer never pays twice.
 * `checkingIn` is true only when the fan asks to check in now.
 */
export function newCompletions(quests: readonly Quest[], booths: readonly Booth[], facts: FanFacts, now: number, checkingIn = false): Completion[] {
  const out: Completion[] = [];
  for (const q of quests) {
    const period = q.rule.kind === 'checkin' ? chinaDay(now) : 'once';
    if (facts.paid.has(`${q.id}@${period}`)) continue;
    if (isComplete(q, booths, facts, checkingIn)) out.push({ questId: q.id, period, tickets: q.tickets });
  }
  return out;
}

function isComplete(q: Quest, booths: readonly Booth[], facts: FanFacts, checkingIn: boolean): boolean {
  const rule = q.rule;
  switch (rule.kind) {
    case 'visitBooths':
      return booths.filter((b) => facts.visited.has(b.id)).length >= rule.count;
    case 'quiz':
      return facts.quizzes.get(rule.boothId) === true;
    case 'stamps': {
      const inCategory = booths.filter((b) => b.category === rule.category);
      return inCategory.length > 0 && inCategory.every((b) => facts.visited.has(b.id));
    }
    case 'checkin':
      return checkingIn;
  }
}
