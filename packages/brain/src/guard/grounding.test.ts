import { describe, expect, it } from 'vitest';
import type { Segment } from '../types.js';
import { collect, demoShop, knowledge, plushSale, T0 } from '../testing/fixtures.js';
import { findClaims } from './claims.js';
import { GroundingGuard, type Correction } from './grounding.js';

const seg = (text: string, productId?: string, lang: 'zh' | 'en' = 'zh'): Segment => ({ text, lang, emotion: { name: 'happy', intensity: 0.5 }, ...(productId ? { productId } : {}) });

async function ground(texts: Segment[], opts: { sale?: boolean; products?: string[] } = {}) {
  const corrections: Correction[] = [];
  const guard = new GroundingGuard({ facts: demoShop(opts.sale ? { sale: plushSale() } : {}), schedule: knowledge.schedule, clock: () => T0, onCorrection: (c) => corrections.push(c) });
  async function* src() {
    yield* texts;
  }
  const out = await collect(guard.ground(src(), { roomId: 'main', products: opts.products ?? [] }));
  return { out: out.map((s) => s.text), corrections };
}

describe('finding claims', () => {
  it('reads prices, stock, discounts and times in both languages', () => {
    const kinds = (t: string) => findClaims(t).map((c) => c.kind);
    expect(kinds('雪墩墩只要 ¥88.50，还剩 30 只')).toEqual(['money', 'stock']);
    expect(kinds('only 12 left at 99 yuan, 20% off')).toEqual(['stock', 'money', 'discount']);
    expect(kinds('今晚 21:00 开抢，还有 5 分钟，打八折，一百块')).toEqual(['clock', 'minutes', 'discount', 'money']);
    expect(kinds('全国包邮，48 小时内发货')).toEqual([]);
    expect(kinds('一共要颁出109块金牌，两块雪板平行')).toEqual([]);
    expect(kinds('只要99块！')).toEqual(['money']);
  });
});

describe('the grounding guard', () => {
  it('corrects a wrong price to the store price before it is spoken', async () => {
    const { out, corrections } = await ground([seg('雪墩墩毛绒公仔只要1元！', 'xue-dundun-plush'), seg('The hoodie is ¥5 today.', 'winter-games-hoodie', 'en')]);
    expect(out).toEqual(['雪墩墩毛绒公仔只要¥128！', 'The hoodie is ¥299 today.']);
    expect(corrections.map((c) => c.kind)).toEqual(['money', 'money']);
  });

  it('leaves true facts alone', async () => {
    const texts = [seg('冬运会连帽卫衣现在 ¥299，还有 1195 件。', 'winter-games-hoodie'), seg('秒杀 21:00 开抢，还有 30 分钟，¥99，7.7折！', 'xue-dundun-plush')];
    const { out, corrections } = await ground(texts, { sale: true });
    expect(out).toEqual(texts.map((t) => t.text));
    expect(corrections).toEqual([]);
  });

  it('corrects stock counts, discounts and sale times', async () => {
    const { out } = await ground(
      [seg('银章套装只剩 3 套了！', 'commemorative-coin-set'), seg('秒杀打五折，20:45 开抢！', 'xue-dundun-plush'), seg('Only 2 minutes until the flash sale!', 'xue-dundun-plush', 'en')],
      { sale: true },
    );
    expect(out[0]).toBe('银章套装只剩 50 套了！');
    expect(out[1]).toBe('秒杀打7.7折，21:00 开抢！');
    expect(out[2]).toBe('Only 30 minutes until the flash sale!');
  });

  it('drops a claim it cannot ground, and a discount when there is no sale', async () => {
    const { out, corrections } = await ground([seg('今天全场打五折！欢迎大家！'), seg('Everything costs ¥1 tonight.')]);
    expect(out).toEqual(['欢迎大家！']);
    expect(corrections.map((c) => c.corrected)).toEqual([null, null]);
  });

  it('replaces a foreign-currency price with the real one', async () => {
    const { out } = await ground([seg('The torch model is $2.', 'mini-torch-model', 'en')]);
    expect(out).toEqual(['The torch model is ¥399.']);
  });
});
