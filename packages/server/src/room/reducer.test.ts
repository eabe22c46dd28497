import { describe, expect, it } from 'vitest';
import { planSale } from '@snowstage/commerce';
import { tshirt } from '@snowstage/commerce/testing';
import { reduce } from './reducer.js';
import { createRoomState, type RoomState } from './room-state.js';
import { createBlocklist } from './blocklist.js';
import type { Actor } from './commands.js';

const rules = {
  chat: { burst: 3, perSecond: 1 },
  maxChatChars: 120,
  recentChat: 50,
  blocklist: createBlocklist({ zh: ['加微信'], en: ['free money'] }),
  maxPinned: 3,
};
const viewer: Actor = { viewerId: 'v_alice1', nickname: 'Alice', role: 'viewer' };
const mod: Actor = { viewerId: 'staff_moderator', nickname: 'Mod', role: 'moderator' };
const room = (): RoomState => createRoomState('main', { zh: '直播间', en: 'Live' }, rules);
const product = (id: string) => ({ ...tshirt(), id });

describe('room reducer: presence', () => {
  const kinds = (r: { events: { kind: string }[] }) => r.events.map((e) => e.kind);
  const bob: Actor = { viewerId: 'v_bob0001', nickname: 'Bob', role: 'viewer' };

  it('counts a viewer with two tabs once and logs join/leave once', () => {
    const s = room();
    expect(kinds(reduce(s, { type: 'join', actor: viewer, conn: 'n1/1' }, 0))).toEqual(['viewerJoined']);
    expect(reduce(s, { type: 'join', actor: viewer, conn: 'n2/1' }, 0).events).toEqual([]);
    expect(s.presence.size).toBe(1);
    expect(reduce(s, { type: 'leave', actor: viewer, conn: 'n1/1' }, 0).events).toEqual([]);
    expect(kinds(reduce(s, { type: 'leave', actor: viewer, conn: 'n2/1' }, 0))).toEqual(['viewerLeft']);
    expect(s.presence.size).toBe(0);
  });

  it('ignores a repeated join or leave of the same connection (an op retried while the room moves)', () => {
    const s = room();
    reduce(s, { type: 'join', actor: viewer, conn: 'n1/1' }, 0);
    expect(reduce(s, { type: 'join', actor: viewer, conn: 'n1/1' }, 0).events).toEqual([]);
    expect(kinds(reduce(s, { type: 'leave', actor: viewer, conn: 'n1/1' }, 0))).toEqual(['viewerLeft']);
    expect(reduce(s, { type: 'leave', actor: viewer, conn: 'n1/1' }, 0).events).toEqual([]);
    expect(s.presence.size).toBe(0);
  });

  it("replaces a node's connections when it restates them, crossing a join in flight without counting twice", () => {
    const s = room();
    reduce(s, { type: 'join', actor: viewer, conn: 'n1/1' }, 0);
    reduce(s, { type: 'join', actor: bob, conn: 'n1/2' }, 0);
    reduce(s, { type: 'join', actor: bob, conn: 'n2/1' }, 0);
    // n1 restates: Alice's connection is still there (already counted), Bob's n1 tab is gone.
    expect(reduce(s, { type: 'presence', node: 'n1', members: [{ actor: viewer, conn: 'n1/1' }] }, 0).events).toEqual([]);
    expect([...s.presence.get(bob.viewerId)!]).toEqual(['n2/1']);
    expect(s.presence.size).toBe(2);
    // n2 is declared dead (no connections): Bob leaves; another node's restatement never touches n1's.
    expect(kinds(reduce(s, { type: 'presence', node: 'n2', members: [] }, 0))).toEqual(['viewerLeft']);
    expect(kinds(reduce(s, { type: 'presence', node: 'n', members: [] }, 0))).toEqual([]);
    expect([...s.presence.keys()]).toEqual([viewer.viewerId]);
  });

  it('numbers events in order and stamps the room clock', () => {
    const s = room();
    s.seq = 41;
    const r = reduce(s, { type: 'chat', actor: viewer, id: 'm1', text: 'hi' }, 1234);
    expect(r.events[0]).toMatchObject({ seq: 42, at: 1234, kind: 'chat' });
  });
});

