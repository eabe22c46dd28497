import type { Product } from '@snowstage/protocol';

/** A small product for tests: a T-shirt with two sizes. */
export function tshirt(stock: { m?: number; l?: number } = {}): Product {
  return {
    id: 'tee',
    category: 'apparel',
    name: { zh: '雪墩墩T恤', en: 'Xue Dundun T-shirt' },
    description: { zh: '纯棉', en: 'Cotton' },
    aliases: { zh: ['T恤'], en: ['tee'] },
    price: { amount: 12900, currency: 'CNY' },
    color: '#4FC3F7',
    tags: [],
    variants: [
      { id: 'm', label: { zh: 'M码', en: 'M' }, size: 'M', stock: stock.m ?? 10 },
      { id: 'l', label: { zh: 'L码', en: 'L' }, size: 'L', stock: stock.l ?? 5 },
    ],
  };
}
