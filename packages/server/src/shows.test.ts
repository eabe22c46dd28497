import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, getJson, type TestApp } from './testing/test-app.js';
import { TestClient } from './testing/ws-client.js';
import { TEST_TOKENS } from './testing/spawn-server.js';
import type { Product } from '@snowstage/protocol';

/** A scripted show over real WebSockets; its report must equal the known totals exactly. */
let t: TestApp;
const clients: TestClient[] = [];
const op = { authorization: `Bearer ${TEST_TOKENS.operatorToken}`, 'content-type': 'application/json' };
const post = async (path: string, body: unknown, headers: Record<string, string> = op) => {
  const res = await fetch(t.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body ?? {}) });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  t = await startTestApp({}, undefined);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});

describe('a show from schedule to report and replay', () => {
  it('counts a scripted show exactly, exports it as CSV, and replays it with its product timeline', async () => {
    const early = await TestClient.join(t.wsUrl, { nickname: 'Early' });
    clients.push(early);
    const products: Product[] = (await getJson(`${t.url}/api/products`)).products;
    const [a, b] = [products.find((p) => p.id === 'xue-dundun-mug')!, products.find((p) => p.id === 'canvas-tote-bag')!];

    const { body: created } = await post('/api/shows', { roomId: 'main', title: '冬奥好物夜 Winter Goods Night', scheduledAt: Date.now() + 60_000, lineup: [a.id, b.id] });
    expect(created.show).toMatchObject({ status: 'scheduled', lineup: [a.id, b.id] });
    const showId = created.show.id as string;
    expect((await post(`/api/shows/${showId}/live`, {})).body.show).toMatchObject({ status: 'live' });
    // The show opens on its line-up: its products are the pinned cards.
    expect((await getJson(`${t.url}/api/rooms/main`)).snapshot.pinned.map((p: Product) => p.id)).toEqual([a.id, b.id]);

    // Three more viewers; chats; card clicks; purchases (one fails on the per-order limit).
    const v = await Promise.all(['小雪', 'Ann', 'Bo'].map((n) => TestClient.join(t.wsUrl, { nickname: n })));
    clients.push(...v);
    for (const c of [v[0]!, v[1]!, early]) expect(await c.request({ type: 'chat', text: `hello from ${c.welcome!.you.nickname}` })).toMatchObject({ type: 'ack' });
    const opClient = await TestClient.join(t.wsUrl, { authToken: TEST_TOKENS.operatorToken });
    clients.push(opClient);
    await opClient.request({ type: 'chat', text: 'staff lines are not viewer comments' });
    expect(await opClient.request({ type: 'unpin', productId: 'knit-scarf' })).toMatchObject({ type: 'ack' });
    expect(await opClient.request({ type: 'pin', productId: a.id })).toMatchObject({ type: 'ack' });
    for (const c of [v[0]!, v[1]!, v[2]!]) await c.request({ type: 'track', what: 'cardClick', productId: a.id });
    await v[2]!.request({ type: 'track', what: 'cardClick', productId: b.id });
    await v[1]!.request({ type: 'track', what: 'cartAdd', productId: b.id });
    const buy = (c: TestClient, p: Product, qty: number, key: string) => c.request({ type: 'buy', productId: p.id, variantId: p.variants[0]!.id, qty, key });
    expect(await buy(v[0]!, a, 2, 'show-k-0001')).toMatchObject({ type: 'order' });
    expect(await buy(v[0]!, a, 2, 'show-k-0001')).toMatchObject({ type: 'order', replayed: true }); // a retry is not a new attempt
    expect(await buy(v[1]!, b, 1, 'show-k-0002')).toMatchObject({ type: 'order' });
    expect(await buy(v[2]!, a, 21, 'show-k-0003')).toMatchObject({ type: 'error' }); // the schema caps qty at 20: never reaches the room
    expect(await buy(v[2]!, b, 1, 'show-k-0004')).toMatchObject({ type: 'order' });
    await v[1]!.request({ type: 'like', count: 7 });
    await new Promise((r) => setTimeout(r, 250)); // likes are flushed on the stats interval (100 ms in tests)

    // Live analytics while on air.
    const live = await getJson(`${t.url}/api/rooms/main/analytics`, op);
    expect(live.show.id).toBe(showId);
    expect(live.analytics).toMatchObject({ orders: 3, uniqueViewers: 5, comments: 3 });

    const { body: ended } = await post(`/api/shows/${showId}/end`, {});
    expect(ended.show).toMatchObject({ status: 'ended' });

    // After the show: a replay view and a replay purchase at list price, counted apart.
    const watcher = await TestClient.join(t.wsUrl, { nickname: 'Later' });
    clients.push(watcher);
    const bearer = { authorization: `Bearer ${watcher.welcome!.you.viewerToken}` };
    expect((await post(`/api/shows/${showId}/replay/view`, {}, bearer)).status).toBe(200);
    const rb = await post(`/api/shows/${showId}/replay/buy`, { productId: a.id, variantId: a.variants[0]!.id, qty: 1, key: 'replay-key-1' }, bearer);
    expect(rb.status).toBe(200);
    expect(rb.body.order.unitPrice.amount).toBe(a.price.amount);
    expect((await post(`/api/shows/${showId}/replay/buy`, { productId: a.id, variantId: a.variants[0]!.id, qty: 1, key: 'replay-key-2', saleId: 'x' }, bearer)).status).toBe(400);

    const { analytics } = await getJson(`${t.url}/api/shows/${showId}/report`, op);
    expect(analytics).toMatchObject({
      uniqueViewers: 5, // early + 3 + the operator's connection
      comments: 3,
      likes: 7,
      cardClicks: 4,
      cartAdds: 1,
      buyAttempts: 3,
      orders: 3,
      units: 4,
      gmv: 2 * a.price.amount + 2 * b.price.amount,
      buyers: 3,
      conversion: 0.6,
      replayViews: 1,
      replayOrders: 1,
      replayGmv: a.price.amount,
    });
    expect(analytics.perProduct.find((p: any) => p.productId === a.id)).toMatchObject({ clicks: 3, orders: 1, units: 2, gmv: 2 * a.price.amount });
    expect(analytics.perProduct.find((p: any) => p.productId === b.id)).toMatchObject({ clicks: 1, cartAdds: 1 });

    const csv = await (await fetch(`${t.url}/api/shows/${showId}/report?format=csv`, { headers: op })).text();
    expect(csv).toContain(`gmv_cny,${((2 * a.price.amount + 2 * b.price.amount) / 100).toFixed(2)}`);
    expect(csv).toContain(`${a.id},3,0,1,1,2,`);

    // The replay: public events from the start, with product markers (the stage restated at the start, then the pin).
    const replay = await getJson(`${t.url}/api/shows/${showId}/replay`);
    expect(replay.events[0].kind).toBe('showStarted');
    expect(replay.events.at(-1).kind).toBe('showEnded');
    expect(replay.events.some((e: any) => e.kind === 'viewerJoined' || e.kind === 'buyAttempt')).toBe(false);
    expect(replay.markers.length).toBeGreaterThanOrEqual(3);
    expect(replay.markers[0].productIds).toContain('knit-scarf');
    expect(replay.markers.at(-1).productIds).toContain(a.id);
  });

  it('refuses every operator action to a viewer token (403) and to no token (401)', async () => {
    const viewer = await TestClient.join(t.wsUrl);
    clients.push(viewer);
    const vt = { authorization: `Bearer ${viewer.welcome!.you.viewerToken}` };
    const { body } = await post('/api/shows', { roomId: 'main', title: 'x', scheduledAt: Date.now() });
    const id = body.show.id;
    for (const [method, path, payload] of [
      ['POST', '/api/shows', { roomId: 'main', title: 'x', scheduledAt: 1 }],
      ['POST', `/api/shows/${id}/live`, {}],
      ['POST', `/api/shows/${id}/end`, {}],
      ['GET', `/api/shows/${id}/report`, undefined],
      ['GET', '/api/rooms/main/analytics', undefined],
      ['POST', '/api/rooms/main/commands', { type: 'announce', text: 'hi' }],
      ['GET', '/api/rooms/main/chat.csv', undefined],
    ] as const) {
      const init = (headers: Record<string, string>) => ({ method, headers: { 'content-type': 'application/json', ...headers }, ...(payload ? { body: JSON.stringify(payload) } : {}) });
      expect((await fetch(t.url + path, init(vt))).status, `${method} ${path}`).toBe(403);
      expect((await fetch(t.url + path, init({}))).status, `${method} ${path}`).toBe(401);
    }
  });
});
