import { join } from 'node:path';
import type { FlashSale } from '@snowstage/protocol';
import { loadContent } from '../../packages/server/src/content.js';
import { Faq, Schedule } from '@snowstage/protocol';
import { readFileSync } from 'node:fs';

/** Thursday 15 January 2026, 20:30 in Beijing: the evening show is live and a flash sale starts at 21:00. */
export const EVAL_NOW = Date.UTC(2026, 0, 15, 12, 30);

export function evalContent(root: string) {
  const dir = join(root, 'content');
  const content = loadContent(dir);
  const faq = Faq.parse(JSON.parse(readFileSync(join(dir, 'faq.json'), 'utf8')));
  const schedule = Schedule.parse(JSON.parse(readFileSync(join(dir, 'schedule.json'), 'utf8')));
  const sale: FlashSale = {
    id: 'eval-sale',
    roomId: 'main',
    productId: 'xue-dundun-plush',
    variantId: '20cm',
    salePrice: { amount: 9900, currency: 'CNY' },
    listPrice: { amount: 12800, currency: 'CNY' },
    quantity: 100,
    sold: 0,
    perBuyerLimit: 2,
    startsAt: Date.UTC(2026, 0, 15, 13, 0),
    endsAt: Date.UTC(2026, 0, 15, 13, 10),
    status: 'scheduled',
  };
  const pinned = Object.fromEntries(content.rooms.rooms.map((r) => [r.id, r.pinned]));
  return { content, faq, schedule, sale, pinned };
}
