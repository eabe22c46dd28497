import type { ChatLine, HostMode, Lang } from '@snowstage/protocol';
import { normalize } from '../text/normalize.js';
import { cjkBigrams, englishTerms } from '../text/tokenizer.js';
import type { Intent } from '../types.js';

/** A chat line as the selector sees it: classified (synchronously) by the brain. */
export interface Classified {
  intent: Intent;
  products: string[];
  lang: Lang;
}

/** What to answer next: one comment, or a group of near-duplicates answered once. */
export interface Selection {
  primary: ChatLine;
  /** Every line this answer covers (the primary first); more than one means "many of you ask…". */
  lines: ChatLine[];
  intent: Intent;
  productId: string | null;
  lang: Lang;
  /** How many different viewers asked. */
  askers: number;
  score: number;
}

export interface SelectorState {
  /** Message ids already answered or skipped. */
  handled: Set<string>;
  /** When each viewer was last answered. */
  answeredAt: Map<string, number>;
  /** Answers per viewer in the fairness window. */
  answers: Map<string, number[]>;
  lastAnswerAt: number;
}

export function initialSelectorState(): SelectorState {
  return { handled: new Set(), answeredAt: new Map(), answers: new Map(), lastAnswerAt: -Infinity };
}

/** A chat line with its classification (classify once, when it arrives). */
export interface ClassifiedLine {
  line: ChatLine;
  c: Classified;
}

export interface SelectorOptions {
  /** The moderation blocklist (true = never answer). */
  blocked: (text: string) => boolean;
  pinned: readonly string[];
  /** Ignore comments older than this. @default 90000 */
  maxAgeMs?: number;
  /** Fairness window: viewers answered within it rank lower. @default 600000 */
  fairnessMs?: number;
}

/** Minimum quiet between two answered comments, per mode; null = do not answer comments in this mode. */
export const ANSWER_GAP_MS: Record<HostMode, number | null> = {
  qa: 0,
  idle: 0,
  pitch: 15_000,
  tour: 20_000,
  talkshow: 30_000,
  saleHype: 8_000,
  draw: 20_000,
  dance: null,
  paused: null,
};

/** Only these are answered during sale hype: the sale is all that matters then. */
const SALE_INTENTS: ReadonlySet<Intent> = new Set(['price', 'stock', 'saleTiming', 'purchase', 'size']);
const QUESTIONS: ReadonlySet<Intent> = new Set([
  'price', 'stock', 'size', 'material', 'shipping', 'returns', 'authenticity', 'saleTiming', 'schedule',
  'comparison', 'recommendation', 'productInfo', 'funFact', 'aboutHost',
]);

/** Rank class: purchase intent and pinned-product questions first, then questions, then the rest. */
function baseScore(c: Classified, pinned: readonly string[]): number {
  if (c.intent === 'abusive') return -1;
  if (c.intent === 'purchase') return 40;
  if (QUESTIONS.has(c.intent) && c.products.some((p) => pinned.includes(p))) return 38;
  if (c.intent === 'complaint') return 32;
  if (QUESTIONS.has(c.intent)) return 30;
  if (c.intent === 'dance') return 22;
  if (c.intent === 'greeting' || c.intent === 'compliment') return 12;
  return 5; // off-topic
}

const INJECTION = /ignore (your|all|previous)|system prompt|\[system\]|developer mode|you are now|忽略.{0,6}(规则|指令)|系统提示|管理员|假装你是/i;

function similarity(a: string, b: string): number {
  const ta = new Set([...cjkBigrams(normalize(a)), ...englishTerms(a)]);
  const tb = new Set([...cjkBigrams(normalize(b)), ...englishTerms(b)]);
  if (ta.size === 0 || tb.size === 0) return 0;
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / (ta.size + tb.size - inter);
}

