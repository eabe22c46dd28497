import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, command, getJson, type TestApp } from './testing/test-app.js';
import { TestClient } from './testing/ws-client.js';
import { TEST_TOKENS } from './testing/spawn-server.js';
import { CLIENT_ROLES, ClientMessage, type Product } from '@snowstage/protocol';

/** The live room end to end: the real app on loopback, real WebSocket clients, a real SQLite file. */
let t: TestApp;
let products: Product[];
const clients: TestClient[] = [];
const join = async (hello: Record<string, unknown> = {}) => {
  const c = await TestClient.join(t.wsUrl, hello);
  clients.push(c);
  return c;
};
const operator = () => join({ authToken: TEST_TOKENS.operatorToken, nickname: 'Host' });
const moderator = () => join({ authToken: TEST_TOKENS.moderatorToken, nickname: 'Mod' });

beforeAll(async () => {
  // A slow refill, so the rate-limit test counts the burst exactly even on a loaded machine.
  t = await startTestApp({ CHAT_PER_SECOND: '0.05' });
  products = (await getJson(`${t.url}/api/products`)).products;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

describe('joining', () => {
  it('gives an anonymous viewer an id, a nickname and a token, and a snapshot of the room', async () => {
    const c = await join();
    const w = c.welcome!;
    expect(w.you.role).toBe('viewer');
    expect(w.you.viewerId).toMatch(/^v_/);
    expect(w.you.nickname.length).toBeGreaterThan(0);
    expect(w.snapshot.roomId).toBe('main');
    expect(w.snapshot.pinned.length).toBeGreaterThan(0);
    expect(w.snapshot.viewers).toBeGreaterThanOrEqual(1);
    expect(Math.abs(w.serverTime - Date.now())).toBeLessThan(5000);
  });

  it('recognises a returning viewer by token; a forged token gets a new identity', async () => {
    const first = await join({ nickname: '小雪' });
    const again = await join({ viewerToken: first.welcome!.you.viewerToken });
    expect(again.welcome!.you).toMatchObject({ viewerId: first.welcome!.you.viewerId, nickname: '小雪' });
    const forged = first.welcome!.you.viewerToken.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    const other = await join({ viewerToken: forged });
    expect(other.welcome!.you.viewerId).not.toBe(first.welcome!.you.viewerId);
  });

  it('refuses an unknown room and a wrong staff token, and the connection can still join', async () => {
    const c = await TestClient.connect(t.wsUrl);
    clients.push(c);
    expect(await c.request({ type: 'hello', room: 'no-such-room' })).toMatchObject({ type: 'error', code: 'ROOM_NOT_FOUND' });
    expect(await c.request({ type: 'hello', room: 'main', authToken: 'not-the-operator-token' })).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });
    expect(await c.request({ type: 'hello', room: 'main' })).toMatchObject({ type: 'welcome' });
    expect(await c.request({ type: 'hello', room: 'main' })).toMatchObject({ type: 'error', code: 'ALREADY_JOINED' });
  });
});

describe('chat', () => {
  it('broadcasts a line to everyone in the room', async () => {
    const a = await join({ nickname: 'Alice' });
    const b = await join();
    expect(await a.request({ type: 'chat', text: '东东好！Hello Dong Dong' })).toMatchObject({ type: 'ack' });
    const e = await b.waitForEvent('chat', (x) => x.line.text === '东东好！Hello Dong Dong');
    expect(e.line).toMatchObject({ nickname: 'Alice', role: 'viewer' });
  });

  it('refuses blocked words in Chinese and English and too-long lines, with the message in the viewer language', async () => {
    const zh = await join({ lang: 'zh' });
    const en = await join({ lang: 'en' });
    expect(await zh.request({ type: 'chat', text: '加微信领红包' })).toMatchObject({ code: 'CHAT_BLOCKED', message: '消息包含违禁词' });
    expect(await en.request({ type: 'chat', text: 'FREE   money here' })).toMatchObject({ code: 'CHAT_BLOCKED', message: 'The message contains blocked words' });
    expect(await en.request({ type: 'chat', text: 'x'.repeat(121) })).toMatchObject({ code: 'CHAT_TOO_LONG' });
  });

  it('rate-limits a flooding viewer', async () => {
    const c = await join();
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => c.request({ type: 'chat', text: `flood ${i}` })));
    expect(replies.filter((r) => r.type === 'ack')).toHaveLength(3);
    expect(replies.filter((r) => r.type === 'error' && r.code === 'RATE_LIMITED')).toHaveLength(3);
  });

  it('aggregates likes and broadcasts the total at a bounded rate', async () => {
    const a = await join();
    const b = await join();
    const before = b.welcome!.snapshot.likes;
    for (let i = 0; i < 10; i++) a.sendRaw(JSON.stringify({ type: 'like', count: 5 }));
    const e = await b.waitForEvent('likes', (x) => x.total >= before + 50);
    expect(e.delta).toBeGreaterThanOrEqual(1);
  });
});

