import type { RoomEvent } from '@snowstage/protocol';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../rng.js';
import { catalog, chat, demoBrain, knowledge, plushSale, T0 } from '../testing/fixtures.js';
import { direct, directorConfig, initialDirectorState } from './director.js';
import type { DirectorAction, DirectorConfig, DirectorInput, DirectorState } from './types.js';

const brain = demoBrain();
await brain.reply({ text: 'hi', viewerId: 'v0', nickname: 'x', roomId: 'main' });
const product = (id: string) => catalog.products.find((p) => p.id === id)!;

function director(over: Partial<DirectorConfig> = {}, mode: DirectorState['mode'] = 'idle', liveSale: Parameters<typeof initialDirectorState>[2] = null) {
  const cfg = directorConfig({ roomId: 'main', classify: (t, pinned) => brain.classify(t, pinned), blocked: () => false, funFacts: knowledge.funFacts, seed: 5, ...over });
  let state = initialDirectorState(mode, T0, liveSale);
  let seq = 0;
  const run = (input: DirectorInput, now: number): DirectorAction[] => {
    const step = direct(state, input, now, cfg);
    state = step.state;
    return step.actions;
  };
  const room = (e: Record<string, unknown>, now: number) => run({ type: 'room', event: { seq: ++seq, at: now, ...e } as RoomEvent }, now);
  return { run, room, get state() { return state; } };
}
const speaks = (a: DirectorAction[]) => a.filter((x): x is Extract<DirectorAction, { type: 'speak' }> => x.type === 'speak');
const scriptOf = (a: DirectorAction) => (a.type === 'speak' && a.plan.kind === 'script' ? a.plan.script.type : null);

