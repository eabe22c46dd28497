import { describe, expect, it } from 'vitest';
import { GroundingGuard, guardBrain } from '../guard/grounding.js';
import { collect, demoBrain, demoShop, knowledge, money, plushSale, T0, textOf } from '../testing/fixtures.js';
import { INJECTIONS } from '../testing/injections.js';

const ask = async (brain: ReturnType<typeof demoBrain>, text: string, viewerId = 'v1', nickname = 'Mia') => {
  const r = await brain.reply({ text, viewerId, nickname, roomId: 'main' });
  const segs = await collect(r.segments);
  return { ...r, segs, text: textOf(segs) };
};

describe('the embedded brain', () => {
  it('answers a price from the live store, in the viewer’s language', async () => {
    const shop = demoShop();
    const brain = demoBrain(shop);
    expect(money((await ask(brain, '卫衣多少钱')).text)).toContain(29900);
    shop.setPrice('winter-games-hoodie', 25900);
    const r = await ask(brain, 'how much is the hoodie?', 'v2');
    expect(r.lang).toBe('en');
    expect(money(r.text)).toEqual([25900]);
  });

  it("stays out of the persona's avoided topics kindly, whatever else the comment seems to ask, and pitches nothing", async () => {
    const brain = demoBrain();
    const cases: [string, RegExp][] = [
      ['你怎么看台湾问题？', /政治/],
      ['我膝盖受伤了滑雪怎么办', /医生/],
      ['I hurt my knee skiing, what should I take?', /doctor/],
      ['淘宝上同款更便宜', /别家/],
    ];
    for (const [text, said] of cases) {
      const r = await ask(brain, text, `v-${text.length}`);
      expect(r.intent, text).toBe('offTopic');
      expect(r.productId, text).toBeNull();
      expect(r.text, text).toMatch(said);
      expect(brain.classify(text).intent, text).toBe('offTopic');
    }
    // Only whole words: a warm hat and shipping to Taiwan are still shop questions.
    expect((await ask(brain, 'is the beanie warm?', 'v-w')).intent).not.toBe('offTopic');
    expect((await ask(brain, '发货到台湾吗', 'v-t')).intent).toBe('shipping');
  });

  it('classifies chat synchronously once warmed, resolving "N号链接" by the pinned products', async () => {
    const brain = demoBrain();
    expect(brain.classify('围巾多少钱').products).toEqual([]);
    await brain.warm('main');
    expect(brain.classify('围巾多少钱')).toEqual({ intent: 'price', products: ['knit-scarf'], lang: 'zh' });
    expect(brain.classify('1号链接还有吗', ['thermos-bottle']).products).toEqual(['thermos-bottle']);
  });

  it('tags every segment with an emotion and points at the product', async () => {
    const r = await ask(demoBrain(), 'how much is the mug?');
    expect(r.intent).toBe('price');
    expect(r.productId).toBe('xue-dundun-mug');
    expect(r.segs[0]!.gesture).toBe('point-product');
    for (const s of r.segs) expect(s.emotion.intensity).toBeGreaterThan(0);
  });

  it('never says the same line twice within ten minutes, but may after', async () => {
    let now = T0;
    const brain = demoBrain(demoShop(), () => now);
    const lines = new Set<string>();
    for (let i = 0; i < 12; i++) {
      now += 20_000;
      for (const s of (await ask(brain, '围巾多少钱', `v${i}`, '小雪')).segs) {
        expect(lines.has(s.text)).toBe(false);
        lines.add(s.text);
      }
    }
    now += 11 * 60_000;
    const again = await ask(brain, '围巾多少钱', 'late', '小雪');
    expect(again.segs.some((s) => lines.has(s.text))).toBe(true);
  });

  it('grieves a sold-out variant and tells when it returns', async () => {
    const shop = demoShop();
    shop.setStock('deng-bao-plush', '30cm', 0);
    const r = await ask(demoBrain(shop), '30cm的灯宝还有吗');
    expect(r.segs[0]!.emotion.name).toBe('sad');
    expect(r.segs[0]!.gesture).toBe('wipe-tears');
    expect(r.text).toMatch(/2 到 3 周/);
  });

  it('gives the flash-sale time and price from the sale', async () => {
    const r = await ask(demoBrain(demoShop({ sale: plushSale() })), '秒杀几点开始');
    expect(r.intent).toBe('saleTiming');
    expect(r.text).toContain('21:00');
    expect(money(r.text)).toContain(9900);
  });

  it('recommends a size from height and weight', async () => {
    const r = await ask(demoBrain(), '我175cm 70kg，卫衣穿什么码');
    expect(r.text).toMatch(/L 码/);
  });

  it('keeps prices and stock true whatever the comment instructs (zh and en)', async () => {
    const shop = demoShop();
    const guard = new GroundingGuard({ facts: shop, schedule: knowledge.schedule, clock: () => T0 });
    const brain = guardBrain(demoBrain(shop), guard);
    for (const inj of INJECTIONS) {
      const r = await brain.reply({ text: inj.text, viewerId: 'v1', nickname: 'x', roomId: 'main' });
      const text = textOf(await collect(r.segments));
      expect(r.productId, inj.text).toBe(inj.productId);
      if (inj.fen) expect(money(text), inj.text).toEqual(expect.arrayContaining([inj.fen]));
      for (const m of money(text)) expect([inj.fen, 9900, 12800], inj.text).toContain(m);
      if (inj.stock) expect(text, inj.text).toContain(String(inj.stock));
      expect(text).not.toMatch(/9999/);
    }
  });
});