/** Two comments ask the same thing: same intent and product, or nearly the same words. */
function sameQuestion(x: { line: ChatLine; c: Classified }, y: { line: ChatLine; c: Classified }): boolean {
  if (x.c.intent !== y.c.intent) return false;
  if (!QUESTIONS.has(x.c.intent) && x.c.intent !== 'purchase') return similarity(x.line.text, y.line.text) >= 0.6;
  const px = x.c.products[0] ?? null;
  const py = y.c.products[0] ?? null;
  if (px && py) return px === py;
  if (!px && !py) return similarity(x.line.text, y.line.text) >= 0.25 || ['shipping', 'returns', 'authenticity', 'saleTiming', 'schedule'].includes(x.c.intent);
  return false;
}

/**
 * Picks the next comment to answer (pure; the clock comes in as `now`). Skips blocked, abusive, handled
 * and stale lines; ranks purchase intent and pinned-product questions first, then other questions, then
 * greetings and compliments; merges near-duplicates from several viewers into one answer; prefers
 * viewers not answered lately; and keeps the pace the mode allows. Returns null when nothing is due.
 */
export function selectComment(state: SelectorState, chat: readonly ClassifiedLine[], mode: HostMode, now: number, opts: SelectorOptions): Selection | null {
  const gap = ANSWER_GAP_MS[mode];
  if (gap === null || now - state.lastAnswerAt < gap) return null;
  const maxAge = opts.maxAgeMs ?? 90_000;
  const fairness = opts.fairnessMs ?? 600_000;
  const live = chat
    .filter(({ line: l }) => !state.handled.has(l.id) && now - l.at <= maxAge && l.role === 'viewer')
    .filter(({ line: l }) => !opts.blocked(l.text))
    .filter((x) => x.c.intent !== 'abusive')
    .filter((x) => mode !== 'saleHype' || SALE_INTENTS.has(x.c.intent));
  if (live.length === 0) return null;

  // Group near-duplicates; the earliest line of a group speaks for it.
  const groups: { items: typeof live }[] = [];
  for (const x of [...live].sort((a, b) => a.line.at - b.line.at)) {
    const g = groups.find((gr) => sameQuestion(gr.items[0]!, x));
    if (g) g.items.push(x);
    else groups.push({ items: [x] });
  }

  let best: Selection | null = null;
  for (const g of groups) {
    const viewers = new Set(g.items.map((x) => x.line.viewerId));
    // The primary is the asker answered least recently (fairness within the group).
    const primary = [...g.items].sort((a, b) => (state.answeredAt.get(a.line.viewerId) ?? -Infinity) - (state.answeredAt.get(b.line.viewerId) ?? -Infinity) || a.line.at - b.line.at)[0]!;
    let score = baseScore(primary.c, opts.pinned);
    score += Math.min(10, (viewers.size - 1) * 3); // popular questions rise
    const recent = (state.answers.get(primary.line.viewerId) ?? []).filter((t) => now - t < fairness).length;
    score -= recent * 6; // fairness: each recent answer to this viewer costs a place
    score -= (now - primary.line.at) / 10_000; // fresher first
    if (INJECTION.test(primary.line.text)) score -= 20;
    if (!best || score > best.score)
      best = {
        primary: primary.line,
        lines: [primary.line, ...g.items.filter((x) => x !== primary).map((x) => x.line)],
        intent: primary.c.intent,
        productId: primary.c.products[0] ?? null,
        lang: primary.c.lang,
        askers: viewers.size,
        score,
      };
  }
  return best;
}

/** Records that a selection was answered (or skipped, with `answered` false). */
export function markHandled(state: SelectorState, sel: Pick<Selection, 'lines' | 'primary'>, now: number, answered = true): void {
  for (const l of sel.lines) state.handled.add(l.id);
  if (!answered) return;
  state.lastAnswerAt = now;
  for (const viewer of new Set(sel.lines.map((l) => l.viewerId))) {
    state.answeredAt.set(viewer, now);
    const list = (state.answers.get(viewer) ?? []).filter((t) => now - t < 3_600_000);
    list.push(now);
    state.answers.set(viewer, list);
  }
  if (state.handled.size > 4000) {
    const keep = [...state.handled].slice(-2000);
    state.handled = new Set(keep);
  }
}
