// Test-only helpers: the demo content from content/ and a shared tokenizer (jieba loads once per file).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog, Faq, FunFacts, Persona, Schedule, type ChatLine, type FlashSale } from '@snowstage/protocol';
import { EmbeddedBrain } from '../embedded/embedded-brain.js';
import { MemoryShop } from '../memory-shop.js';
import type { Knowledge } from '../ports.js';
import { jiebaTokenizer } from '../text/jieba.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Segment } from '../types.js';

const dir = fileURLToPath(new URL('../../../../content/', import.meta.url));
const read = (f: string) => JSON.parse(readFileSync(dir + f, 'utf8')) as unknown;

export const catalog = Catalog.parse(read('catalog.json'));
export const knowledge: Knowledge = {
  persona: Persona.parse(read('persona.json')),
  faq: Faq.parse(read('faq.json')),
  funFacts: FunFacts.parse(read('funfacts.json')).facts,
  schedule: Schedule.parse(read('schedule.json')),
};

let tok: Tokenizer | null = null;
export function tokenizer(): Tokenizer {
  return (tok ??= jiebaTokenizer());
}

/** Thursday 15 January 2026, 20:30 in Beijing. */
export const T0 = Date.UTC(2026, 0, 15, 12, 30);

export function plushSale(over: Partial<FlashSale> = {}): FlashSale {
  return {
    id: 'sale-1',
    roomId: 'main',
    productId: 'xue-dundun-plush',
    variantId: '20cm',
    salePrice: { amount: 9900, currency: 'CNY' },
    listPrice: { amount: 12800, currency: 'CNY' },
    quantity: 100,
    sold: 0,
    perBuyerLimit: 2,
    startsAt: T0 + 30 * 60_000,
    endsAt: T0 + 40 * 60_000,
    status: 'scheduled',
    ...over,
  };
}

export function demoShop(opts: { sale?: FlashSale } = {}): MemoryShop {
  return new MemoryShop(catalog.products, {
    pinned: { main: ['xue-dundun-plush', 'xue-dundun-tshirt', 'knit-scarf'] },
    sales: opts.sale ? [opts.sale] : [],
  });
}

export function demoBrain(shop = demoShop(), clock: () => number = () => T0, seed = 3): EmbeddedBrain {
  return new EmbeddedBrain({ facts: shop, knowledge, tokenizer: tokenizer(), clock, seed });
}

export async function collect(it: AsyncIterable<Segment>): Promise<Segment[]> {
  const out: Segment[] = [];
  for await (const s of it) out.push(s);
  return out;
}

export const textOf = (segs: Segment[]) => segs.map((s) => s.text).join(' ');

/** Money amounts (fen) spoken in a text. */
export function money(text: string): number[] {
  return [...text.matchAll(/[¥￥]\s?(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s?(?:元|块|yuan\b)/gi)].map((m) => Math.round(Number(m[1] ?? m[2]) * 100));
}

let lineId = 0;
export function chat(text: string, viewerId = 'v_viewer1', at = T0, nickname = 'Mia'): ChatLine {
  return { id: `m${++lineId}`, viewerId, nickname, role: 'viewer', text, at };
}
