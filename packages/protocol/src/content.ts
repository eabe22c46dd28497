import { z } from 'zod';
import { LocalizedText } from './i18n.js';
import { Slug } from './ids.js';

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
  avoidTopics: z.array(LocalizedText),
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
