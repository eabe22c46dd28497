import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './browser.js';
import { serveWeb, type ServedWeb } from './serve-web.js';

/**
 * The avatar stage alone (stage-lab.html, fed with fixture events) in Debian's Chromium with software
 * WebGL: the default avatar renders where the camera frames her, speech moves her mouth, a thumbs-up
 * raises her right hand, a dance moves her on the beat, and a broken model file falls back.
 */
let web: ServedWeb;
let browser: Browser;

beforeAll(async () => {
  web = await serveWeb('stage-lab.html');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
});
/** Every lab page renders continuously; close them after each test so they do not compete. */
const open: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

type Debug = {
  expressions: Record<string, number>;
  bones: Record<string, [number, number, number]>;
  screen: Record<string, [number, number]>;
  activity: string;
  shot: string;
  avatar: string;
  drawCalls: number;
  audioUnlocked: boolean;
};
const MOUTH = ['aa', 'ih', 'ou', 'ee', 'oh'];
const mouthOpen = (d: Debug) => Math.max(...MOUTH.map((m) => d.expressions[m] ?? 0));

async function openLab(size = { width: 960, height: 540 }, query = 'bare'): Promise<{ page: Page; errors: string[] }> {
  const { context, page, errors } = await newPage(browser, size);
  open.push(context);
  await page.goto(`${web.url}/stage-lab.html?${query}`);
  await page.waitForFunction(() => {
    const lab = (window as unknown as { lab?: { stage: { debug(): { avatar: string; drawCalls: number } } } }).lab;
    return !!lab && lab.stage.debug().avatar !== '' && lab.stage.debug().drawCalls > 0;
  }, null, { timeout: 60_000 });
  return { page, errors };
}

const debug = (page: Page): Promise<Debug> => page.evaluate(() => (window as unknown as { lab: { stage: { debug(): Debug } } }).lab.stage.debug());
const lab = (page: Page, script: string) => page.evaluate(`(async () => { const lab = window.lab; ${script} })()`);
/** Room-clock ms now in the page. */
const now = (page: Page): Promise<number> => page.evaluate(() => Date.now());

/** RGB of page pixels at CSS coordinates, decoded from a real screenshot of the page. */
async function pixels(page: Page, points: Array<[number, number]>): Promise<Array<[number, number, number]>> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async ({ png, points }) => {
    const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    return points.map(([x, y]) => {
      const d = g.getImageData(Math.round(x), Math.round(y), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as [number, number, number];
    });
  }, { png, points });
}

