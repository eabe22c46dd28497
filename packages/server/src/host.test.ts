import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { loadContent } from './content.js';
import { startNode, type RunningNode } from './node.js';
import { TEST_TOKENS } from './testing/spawn-server.js';
import { TestClient } from './testing/ws-client.js';
import type { RoomEvent } from '@snowstage/protocol';

/**
 * The host end to end on one node with the real brain, the real embedded voice and the director:
 * she answers a viewer's question out loud (audio served, mouth timeline), says the operator's
 * typed line, hypes a flash sale with facts from the store, and dances to a song on its beats.
 */
const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
let node: RunningNode;
let url: string;
let config: ReturnType<typeof loadConfig>;
const clients: TestClient[] = [];
const ws = () => url.replace('http', 'ws') + '/ws';
const speech = (c: TestClient, pred: (e: Extract<RoomEvent, { kind: 'speech' }>) => boolean, timeoutMs = 20_000) => c.waitForEvent('speech', pred as never, timeoutMs) as Promise<Extract<RoomEvent, { kind: 'speech' }>>;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'snowstage-host-'));
  config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONTENT_DIR: join(ROOT, 'content'), WEB_DIR: join(dataDir, 'no-web'), LOG_LEVEL: 'silent',
    SALE_MIN_COUNTDOWN_S: '1', BROADCAST_INTERVAL_MS: '10', STATS_INTERVAL_MS: '100', HOST_IDLE_MS: '600000', VOICE_WARMUP: '1',
  });
  node = await startNode({ config, content: loadContent(config.contentDir), secrets: TEST_TOKENS });
  url = await node.app.listen();
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await node?.close();
});

