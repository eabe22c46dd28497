import { describe, expect, it } from 'vitest';
import { chat, demoBrain, T0 } from '../testing/fixtures.js';
import type { ChatLine } from '@snowstage/protocol';
import { initialSelectorState, markHandled, selectComment as select, type SelectorOptions } from './selector.js';

const selectComment = (st: Parameters<typeof select>[0], lines: ChatLine[], ...rest: [Parameters<typeof select>[2], number, SelectorOptions]) =>
  select(st, lines.map((line) => ({ line, c: brain.classify(line.text) })), ...rest);

const brain = demoBrain();
// classify uses the catalog the brain has seen: prime it once.
await brain.reply({ text: 'hi', viewerId: 'v0', nickname: 'x', roomId: 'main' });
const opts = (over: Partial<SelectorOptions> = {}): SelectorOptions => ({
  blocked: (t) => /加微信/.test(t),
  pinned: ['xue-dundun-plush', 'xue-dundun-tshirt', 'knit-scarf'],
  ...over,
});

describe('comment selection', () => {
  it('puts purchase intent and pinned-product questions before other questions and greetings', () => {
    const lines = [chat('主播晚上好', 'v_a'), chat('包邮吗', 'v_b'), chat('雪墩墩多少钱', 'v_c'), chat('怎么下单啊', 'v_d')];
    const state = initialSelectorState();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const sel = selectComment(state, lines, 'qa', T0 + 1000, opts())!;
      order.push(sel.primary.text);
      markHandled(state, sel, T0 + 1000);
    }
    expect(order).toEqual(['怎么下单啊', '雪墩墩多少钱', '包邮吗', '主播晚上好']);
  });

  it('merges the same question from several viewers into one answer', () => {
    const lines = [chat('卫衣有什么尺码', 'v_a'), chat('hoodie sizes?', 'v_b'), chat('卫衣尺码偏大吗', 'v_c'), chat('晚上好', 'v_d')];
    const sel = selectComment(initialSelectorState(), lines, 'qa', T0, opts())!;
    expect(sel.intent).toBe('size');
    expect(sel.askers).toBe(3);
    expect(sel.lines).toHaveLength(3);
  });

  it('skips blocked, abusive and already-handled lines', () => {
    const lines = [chat('加微信看便宜货', 'v_a'), chat('主播好丑', 'v_b'), chat('马克杯多少钱', 'v_c')];
    const state = initialSelectorState();
    const sel = selectComment(state, lines, 'qa', T0, opts())!;
    expect(sel.primary.text).toBe('马克杯多少钱');
    markHandled(state, sel, T0);
    expect(selectComment(state, lines, 'qa', T0, opts())).toBeNull();
  });

  it('is fair: a viewer just answered waits behind others asking the same kind of thing', () => {
    const state = initialSelectorState();
    markHandled(state, { primary: chat('x', 'v_eager'), lines: [chat('x', 'v_eager')] }, T0 - 60_000);
    markHandled(state, { primary: chat('y', 'v_eager'), lines: [chat('y', 'v_eager')] }, T0 - 30_000);
    const lines = [chat('保温杯多少钱', 'v_eager', T0), chat('帆布包多少钱', 'v_quiet', T0)];
    expect(selectComment(state, lines, 'qa', T0 + 1000, opts())!.primary.viewerId).toBe('v_quiet');
  });

  it('keeps the pace of the mode, and during a sale answers only sale questions', () => {
    const state = initialSelectorState();
    markHandled(state, { primary: chat('x'), lines: [chat('x')] }, T0);
    const lines = [chat('马克杯多少钱', 'v_a', T0 + 1000), chat('讲个冷知识', 'v_b', T0 + 1000)];
    expect(selectComment(state, lines, 'talkshow', T0 + 5000, opts())).toBeNull();
    expect(selectComment(state, lines, 'talkshow', T0 + 31_000, opts())).not.toBeNull();
    expect(selectComment(state, lines, 'dance', T0 + 60_000, opts())).toBeNull();
    expect(selectComment(state, [chat('讲个冷知识', 'v_b', T0 + 59_000)], 'saleHype', T0 + 60_000, opts())).toBeNull();
  });
});
