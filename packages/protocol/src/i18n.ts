import { z } from 'zod';

/** The two languages every user-facing text ships in. */
export const Lang = z.enum(['zh', 'en']);
export type Lang = z.infer<typeof Lang>;

/** A text given in both languages. Use for every name, description and UI string stored as data. */
export const LocalizedText = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Picks the text for `lang`, falling back to the other language when one is empty. */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text[lang === 'zh' ? 'en' : 'zh'];
}
