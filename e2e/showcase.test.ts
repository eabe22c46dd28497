import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DrawPublication, ShowcaseContent } from '@snowstage/protocol';
import { spawnServer, TEST_TOKENS, type RunningServer } from '../packages/server/src/testing/spawn-server.js';
import { launchBrowser, newPage, screenshot } from './browser.js';

/**
 * The Cloud Showcase in Debian's Chromium (software WebGL) against the real server: walk the
 * hall, travel to a booth from the minimap, get its stamp, answer its quiz, see the tickets in the
 * passport, spend them on a lucky draw, win, claim — and check the draw on the verifier page.
 */
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const content = JSON.parse(readFileSync(join(ROOT, 'content/showcase.json'), 'utf8')) as ShowcaseContent;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await spawnServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

type Hook = {
  loaded: boolean;
  booth: string | null;
  exhibit: string | null;
  milestone: number | null;
  travelling: boolean;
  fan: { x: number; z: number; yaw: number };
  drawCalls: number;
  fps: number;
  guide: { kind: string };
  walkTo(x: number, z: number): void;
  spotBefore(boothId: string | null, id: string | number): { x: number; z: number } | null;
};
const until = (page: Page, test: string, arg?: unknown, timeout = 60_000) =>
  page.waitForFunction(new Function('arg', `const s = window.__showcase; return ${test};`) as (arg: unknown) => boolean, arg, { timeout });
const hook = (page: Page) => page.evaluate(() => (window as unknown as { __showcase: Hook }).__showcase);

async function post(path: string, body: object, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

type Adaptive = { setAdaptive(on: boolean): void; frames: number };
/** A screenshot at full resolution (the page may be rendering below it to keep software WebGL smooth). */
async function crispShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => (window as unknown as { __showcase: Adaptive }).__showcase.setAdaptive(false));
  const f = await page.evaluate(() => (window as unknown as { __showcase: Adaptive }).__showcase.frames);
  await page.waitForFunction((f) => (window as unknown as { __showcase: Adaptive }).__showcase.frames > f + 2, f);
  await screenshot(page, name);
  await page.evaluate(() => (window as unknown as { __showcase: Adaptive }).__showcase.setAdaptive(true));
}

/** Only real errors count; Chromium's software GL prints performance notes as warnings. */
const realErrors = (errors: string[]) => errors.filter((e) => !/GL Driver Message|GPU stall/.test(e));

