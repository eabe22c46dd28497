/**
 * `npm run bench -- showcase [--seconds 10] [--width 1280] [--height 720]`
 *
 * The Cloud Showcase in headless Chromium with software WebGL (SwiftShader), against the real
 * server: load the hall, then walk it for `seconds` (the fan travels from the entrance up the
 * avenue, past the plaza, towards the far booths) while every frame time is recorded in the page.
 * Two passes: the page as fans get it (its resolution governor may lower the render scale when
 * frames are slow), and the same walk pinned at full resolution.
 * `loadMs` is until the booths and the timeline stand (the page is usable); `avatarMs` until the
 * guide's VRM has replaced her stand-in. The walks start after that, so they measure steady state.
 * Last line: {fps, p95FrameMs, drawCalls, triangles, loadMs, renderScale, fpsFullRes, p95FrameMsFullRes, …}.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { spawnServer } from '../packages/server/src/testing/spawn-server.js';
import { launchBrowser } from '../e2e/browser.js';
import { intArg, percentile, progress, round, sortedCopy } from './lib.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Sample {
  deltas: number[];
  drawCalls: number[];
  triangles: number[];
  scales: number[];
}

interface Hook {
  loaded: boolean;
  loadMs: number | null;
  drawCalls: number;
  triangles: number;
  scale: number;
  booth: string | null;
  guide: { kind: string };
  travelTo(id: string): void;
  setAdaptive(on: boolean): void;
}

async function openHall(page: Page, url: string): Promise<{ loadMs: number; firstFrameMs: number; avatarMs: number }> {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => ((window as unknown as { __showcase?: { frames: number } }).__showcase?.frames ?? 0) > 0, null, { timeout: 120_000 });
  const firstFrameMs = Date.now() - t0;
  await page.waitForFunction(() => (window as unknown as { __showcase?: Hook }).__showcase?.loaded === true, null, { timeout: 180_000 });
  const loadMs = (await page.evaluate(() => (window as unknown as { __showcase: Hook }).__showcase.loadMs)) ?? Date.now() - t0;
  // The guide's avatar arrives after the hall (a few MB to parse): measure the walk once it is in.
  await page.waitForFunction(() => (window as unknown as { __showcase: Hook }).__showcase.guide.kind === 'vrm', null, { timeout: 120_000 }).catch(() => undefined);
  const avatarMs = Date.now() - t0;
  return { loadMs, firstFrameMs, avatarMs };
}

/** Starts the walk to the far end of the hall and records frame times for `ms`. */
async function walk(page: Page, farBooth: string, ms: number): Promise<Sample> {
  return page.evaluate(
    ({ farBooth, ms }) =>
      new Promise<Sample>((done) => {
        const hook = (window as unknown as { __showcase: Hook }).__showcase;
        hook.travelTo(farBooth);
        const s: Sample = { deltas: [], drawCalls: [], triangles: [], scales: [] };
        let last = performance.now();
        const end = last + ms;
        const frame = (t: number) => {
          s.deltas.push(t - last);
          s.drawCalls.push(hook.drawCalls);
          s.triangles.push(hook.triangles);
          s.scales.push(hook.scale);
          last = t;
          if (t < end) requestAnimationFrame(frame);
          else done(s);
        };
        requestAnimationFrame(frame);
      }),
    { farBooth, ms },
  );
}

function summarise(s: Sample, ms: number) {
  const sorted = sortedCopy(s.deltas);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    fps: round(s.deltas.length / (ms / 1000)),
    p95FrameMs: round(percentile(sorted, 95)),
    p50FrameMs: round(percentile(sorted, 50)),
    drawCalls: Math.round(mean(s.drawCalls)),
    maxDrawCalls: Math.max(...s.drawCalls),
    triangles: Math.round(mean(s.triangles)),
    renderScale: round(mean(s.scales), 2),
  };
}

export async function main(args: Record<string, string>) {
  const seconds = intArg(args, 'seconds', 10);
  const width = intArg(args, 'width', 1280);
  const height = intArg(args, 'height', 720);
  const web = resolve(ROOT, 'packages/web');
  if (!existsSync(resolve(web, 'dist/showcase.html'))) {
    progress('building the web app');
    execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'ignore' });
  }
  const content = JSON.parse(readFileSync(resolve(ROOT, 'content/showcase.json'), 'utf8')) as { booths: { id: string }[] };
  const farBooth = content.booths.at(-1)!.id;
  progress('starting the server and Chromium (software WebGL)');
  const server = await spawnServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
    const page = await context.newPage();
    // tsx keeps function names with a `__name` helper that functions sent to the page do not have.
    await page.addInitScript('globalThis.__name = (f) => f');
    const url = `${server.url}/showcase?lang=en`;

    progress(`pass 1: the page as shipped, ${width}×${height}, walking ${seconds} s`);
    const load = await openHall(page, url);
    await page.waitForTimeout(1500);
    const shipped = summarise(await walk(page, farBooth, seconds * 1000), seconds * 1000);
    const guide = await page.evaluate(() => (window as unknown as { __showcase: Hook }).__showcase.guide.kind);

    progress('pass 2: the same walk pinned at full resolution');
    await openHall(page, url);
    await page.evaluate(() => (window as unknown as { __showcase: Hook }).__showcase.setAdaptive(false));
    await page.waitForTimeout(1500);
    const full = summarise(await walk(page, farBooth, seconds * 1000), seconds * 1000);
    await context.close();

    return {
      width,
      height,
      seconds,
      fps: shipped.fps,
      p95FrameMs: shipped.p95FrameMs,
      p50FrameMs: shipped.p50FrameMs,
      drawCalls: shipped.drawCalls,
      maxDrawCalls: shipped.maxDrawCalls,
      triangles: shipped.triangles,
      renderScale: shipped.renderScale,
      loadMs: Math.round(load.loadMs),
      firstFrameMs: load.firstFrameMs,
      avatarMs: load.avatarMs,
      guide,
      fpsFullRes: full.fps,
      p95FrameMsFullRes: full.p95FrameMs,
      drawCallsFullRes: full.drawCalls,
      trianglesFullRes: full.triangles,
    };
  } finally {
    await browser.close();
    await server.kill();
  }
}
