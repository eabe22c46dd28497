import { z } from 'zod';
import { LocalizedText } from './i18n.js';
import { EpochMs, IdempotencyKey, Slug } from './ids.js';

/**
 * The Cloud Showcase: a virtual exhibition generated from data (content/showcase.json) — partner
 * booths with exhibits and a quiz, a timeline exhibit, and quests that earn draw tickets.
 */

/** What stands on a plinth: a picture (inline SVG made from shapes and text) or a 3D primitive. */
export const Exhibit = z.object({
  id: Slug,
  title: LocalizedText,
  text: LocalizedText,
  kind: z.enum(['image', 'primitive']),
  /** For primitives: the shape the hall builds. */
  shape: z.enum(['box', 'sphere', 'cylinder', 'cone', 'torus', 'medal', 'ski', 'puck', 'torch', 'snowflake']).optional(),
  /** For images: a small self-contained SVG document (no scripts, no external references). */
  svg: z.string().max(20_000).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Exhibit = z.infer<typeof Exhibit>;

export const BoothQuiz = z.object({
  question: LocalizedText,
  options: z.array(LocalizedText).min(2).max(4),
  /** Index of the right option; never sent to browsers. */
  answer: z.number().int().nonnegative(),
});
export type BoothQuiz = z.infer<typeof BoothQuiz>;

export const Booth = z.object({
  id: Slug,
  partner: LocalizedText,
  /** Booths of one category share a stamp quest ("collect every sportswear stamp"). */
  category: Slug,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** A short wordmark the hall draws as the partner's logo (2–12 characters). */
  logoText: z.string().min(1).max(12),
  tagline: LocalizedText,
  story: LocalizedText,
  exhibits: z.array(Exhibit).min(3).max(6),
  quiz: BoothQuiz,
});
export type Booth = z.infer<typeof Booth>;

export const Milestone = z.object({ date: z.string().regex(/^\d{4}(-\d{2})?$/), title: LocalizedText, text: LocalizedText });
export const TimelineExhibit = z.object({ id: Slug, company: LocalizedText, title: LocalizedText, color: z.string().regex(/^#[0-9a-fA-F]{6}$/), milestones: z.array(Milestone).min(4) });
export type TimelineExhibit = z.infer<typeof TimelineExhibit>;

/** A quest: the server decides completion from what it saw (visits it recorded, answers it graded). */
export const Quest = z.object({
  id: Slug,
  title: LocalizedText,
  description: LocalizedText,
  tickets: z.number().int().positive().max(100),
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('visitBooths'), count: z.number().int().positive() }),
    z.object({ kind: z.literal('quiz'), boothId: Slug }),
    z.object({ kind: z.literal('stamps'), category: Slug }),
    /** Once per calendar day (Asia/Shanghai). */
    z.object({ kind: z.literal('checkin') }),
  ]),
});
export type Quest = z.infer<typeof Quest>;

export const ShowcaseContent = z.object({
  title: LocalizedText,
  booths: z.array(Booth).min(8),
  timeline: TimelineExhibit,
  quests: z.array(Quest).min(1),
});
export type ShowcaseContent = z.infer<typeof ShowcaseContent>;

/** A booth as browsers get it: the quiz without its answer. */
export type PublicBooth = Omit<Booth, 'quiz'> & { quiz: Omit<BoothQuiz, 'answer'> };

/** A fan's progress, as the passport page shows it. */
export const Passport = z.object({
  fanId: z.string(),
  stamps: z.array(Slug),
  quizzes: z.array(z.object({ boothId: Slug, correct: z.boolean() })),
  quests: z.array(z.object({ questId: Slug, completedAt: EpochMs, tickets: z.number().int() })),
  /** Tickets earned minus tickets spent on draw entries. */
  tickets: z.number().int().nonnegative(),
  entries: z.array(z.object({ drawId: z.string(), entries: z.number().int().positive() })),
  prizes: z.array(z.object({ drawId: z.string(), prizeId: Slug, name: LocalizedText, claimed: z.boolean() })),
});
export type Passport = z.infer<typeof Passport>;

export const VisitRequest = z.object({ boothId: Slug }).strict();
export const QuizAnswer = z.object({ boothId: Slug, choice: z.number().int().min(0).max(3) }).strict();

// ── lucky draws ──────────────────────────────────────────────────────────────

export const DrawPrize = z.object({ id: Slug, name: LocalizedText, quantity: z.number().int().positive().max(100_000) });
export type DrawPrize = z.infer<typeof DrawPrize>;

export const DrawPlan = z
  .object({
    title: LocalizedText,
    prizes: z.array(DrawPrize).min(1).max(50),
    opensAt: EpochMs,
    closesAt: EpochMs,
    ticketsPerEntry: z.number().int().positive().max(100).default(1),
    maxWinsPerFan: z.number().int().positive().max(100).default(1),
    /** Winners must claim (give a shipping address) before this; unclaimed prizes can be redrawn. */
    claimDays: z.number().int().positive().max(90).default(7),
    /** The live room where the host runs the draw on stage, if any. */
    roomId: Slug.optional(),
  })
  .refine((p) => p.closesAt > p.opensAt, { message: 'closesAt must be after opensAt', path: ['closesAt'] });
export type DrawPlan = z.infer<typeof DrawPlan>;

/** One fan's weight in a draw: how many entries they bought with tickets. */
export const DrawEntry = z.object({ fanId: z.string().regex(/^[\x21-\x7e]{1,64}$/, 'printable ASCII, 1-64 chars'), entries: z.number().int().positive() });
export type DrawEntry = z.infer<typeof DrawEntry>;

export const DrawWinner = z.object({ fanId: z.string(), prizeId: Slug, rank: z.number().int().nonnegative() });
export type DrawWinner = z.infer<typeof DrawWinner>;

/**
 * A round of a draw as published: commitment first; at close the frozen entries and their hash;
 * then the seed and the winners. Everything a verifier needs is here.
 */
export const DrawRound = z.object({
  round: z.number().int().nonnegative(),
  commitment: z.string().regex(/^[0-9a-f]{64}$/),
  /** Prizes this round gives out (round 0: all; later rounds: the unclaimed ones). */
  prizes: z.array(DrawPrize),
  entriesHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  seed: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  winners: z.array(DrawWinner).nullable(),
  drawnAt: EpochMs.nullable(),
  claimBy: EpochMs.nullable(),
});
export type DrawRound = z.infer<typeof DrawRound>;

export const DrawStatus = z.enum(['open', 'closed', 'drawn']);
export const Draw = z.object({
  id: z.string(),
  title: LocalizedText,
  prizes: z.array(DrawPrize),
  opensAt: EpochMs,
  closesAt: EpochMs,
  ticketsPerEntry: z.number().int().positive(),
  maxWinsPerFan: z.number().int().positive(),
  claimDays: z.number().int().positive(),
  roomId: Slug.nullable(),
  status: DrawStatus,
  rounds: z.array(DrawRound).min(1),
  createdAt: EpochMs,
});
export type Draw = z.infer<typeof Draw>;

/** Everything published about a draw, as one document: what `snowstage verify-draw` reads. */
export const DrawPublication = z.object({
  draw: Draw,
  /** The frozen entry list (sorted by fanId), the same for every round. */
  entries: z.array(DrawEntry),
  algorithm: z.literal('snowstage-draw-v1'),
});
export type DrawPublication = z.infer<typeof DrawPublication>;

export const EnterDrawRequest = z.object({ entries: z.number().int().positive().max(1000), key: IdempotencyKey }).strict();
export const ClaimRequest = z
  .object({
    prizeId: Slug,
    name: z.string().trim().min(1).max(40),
    phone: z.string().trim().regex(/^[0-9+\- ]{6,20}$/),
    address: z.string().trim().min(5).max(200),
    city: z.string().trim().min(1).max(40),
    key: IdempotencyKey,
  })
  .strict();
