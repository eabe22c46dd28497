import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { spawnServer, TEST_TOKENS, type RunningServer } from '../packages/server/src/testing/spawn-server.js';
import { TestClient } from '../packages/server/src/testing/ws-client.js';
import { yuan } from '../packages/web/src/console/analytics-data.js';
import { ARTIFACTS, launchBrowser, newPage, screenshot } from './browser.js';

/**
 * The host console, the report and the replay in Debian's Chromium against the real server: sign-in,
 * a flash sale the viewer page counts down, a typed line the viewer page captions, a show from
 * schedule to report and replay (jumping to a product marker), and the operator API refusing viewers.
 */
let server: RunningServer;
let browser: Browser;
const DOCS = resolve(fileURLToPath(new URL('../docs/screenshots', import.meta.url)));
const OP = TEST_TOKENS.operatorToken;

/** Saves a screenshot under test-artifacts/ and keeps it for the docs too (whole page with `full`). */
async function docShot(page: Page, name: string, full = false): Promise<void> {
  const path = full ? join(ARTIFACTS, `${name}.png`) : await screenshot(page, name);
  if (full) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path, fullPage: true });
  }
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(path, join(DOCS, `${name}.png`));
}

async function signIn(page: Page, lang: 'en' | 'zh' = 'en'): Promise<void> {
  await page.goto(`${server.url}/console?lang=${lang}`);
  await page.getByTestId('login-token').fill(OP);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('panel-commerce').waitFor();
  await page.locator('[data-testid=conn-status].conn-live').waitFor();
}

const json = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(server.url + path, init);
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
};
const op = { authorization: `Bearer ${OP}`, 'content-type': 'application/json' };
/** For the scripted flows with the host speaking: software WebGL and speech synthesis share two cores. */
const LONG = 240_000;

beforeAll(async () => {
  // With the host (brain, voice, director): it warms up before the server says it is live, slowly on a busy machine.
  server = await spawnServer({ env: { SALE_MIN_COUNTDOWN_S: '1', HOST_ENABLED: 'true' }, timeoutMs: 120_000 });
  browser = await launchBrowser();
});
/** Browser contexts a test opened; closed after it so idle pages do not keep rendering. */
const contexts: BrowserContext[] = [];
async function open(opts: Parameters<typeof newPage>[1]) {
  const opened = await newPage(browser, opts);
  contexts.push(opened.context);
  return opened;
}
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

