import { describe, expect, it } from 'vitest';
import { GroundingGuard, guardBrain } from '../guard/grounding.js';
import { chat, collect, demoBrain, demoShop, knowledge, money, plushSale, T0, textOf } from '../testing/fixtures.js';
import { renderSpeech } from './render.js';

function deps(shop = demoShop(), now = T0) {
  const guard = new GroundingGuard({ facts: shop, schedule: knowledge.schedule, clock: () => now });
  return { brain: guardBrain(demoBrain(shop, () => now), guard), facts: shop, guard, knowledge, roomId: 'main', clock: () => now };
}

describe('rendering the director’s speech', () => {
  it('reads the price and stock for a pitch when it is spoken, not when it was queued', async () => {
    const shop = demoShop();
    const plan = { kind: 'script', lang: 'zh', script: { type: 'pitch', productId: 'knit-scarf' } } as const;
    shop.setPrice('knit-scarf', 9900);
    shop.setStock('knit-scarf', 'red', 0);
    const r = await renderSpeech(plan, deps(shop));
    const text = textOf(await collect(r.segments));
    expect(money(text)).toEqual([9900]);
    expect(text).toContain(`${180 + 150}`);
    expect(r.productId).toBe('knit-scarf');
  });

  it('announces a sale with its real times and price, and grieves a sold-out with tears', async () => {
    const shop = demoShop({ sale: plushSale() });
    const ann = textOf(await collect((await renderSpeech({ kind: 'script', lang: 'zh', script: { type: 'saleAnnounce', saleId: 'sale-1' } }, deps(shop))).segments));
    expect(ann).toContain('21:00');
    expect(money(ann)).toEqual(expect.arrayContaining([9900, 12800]));
    const sad = await collect((await renderSpeech({ kind: 'script', lang: 'en', script: { type: 'soldOut', productId: 'commemorative-coin-set', variantId: null, saleId: null } }, deps(shop))).segments);
    expect(sad[0]).toMatchObject({ emotion: { name: 'sad' }, gesture: 'wipe-tears' });
    expect(textOf(sad)).toMatch(/limited edition/);
  });

  it('answers a merged question once, telling the room many asked', async () => {
    const c = chat('卫衣有什么尺码', 'v_a');
    const r = await renderSpeech({ kind: 'reply', comment: c, also: [chat('hoodie sizes?', 'v_b')], askers: 2, lang: 'zh', intent: 'size' }, deps());
    const segs = await collect(r.segments);
    expect(segs[0]!.text).toContain('好多朋友都在问尺码');
    expect(r.replyTo).toEqual({ messageId: c.id, nickname: 'Mia', text: '卫衣有什么尺码' });
    expect(textOf(segs)).toMatch(/XXL/);
  });

  it('thanks buyers by name with heart hands', async () => {
    const r = await renderSpeech({ kind: 'script', lang: 'zh', script: { type: 'thanks', buyers: ['小雪', 'Leo'], productId: 'xue-dundun-mug', qty: 2, big: false } }, deps());
    const [s] = await collect(r.segments);
    expect(s).toMatchObject({ gesture: 'heart-hands', emotion: { name: 'happy' } });
    expect(s!.text).toContain('小雪、Leo');
  });
});