describe('the show director', () => {
  it('hypes a flash sale: announcement, reminders, the opening (interrupting), and back to the show after', () => {
    const d = director({}, 'talkshow');
    d.room({ kind: 'pinned', products: [product('xue-dundun-plush')] }, T0);
    const sale = plushSale({ startsAt: T0 + 120_000, endsAt: T0 + 240_000 });
    const a1 = d.room({ kind: 'sale', sale }, T0);
    expect(a1).toContainEqual({ type: 'mode', mode: 'saleHype', by: 'director' });
    expect(speaks(a1).map(scriptOf)).toEqual(['saleAnnounce']);
    d.run({ type: 'speechDone', id: speaks(a1)[0]!.id }, T0 + 8000);
    expect(speaks(d.run({ type: 'tick' }, T0 + 61_000)).map(scriptOf)).toEqual(['saleReminder']);
    // Still speaking the reminder when the sale opens: the opening interrupts it, stop first.
    const open = d.run({ type: 'tick' }, T0 + 120_000);
    expect(open.map((x) => x.type)).toEqual(expect.arrayContaining(['stopSpeech', 'speak']));
    expect(open.findIndex((x) => x.type === 'stopSpeech')).toBeLessThan(open.findIndex((x) => x.type === 'speak'));
    expect(speaks(open).map(scriptOf)).toEqual(['saleOpen']);
    d.run({ type: 'speechDone', id: speaks(open)[0]!.id }, T0 + 125_000);
    const end = d.run({ type: 'tick' }, T0 + 240_000);
    expect(end).toContainEqual({ type: 'mode', mode: 'talkshow', by: 'director' });
    expect(speaks(end).map(scriptOf)).toEqual(['saleClosed']);
  });

  it('grieves a sold-out product and thanks buyers (big orders at once, small ones together)', () => {
    const d = director({}, 'qa');
    const sold = d.room({ kind: 'soldOut', productId: 'knit-scarf', variantId: 'red', saleId: null }, T0);
    expect(speaks(sold).map(scriptOf)).toEqual(['soldOut']);
    expect(sold).toContainEqual({ type: 'expression', emotion: { name: 'sad', intensity: 0.8 }, durationMs: 4000 });
    d.run({ type: 'speechDone', id: speaks(sold)[0]!.id }, T0 + 5000);
    const order = (nickname: string, qty: number, at: number) =>
      d.room({ kind: 'orderPlaced', orderId: nickname, buyerId: nickname, nickname, productId: 'xue-dundun-mug', variantId: 'white', qty, total: { amount: 6900 * qty, currency: 'CNY' }, saleId: null }, at);
    expect(speaks(order('A', 1, T0 + 6000))).toEqual([]);
    expect(speaks(order('B', 1, T0 + 7000))).toEqual([]);
    const batched = speaks(d.run({ type: 'tick' }, T0 + 10_000));
    expect(batched[0]!.plan).toMatchObject({ kind: 'script', script: { type: 'thanks', buyers: ['A', 'B'], big: false } });
    d.run({ type: 'speechDone', id: batched[0]!.id }, T0 + 12_000);
    const big = order('Whale', 8, T0 + 13_000);
    expect(big).toContainEqual({ type: 'gesture', name: 'heart-hands' });
    expect(speaks(big)[0]!.plan).toMatchObject({ script: { type: 'thanks', big: true, qty: 8 } });
  });

  it('never talks over itself, whatever arrives', () => {
    const rng = seededRng(42);
    const d = director({ songIds: ['theme'] }, 'qa');
    let active: string | null = null;
    let now = T0;
    const texts = ['雪墩墩多少钱', '包邮吗', '主播好', '跳个舞吧', '卫衣有XL吗', 'hello', '讲个冷知识'];
    for (let i = 0; i < 400; i++) {
      now += Math.floor(rng() * 3000);
      const r = rng();
      let input: DirectorInput;
      if (r < 0.35) input = { type: 'room', event: { seq: i, at: now, kind: 'chat', line: chat(texts[i % texts.length]!, `v_${i % 9}`, now) } as RoomEvent };
      else if (r < 0.6 && active) input = { type: 'speechDone', id: active };
      else if (r < 0.65) input = { type: 'operator', command: { type: 'say', text: '大家好' } };
      else if (r < 0.7) input = { type: 'danceDone' };
      else input = { type: 'tick' };
      if (input.type === 'speechDone') active = null;
      for (const a of d.run(input, now)) {
        if (a.type === 'stopSpeech') {
          expect(a.id).toBe(active);
          active = null;
        }
        if (a.type === 'speak') {
          expect(active).toBeNull();
          active = a.id;
        }
        if (a.type === 'dance') active = null;
      }
    }
  });

  it('fills quiet time: pitches pinned products in turn, or runs the talk show with a quiz', () => {
    const d = director({}, 'pitch');
    d.room({ kind: 'pinned', products: [product('xue-dundun-plush'), product('knit-scarf')] }, T0);
    const ids: string[] = [];
    let now = T0;
    for (let i = 0; i < 3; i++) {
      now += 10_000;
      const s = speaks(d.run({ type: 'tick' }, now))[0]!;
      ids.push((s.plan as any).script.productId);
      d.run({ type: 'speechDone', id: s.id }, now + 3000);
    }
    expect(ids).toEqual(['xue-dundun-plush', 'knit-scarf', 'xue-dundun-plush']);
    // The operator queues a pitch: that product comes next, ahead of the rotation.
    d.run({ type: 'operator', command: { type: 'queuePitch', productId: 'ski-backpack' } }, now + 4000);
    const queued = speaks(d.run({ type: 'tick' }, now + 14_000))[0]!;
    expect((queued.plan as any).script.productId).toBe('ski-backpack');

    const t = director({}, 'talkshow');
    now = T0;
    const kinds: string[] = [];
    for (let i = 0; i < 12 && kinds.length < 20; i++) {
      now += 5000;
      const s = speaks(t.run({ type: 'tick' }, now))[0];
      if (!s) continue;
      kinds.push(s.plan.kind);
      const quiz = t.state.show?.episode.steps[t.state.show.step - 1];
      t.run({ type: 'speechDone', id: s.id }, now + 2000);
      if (quiz?.kind === 'quiz') {
        expect(t.state.show!.quizUntil).toBe(now + 2000 + quiz.listenMs);
        t.room({ kind: 'chat', line: chat(quiz.answer.zh, 'v_smart', now + 3000, '答题王') }, now + 3000);
        t.room({ kind: 'chat', line: chat('不知道', 'v_guess', now + 4000, '路人') }, now + 4000);
        now += quiz.listenMs + 3000;
        const reveal = speaks(t.run({ type: 'tick' }, now))[0]!;
        expect(reveal.plan.kind).toBe('lines');
        const text = (reveal.plan as any).segments.map((x: any) => x.text).join('');
        expect(text).toContain('答题王');
        expect(text).not.toContain('路人');
        t.run({ type: 'speechDone', id: reveal.id }, now + 2000);
        return;
      }
    }
    throw new Error('the episode never reached its quiz');
  });

  it('answers the selected comment in Q&A, and asks the operator first when approval is on', () => {
    const d = director({ approveComments: true }, 'qa');
    const line = chat('围巾多少钱', 'v_a', T0);
    const a = d.room({ kind: 'chat', line }, T0);
    const ask = a.find((x) => x.type === 'awaitApproval');
    expect(ask).toBeDefined();
    expect(speaks(a)).toEqual([]);
    const b = d.run({ type: 'operator', command: { type: 'approve', messageId: line.id } }, T0 + 2000);
    expect(speaks(b)[0]!.plan).toMatchObject({ kind: 'reply', comment: { id: line.id } });
    d.run({ type: 'speechDone', id: speaks(b)[0]!.id }, T0 + 5000);

    // Skipped: she never answers it, and the queue moves on to the next comment.
    const skipped = chat('帽子多少钱', 'v_b', T0 + 6000);
    const asked = d.room({ kind: 'chat', line: skipped }, T0 + 6000);
    expect(asked.some((x) => x.type === 'awaitApproval')).toBe(true);
    const after = d.run({ type: 'operator', command: { type: 'skip', messageId: skipped.id } }, T0 + 7000);
    expect(speaks(after)).toEqual([]);
    expect(d.state.pendingApproval).toBeNull();
    const later = [...speaks(d.run({ type: 'tick' }, T0 + 20_000)), ...speaks(d.run({ type: 'tick' }, T0 + 40_000))];
    expect(later.some((x) => x.plan.kind === 'reply' && (x.plan as any).comment.id === skipped.id)).toBe(false);
  });

  it('obeys the operator: say interrupts, pause stops everything until resume', () => {
    const d = director({}, 'pitch');
    d.room({ kind: 'pinned', products: [product('xue-dundun-plush')] }, T0);
    const pitch = speaks(d.run({ type: 'tick' }, T0 + 10_000))[0]!;
    const say = d.run({ type: 'operator', command: { type: 'say', text: '马上抽奖！', emotion: { name: 'excited', intensity: 1 }, gesture: 'cheer' } }, T0 + 11_000);
    expect(say[0]).toEqual({ type: 'stopSpeech', id: pitch.id });
    expect(speaks(say)[0]!.plan).toMatchObject({ kind: 'lines', segments: [{ text: '马上抽奖！', gesture: 'cheer' }] });
    const pause = d.run({ type: 'operator', command: { type: 'pause' } }, T0 + 12_000);
    expect(pause).toContainEqual({ type: 'mode', mode: 'paused', by: 'operator' });
    expect(pause.some((x) => x.type === 'stopSpeech')).toBe(true);
    d.run({ type: 'speechDone', id: speaks(say)[0]!.id }, T0 + 12_500);
    expect(speaks(d.run({ type: 'tick' }, T0 + 60_000))).toEqual([]);
    expect(d.run({ type: 'operator', command: { type: 'resume' } }, T0 + 61_000)).toContainEqual({ type: 'mode', mode: 'pitch', by: 'operator' });
  });

  it('greets viewer milestones once, and dances when asked (not during a sale)', () => {
    const d = director({ songIds: ['ice-snow-dance'] }, 'qa');
    const m = d.run({ type: 'viewerCount', count: 120 }, T0);
    expect(speaks(m)[0]!.plan).toMatchObject({ script: { type: 'milestone', kind: 'viewers', count: 100 } });
    d.run({ type: 'speechDone', id: speaks(m)[0]!.id }, T0 + 3000);
    expect(speaks(d.run({ type: 'viewerCount', count: 130 }, T0 + 4000))).toEqual([]);
    const ask = speaks(d.room({ kind: 'chat', line: chat('跳个舞吧', 'v_fan', T0 + 5000) }, T0 + 5000))[0]!;
    expect(ask.plan).toMatchObject({ kind: 'reply', intent: 'dance' });
    const dance = d.run({ type: 'speechDone', id: ask.id }, T0 + 8000);
    expect(dance).toContainEqual({ type: 'dance', songId: 'ice-snow-dance' });
    expect(d.state.mode).toBe('dance');
    d.run({ type: 'danceDone' }, T0 + 60_000);
    expect(d.state.mode).toBe('qa');
  });

  it('walks the tour through its products, and keeps the draw lively', () => {
    const d = director({ tourProductIds: ['ski-backpack', 'thermos-bottle'] }, 'tour');
    const ids: string[] = [];
    let now = T0;
    for (let i = 0; i < 3; i++) {
      now += 10_000;
      const s = speaks(d.run({ type: 'tick' }, now))[0]!;
      ids.push((s.plan as any).script.productId);
      d.run({ type: 'speechDone', id: s.id }, now + 3000);
    }
    expect(ids).toEqual(['ski-backpack', 'thermos-bottle', 'ski-backpack']);
    const draw = director({}, 'draw');
    expect(speaks(draw.run({ type: 'tick' }, T0 + 25_000)).map(scriptOf)).toEqual(['drawHype']);
  });

  it('takes over a room on another node: a sale that ended or a dance it did not start leave no silence', () => {
    // The log says "saleHype", but the sale is over: the new director goes on with the show at once.
    const after = director({}, 'saleHype');
    expect(after.state.mode).toBe('idle');
    expect(speaks(after.run({ type: 'tick' }, T0 + 9000))).toHaveLength(1);
    expect(director({}, 'dance').state.mode).toBe('idle');
    // A sale still open: it keeps hyping it without announcing it again, and closes it when it ends.
    const sale = plushSale({ startsAt: T0 - 60_000, endsAt: T0 + 60_000, status: 'open' });
    const during = director({}, 'saleHype', sale);
    expect(during.state.mode).toBe('saleHype');
    expect(speaks(during.run({ type: 'tick' }, T0 + 1000)).map(scriptOf)).not.toContain('saleOpen');
    const end = during.room({ kind: 'sale', sale: { ...sale, status: 'closed' } }, T0 + 60_000);
    expect(speaks(end).map(scriptOf)).toEqual(['saleClosed']);
    expect(end).toContainEqual({ type: 'mode', mode: 'idle', by: 'director' });
  });

  it('does not change the state it is given', () => {
    const cfg = directorConfig({ roomId: 'main', classify: (t, pinned) => brain.classify(t, pinned), blocked: () => false, funFacts: knowledge.funFacts });
    const s0 = initialDirectorState('pitch');
    const copy = structuredClone(s0);
    direct(s0, { type: 'room', event: { seq: 1, at: T0, kind: 'chat', line: chat('hi') } as RoomEvent }, T0, cfg);
    expect(s0).toEqual(copy);
  });
});
