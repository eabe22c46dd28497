import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { Blocklist, Catalog, FunFacts, LocalizedText, Persona, Slug } from '@snowstage/protocol';

export const RoomsFile = z.object({
  rooms: z.array(z.object({ id: Slug, title: LocalizedText, pinned: z.array(Slug).max(3).default([]) })).min(1),
});

export interface Content {
  catalog: Catalog;
  persona: Persona;
  funFacts: z.infer<typeof FunFacts>;
  blocklist: Blocklist;
  rooms: z.infer<typeof RoomsFile>;
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
  };
  const ids = new Set(content.catalog.products.map((p) => p.id));
  for (const room of content.rooms.rooms)
    for (const id of room.pinned) if (!ids.has(id)) throw new ContentError(`rooms.json: room ${room.id} pins unknown product ${id}`);
  return content;
}
