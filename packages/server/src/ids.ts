import { randomBytes } from 'node:crypto';

let last = 0;
let counter = 0;

/**
 * Time-ordered, collision-resistant ids such as `o_lx3k9a0012_f3k2j9` (prefix, base36 ms + counter, random).
 * Sorting ids sorts by creation time within one process.
 */
export function newId(prefix: string): string {
  const now = Date.now();
  counter = now === last ? counter + 1 : 0;
  last = now;
  const time = now.toString(36) + counter.toString(36).padStart(3, '0');
  return `${prefix}_${time}_${randomBytes(6).toString('base64url')}`;
}