describe('the host', () => {
  it('answers a viewer question aloud with the price from the store, a mouth timeline and audio anyone can fetch', async () => {
    const viewer = await TestClient.join(ws(), { nickname: '小雪' });
    clients.push(viewer);
    const ask = await viewer.request({ type: 'chat', text: '雪墩墩毛绒公仔多少钱？' });
    expect(ask.type).toBe('ack');
    const line = viewer.events.find((e) => e.kind === 'chat' && e.line.text.startsWith('雪墩墩毛绒公仔'));
    const answer = await speech(viewer, (e) => e.replyTo?.nickname === '小雪');
    const product = (await node.store.getProduct('xue-dundun-plush'))!;
    const all = viewer.events.filter((e): e is Extract<RoomEvent, { kind: 'speech' }> => e.kind === 'speech' && e.seq >= answer.seq).map((e) => e.text).join('');
    expect(all).toContain(String(product.price.amount / 100));
    expect(answer.replyTo!.text).toBe('雪墩墩毛绒公仔多少钱？');
    if (line?.kind === 'chat') expect(answer.replyTo!.messageId).toBe(line.line.id);
    expect(answer.visemes.length).toBeGreaterThan(3);
    expect(answer.visemes.some((v) => v.v === 'sil')).toBe(true);
    expect(answer.startAt).toBeGreaterThan(answer.at);
    const wav = await fetch(url + answer.audio.url);
    expect(wav.status).toBe(200);
    expect(wav.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await wav.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(bytes.length).toBeGreaterThan((answer.audio.durationMs / 1000) * answer.audio.sampleRate); // 16-bit samples
  }, 60_000);

  it("says the operator's typed line with the chosen emotion and gesture, and never talks over herself", async () => {
    const op = await TestClient.join(ws(), { authToken: TEST_TOKENS.operatorToken });
    clients.push(op);
    const r = await op.request({ type: 'hostSay', text: '大家好，我是东东！Welcome everyone!', emotion: { name: 'excited', intensity: 0.9 }, gesture: 'wave' });
    expect(r.type).toBe('ack');
    const said = await speech(op, (e) => e.text.includes('我是东东'));
    expect(said.emotion).toEqual({ name: 'excited', intensity: 0.9 });
    expect(said.gestures[0]?.name).toBe('wave');
    const lines = op.events.filter((e): e is Extract<RoomEvent, { kind: 'speech' }> => e.kind === 'speech').sort((a, b) => a.startAt - b.startAt);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.startAt).toBeGreaterThanOrEqual(lines[i - 1]!.startAt + lines[i - 1]!.audio.durationMs);

    // Barge-in: she is in the middle of a long answer (later lines already broadcast) when the operator
    // has her say something. A hush stops all of it first; nothing of the answer plays after it.
    const viewer = await TestClient.join(ws(), { nickname: 'Curious' });
    clients.push(viewer);
    await viewer.request({ type: 'chat', text: '围巾是什么材质的？能机洗吗？多少钱？有几种颜色？' });
    const answer = await speech(viewer, (e) => e.replyTo?.nickname === 'Curious');
    await new Promise((r) => setTimeout(r, Math.max(0, answer.startAt - Date.now()) + 300));
    await op.request({ type: 'hostSay', text: '打断一下，秒杀马上开始！', emotion: { name: 'excited', intensity: 0.9 } });
    const cut = await speech(viewer, (e) => e.text.includes('打断一下'));
    const hush = viewer.events.find((e): e is Extract<RoomEvent, { kind: 'hush' }> => e.kind === 'hush' && e.seq > answer.seq && e.seq < cut.seq);
    expect(hush).toBeDefined();
    expect(cut.startAt).toBeGreaterThanOrEqual(hush!.startAt);
    const snapshot = (await TestClient.join(ws())).welcome!.snapshot;
    const stillPlaying = snapshot.host.playing.filter((e) => e.kind === 'speech').map((e) => (e as { text: string }).text);
    expect(stillPlaying.every((t) => t.includes('打断一下'))).toBe(true);
    expect(await viewer.request({ type: 'hostSay', text: 'I am the host now', emotion: { name: 'happy', intensity: 0.5 } })).toMatchObject({ code: 'FORBIDDEN' });
  }, 60_000);

  it('hypes a flash sale with its real price and dances to a song on its beats', async () => {
    const op = await TestClient.join(ws(), { authToken: TEST_TOKENS.operatorToken });
    clients.push(op);
    const product = (await node.store.getProduct('knit-scarf'))!;
    await op.request({ type: 'scheduleSale', productId: product.id, variantId: product.variants[0]!.id, countdownS: 30, durationS: 60, salePrice: 6900, quantity: 5, perBuyerLimit: 1 });
    const hype = await speech(op, (e) => e.text.includes('69'), 30_000);
    expect(['excited', 'happy', 'surprised']).toContain(hype.emotion.name);
    await op.request({ type: 'cancelSale', saleId: (await (await node.app.hub.get('main')).snapshot()).sale!.id });

    expect(await op.request({ type: 'hostMode', mode: 'dance' })).toMatchObject({ type: 'ack' });
    const dance = (await op.waitForEvent('dance', () => true, 30_000)) as Extract<RoomEvent, { kind: 'dance' }>;
    const song = loadContent(join(ROOT, 'content')).songs.songs.find((x) => x.id === dance.songId)!;
    expect(Math.abs(dance.bpm - song.bpm) / song.bpm).toBeLessThan(0.02);
    expect(dance.moves.length).toBeGreaterThan(4);
    const wav = await fetch(url + dance.audio.url);
    expect(wav.status).toBe(200);
    expect(Buffer.from(await wav.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');
  }, 90_000);

  it('runs a lucky draw on stage: announces it with a cheer, then congratulates the winners with heart hands', async () => {
    const viewer = await TestClient.join(ws(), { nickname: 'LuckyFan' });
    clients.push(viewer);
    const auth = { authorization: `Bearer ${TEST_TOKENS.operatorToken}`, 'content-type': 'application/json' };
    const plan = { title: { zh: '冰墩墩抽奖', en: 'Plush Draw' }, prizes: [{ id: 'plush', name: { zh: '冰墩墩', en: 'Plush' }, quantity: 2 }], opensAt: Date.now() - 1000, closesAt: Date.now() + 60_000, roomId: 'main' };
    const created = (await (await fetch(`${url}/api/draws`, { method: 'POST', headers: auth, body: JSON.stringify(plan) })).json()) as { draw: { id: string } };
    const announce = await speech(viewer, (e) => e.text.includes('冰墩墩抽奖') || e.text.includes('Plush Draw'), 30_000);
    expect(announce.gestures.map((g) => g.name)).toContain('cheer');
    expect((await fetch(`${url}/api/draws/${created.draw.id}/close`, { method: 'POST', headers: { authorization: auth.authorization } })).status).toBe(200);
    await viewer.waitForEvent('draw', (e) => e.phase === 'drawn', 10_000);
    const congrats = await speech(viewer, (e) => e.gestures.some((g) => g.name === 'heart-hands') && e.seq > announce.seq, 30_000);
    expect(congrats.emotion.name).toBe('happy');
  }, 90_000);

  it('waits for staff approval when asked to: the comment shows in the queue, and she answers once approved', async () => {
    const op = await TestClient.join(ws(), { authToken: TEST_TOKENS.operatorToken });
    const viewer = await TestClient.join(ws(), { nickname: 'Asker' });
    clients.push(op, viewer);
    expect(await op.request({ type: 'hostApproval', on: true })).toMatchObject({ type: 'ack' });
    await op.waitFor((f) => f.type === 'commentQueue' && f.approval === true);
    await viewer.request({ type: 'chat', text: 'How much is the Deng Bao plush?' });
    const queued = (await op.waitFor((f) => f.type === 'commentQueue' && f.items.some((i) => i.text === 'How much is the Deng Bao plush?'), 20_000)) as Extract<typeof op.frames[number], { type: 'commentQueue' }>;
    const item = queued.items.find((i) => i.text === 'How much is the Deng Bao plush?')!;
    await new Promise((r) => setTimeout(r, 1500));
    expect(viewer.events.some((e) => e.kind === 'speech' && e.replyTo?.messageId === item.messageId)).toBe(false);
    expect(await op.request({ type: 'approveComment', messageId: item.messageId })).toMatchObject({ type: 'ack' });
    const answer = await speech(viewer, (e) => e.replyTo?.messageId === item.messageId, 20_000);
    expect(answer.lang).toBe('en');
    await op.request({ type: 'hostApproval', on: false });
    expect(await viewer.request({ type: 'hostApproval', on: false })).toMatchObject({ code: 'FORBIDDEN' });
  }, 90_000);

  it('stays paused when the server restarts after the operator paused her', async () => {
    const op = await TestClient.join(ws(), { authToken: TEST_TOKENS.operatorToken });
    expect(await op.request({ type: 'hostPause', paused: true })).toMatchObject({ type: 'ack' });
    await op.waitFor((f) => f.type === 'commentQueue' && f.paused);
    op.close();
    await node.close();
    node = await startNode({ config, content: loadContent(config.contentDir), secrets: TEST_TOKENS });
    url = await node.app.listen();
    const again = await TestClient.join(ws(), { authToken: TEST_TOKENS.operatorToken });
    clients.push(again);
    expect(again.welcome!.snapshot.host.mode).toBe('paused');
    // The director (restored with the room) says how it stands: still paused.
    await expect.poll(async () => {
      await again.request({ type: 'hostApproval', on: false });
      const q = [...again.frames].reverse().find((f) => f.type === 'commentQueue');
      return q?.type === 'commentQueue' ? q.mode : null;
    }, { timeout: 20_000, interval: 500 }).toBe('paused');
  }, 90_000);
});
