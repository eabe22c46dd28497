import { describe, expect, it } from 'vitest';
import { catalog, tokenizer } from '../testing/fixtures.js';
import { ProductIndex } from './product-index.js';

const index = new ProductIndex(catalog.products, (t) => tokenizer().cut(t));
const pinned = ['xue-dundun-plush', 'xue-dundun-tshirt', 'knit-scarf'];
const ids = (text: string) => index.link(text, pinned).map((l) => l.productId);

describe('product linking', () => {
  it('links full names and aliases in both languages', () => {
    expect(ids('灯宝公仔多少钱')).toEqual(['deng-bao-plush']);
    expect(ids('how much is the panda plush?')).toEqual(['xue-dundun-plush']);
    expect(ids('Winter Games Hoodie price')).toEqual(['winter-games-hoodie']);
  });

  it('links partial names, preferring the product the words belong to together', () => {
    expect(ids('灯宝夜灯价格')).toEqual(['deng-bao-night-light']);
    expect(ids('这件冰墩墩T恤多少钱')).toEqual(['xue-dundun-tshirt']);
    expect(ids('运动款墩墩')).toEqual(['xue-dundun-sports-plush']);
    expect(ids('雪墩墩多少钱')).toEqual(['xue-dundun-plush']);
  });

  it('forgives pinyin homophones and English typos', () => {
    expect(ids('灯包多少钱')).toEqual(['deng-bao-plush']);
    expect(ids('围斤多少钱')).toEqual(['knit-scarf']);
    expect(ids('how much is the hoddie')).toEqual(['winter-games-hoodie']);
    expect(ids('scraf price')).toEqual(['knit-scarf']);
  });

  it('does not turn ordinary words into products', () => {
    expect(ids('怎么辨别真假')).toEqual([]); // "别真" sounds like 别针 but crosses a word boundary
    expect(ids("what's the flash sale price?")).toEqual([]); // "flash" is not a typo of "flask"
    expect(ids('hello from shanghai')).toEqual([]);
    expect(ids('能放微波炉吗')).toEqual([]); // 微波 sounds like 围脖
  });

  it('resolves "N号链接" and "link N" to the pinned products', () => {
    expect(ids('3号链接多少钱')).toEqual(['knit-scarf']);
    expect(ids('link 2 please')).toEqual(['xue-dundun-tshirt']);
  });

  it('links several products only when the comment joins them', () => {
    expect(ids('雪墩墩和灯宝哪个好')).toEqual(['xue-dundun-plush', 'deng-bao-plush']);
    expect(ids('panda plush vs lantern plush')).toEqual(['xue-dundun-plush', 'deng-bao-plush']);
    expect(ids('how much is the tshirt with the panda')).toEqual(['xue-dundun-tshirt']);
  });
});
