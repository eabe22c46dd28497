import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { Blocklist, Catalog, Faq, FunFacts, LocalizedText, Persona, Schedule, ShowcaseContent, Slug, Songs } from '@snowstage/protocol';

export const RoomsFile = z.object({
  rooms: z.array(z.object({ id: Slug, title: LocalizedText, pinned: z.array(Slug).max(3).default([]) })).min(1),
});

export interface Content {
  catalog: Catalog;
  persona: Persona;
  funFacts: z.infer<typeof FunFacts>;
  blocklist: Blocklist;
  rooms: z.infer<typeof RoomsFile>;
  faq: z.infer<typeof Faq>;
  schedule: z.infer<typeof Schedule>;
  showcase: ShowcaseContent;
  songs: z.infer<typeof Songs>;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

function load<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = resolve(join(dir, file));
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ContentError(`${path}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ContentError(`${path} is not valid:\n${first.join('\n')}`);
  }
  return parsed.data;
}

/** Loads and validates every content file; throws ContentError naming the file and the field. */
export function loadContent(dir: string): Content {
  const content: Content = {
    catalog: load(dir, 'catalog.json', Catalog),
    persona: load(dir, 'persona.json', Persona),
    funFacts: load(dir, 'funfacts.json', FunFacts),
    blocklist: load(dir, 'blocklist.json', Blocklist),
    rooms: load(dir, 'rooms.json', RoomsFile),
    faq: load(dir, 'faq.json', Faq),
    schedule: load(dir, 'schedule.json', Schedule),
    showcase: load(dir, 'showcase.json', ShowcaseContent),
    songs: load(dir, 'songs.json', Songs),
  };
  const ids = new Set(content.catalog.products.map((p) => p.id));
  for (const room of content.rooms.rooms)
    for (const id of room.pinned) if (!ids.has(id)) throw new ContentError(`rooms.json: room ${room.id} pins unknown product ${id}`);
  const booths = new Set(content.showcase.booths.map((b) => b.id));
  const categories = new Set(content.showcase.booths.map((b) => b.category));
  for (const b of content.showcase.booths)
    if (b.quiz.answer >= b.quiz.options.length) throw new ContentError(`showcase.json: booth ${b.id}: the quiz answer is not one of its options`);
  for (const q of content.showcase.quests) {
    if (q.rule.kind === 'quiz' && !booths.has(q.rule.boothId)) throw new ContentError(`showcase.json: quest ${q.id} names unknown booth ${q.rule.boothId}`);
    if (q.rule.kind === 'stamps' && !categories.has(q.rule.category)) throw new ContentError(`showcase.json: quest ${q.id} names unknown category ${q.rule.category}`);
    if (q.rule.kind === 'visitBooths' && q.rule.count > booths.size) throw new ContentError(`showcase.json: quest ${q.id} asks for more booths than there are`);
  }
  return content;
}