describe('bad frames', () => {
  it('answers each bad frame with an error naming the problem; the connection and the room go on', async () => {
    const c = await join();
    // Frames that were not valid JSON carry no rid: wait for the next such error.
    const next = () => c.waitFor((f) => f.type === 'error' && f.rid === undefined && !seen.has(f), 5000).then((f) => (seen.add(f), f));
    const seen = new Set<unknown>();
    c.sendRaw('{not json');
    expect(await next()).toMatchObject({ code: 'BAD_FRAME' });
    c.sendRaw(Buffer.from([1, 2, 3]), true);
    expect(await next()).toMatchObject({ code: 'BINARY_NOT_SUPPORTED' });
    c.sendRaw(JSON.stringify({ type: 'chat', text: 'x'.repeat(20_000) }));
    expect(await next()).toMatchObject({ code: 'FRAME_TOO_LARGE' });
    expect(await c.request({ type: 'teleport' })).toMatchObject({ code: 'UNKNOWN_TYPE', detail: 'teleport' });
    expect(await c.request({ type: 'like', count: 'many' })).toMatchObject({ code: 'INVALID_MESSAGE' });
    expect(await c.request({ type: 'buy', productId: 'x' })).toMatchObject({ code: 'INVALID_MESSAGE' });
    c.sendRaw('[1,2]');
    expect(await next()).toMatchObject({ code: 'BAD_FRAME' });
    expect(await c.request({ type: 'chat', text: 'still here' })).toMatchObject({ type: 'ack' });
  });

  it('requires hello before anything else', async () => {
    const c = await TestClient.connect(t.wsUrl);
    clients.push(c);
    expect(await c.request({ type: 'chat', text: 'hi' })).toMatchObject({ code: 'NOT_JOINED' });
  });
});

describe('roles', () => {
  const staffMessages = [
    { type: 'pin', productId: 'x' },
    { type: 'unpin', productId: 'x' },
    { type: 'markSoldOut', productId: 'x' },
    { type: 'announce', text: 'hi' },
    { type: 'scheduleSale', productId: 'x', variantId: 'y', countdownS: 10, durationS: 60, salePrice: 1, quantity: 1, perBuyerLimit: 1 },
    { type: 'cancelSale', saleId: 's' },
    { type: 'deleteChat', messageId: 'm' },
    { type: 'mute', viewerId: 'v_xxxxxxx', durationS: 60 },
    { type: 'ban', viewerId: 'v_xxxxxxx' },
    { type: 'unmute', viewerId: 'v_xxxxxxx' },
    { type: 'unban', viewerId: 'v_xxxxxxx' },
    { type: 'moderationList' },
    { type: 'hostMode', mode: 'talkshow' },
    { type: 'hostSay', text: 'hi', emotion: { name: 'happy', intensity: 0.5 } },
    { type: 'queuePitch', productId: 'x' },
    { type: 'hostPause', paused: true },
    { type: 'approveComment', messageId: 'm' },
    { type: 'skipComment', messageId: 'm' },
    { type: 'hostApproval', on: true },
  ];

  it('has a sample above for every message that needs staff (a new one cannot slip past this test)', () => {
    const staffTypes = Object.entries(CLIENT_ROLES).filter(([, role]) => role !== 'viewer').map(([type]) => type);
    expect(staffMessages.map((m) => m.type).sort()).toEqual(staffTypes.sort());
    for (const m of staffMessages) expect(ClientMessage.safeParse(m).success, m.type).toBe(true);
  });

  it('refuses every operator and moderator action from a viewer, over WebSocket and HTTP', async () => {
    const c = await join();
    for (const m of staffMessages) {
      expect(await c.request(m), m.type).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
      expect((await command(t.url, c.welcome!.you.viewerToken, m)).status, m.type).toBe(403);
      expect((await command(t.url, undefined, m)).status, m.type).toBe(401);
    }
  });

  it('lets a moderator moderate but not run commerce or steer the host', async () => {
    const m = await moderator();
    for (const msg of staffMessages.filter((x) => CLIENT_ROLES[x.type as keyof typeof CLIENT_ROLES] === 'operator'))
      expect(await m.request(msg), msg.type).toMatchObject({ code: 'FORBIDDEN' });
    expect((await command(t.url, TEST_TOKENS.moderatorToken, { type: 'pin', productId: products[0]!.id })).status).toBe(403);
  });
});

