import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer, type RunningServer } from '../packages/server/src/testing/spawn-server.js';
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
});
