import { z } from 'zod';
import { LocalizedText } from './i18n.js';
import { Slug } from './ids.js';

/**
 * A subject the host stays out of: its name (for the LLM prompt), the words that give it away in a
 * comment (for the embedded brain; Latin words match whole words) and what she says instead.
 */
export const AvoidTopic = LocalizedText.extend({
  keywords: z.object({ zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }),
  reply: LocalizedText,
});
export type AvoidTopic = z.infer<typeof AvoidTopic>;

/** The virtual host's character. Loaded from content/persona.json and validated at start-up. */
export const Persona = z.object({
  id: Slug,
  name: LocalizedText,
  age: z.number().int().positive(),
  hometown: LocalizedText,
  personality: z.array(LocalizedText).min(1),
  speakingStyle: LocalizedText,
  catchphrases: z.object({ zh: z.array(z.string()).min(1), en: z.array(z.string()).min(1) }),
  likes: z.array(LocalizedText),
  avoidTopics: z.array(AvoidTopic),
  greeting: LocalizedText,
});
export type Persona = z.infer<typeof Persona>;

/** One winter-sports fun fact for the talk show, with an optional quiz question to the audience. */
export const FunFact = z.object({
  id: Slug,
  sport: z.string(),
  fact: LocalizedText,
  quiz: z
    .object({ question: LocalizedText, answer: LocalizedText })
    .optional(),
});
export type FunFact = z.infer<typeof FunFact>;
export const FunFacts = z.object({ facts: z.array(FunFact).min(1) });

/** Words that may not appear in chat, in both languages. Matching is case- and width-insensitive. */
export const Blocklist = z.object({ zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
export type Blocklist = z.infer<typeof Blocklist>;

/** What an FAQ entry is about; the brain routes intents to topics. */
export const FAQ_TOPICS = ['shipping', 'returns', 'authenticity', 'payment', 'order', 'stock', 'sale', 'gift', 'size', 'care', 'material'] as const;
export const FaqTopic = z.enum(FAQ_TOPICS);
export type FaqTopic = z.infer<typeof FaqTopic>;

/** One shop policy answer (shipping, returns, authenticity …) with the words viewers use to ask it. */
export const FaqEntry = z.object({
  id: Slug,
  topic: FaqTopic,
  question: LocalizedText,
  answer: LocalizedText,
  keywords: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

const range = z.tuple([z.number().positive(), z.number().positive()]);
/** One size of a size chart with the body measurements it fits (ranges are [from, to]). */
export const SizeChartRow = z.object({
  size: z.string().min(1),
  heightCm: range.optional(),
  weightKg: range.optional(),
  chestCm: z.number().positive().optional(),
  palmCm: range.optional(),
});
export type SizeChartRow = z.infer<typeof SizeChartRow>;

/** A size chart shared by some products, smallest size first. */
export const SizeChart = z.object({
  id: Slug,
  name: LocalizedText,
  products: z.array(Slug).min(1),
  rows: z.array(SizeChartRow).min(1),
  note: LocalizedText,
});
export type SizeChart = z.infer<typeof SizeChart>;

/** content/faq.json: shop policies and size charts, for the brain's answers. */
export const Faq = z.object({ entries: z.array(FaqEntry).min(1), sizeCharts: z.array(SizeChart).default([]) });
export type Faq = z.infer<typeof Faq>;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

/** A recurring live show: which room, on which weekdays, from what local time, for how long. */
export const ScheduledShow = z.object({
  id: Slug,
  roomId: Slug,
  title: LocalizedText,
  days: z.array(Weekday).min(1),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour'),
  durationMin: z.number().int().positive().max(24 * 60),
  highlight: LocalizedText,
});
export type ScheduledShow = z.infer<typeof ScheduledShow>;

/** content/schedule.json: the show schedule in one IANA time zone (e.g. Asia/Shanghai). */
export const Schedule = z.object({ timezone: z.string().min(1), shows: z.array(ScheduledShow) });
export type Schedule = z.infer<typeof Schedule>;

/**
 * A song the host dances to. The project synthesises its demo songs itself (no downloads): `bpm`,
 * `bars` and `seed` drive the generator; the beat tracker then finds the beats the dance follows.
 */
export const Song = z.object({
  id: Slug,
  title: LocalizedText,
  bpm: z.number().min(60).max(200),
  bars: z.number().int().min(4).max(128),
  seed: z.number().int().nonnegative(),
});
export type Song = z.infer<typeof Song>;
export const Songs = z.object({ songs: z.array(Song).min(1) });
