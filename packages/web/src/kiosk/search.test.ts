import { describe, expect, it } from 'vitest';
import { Catalog } from '@snowstage/protocol';
import raw from '../../../../content/catalog.json';
import { buildSearch, pinyinKeys } from './search.js';

const products = Catalog.parse(raw).products;
const search = buildSearch(products);
const ids = (q: string) => search.find(q).map((p) => p.id);

describe('kiosk search', () => {
  it('finds by Chinese, English and aliases', () => {
    expect(ids('雪墩墩')[0]).toMatch(/^xue-dundun/);
    expect(ids('Tote')).toContain('canvas-tote-bag');
    expect(ids('lantern')).toContain('deng-bao-plush');
  });

  it('is pinyin-insensitive: full pinyin or initials, any case or spacing', () => {
    expect(pinyinKeys('雪墩墩')).toEqual(['xuedundun', 'xdd']);
    expect(ids('xuedundun')).toContain('xue-dundun-plush');
    expect(ids('Xue Dun Dun')).toContain('xue-dundun-plush');
    expect(ids('dengbao')).toContain('deng-bao-plush');
    expect(ids('bwb')).toContain('thermos-bottle');
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(ids('  ')).toHaveLength(products.length);
    expect(ids('zzqqxx')).toEqual([]);
  });
});
