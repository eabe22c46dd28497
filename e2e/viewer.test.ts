import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { spawnServer, TEST_TOKENS, type RunningServer } from '../packages/server/src/testing/spawn-server.js';
import { command, getJson } from '../packages/server/src/testing/test-app.js';
import { launchBrowser, newPage, screenshot } from './browser.js';
import type { Product } from '@snowstage/protocol';

/**
 * The viewer page in Debian's Chromium against the real server: chat, likes, a flash sale with its
 * countdown, buying in it, and the order in "my orders".
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await spawnServer({ env: { SALE_MIN_COUNTDOWN_S: '1' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

describe('viewer page', () => {
  it('chats, likes, sees a flash sale count down, buys in it and finds the order', async () => {
    const { page, errors } = await newPage(browser, { width: 1280, height: 800, locale: 'en-US' });
    await page.goto(server.url + '/?lang=en');
    await page.getByTestId('product-cards').locator('.product-card').first().waitFor();
    expect(await page.getByTestId('product-cards').locator('.product-card').count()).toBe(3);

    await page.getByTestId('chat-input').fill('Hello Dong Dong! 东东好');
    await page.getByTestId('chat-send').click();
    await page.getByTestId('chat-list').getByText('Hello Dong Dong! 东东好').waitFor();
    // A blocked line is refused with a message, and does not appear.
    await page.getByTestId('chat-input').fill('free money here');
    await page.getByTestId('chat-send').click();
    await page.locator('.toast-error').first().waitFor();
    expect(await page.getByTestId('chat-list').getByText('free money here').count()).toBe(0);

    await page.getByTestId('like').click();
    await page.getByTestId('like').click();
    await expect.poll(async () => Number(await page.getByTestId('like-count').textContent())).toBeGreaterThanOrEqual(2);

    // The operator schedules a sale on the first pinned product; the page shows the countdown.
    const products: Product[] = (await getJson(`${server.url}/api/rooms/main`)).snapshot.pinned;
    const p = products[0]!;
    const v = p.variants.find((x) => x.stock > 10)!;
    const r = await command(server.url, TEST_TOKENS.operatorToken, {
      type: 'scheduleSale', productId: p.id, variantId: v.id, countdownS: 3, durationS: 60,
      salePrice: Math.floor(p.price.amount * 0.7), quantity: 10, perBuyerLimit: 1,
    });
    expect(r.status).toBe(200);
    await page.locator('[data-testid=sale-banner][data-phase=scheduled]').waitFor();
    expect(await page.getByTestId('sale-countdown').textContent()).toMatch(/^00:0[1-3]$/);
    await screenshot(page, 'viewer-countdown');

    await page.locator('[data-testid=sale-banner][data-phase=open]').waitFor({ timeout: 10_000 });
    await page.getByTestId('sale-grab').click();
    await page.locator('.toast-success').waitFor();

    await page.getByTestId('my-orders').click();
    const order = page.getByTestId('orders').locator('.order-row').first();
    await order.waitFor();
    expect(await order.getByTestId('order-status').textContent()).toBe('Awaiting payment');
    expect(await order.textContent()).toContain(`¥${Math.floor((p.price.amount * 0.7) / 100)}`);
    await screenshot(page, 'viewer-orders');
    // The per-buyer limit holds from the page too: a second grab is refused.
    await page.locator('.drawer-head button').click();
    await page.getByTestId('sale-grab').click();
    await page.getByText('You have reached the per-buyer limit').waitFor();

    // Add to cart ("加购"): kept in the cart across a reload, bought from it later at the list price.
    const later = products[1]!;
    await page.getByTestId(`cart-${later.id}`).click();
    await page.locator('.toast-success', { hasText: 'Added to your cart' }).waitFor();
    await page.reload();
    await page.getByTestId('my-orders').click();
    const row = page.getByTestId('cart').locator(`.cart-row[data-product="${later.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`¥${later.price.amount / 100}`);
    await screenshot(page, 'viewer-cart');
    await row.getByTestId(`cart-buy-${later.id}`).click();
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('orders').locator('.order-row').count()).toBe(2);
    await page.getByTestId('cart').getByText('Your cart is empty').waitFor();
    expect(errors).toEqual([]);
  });

  it('switches the interface between Chinese and English', async () => {
    const { page } = await newPage(browser, { width: 390, height: 844, locale: 'zh-CN' });
    await page.goto(server.url + '/');
    await page.getByTestId('product-cards').locator('.product-card').first().waitFor();
    expect(await page.getByTestId('my-orders').textContent()).toBe('我的订单');
    // Fits a phone: nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'viewer-phone-zh');
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('my-orders').textContent()).toBe('My orders');
    expect(await page.getByTestId('chat-send').textContent()).toBe('Send');
  });
});
