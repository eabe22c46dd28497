import { describe, expect, it } from 'vitest';
import { intIn, parseDraw, parseSale, parseWords, stockLine, toggleLineup, yuanToFen } from './forms.js';

describe('yuanToFen', () => {
  it('turns what an operator types in yuan into whole fen without float error', () => {
    expect(yuanToFen('88')).toBe(8800);
    expect(yuanToFen('19.99')).toBe(1999); // 19.99 * 100 is 1998.9999… as a float
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen(' ¥1,288.5 ')).toBe(128850);
    expect(yuanToFen('0')).toBe(0);
  });
  it('refuses negatives, three decimals and text', () => {
    for (const bad of ['-1', '1.999', 'abc', '', '1e3', '.5']) expect(yuanToFen(bad), bad).toBeNull();
  });
});

describe('intIn', () => {
  it('accepts whole numbers in range only', () => {
    expect(intIn('10', 10, 300)).toBe(10);
    expect(intIn('301', 10, 300)).toBeNull();
    expect(intIn('9', 10, 300)).toBeNull();
    expect(intIn('12.5', 10, 300)).toBeNull();
  });
});

const sale = { productId: 'xue-dundun-mug', variantId: 'std', salePrice: '49.90', countdownS: '30', durationS: '120', quantity: '50', perBuyerLimit: '2' };

describe('parseSale', () => {
  it('builds the scheduleSale message with the price in fen', () => {
    expect(parseSale(sale)).toEqual({
      ok: true,
      value: { type: 'scheduleSale', productId: 'xue-dundun-mug', variantId: 'std', countdownS: 30, durationS: 120, salePrice: 4990, quantity: 50, perBuyerLimit: 2 },
    });
  });
  it('names the field that is wrong', () => {
    expect(parseSale({ ...sale, salePrice: 'free' })).toEqual({ ok: false, field: 'salePrice' });
    expect(parseSale({ ...sale, countdownS: '301' })).toEqual({ ok: false, field: 'countdownS' });
    expect(parseSale({ ...sale, durationS: '5' })).toEqual({ ok: false, field: 'durationS' });
    expect(parseSale({ ...sale, quantity: '0' })).toEqual({ ok: false, field: 'quantity' });
    expect(parseSale({ ...sale, perBuyerLimit: '101' })).toEqual({ ok: false, field: 'perBuyerLimit' });
    expect(parseSale({ ...sale, productId: 'Not A Slug' })).toEqual({ ok: false, field: 'productId' });
  });
});

describe('parseDraw', () => {
  const input = { titleZh: '冬奥好礼', titleEn: '', prizes: [{ zh: '冰墩墩', en: 'Bing Dwen Dwen', quantity: '3' }], openMinutes: '10', ticketsPerEntry: '1', maxWinsPerFan: '1' };
  it('opens the draw now in the room, closing after the given minutes', () => {
    const r = parseDraw(input, 'main', 1_000_000);
    expect(r).toEqual({
      ok: true,
      value: {
        title: { zh: '冬奥好礼', en: '冬奥好礼' },
        prizes: [{ id: 'prize-1', name: { zh: '冰墩墩', en: 'Bing Dwen Dwen' }, quantity: 3 }],
        opensAt: 1_000_000,
        closesAt: 1_000_000 + 600_000,
        ticketsPerEntry: 1,
        maxWinsPerFan: 1,
        roomId: 'main',
      },
    });
  });
  it('sends whole milliseconds when the room clock has a fraction', () => {
    const r = parseDraw(input, 'main', 1_000_000.7);
    expect(r.ok && [r.value.opensAt, r.value.closesAt]).toEqual([1_000_001, 1_600_001]);
  });
  it('needs a title, named prizes with quantities', () => {
    expect(parseDraw({ ...input, titleZh: ' ' }, 'main', 0)).toEqual({ ok: false, field: 'title' });
    expect(parseDraw({ ...input, prizes: [] }, 'main', 0)).toEqual({ ok: false, field: 'prizes' });
    expect(parseDraw({ ...input, prizes: [{ zh: '', en: '', quantity: '1' }] }, 'main', 0)).toEqual({ ok: false, field: 'prize0' });
    expect(parseDraw({ ...input, prizes: [{ zh: 'x', en: '', quantity: '0' }] }, 'main', 0)).toEqual({ ok: false, field: 'prizeQty0' });
  });
});

describe('parseWords and toggleLineup', () => {
  it('reads one word per line, dropping blanks and repeats', () => {
    expect(parseWords(' 刷单 \n\nspam\r\n刷单\n')).toEqual(['刷单', 'spam']);
  });
  it('keeps the line-up in the order products were ticked', () => {
    expect(toggleLineup(toggleLineup(toggleLineup([], 'b'), 'a'), 'b')).toEqual(['a']);
    expect(toggleLineup(['a'], 'c')).toEqual(['a', 'c']);
  });
});

describe('stockLine', () => {
  const v = (id: string, stock: number) => ({ id, label: { zh: id.toUpperCase() + '码', en: id.toUpperCase() }, stock });
  it('lists the lowest stock first and caps the list', () => {
    const p = { variants: [v('s', 9), v('m', 2), v('l', 0), v('xl', 5)] };
    expect(stockLine(p, 'en')).toBe('L 0 · M 2 · XL 5 · S 9');
    expect(stockLine(p, 'en', 2)).toBe('L 0 · M 2 · +2 more');
    expect(stockLine(p, 'zh', 3)).toBe('L码 0 · M码 2 · XL码 5 · 另有 1 个规格');
  });
});