describe('room reducer: chat', () => {
  it('broadcasts a clean line with the sender and keeps it for late joiners', () => {
    const s = room();
    const r = reduce(s, { type: 'chat', actor: viewer, id: 'm1', text: '  你好   东东 ' }, 0);
    expect(r.events[0]).toMatchObject({ kind: 'chat', line: { id: 'm1', text: '你好 东东', nickname: 'Alice', role: 'viewer' } });
    expect(s.chat.map((l) => l.id)).toEqual(['m1']);
  });

  it('refuses empty, too long and blocked lines in both languages, disguised or not', () => {
    const s = room();
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'a', text: '   ' }, 0).error?.code).toBe('CHAT_EMPTY');
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'b', text: '雪'.repeat(121) }, 0).error?.code).toBe('CHAT_TOO_LONG');
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'c', text: '雪'.repeat(120) }, 0).error).toBeUndefined();
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'd', text: '加 微 信 123' }, 10_000).error?.code).toBe('CHAT_BLOCKED');
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'e', text: 'ＦＲＥＥ　Ｍｏｎｅｙ!!' }, 20_000).error?.code).toBe('CHAT_BLOCKED');
    expect(s.chat.map((l) => l.id)).toEqual(['c']);
  });

  it('counts emoji and CJK as one character each', () => {
    const s = room();
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'x', text: '👍🏽'.repeat(120) }, 0).error).toBeUndefined();
  });

  it('rate-limits a viewer to the burst, then refills with time; staff are not limited', () => {
    const s = room();
    const send = (id: string, at: number, who = viewer) => reduce(s, { type: 'chat', actor: who, id, text: 'hi' }, at).error?.code;
    expect([send('1', 0), send('2', 0), send('3', 0), send('4', 0)]).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    expect(send('5', 999)).toBe('RATE_LIMITED');
    expect(send('6', 2000)).toBeUndefined();
    for (let i = 0; i < 10; i++) expect(send('s' + i, 2000, mod)).toBeUndefined();
  });

  it('keeps only the most recent lines', () => {
    const s = room();
    for (let i = 0; i < 60; i++) reduce(s, { type: 'chat', actor: mod, id: 'm' + i, text: 't' }, 0);
    expect(s.chat).toHaveLength(50);
    expect(s.chat[0]!.id).toBe('m10');
  });
});

describe('room reducer: moderation', () => {
  it('deletes a line for everyone; an unknown id is an error', () => {
    const s = room();
    reduce(s, { type: 'chat', actor: viewer, id: 'm1', text: 'hi' }, 0);
    expect(reduce(s, { type: 'deleteChat', actor: mod, messageId: 'm1' }, 0).events[0]).toMatchObject({ kind: 'chatDeleted', messageId: 'm1' });
    expect(s.chat).toHaveLength(0);
    expect(reduce(s, { type: 'deleteChat', actor: mod, messageId: 'm1' }, 0).error?.code).toBe('MESSAGE_NOT_FOUND');
  });

  it('mutes for a duration, after which the viewer may chat again', () => {
    const s = room();
    reduce(s, { type: 'mute', actor: mod, viewerId: viewer.viewerId, until: 60_000 }, 0);
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'a', text: 'hi' }, 59_999).error?.code).toBe('MUTED');
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'b', text: 'hi' }, 60_000).error).toBeUndefined();
  });

  it('bans: the viewer cannot rejoin or chat, and their lines disappear', () => {
    const s = room();
    reduce(s, { type: 'chat', actor: viewer, id: 'm1', text: 'spam' }, 0);
    const r = reduce(s, { type: 'ban', actor: mod, viewerId: viewer.viewerId }, 0);
    expect(r.events.map((e) => e.kind)).toEqual(['banned', 'chatDeleted']);
    expect(reduce(s, { type: 'join', actor: viewer, conn: 'n1/9' }, 0).error?.code).toBe('BANNED');
    expect(reduce(s, { type: 'chat', actor: viewer, id: 'm2', text: 'x' }, 0).error?.code).toBe('BANNED');
  });
});