describe('stage', () => {
  it('renders Dong Dong where the camera frames her, on a non-blank set', async () => {
    const { page, errors } = await openLab({ width: 960, height: 540 }, 'bare&ratio=1');
    await page.waitForTimeout(500);
    const d = await debug(page);
    expect(d.avatar).toContain('dongdong.vrm');
    expect(Object.keys(d.bones)).toContain('rightHand');
    // Face: between the head bone and the eyes; jacket: between chest and hips; the sky far left.
    // The head bone sits at the base of the skull; between the eyes is ~1.5 neck-lengths above it.
    const [hx, hy] = d.screen.head!;
    const eyeY = hy - (d.screen.neck![1] - hy) * 1.5;
    const [cx, cy] = d.screen.chest!;
    const [face, jacket, jacket2, sky] = await pixels(page, [[hx, eyeY], [cx - 25, cy], [cx + 25, cy + 10], [288, 8]]);
    const isSkin = ([r, g, b]: number[]) => r! > 200 && g! > 160 && b! > 130 && r! >= g! && g! >= b!;
    const isRed = ([r, g, b]: number[]) => r! > 140 && g! < 90 && b! < 100;
    expect(isSkin(face!), `face pixel ${face}`).toBe(true);
    expect(isRed(jacket!) || isRed(jacket2!), `jacket pixels ${jacket} ${jacket2}`).toBe(true);
    expect(sky![2]! > sky![0]!, `sky pixel ${sky}`).toBe(true);
    await screenshot(page, 'stage-neutral');
    expect(errors).toEqual([]);
  });

  it('moves the mouth during speech and closes it after', async () => {
    const { page } = await openLab();
    await lab(page, 'await lab.stage.unlockAudio();');
    expect((await debug(page)).audioUnlocked).toBe(true);
    const ev = (await page.evaluate(() => {
      const e = (window as unknown as { lab: { speak(o: object): { startAt: number; audio: { durationMs: number } } } }).lab.speak({ emotion: { name: 'neutral', intensity: 0.5 } });
      return { startAt: e.startAt, durationMs: e.audio.durationMs };
    })) as { startAt: number; durationMs: number };
    let maxMouth = 0;
    while ((await now(page)) < ev.startAt + ev.durationMs) {
      const d = await debug(page);
      maxMouth = Math.max(maxMouth, mouthOpen(d));
      await page.waitForTimeout(60);
    }
    expect(maxMouth).toBeGreaterThan(0.3);
    await expect.poll(async () => mouthOpen(await debug(page)), { timeout: 5000 }).toBe(0);
  });

  it('follows the loudness of speech that has no viseme track', async () => {
    const { page } = await openLab();
    await lab(page, 'await lab.stage.unlockAudio();');
    const ev = (await page.evaluate(() => {
      const e = (window as unknown as { lab: { speak(o: object): { startAt: number; audio: { durationMs: number }; visemes: unknown[] } } }).lab.speak({ withoutVisemes: true });
      return { startAt: e.startAt, durationMs: e.audio.durationMs, visemes: e.visemes.length };
    })) as { startAt: number; durationMs: number; visemes: number };
    expect(ev.visemes).toBe(0);
    let maxMouth = 0;
    while ((await now(page)) < ev.startAt + ev.durationMs) {
      const d = await debug(page);
      maxMouth = Math.max(maxMouth, mouthOpen(d));
      await page.waitForTimeout(60);
    }
    expect(maxMouth).toBeGreaterThan(0.1);
    await expect.poll(async () => mouthOpen(await debug(page)), { timeout: 5000 }).toBe(0);
  });

  it('raises the right hand above the right elbow for a thumbs-up', async () => {
    const { page } = await openLab();
    const before = await debug(page);
    expect(before.bones.rightHand![1]).toBeLessThan(before.bones.rightLowerArm![1]);
    await lab(page, "lab.gesture('thumbs-up', 0);");
    await expect
      .poll(async () => {
        const d = await debug(page);
        return d.bones.rightHand![1] - d.bones.rightLowerArm![1];
      }, { timeout: 5000, interval: 50 })
      .toBeGreaterThan(0.05);
    expect((await debug(page)).activity).toBe('gesturing');
  });

  it('changes the pose from beat to beat while dancing', async () => {
    const { page } = await openLab({ width: 960, height: 540 }, 'bare&ratio=1');
    await lab(page, 'await lab.stage.unlockAudio();');
    const ev = (await page.evaluate(() => {
      const e = (window as unknown as { lab: { dance(o: object): { startAt: number; beatsMs: number[]; bpm: number } } }).lab.dance({ bars: 16, delayMs: 200 });
      return { startAt: e.startAt, beatsMs: e.beatsMs, bpm: e.bpm };
    })) as { startAt: number; beatsMs: number[]; bpm: number };
    await expect.poll(async () => (await debug(page)).activity, { timeout: 5000 }).toBe('dancing');
    await page.waitForTimeout(600);
    // Sample the pose in the page, every rendered frame, over four bars; hands and hips must travel.
    const samples = await page.evaluate(async (ms) => {
      type B = Record<string, [number, number, number]>;
      const lab = (window as unknown as { lab: { stage: { debug(): { bones: B } } } }).lab;
      const out: B[] = [];
      const end = performance.now() + ms;
      await new Promise<void>((done) => {
        const f = () => {
          const b = lab.stage.debug().bones;
          out.push({ leftHand: b.leftHand!, rightHand: b.rightHand!, hips: b.hips! });
          if (performance.now() < end) requestAnimationFrame(f);
          else done();
        };
        requestAnimationFrame(f);
      });
      return out;
    }, (16 * 60_000) / ev.bpm);
    expect(samples.length).toBeGreaterThan(4);
    const spread = (bone: string, axis: number) => {
      const xs = samples.map((s) => s[bone]![axis]!);
      return Math.max(...xs) - Math.min(...xs);
    };
    const travel = Math.max(spread('leftHand', 0), spread('leftHand', 1), spread('rightHand', 0), spread('rightHand', 1));
    expect(travel).toBeGreaterThan(0.1);
    expect(Math.max(spread('hips', 0), spread('hips', 1))).toBeGreaterThan(0.01);
    expect((await debug(page)).shot).toBe('full');
    await screenshot(page, 'stage-dancing');
  });

  it('shows a clear message for a broken model file and falls back to Dong Dong', async () => {
    const { page, errors } = await openLab({ width: 960, height: 540 }, 'bare&lang=en');
    await lab(page, 'await lab.broken();');
    const msg = page.locator('.ss-stage-msg');
    await msg.waitFor();
    expect(await msg.textContent()).toContain("This model can't be used");
    const d = await debug(page);
    expect(d.avatar).toContain('dongdong.vrm');
    expect(d.bones.head).toBeDefined();
    // Only the expected warning: nothing threw.
    expect(errors.filter((e) => !e.includes('[stage]'))).toEqual([]);
  });

  it('poses for the README: happy with heart hands, sad wiping tears, and on a phone', async () => {
    // The lab's clock is frozen at each gesture's key moment, so the pictures show the pose itself.
    const { page } = await openLab({ width: 1280, height: 720 }, 'bare&ratio=1');
    const pose = async (emotion: string, gesture: string, keyMs: number) => {
      await page.evaluate(
        ({ emotion, gesture, keyMs }) => {
          const lab = (window as unknown as { lab: { now(): number; freeze(t: number | null): void; express(e: object, ms: number, delay: number): void; stage: { play(e: object): void } } }).lab;
          const t = lab.now() + 200;
          lab.express({ name: emotion, intensity: 1 }, 8000, 0);
          lab.stage.play({ seq: 9000 + keyMs, at: t, kind: 'gesture', name: gesture, startAt: t });
          lab.freeze(t + keyMs);
        },
        { emotion, gesture, keyMs },
      );
      await expect.poll(async () => (await debug(page)).activity, { timeout: 5000 }).toBe('gesturing');
      await page.waitForTimeout(400);
      return debug(page);
    };
    const heart = await pose('happy', 'heart-hands', 900);
    // Heart hands: the wrists come together in front of the chest (they rest ~0.4 m apart).
    expect(Math.abs(heart.bones.leftHand![0] - heart.bones.rightHand![0])).toBeLessThan(0.3);
    expect(heart.expressions.happy).toBeGreaterThan(0.5);
    await screenshot(page, 'stage-happy-heart');
    await page.evaluate(() => (window as unknown as { lab: { freeze(t: null): void } }).lab.freeze(null));
    await page.waitForTimeout(2500);
    const sad = await pose('sad', 'wipe-tears', 800);
    // Wiping tears: a hand comes up to the face.
    expect(Math.min(...['leftHand', 'rightHand'].map((h) => sad.bones.head![1] - sad.bones[h]![1]))).toBeLessThan(0.2);
    expect(sad.expressions.sad).toBeGreaterThan(0.5);
    await screenshot(page, 'stage-sad-wipe-tears');
    await page.evaluate(() => (window as unknown as { lab: { freeze(t: null): void } }).lab.freeze(null));
    await page.waitForTimeout(2500);
    // Talking: the camera eases in to the close-up.
    await page.evaluate(() => {
      const lab = (window as unknown as { lab: { speak(o: object): { startAt: number }; freeze(t: number): void } }).lab;
      const e = lab.speak({ emotion: { name: 'happy', intensity: 0.6 } });
      lab.freeze(e.startAt + 1020);
    });
    await expect.poll(async () => (await debug(page)).shot, { timeout: 8000 }).toBe('close');
    await page.waitForTimeout(2500);
    await screenshot(page, 'stage-speaking');
    await page.context().close();

    const phone = await openLab({ width: 390, height: 700 }, 'bare&ratio=1');
    await screenshot(phone.page, 'stage-phone');
  });
});
