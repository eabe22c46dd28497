import { join } from 'node:path';
import { loadContent } from '../../packages/server/src/content.js';
import { plushSale, T0 } from '../../packages/brain/src/testing/fixtures.js';

/** Thursday 15 January 2026, 20:30 in Beijing: the evening show is live and a flash sale starts at 21:00. */
export const EVAL_NOW = T0;

/** The demo content as the server loads it, with the plush flash sale the brain's unit tests use. */
export function evalContent(root: string) {
  const content = loadContent(join(root, 'content'));
  const pinned = Object.fromEntries(content.rooms.rooms.map((r) => [r.id, r.pinned]));
  return { content, faq: content.faq, schedule: content.schedule, sale: plushSale({ id: 'eval-sale' }), pinned };
}