describe('moderation', () => {
  it('deletes a line for everyone, mutes for a while, and bans', async () => {
    const mod = await moderator();
    const troll = await join({ nickname: 'Troll' });
    const watcher = await join();
    await troll.request({ type: 'chat', text: 'annoying line' });
    const line = (await watcher.waitForEvent('chat', (e) => e.line.text === 'annoying line')).line;
    expect(await mod.request({ type: 'deleteChat', messageId: line.id })).toMatchObject({ type: 'ack' });
    await watcher.waitForEvent('chatDeleted', (e) => e.messageId === line.id);

    await mod.request({ type: 'mute', viewerId: troll.welcome!.you.viewerId, durationS: 60 });
    await troll.waitFor((f) => f.type === 'moderated');
    expect(await troll.request({ type: 'chat', text: 'again' })).toMatchObject({ code: 'MUTED' });

    await mod.request({ type: 'ban', viewerId: troll.welcome!.you.viewerId });
    await new Promise<void>((res) => troll.ws.once('close', () => res()));
    const back = await TestClient.connect(t.wsUrl);
    clients.push(back);
    expect(await back.request({ type: 'hello', room: 'main', viewerToken: troll.welcome!.you.viewerToken })).toMatchObject({ code: 'BANNED' });

    // Staff see who is muted and banned (by the nickname they chatted with), and can undo both.
    const trollId = troll.welcome!.you.viewerId;
    expect(await mod.request({ type: 'moderationList' })).toMatchObject({ type: 'moderation', muted: [{ viewerId: trollId, nickname: 'Troll' }], banned: [{ viewerId: trollId, nickname: 'Troll' }] });
    expect(await watcher.request({ type: 'moderationList' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await watcher.request({ type: 'unban', viewerId: trollId })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await mod.request({ type: 'unban', viewerId: trollId })).toMatchObject({ type: 'ack' });
    const returned = await TestClient.join(t.wsUrl, { viewerToken: troll.welcome!.you.viewerToken });
    clients.push(returned);
    expect(await returned.request({ type: 'chat', text: 'sorry' })).toMatchObject({ code: 'MUTED' });
    expect(await mod.request({ type: 'unmute', viewerId: trollId })).toMatchObject({ type: 'ack' });
    await returned.waitFor((f) => f.type === 'moderated' && f.action === 'unmuted');
    expect(await returned.request({ type: 'chat', text: 'sorry, really' })).toMatchObject({ type: 'ack' });
    expect(await mod.request({ type: 'moderationList' })).toMatchObject({ muted: [], banned: [] });
    // Muted again: the restart test below checks the list survives a restart.
    await mod.request({ type: 'mute', viewerId: trollId, durationS: 600 });
  });

  it('exports the chat as CSV for the operator only', async () => {
    const a = await join({ nickname: 'CSV,"fan"' });
    await a.request({ type: 'chat', text: 'csv line 雪' });
    await (await t.app.hub.get('main')).settled();
    const res = await fetch(`${t.url}/api/rooms/main/chat.csv`, { headers: { authorization: `Bearer ${TEST_TOKENS.operatorToken}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so spreadsheet apps read UTF-8
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('time,message_id,viewer_id,nickname,role,text,deleted');
    expect(csv).toContain('"CSV,""fan""",viewer,csv line 雪,no');
    expect((await fetch(`${t.url}/api/rooms/main/chat.csv`, { headers: { authorization: `Bearer ${a.welcome!.you.viewerToken}` } })).status).toBe(403);
  });
});

describe('products and announcements', () => {
  it('pins up to three products and shows their cards; unpin and sold-out reach viewers', async () => {
    const op = await operator();
    const viewer = await join();
    for (const p of viewer.welcome!.snapshot.pinned) await op.request({ type: 'unpin', productId: p.id });
    for (const p of products.slice(0, 3)) expect(await op.request({ type: 'pin', productId: p.id })).toMatchObject({ type: 'ack' });
    expect(await op.request({ type: 'pin', productId: products[3]!.id })).toMatchObject({ code: 'PIN_LIMIT' });
    const ids = (e: { products: { id: string }[] }) => e.products.map((p) => p.id).join();
    await viewer.waitForEvent('pinned', (e) => ids(e) === products.slice(0, 3).map((p) => p.id).join());
    await op.request({ type: 'markSoldOut', productId: products[1]!.id });
    await viewer.waitForEvent('soldOut', (e) => e.productId === products[1]!.id && e.variantId === null);
    await op.request({ type: 'unpin', productId: products[1]!.id });
    // The unpins before made two-card states too: wait for this one by its products.
    await viewer.waitForEvent('pinned', (x) => ids(x) === [products[0]!.id, products[2]!.id].join());
    expect(await op.request({ type: 'announce', text: '8点整秒杀！Flash sale at 8!' })).toMatchObject({ type: 'ack' });
    await viewer.waitForEvent('announcement', (x) => x.text.startsWith('8点整'));
  });
});

describe('flash sale', () => {
  it('counts down, opens by itself, sells exactly its quantity to racing buyers, holds limits, and closes', async () => {
    const op = await operator();
    const product = products.find((p) => p.variants.some((v) => v.stock >= 30) && p.id !== products[1]!.id)!;
    const variant = product.variants.find((v) => v.stock >= 30)!;
    const quantity = 25;
    const watcher = await join();
    const sched = await op.request({
      type: 'scheduleSale', productId: product.id, variantId: variant.id, countdownS: 1, durationS: 30,
      salePrice: Math.floor(product.price.amount / 2), quantity, perBuyerLimit: 1,
    });
    expect(sched, JSON.stringify(sched)).toMatchObject({ type: 'ack' });
    const scheduled = await watcher.waitForEvent('sale', (e) => e.sale.status === 'scheduled');
    const saleId = scheduled.sale.id;
    expect(scheduled.sale.startsAt - Date.now()).toBeLessThanOrEqual(1000);
    expect(await op.request({ type: 'scheduleSale', productId: product.id, variantId: variant.id, countdownS: 10, durationS: 30, salePrice: 1, quantity: 1, perBuyerLimit: 1 }))
      .toMatchObject({ code: 'SALE_CONFLICT' });

    const buyers = await Promise.all(Array.from({ length: 60 }, () => join()));
    const req = (i: number, key: string) => ({ type: 'buy', productId: product.id, variantId: variant.id, qty: 1, saleId, key });
    expect(await buyers[0]!.request(req(0, 'early-key-0'))).toMatchObject({ code: 'SALE_NOT_OPEN' });

    await watcher.waitForEvent('sale', (e) => e.sale.id === saleId && e.sale.status === 'open', 5000);
    // Every buyer fires three requests at once: a buy, a retry with the same key, and a second buy with a new key.
    const replies = await Promise.all(
      buyers.flatMap((b, i) => [b.request(req(i, `k-${i}-first`)), b.request(req(i, `k-${i}-first`)), b.request(req(i, `k-${i}-second`))]),
    );
    const orders = replies.filter((r) => r.type === 'order') as Extract<(typeof replies)[number], { type: 'order' }>[];
    const unique = new Set(orders.map((o) => o.order.id));
    expect(unique.size).toBe(quantity);
    // A retry returns the very same order.
    for (let i = 0; i < buyers.length; i++) {
      const [a, b] = [replies[i * 3]!, replies[i * 3 + 1]!];
      if (a.type === 'order') expect(b).toMatchObject({ type: 'order', replayed: true, order: { id: a.order.id } });
    }
    // Nobody got more than one.
    const perBuyer = new Map<string, number>();
    for (const id of unique) {
      const o = orders.find((x) => x.order.id === id)!.order;
      perBuyer.set(o.buyerId, (perBuyer.get(o.buyerId) ?? 0) + o.qty);
    }
    expect(Math.max(...perBuyer.values())).toBe(1);
    const codes = new Set(replies.flatMap((r) => (r.type === 'error' ? [r.code] : [])));
    for (const code of codes) expect(['SOLD_OUT', 'LIMIT_EXCEEDED']).toContain(code);

    expect(await t.store.soldUnits(product.id, variant.id, saleId)).toBe(quantity);
    expect((await t.store.getSale(saleId))!.sold).toBe(quantity);
    expect((await t.store.getProduct(product.id))!.variants.find((v) => v.id === variant.id)!.stock).toBe(variant.stock - quantity);
    await watcher.waitForEvent('soldOut', (e) => e.saleId === saleId);
    await watcher.waitForEvent('sale', (e) => e.sale.id === saleId && e.sale.status === 'closed');
    await watcher.waitForEvent('orderPlaced', (e) => e.saleId === saleId);

    // The buyer sees the order with its status over HTTP, and can pay for it.
    const winner = buyers.find((b) => orders.some((o) => o.order.buyerId === b.welcome!.you.viewerId))!;
    const auth = { authorization: `Bearer ${winner.welcome!.you.viewerToken}` };
    const mine = (await getJson(`${t.url}/api/me/orders`, auth)).orders;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'created', saleId, unitPrice: { amount: Math.floor(product.price.amount / 2) } });
    const paid = await fetch(`${t.url}/api/orders/${mine[0].id}/pay`, { method: 'POST', headers: auth });
    expect(((await paid.json()) as any).order.status).toBe('paid');
    const stranger = await join();
    expect((await fetch(`${t.url}/api/orders/${mine[0].id}`, { headers: { authorization: `Bearer ${stranger.welcome!.you.viewerToken}` } })).status).toBe(404);
    expect((await fetch(`${t.url}/api/me/orders`)).status).toBe(401);
  });

  it('shows a late joiner the sale and its countdown in the snapshot', async () => {
    const snap = (await getJson(`${t.url}/api/rooms/main`)).snapshot;
    expect(snap.sale).not.toBeNull();
    expect(snap.sale.status).toBe('closed');
  });

  it('refuses impossible sale parameters with a clear error', async () => {
    const op = await operator();
    const p = products[5]!;
    const r = await op.request({ type: 'scheduleSale', productId: p.id, variantId: p.variants[0]!.id, countdownS: 10, durationS: 30, salePrice: p.price.amount + 1, quantity: 1, perBuyerLimit: 1 });
    expect(r).toMatchObject({ code: 'SALE_INVALID', detail: 'the sale price must be below the list price' });
    expect(await op.request({ type: 'scheduleSale', productId: p.id, variantId: p.variants[0]!.id, countdownS: 301, durationS: 30, salePrice: 1, quantity: 1, perBuyerLimit: 1 }))
      .toMatchObject({ code: 'INVALID_MESSAGE' });
    expect(await op.request({ type: 'scheduleSale', productId: p.id, variantId: p.variants[0]!.id, countdownS: 10, durationS: 30, salePrice: 1, quantity: 1_000_000, perBuyerLimit: 1 }))
      .toMatchObject({ code: 'SALE_INVALID' });
  });
});

describe('event log and restart', () => {
  it('logs every room event in order and restores pins, chat and likes after a restart', async () => {
    const room = await t.app.hub.get('main');
    // Wait for every still-open client to close (a banned one was closed by the server already).
    await Promise.all(
      clients.splice(0).map((c) => (c.ws.readyState === c.ws.CLOSED ? undefined : new Promise<void>((res) => (c.ws.once('close', () => res()), c.close())))),
    );
    await new Promise((res) => setTimeout(res, 100)); // the server sees the closes
    await room.settled();
    const events = await t.store.readEvents('main');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['viewerJoined', 'viewerLeft', 'chat', 'chatDeleted', 'likes', 'pinned', 'soldOut', 'announcement', 'sale', 'orderPlaced', 'muted', 'banned', 'unmuted', 'unbanned', 'productUpdated'])
      expect(kinds, k).toContain(k);
    const before = await room.snapshot();
    const moderatedBefore = await room.moderation();
    expect(moderatedBefore.muted.map((m) => m.nickname)).toEqual(['Troll']);

    await t.close();
    t = await startTestApp({}, t.dataDir);
    const after = await (await t.app.hub.get("main")).snapshot();
    expect(await (await t.app.hub.get('main')).moderation()).toEqual(moderatedBefore);
    expect(after.pinned.map((p) => p.id)).toEqual(before.pinned.map((p) => p.id));
    expect(after.chat.map((l) => l.id)).toEqual(before.chat.map((l) => l.id));
    expect(after.likes).toBe(before.likes);
    expect(after.announcement).toBe(before.announcement);
    expect(after.seq).toBe(before.seq);
    expect(after.viewers).toBe(0);
  });
});