describe('Cloud Showcase', () => {
  it('walks to a booth, answers its quiz, sees tickets granted, enters a draw, wins and claims', async () => {
    const { page, errors } = await newPage(browser, { width: 1280, height: 720, locale: 'en-US' });
    await page.goto(server.url + '/showcase?lang=en');
    await page.waitForFunction(() => (window as unknown as { __showcase?: Hook }).__showcase?.loaded === true, null, { timeout: 90_000 });
    const start = await hook(page);
    expect(start.drawCalls).toBeGreaterThan(0);
    await crispShot(page, 'showcase-entrance');

    // The keyboard walks the fan up the avenue; a click on the floor ahead walks there.
    await page.keyboard.down('w');
    await until(page, 's.fan.z < arg - 2', start.fan.z, 20_000);
    await page.keyboard.up('w');
    const walked = (await hook(page)).fan.z;
    await page.getByTestId('hall').click({ position: { x: 640, y: 470 } });
    await until(page, 's.fan.z < arg - 1 && !s.travelling', walked, 30_000);

    // A click on the minimap travels to the booth; entering it records the visit (a stamp).
    const booth = content.booths[2]!;
    const pt = await page.evaluate((id) => (window as unknown as { __showcase: { mapPoint(id: string): { x: number; y: number } } }).__showcase.mapPoint(id), booth.id);
    await page.getByTestId('minimap').click({ position: pt });
    await page.waitForFunction((id) => {
      const s = (window as unknown as { __showcase: Hook }).__showcase;
      return s.booth === id && !s.travelling;
    }, booth.id, { timeout: 60_000 });
    const card = page.locator(`[data-testid=booth-card][data-booth=${booth.id}]`);
    await card.waitFor();
    expect(await card.locator('.card-title').textContent()).toBe(booth.partner.en);
    await card.getByTestId('stamped').waitFor();
    await crispShot(page, 'showcase-booth');

    // Its quiz: the right answer is graded by the server and pays the quiz quest's tickets.
    const quest = content.quests.find((q) => q.rule.kind === 'quiz' && q.rule.boothId === booth.id)!;
    const before = Number(await page.getByTestId('tickets').textContent());
    await card.getByTestId('take-quiz').click();
    await page.getByTestId(`quiz-option-${booth.quiz.answer}`).click();
    await page.locator('[data-testid=quiz-result].ok').waitFor();
    await page.locator('.toast-success', { hasText: quest.title.en }).first().waitFor();
    await expect.poll(async () => Number(await page.getByTestId('tickets').textContent())).toBe(before + quest.tickets);
    await crispShot(page, 'showcase-quiz');
    await page.getByTestId('quiz-close').click();
    await card.getByTestId('quiz-state').waitFor();

    // Stepping up to an exhibit opens its card.
    const exhibit = booth.exhibits[0]!;
    const spot = await page.evaluate(([b, e]) => (window as unknown as { __showcase: Hook }).__showcase.spotBefore(b, e), [booth.id, exhibit.id] as const);
    await page.evaluate((p) => (window as unknown as { __showcase: Hook }).__showcase.walkTo(p.x, p.z), spot!);
    await until(page, 's.exhibit === arg', exhibit.id);
    const exCard = page.locator(`[data-testid=exhibit-card][data-exhibit=${exhibit.id}]`);
    await exCard.waitFor();
    expect(await exCard.locator('.card-title').textContent()).toBe(exhibit.title.en);
    await crispShot(page, 'showcase-exhibit');

    // A lucky draw opens; the passport shows the tickets and the quest done, and enters the draw.
    const now = Date.now();
    const created = await post(
      '/api/draws',
      { title: { zh: '展厅抽奖', en: 'Hall draw' }, prizes: [{ id: 'plush', name: { zh: '毛绒公仔', en: 'Plush toy' }, quantity: 1 }], opensAt: now - 1000, closesAt: now + 600_000, ticketsPerEntry: 2 },
      TEST_TOKENS.operatorToken,
    );
    expect(created.status).toBe(200);
    const drawId: string = created.json.draw.id;
    await page.getByTestId('open-passport').click();
    const passport = page.getByTestId('passport');
    await expect.poll(async () => Number(await passport.getByTestId('ticket-count').textContent())).toBe(before + quest.tickets);
    expect(await passport.getByTestId(`quest-${quest.id}`).getAttribute('class')).toContain('done');
    expect(await passport.getByTestId(`stamp-${booth.id}`).getAttribute('class')).toContain('on');
    await passport.getByTestId(`enter-${drawId}`).click();
    await passport.getByTestId(`entered-${drawId}`).waitFor();
    await expect.poll(async () => Number(await passport.getByTestId('ticket-count').textContent())).toBe(before + quest.tickets - 2);
    await crispShot(page, 'showcase-passport');

    // The only entrant wins; the prize is claimed with a shipping address.
    const closed = await post(`/api/draws/${drawId}/close`, {}, TEST_TOKENS.operatorToken);
    expect(closed.json.draw.status).toBe('drawn');
    await passport.getByTestId('passport-close').click();
    await page.getByTestId('open-passport').click();
    await passport.getByTestId('claim-plush').click();
    const form = passport.getByTestId('claim-form');
    await form.locator('input[name=name]').fill('Li Lei');
    await form.locator('input[name=phone]').fill('13800138000');
    await form.locator('input[name=city]').fill('Beijing');
    await form.locator('input[name=address]').fill('1 Snow Road, Haidian');
    await form.locator('button[type=submit]').click();
    await passport.getByText('Claimed').waitFor();
    expect(realErrors(errors)).toEqual([]);
  });

  it('refuses a second attempt at a quiz, and speaks Chinese', async () => {
    const { page, errors } = await newPage(browser, { width: 390, height: 844, locale: 'zh-CN' });
    await page.goto(server.url + '/showcase');
    await page.waitForFunction(() => (window as unknown as { __showcase?: Hook }).__showcase?.loaded === true, null, { timeout: 90_000 });
    expect(await page.getByTestId('open-passport').textContent()).toContain('护照');
    const booth = content.booths[0]!;
    await page.evaluate((id) => (window as unknown as { __showcase: { travelTo(id: string): void } }).__showcase.travelTo(id), booth.id);
    const card = page.locator(`[data-testid=booth-card][data-booth=${booth.id}]`);
    await card.waitFor({ timeout: 60_000 });
    expect(await card.locator('.card-title').textContent()).toBe(booth.partner.zh);
    const wrong = (booth.quiz.answer + 1) % booth.quiz.options.length;
    await card.getByTestId('take-quiz').click();
    await page.getByTestId(`quiz-option-${wrong}`).click();
    await page.locator('[data-testid=quiz-result].bad').waitFor();
    expect(await page.getByTestId(`quiz-option-${booth.quiz.answer}`).getAttribute('class')).toContain('right');
    await crispShot(page, 'showcase-phone-zh');
    // The server grades one attempt per booth, whatever the page does.
    const token = await page.evaluate(() => localStorage.getItem('snowstage.viewerToken'));
    const again = await post('/api/showcase/quiz', { boothId: booth.id, choice: booth.quiz.answer }, token!);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('QUIZ_ANSWERED');
    await page.keyboard.press('Escape');
    await page.getByTestId('quiz').waitFor({ state: 'hidden' });

    // On a phone, a finger dragged up the screen walks forward (a virtual joystick).
    const before = (await hook(page)).fan;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 195, y: 300 }] });
    for (let i = 1; i <= 5; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 195, y: 300 - i * 20 }] });
    await until(page, 'Math.hypot(s.fan.x - arg.x, s.fan.z - arg.z) > 1', before, 30_000);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

    // At the timeline wall, the milestone in front of you opens.
    const panel = await page.evaluate(() => (window as unknown as { __showcase: Hook }).__showcase.spotBefore(null, 2));
    await page.evaluate((p) => (window as unknown as { __showcase: Hook }).__showcase.walkTo(p.x, p.z), panel!);
    await until(page, 's.milestone === 2');
    const ms = page.getByTestId('milestone-card');
    await ms.waitFor();
    expect(await ms.locator('.card-title').textContent()).toBe(content.timeline.milestones[2]!.title.zh);
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('open-passport').textContent()).toContain('Passport');
    expect(realErrors(errors)).toEqual([]);
  });

  it('verifies a real draw in the browser and flags a tampered one', async () => {
    // Three fans earn tickets by visiting booths and enter a draw with two prizes; it is drawn.
    const now = Date.now();
    const created = await post(
      '/api/draws',
      { title: { zh: '验证抽奖', en: 'Verifier draw' }, prizes: [{ id: 'pin', name: { zh: '徽章', en: 'Pin' }, quantity: 2 }], opensAt: now - 1000, closesAt: now + 600_000, ticketsPerEntry: 1 },
      TEST_TOKENS.operatorToken,
    );
    const drawId: string = created.json.draw.id;
    for (let i = 0; i < 3; i++) {
      const fan = (await post('/api/viewers', { lang: 'en' })).json.viewerToken as string;
      for (const b of content.booths.slice(0, 3)) await post('/api/showcase/visits', { boothId: b.id }, fan);
      expect((await post(`/api/draws/${drawId}/enter`, { entries: 1 + (i % 2), key: `e2e-enter-${i}-${now}` }, fan)).status).toBe(200);
    }
    await post(`/api/draws/${drawId}/close`, {}, TEST_TOKENS.operatorToken);

    const { page, errors } = await newPage(browser, { width: 1100, height: 900, locale: 'en-US' });
    await page.goto(`${server.url}/verify?draw=${drawId}&lang=en`);
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('verify-winners').locator('tbody tr.same').count()).toBe(2);
    await screenshot(page, 'verify-match');

    // Someone swaps a winner for a fan who did not win: the page says so.
    const pub = (await (await fetch(`${server.url}/api/draws/${drawId}/publication`)).json()) as DrawPublication;
    const winners = pub.draw.rounds[0]!.winners!;
    const loser = pub.entries.find((e) => !winners.some((w) => w.fanId === e.fanId))!;
    winners[0] = { ...winners[0]!, fanId: loser.fanId };
    await page.getByTestId('verify-input').fill(JSON.stringify(pub));
    await page.getByTestId('verify-run').click();
    await page.locator('[data-testid=verdict][data-ok=false]').waitFor();
    expect(await page.getByTestId('verify-problems').textContent()).toContain('differ');
    await screenshot(page, 'verify-mismatch');
    expect(realErrors(errors)).toEqual([]);
  });
});

afterAll(() => {
  // With UPDATE_DOCS_SCREENSHOTS=1 the best views go into the docs (not on every run: they are tracked files).
  if (!process.env.UPDATE_DOCS_SCREENSHOTS) return;
  const docs = join(ROOT, 'docs/screenshots');
  mkdirSync(docs, { recursive: true });
  const pairs: [string, string][] = [
    ['showcase-entrance', 'showcase.png'],
    ['showcase-booth', 'showcase-booth.png'],
    ['showcase-exhibit', 'showcase-exhibit.png'],
    ['showcase-passport', 'showcase-passport.png'],
    ['showcase-phone-zh', 'showcase-phone-zh.png'],
    ['verify-match', 'showcase-verify.png'],
  ];
  for (const [from, to] of pairs) {
    try {
      copyFileSync(join(ROOT, 'test-artifacts', `${from}.png`), join(docs, to));
    } catch {
      // A failed test leaves no screenshot to copy.
    }
  }
});