describe('host console', () => {
  it('refuses a wrong token with the server’s message, then signs in with the operator token', async () => {
    const { page, errors } = await open({ width: 1440, height: 1000, locale: 'en-US' });
    await page.goto(`${server.url}/console?lang=en`);
    await page.getByTestId('login-token').fill('not-the-operator-token-123');
    await page.getByTestId('login-submit').click();
    const refused = await json('/api/rooms/main/analytics', { headers: { authorization: 'Bearer not-the-operator-token-123', 'accept-language': 'en' } });
    expect(refused.status).toBe(403);
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe(refused.body.error.message);

    await page.getByTestId('login-token').fill(OP);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('panel-commerce').waitFor();
    await page.locator('[data-testid=conn-status].conn-live').waitFor();
    // The room's pinned products are listed with their live stock.
    await page.getByTestId('pinned-list').locator('.pinned-row').first().waitFor();
    expect(await page.getByTestId('pinned-list').locator('.pinned-row').count()).toBe(3);
    // A reload keeps the session (sessionStorage), with no second sign-in.
    await page.reload();
    await page.getByTestId('panel-commerce').waitFor();
    // The only error is the refused sign-in request.
    expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
  });

  it('starts a flash sale that the viewer page counts down, and makes the host say a typed line the viewer sees', async () => {
    const viewer = await open({ width: 1280, height: 800, locale: 'en-US' });
    await viewer.page.goto(`${server.url}/?lang=en`);
    await viewer.page.getByTestId('product-cards').locator('.product-card').first().waitFor();

    const { page, errors } = await open({ width: 1440, height: 1000, locale: 'en-US' });
    await signIn(page);
    await page.getByTestId('sale-price').fill('9.90');
    await page.getByTestId('sale-countdown').fill('6');
    await page.getByTestId('sale-duration').fill('60');
    await page.getByTestId('sale-quantity').fill('10');
    await page.getByTestId('sale-limit').fill('1');
    await page.getByTestId('sale-start').click();
    await page.locator('[data-testid=console-sale][data-phase=scheduled]').waitFor();

    await viewer.page.locator('[data-testid=sale-banner][data-phase=scheduled]').waitFor();
    expect(await viewer.page.getByTestId('sale-countdown').textContent()).toMatch(/^00:0[0-6]$/);
    expect(await viewer.page.getByTestId('sale-banner').textContent()).toContain('¥9.90');
    await screenshot(viewer.page, 'console-sale-viewer');

    // A typed line, with an emotion and a gesture from the lists.
    const line = 'Hello everyone, 大家好！ The mugs are back.';
    await page.getByTestId('say-text').fill(line);
    await page.getByTestId('say-emotion').selectOption('excited');
    await page.getByTestId('say-gesture').selectOption('wave');
    await page.getByTestId('say-submit').click();
    await viewer.page.locator('[data-testid=caption]', { hasText: line }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=preview-caption]', { hasText: line }).waitFor({ timeout: 10_000 });
    await docShot(page, 'console-desktop', true);
    await screenshot(viewer.page, 'console-say-viewer');
    // Cancelling the sale takes it off every page.
    await page.getByTestId('sale-cancel').click();
    await page.locator('[data-testid=console-sale][data-phase=none]').waitFor();
    await viewer.page.getByTestId('sale-banner').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
  }, LONG);

  describe('a show from schedule to report and replay', () => {
    /** The console tab that runs the show: report and replay open from it (with its sign-in). */
    let consolePage: Page;
    let consoleErrors: string[];
    const show = { id: '', title: `Winter goods night ${Date.now() % 100_000}`, extra: '', line: 'Welcome to Winter Goods Night! 欢迎来到冬奥好物夜' };
    const row = () => consolePage.getByTestId('show-list').locator('.show-row', { hasText: show.title });

    afterAll(async () => {
      await consolePage?.context().close();
    });

    it('schedules a show, puts it on air, swaps a product in, has the host speak and ends it', async () => {
      const viewer = await open({ width: 1024, height: 700, locale: 'en-US' });
      await viewer.page.goto(`${server.url}/?lang=en`);
      await viewer.page.getByTestId('product-cards').locator('.product-card').first().waitFor();

      ({ page: consolePage, errors: consoleErrors } = await newPage(browser, { width: 1440, height: 1000, locale: 'en-US' })); // kept for the next tests
      const page = consolePage;
      page.on('dialog', (d) => void d.accept());
      await signIn(page);
      const products = (await json('/api/products')).body.products as { id: string }[];
      const pinned = ((await json('/api/rooms/main')).body.snapshot.pinned as { id: string }[]).map((p) => p.id);
      show.extra = products.find((p) => !pinned.includes(p.id))!.id;

      const form = page.getByTestId('schedule-form');
      if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
      await page.getByTestId('show-title').fill(show.title);
      await page.getByTestId(`lineup-${pinned[0]}`).click();
      await page.getByTestId(`lineup-${pinned[1]}`).click();
      await page.getByTestId('show-schedule').click();
      await row().getByTestId('show-live').click();
      await page.getByTestId('on-air').getByText(show.title).waitFor();
      show.id = (await row().getAttribute('data-show-id'))!;

      // On air: a viewer chats and the operator swaps a product in.
      await viewer.page.getByTestId('chat-input').fill('How much is the mug? 多少钱');
      await viewer.page.getByTestId('chat-send').click();
      await page.getByTestId('console-chat').getByText('How much is the mug?').waitFor();
      // Going live put the line-up on the cards: the third product made way.
      await expect.poll(() => page.getByTestId('pinned-list').locator('.pinned-row').count()).toBe(2);
      await page.getByTestId(`unpin-${pinned[2]}`).waitFor({ state: 'detached' });
      await viewer.page.getByTestId('product-cards').locator(`[data-product="${pinned[2]}"]`).waitFor({ state: 'detached' });
      await page.getByTestId('pin-select').selectOption(show.extra);
      await page.getByTestId('pin-add').click();
      await page.getByTestId('pinned-list').locator(`[data-product="${show.extra}"]`).waitFor();
      await viewer.page.getByTestId('product-cards').locator(`[data-product="${show.extra}"]`).waitFor();
      // A flash sale on another product, counting down (the replay must show it as it was).
      await page.getByTestId('sale-product').selectOption(pinned[0]!);
      await page.getByTestId('sale-price').fill('66');
      await page.getByTestId('sale-countdown').fill('8');
      await page.getByTestId('sale-duration').fill('30');
      await page.getByTestId('sale-start').click();
      await page.locator('[data-testid=console-sale][data-phase=scheduled]').waitFor();
      // The viewer buys it on air: the live analytics count the order.
      await viewer.page.getByTestId(`buy-${show.extra}`).click();
      await viewer.page.locator('.toast-success').waitFor();
      await expect.poll(async () => Number(await page.getByTestId('tile-orders').textContent()), { timeout: 10_000 }).toBe(1);
      // The host says a line on air (the replay must caption it at the same moment).
      await page.getByTestId('say-text').fill(show.line);
      await page.getByTestId('say-submit').click();
      await page.locator('[data-testid=preview-caption]', { hasText: show.line }).waitFor({ timeout: 30_000 });
      // Live analytics shows the show's audience (polled every 2 s).
      await expect.poll(async () => Number(await page.getByTestId('tile-uniqueViewers').textContent()), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      await page.evaluate(() => window.scrollTo(0, 0));
      await docShot(page, 'console-live');

      await row().getByTestId('show-end').click();
      await page.getByTestId('show-list').locator('.show-row.status-ended', { hasText: show.title }).waitFor();
      expect(consoleErrors).toEqual([]);
    }, LONG);

    it('opens the report from the show with the same numbers as the API, and exports CSV', async () => {
      expect(show.id).not.toBe('');
      const [report] = await Promise.all([consolePage.waitForEvent('popup'), row().getByTestId('show-report').click()]);
      await report.getByTestId('report-title').getByText(show.title).waitFor();
      const api = (await json(`/api/shows/${show.id}/report`, { headers: op })).body.analytics;
      expect(Number(await report.getByTestId('tile-comments').textContent())).toBe(api.comments);
      expect(Number(await report.getByTestId('tile-uniqueViewers').textContent())).toBe(api.uniqueViewers);
      expect(await report.getByTestId('tile-orders').textContent()).toBe(String(api.orders));
      expect(api.orders).toBe(1);
      expect(await report.getByTestId('tile-gmv').textContent()).toBe(yuan(api.gmv));
      const productRow = report.getByTestId('product-table').locator(`tr[data-product="${show.extra}"]`);
      expect(await productRow.locator('td').nth(4).textContent()).toBe('1'); // orders
      await report.getByTestId('chart-viewers').locator('canvas').waitFor();
      const [csv] = await Promise.all([report.waitForEvent('download'), report.getByTestId('download-csv').click()]);
      expect(csv.suggestedFilename()).toBe(`show-${show.id}.csv`);
      await docShot(report, 'report');
      await report.close();
    });

    it('replays the show: jumps to a product marker, captions the host’s line, plays on, buys at the normal price', async () => {
      expect(show.id).not.toBe('');
      const [replay] = await Promise.all([consolePage.waitForEvent('popup'), row().getByTestId('show-replay').click()]);
      const position = async () => Number(await replay.locator('.scrubber').getAttribute('data-position'));
      const card = replay.getByTestId('product-cards').locator(`[data-product="${show.extra}"]`);
      const marker = replay.getByTestId(`marker-${show.extra}`);
      await marker.waitFor();
      const at = Number(await marker.getAttribute('data-t'));
      expect(at).toBeGreaterThan(0);
      expect(await card.count()).toBe(0); // not on stage at the start
      await marker.click();
      await expect.poll(position).toBe(at);
      await card.waitFor();
      await replay.getByTestId('replay-chat').getByText('How much is the mug?').waitFor();

      // Dragging the scrubber to the host's line captions it, as it was said.
      const recorded = (await json(`/api/shows/${show.id}/replay`)).body;
      const speech = recorded.events.find((e: any) => e.kind === 'speech' && e.text === show.line);
      const spokenAt = Math.round((speech.startAt - recorded.show.startedAt + 300) / 100) * 100;
      await replay.getByTestId('replay-scrubber').fill(String(spokenAt));
      await replay.locator('[data-testid=caption]', { hasText: show.line }).waitFor();
      // The flash sale as it was: counting down two seconds after it was announced.
      const sale = recorded.events.find((e: any) => e.kind === 'sale');
      await replay.getByTestId('replay-scrubber').fill(String(Math.round((sale.at - recorded.show.startedAt + 2000) / 100) * 100));
      await replay.locator('[data-testid=replay-sale][data-phase=scheduled]').waitFor();
      expect(await replay.getByTestId('replay-sale-countdown').textContent()).toMatch(/^00:0[5-7]$/);
      expect(await replay.getByTestId('replay-sale').textContent()).toContain('¥66');
      await replay.getByTestId('replay-scrubber').fill(String(spokenAt));
      // Playing moves the replay on from there.
      await replay.getByTestId('replay-play').click();
      await expect.poll(position).toBeGreaterThan(spokenAt + 500);

      await replay.getByTestId(`buy-${show.extra}`).click();
      await replay.locator('.toast-success').waitFor();
      await docShot(replay, 'replay');
      const after = (await json(`/api/shows/${show.id}/report`, { headers: op })).body.analytics;
      expect(after.replayViews).toBeGreaterThanOrEqual(1);
      expect(after.replayOrders).toBe(1);
      await replay.close();
      expect(consoleErrors).toEqual([]);
    });
  });

  it('moderates the chat, edits the blocklist, runs a lucky draw and uploads an avatar for everyone', async () => {
    const fan = await TestClient.join(server.wsUrl, { nickname: 'Chatty' });
    const { page, errors } = await open({ width: 1440, height: 1000, locale: 'en-US' });
    page.on('dialog', (d) => void d.accept());
    await signIn(page);
    try {
      // Delete a line: it leaves the console and every viewer gets the deletion.
      expect(await fan.request({ type: 'chat', text: 'buy followers cheap here' })).toMatchObject({ type: 'ack' });
      const line = page.getByTestId('console-chat').locator('.mod-line', { hasText: 'buy followers cheap here' });
      await line.getByTestId('chat-delete').click();
      await line.waitFor({ state: 'detached' });
      await expect.poll(() => fan.events.some((e) => e.kind === 'chatDeleted')).toBe(true);
      // Mute: the viewer can no longer chat.
      expect(await fan.request({ type: 'chat', text: 'I am still here' })).toMatchObject({ type: 'ack' });
      await page.getByTestId('console-chat').locator('.mod-line', { hasText: 'I am still here' }).getByTestId('chat-mute').click();
      await expect.poll(async () => (await fan.request({ type: 'chat', text: 'and again' })).type).toBe('error');
      // The muted list comes from the room, so it is there after a reload; unmute gives the viewer back their voice.
      const muted = page.getByTestId('moderated-list').locator('.moderated-row', { hasText: 'Chatty' });
      await muted.waitFor();
      await muted.scrollIntoViewIfNeeded();
      await screenshot(page, 'console-moderated');
      await page.reload();
      await muted.getByTestId('unmute').click();
      await muted.waitFor({ state: 'detached' });
      await fan.waitFor((f) => f.type === 'moderated' && f.action === 'unmuted');
      expect(await fan.request({ type: 'chat', text: 'thanks for unmuting me' })).toMatchObject({ type: 'ack' });

      // The blocklist: add a word, and chat with it is refused.
      await page.getByTestId('panel-blocklist').locator('summary').click();
      const en = page.getByTestId('blocklist-en');
      await expect.poll(async () => (await en.inputValue()).length).toBeGreaterThan(0);
      const before = await en.inputValue();
      await en.fill(`${before}\nzzsnowspam`);
      await page.getByTestId('blocklist-save').click();
      await page.locator('.toast-success', { hasText: 'Saved' }).waitFor();
      expect((await json('/api/blocklist', { headers: op })).body.en).toContain('zzsnowspam');
      const other = await TestClient.join(server.wsUrl, { nickname: 'Other' });
      expect(await other.request({ type: 'chat', text: 'zzsnowspam now' })).toMatchObject({ type: 'error' });
      await en.fill(before);
      await page.getByTestId('blocklist-save').click();
      other.close();

      // A lucky draw in this room: opened, then closed and drawn.
      await page.getByTestId('panel-draw').locator('summary').click();
      await page.getByTestId('draw-title-zh').fill('直播间抽奖');
      await page.getByTestId('draw-title-en').fill('Live room draw');
      await page.getByTestId('panel-draw').getByLabel('Prize (Chinese)').fill('冰墩墩徽章');
      await page.getByTestId('draw-start').click();
      const card = page.getByTestId('console-draw').locator('.draw-card');
      await card.getByText('Live room draw').waitFor();
      expect(await card.getByTestId('draw-status').textContent()).toBe('Open');
      const drawId = (await card.getAttribute('data-draw-id'))!;
      await card.getByTestId('draw-close').click();
      await expect.poll(async () => (await json(`/api/draws/${drawId}`)).body.draw.status).toBe('drawn');
      await page.getByTestId('console-draw').getByText('No winners (nobody entered)').waitFor();

      // An avatar for everyone: the preview loads it first, then everyone's stage gets the new URL.
      const vrm = resolve(fileURLToPath(new URL('../packages/web/dist/avatars/dongdong.vrm', import.meta.url)));
      await page.getByTestId('avatar-file').setInputFiles(vrm);
      await page.getByTestId('avatar-upload').click();
      await page.locator('.toast-success', { hasText: 'The new avatar is live for everyone' }).waitFor();
      const url = (await json('/api/avatar')).body.url as string;
      expect(url).toMatch(/^\/api\/avatars\/.+\.vrm$/);
      await expect.poll(() => fan.events.some((e) => e.kind === 'avatar' && e.url === url)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      fan.close();
      await fetch(server.url + '/api/avatars/reset', { method: 'POST', headers: op, body: '{}' });
    }
  }, LONG);

  it('gives a viewer token 403 on every console API call, and no console', async () => {
    const viewer = (await json('/api/viewers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).body.viewerToken as string;
    const shows = (await json('/api/shows?room=main')).body.shows as { id: string }[];
    const id = shows[0]!.id;
    const vt = { authorization: `Bearer ${viewer}`, 'content-type': 'application/json' };
    const calls: [string, string, unknown][] = [
      ['GET', '/api/rooms/main/analytics', undefined],
      ['POST', '/api/shows', { roomId: 'main', title: 'x', scheduledAt: Date.now() }],
      ['POST', `/api/shows/${id}/live`, {}],
      ['POST', `/api/shows/${id}/end`, {}],
      ['GET', `/api/shows/${id}/report`, undefined],
      ['POST', '/api/rooms/main/commands', { type: 'hostSay', text: 'hi', emotion: { name: 'happy', intensity: 0.5 } }],
      ['GET', '/api/blocklist', undefined],
      ['PUT', '/api/blocklist', { zh: [], en: [] }],
      ['POST', '/api/draws', { title: { zh: '抽奖', en: 'Draw' }, prizes: [{ id: 'p1', name: { zh: '奖', en: 'Prize' }, quantity: 1 }], opensAt: Date.now(), closesAt: Date.now() + 60_000, roomId: 'main' }],
    ];
    for (const [method, path, body] of calls) {
      const res = await fetch(server.url + path, { method, headers: vt, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const upload = await fetch(server.url + '/api/avatars', { method: 'POST', headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3]) });
    expect(upload.status).toBe(403);

    // The console refuses the viewer token too, with the server's message.
    const { page } = await open({ width: 1024, height: 768, locale: 'en-US' });
    await page.goto(`${server.url}/console?lang=en`);
    await page.getByTestId('login-token').fill(viewer);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('panel-commerce').count()).toBe(0);
  });

  it('fits a portrait tablet in Chinese', async () => {
    const { page, errors } = await open({ width: 820, height: 1180, locale: 'zh-CN' });
    await signIn(page, 'zh');
    await page.getByTestId('lang-switch').waitFor();
    expect(await page.getByTestId('sale-start').textContent()).toBe('开始秒杀');
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await docShot(page, 'console-tablet-zh');
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('sale-start').textContent()).toBe('Start sale');
    expect(errors).toEqual([]);
  });
});
