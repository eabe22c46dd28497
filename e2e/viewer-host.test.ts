import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer, TEST_TOKENS, type RunningServer } from '../packages/server/src/testing/spawn-server.js';
import { command, getJson } from '../packages/server/src/testing/test-app.js';
import { launchBrowser, newPage, screenshot } from './browser.js';

/**
 * The whole path in a browser: a viewer asks on the live-room page, the server's director picks the
 * comment, the brain answers, the voice speaks, and the viewer's stage plays it — the caption names
 * whom she answers and her mouth moves while the line plays.
 */
let server: RunningServer;
let browser: Browser;
const DOCS = resolve(fileURLToPath(new URL('../docs/screenshots', import.meta.url)));

beforeAll(async () => {
  server = await spawnServer({ env: { HOST_ENABLED: 'true', HOST_IDLE_MS: '600000', VOICE_WORKERS: '1', VOICE_WARMUP: '1' }, timeoutMs: 120_000 });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

type Debug = { expressions: Record<string, number>; drawCalls: number; avatar: string };

describe('viewer page with the host', () => {
  it('answers a question typed on the page, out loud, with a caption and a moving mouth', async () => {
    const { page, errors } = await newPage(browser, { width: 1280, height: 800, locale: 'zh-CN' });
    await page.goto(server.url + '/?lang=zh');
    await page.waitForFunction(() => {
      const s = (window as unknown as { __stage?: { debug(): Debug } }).__stage;
      return !!s && s.debug().drawCalls > 0 && s.debug().avatar !== '';
    }, null, { timeout: 90_000 });
    // Autoplay rules: a viewer taps once to hear her.
    await page.evaluate(() => (window as unknown as { __stage: { unlockAudio(): Promise<void> } }).__stage.unlockAudio());
    await page.getByTestId('chat-input').fill('雪墩墩毛绒公仔多少钱？');
    await page.getByTestId('chat-send').click();
    const caption = page.getByTestId('caption');
    await caption.getByText('@', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await caption.textContent()).toContain('雪墩墩毛绒公仔多少钱？');
    const mouth = async () =>
      page.evaluate(() => {
        const d = (window as unknown as { __stage: { debug(): Debug } }).__stage.debug();
        return Math.max(...['aa', 'ih', 'ou', 'ee', 'oh'].map((m) => d.expressions[m] ?? 0));
      });
    await expect.poll(mouth, { timeout: 15_000, interval: 50 }).toBeGreaterThan(0.05);
    const path = await screenshot(page, 'viewer-host-answering');
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, resolve(DOCS, 'viewer.png'));
    expect(errors.filter((e) => !/AudioContext|autoplay/i.test(e))).toEqual([]);
  }, 180_000);

  it('shows a late joiner the line she is in the middle of, with her mouth moving, without waiting for the next', async () => {
    const line = '欢迎来到东东的冬奥好物直播间！今天给大家准备了雪墩墩毛绒公仔、灯宝徽章和冬奥纪念围巾，数量有限，喜欢的朋友千万不要错过，东东陪大家慢慢挑，有问题随时在评论区问我哦！';
    // The room (and its host) load on first use; the host is up once she takes a line.
    const say = () => command(server.url, TEST_TOKENS.operatorToken, { type: 'hostSay', text: line, emotion: { name: 'happy', intensity: 0.7 } });
    await expect.poll(async () => (await say()).status, { timeout: 60_000, interval: 1000 }).toBe(200);
    const speaking = async () => ((await getJson(`${server.url}/api/rooms/main`)).snapshot.host.playing as { kind: string; text?: string; startAt: number }[]).find((e) => e.kind === 'speech' && e.text?.startsWith('欢迎来到东东'));
    await expect.poll(async () => { const s = await speaking(); return !!s && Date.now() > s.startAt + 2000; }, { timeout: 30_000, interval: 200 }).toBe(true);
    // Two seconds into the line, a new viewer arrives.
    const { page } = await newPage(browser, { width: 390, height: 844, locale: 'zh-CN' });
    await page.goto(server.url + '/?lang=zh');
    await page.waitForFunction(() => {
      const s = (window as unknown as { __stage?: { debug(): Debug } }).__stage;
      return !!s && s.debug().drawCalls > 0 && s.debug().avatar !== '';
    }, null, { timeout: 90_000 });
    // She speaks the line sentence by sentence: whichever part is playing now is on the caption.
    const strip = (s: string) => s.replace(/[\s，。！？、,.!?]/g, '');
    await expect
      .poll(async () => {
        const shown = strip((await page.getByTestId('caption').textContent()) ?? '');
        return shown.length >= 4 && strip(line).includes(shown);
      }, { timeout: 10_000, interval: 100 })
      .toBe(true);
    const mouth = () =>
      page.evaluate(() => {
        const d = (window as unknown as { __stage: { debug(): Debug } }).__stage.debug();
        return Math.max(...['aa', 'ih', 'ou', 'ee', 'oh'].map((m) => d.expressions[m] ?? 0));
      });
    await expect.poll(mouth, { timeout: 10_000, interval: 50 }).toBeGreaterThan(0.05);
    // Still that line: nothing new was said, the page started what was already playing.
    const playing = ((await getJson(`${server.url}/api/rooms/main`)).snapshot.host.playing as { kind: string; text?: string }[]).filter((e) => e.kind === 'speech');
    expect(playing.every((e) => strip(line).includes(strip(e.text ?? '')))).toBe(true);
  }, 180_000);
});