describe('room reducer: likes', () => {
  it('aggregates likes into one event per flush', () => {
    const s = room();
    for (let i = 0; i < 10; i++) reduce(s, { type: 'like', actor: viewer, count: 3 }, 0);
    expect(reduce(s, { type: 'flushLikes' }, 0).events).toMatchObject([{ kind: 'likes', delta: 30, total: 30 }]);
    expect(reduce(s, { type: 'flushLikes' }, 0).events).toEqual([]);
  });
});

describe('room reducer: products', () => {
  it('pins at most three products; pinning twice is a no-op; unpin removes', () => {
    const s = room();
    for (const id of ['a', 'b', 'c']) expect(reduce(s, { type: 'pin', product: product(id) }, 0).error).toBeUndefined();
    expect(reduce(s, { type: 'pin', product: product('a') }, 0).events).toEqual([]);
    expect(reduce(s, { type: 'pin', product: product('d') }, 0).error?.code).toBe('PIN_LIMIT');
    const r = reduce(s, { type: 'unpin', productId: 'b' }, 0);
    expect(r.events[0]).toMatchObject({ kind: 'pinned' });
    expect(s.pinned.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('announces a variant that just sold out, and the product when all variants are gone', () => {
    const s = room();
    reduce(s, { type: 'pin', product: tshirt({ m: 1, l: 1 }) }, 0);
    const r1 = reduce(s, { type: 'productChanged', product: tshirt({ m: 0, l: 1 }) }, 0);
    expect(r1.events.map((e) => e.kind)).toEqual(['productUpdated', 'soldOut']);
    expect(r1.events[1]).toMatchObject({ variantId: 'm', saleId: null });
    expect(s.pinned[0]!.variants[0]!.stock).toBe(0);
    const r2 = reduce(s, { type: 'productChanged', product: tshirt({ m: 0, l: 0 }) }, 0);
    expect(r2.events[1]).toMatchObject({ kind: 'soldOut', variantId: null });
  });
});

describe('room reducer: flash sale', () => {
  const plan = { id: 's1', roomId: 'main', productId: 'tee', variantId: 'm', countdownS: 10, durationS: 60, salePrice: 9900, quantity: 2, perBuyerLimit: 1 };

  it('announces the schedule, then the opening and the close on clock ticks, each once', () => {
    const s = room();
    const sale = planSale(plan, tshirt(), 0);
    expect(reduce(s, { type: 'saleScheduled', sale, product: tshirt() }, 0).events[0]).toMatchObject({ kind: 'sale', sale: { status: 'scheduled' } });
    expect(reduce(s, { type: 'tick' }, 9_999).events).toEqual([]);
    expect(reduce(s, { type: 'tick' }, 10_000).events[0]).toMatchObject({ kind: 'sale', sale: { status: 'open' } });
    expect(reduce(s, { type: 'tick' }, 10_001).events).toEqual([]);
    expect(reduce(s, { type: 'tick' }, 70_000).events[0]).toMatchObject({ kind: 'sale', sale: { status: 'closed' } });
  });

  it('reports orders, and announces the sale sold out when its quantity is gone', () => {
    const s = room();
    const sale = planSale(plan, tshirt(), 0);
    reduce(s, { type: 'saleScheduled', sale, product: tshirt() }, 0);
    const order = {
      id: 'o1', buyerId: viewer.viewerId, roomId: 'main', productId: 'tee', variantId: 'm', saleId: 's1', qty: 1,
      unitPrice: { amount: 9900, currency: 'CNY' as const }, total: { amount: 9900, currency: 'CNY' as const },
      status: 'created' as const, idempotencyKey: 'k0000001', createdAt: 11_000, updatedAt: 11_000,
    };
    const r1 = reduce(s, { type: 'orderPlaced', order, buyer: viewer, product: tshirt({ m: 9 }), sale: { ...sale, sold: 1 } }, 11_000);
    expect(r1.events.map((e) => e.kind)).toEqual(['orderPlaced', 'productUpdated', 'sale']);
    const r2 = reduce(s, { type: 'orderPlaced', order: { ...order, id: 'o2' }, buyer: viewer, product: tshirt({ m: 8 }), sale: { ...sale, sold: 2 } }, 12_000);
    expect(r2.events.map((e) => e.kind)).toEqual(['orderPlaced', 'productUpdated', 'sale', 'soldOut']);
    expect(r2.events[2]).toMatchObject({ sale: { status: 'closed', sold: 2 } });
    expect(r2.events[3]).toMatchObject({ saleId: 's1', variantId: 'm' });
  });
});

describe('room reducer: the host on stage', () => {
  it('keeps what is still playing for late joiners, and holds a tour stop until the next stop or the end of the tour', () => {
    const s = room();
    const speech = { kind: 'speech' as const, speechId: 'sp1', startAt: 100, text: 'hi', lang: 'zh' as const, emotion: { name: 'happy' as const, intensity: 0.5 }, gestures: [], audio: { url: '/a.wav', durationMs: 1000, sampleRate: 22050 }, visemes: [], productId: null, replyTo: null };
    reduce(s, { type: 'perform', event: speech, endsAt: 1100 }, 0);
    reduce(s, { type: 'perform', event: { kind: 'tourStop', boothId: 'a', startAt: 0, index: 0, of: 2 }, endsAt: 600_000 }, 0);
    expect(s.host.playing.map((p) => p.event.kind)).toEqual(['speech', 'tourStop']);
    reduce(s, { type: 'perform', event: { kind: 'tourStop', boothId: 'b', startAt: 5000, index: 1, of: 2 }, endsAt: 605_000 }, 5000);
    expect(s.host.playing.map((p) => (p.event.kind === 'tourStop' ? p.event.boothId : p.event.kind))).toEqual(['b']);
    reduce(s, { type: 'perform', event: { kind: 'hostMode', mode: 'idle', by: 'director' }, endsAt: 6000 }, 6000);
    expect(s.host.playing).toEqual([]);
    expect(s.host.mode).toBe('idle');
  });

  it('drops every line she was saying or had scheduled when she is hushed, so a late joiner never starts one', () => {
    const s = room();
    const line = (id: string, startAt: number) => ({ kind: 'speech' as const, speechId: id, startAt, text: id, lang: 'zh' as const, emotion: { name: 'happy' as const, intensity: 0.5 }, gestures: [], audio: { url: '/a.wav', durationMs: 1000, sampleRate: 22050 }, visemes: [], productId: null, replyTo: null });
    reduce(s, { type: 'perform', event: line('a1', 100), endsAt: 1100 }, 0);
    reduce(s, { type: 'perform', event: line('a2', 1300), endsAt: 2300 }, 0);
    reduce(s, { type: 'perform', event: { kind: 'tourStop', boothId: 'a', startAt: 0, index: 0, of: 2 }, endsAt: 600_000 }, 0);
    const r = reduce(s, { type: 'perform', event: { kind: 'hush', startAt: 500 }, endsAt: 500 }, 500);
    expect(r.events.map((e) => e.kind)).toEqual(['hush']);
    expect(s.host.playing.map((p) => p.event.kind)).toEqual(['tourStop']);
    reduce(s, { type: 'perform', event: line('say', 750), endsAt: 1750 }, 500);
    expect(s.host.playing.map((p) => (p.event.kind === 'speech' ? p.event.speechId : p.event.kind))).toEqual(['tourStop', 'say']);
  });
});
