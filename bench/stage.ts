/**
 * `npm run bench -- stage [--seconds 10] [--width 1280] [--height 720] [--ratio R]`: the avatar stage
 * in headless Chromium with software WebGL (SwiftShader), Dong Dong speaking and then dancing.
 * Frame times come from requestAnimationFrame in the page. `--ratio` pins the render pixel ratio
 * (default: the stage's own adaptive resolution, reported as `pixelRatio`).
 */
import { launchBrowser, newPage } from '../e2e/browser.js';
import { serveWeb } from '../e2e/serve-web.js';
import { intArg, percentile, progress, round, sortedCopy } from './lib.js';

type Debug = { drawCalls: number; triangles: number; pixelRatio: number; activity: string };

export async function main(args: Record<string, string>): Promise<object> {
  const seconds = intArg(args, 'seconds', 10);
  const width = intArg(args, 'width', 1280), height = intArg(args, 'height', 720);
  progress('building/serving the web app');
  const web = await serveWeb('stage-lab.html');
  const browser = await launchBrowser();
  try {
    const { page, errors } = await newPage(browser, { width, height });
    const ratio = args.ratio ? `&ratio=${Number(args.ratio)}` : '';
    await page.goto(`${web.url}/stage-lab.html?bare${ratio}`);
    await page.waitForFunction(() => {
      const lab = (window as unknown as { lab?: { stage: { debug(): { avatar: string } } } }).lab;
      return !!lab && lab.stage.debug().avatar !== '';
    }, null, { timeout: 60_000 });
    progress(`warming up, then ${seconds} s of speech and dance at ${width}×${height}`);
    await page.waitForTimeout(2000);
    const result = await page.evaluate(async (seconds) => {
      type Lab = {
        stage: { unlockAudio(): Promise<void>; debug(): Debug };
        speak(o: object): { audio: { durationMs: number } };
        dance(o: object): unknown;
      };
      const lab = (window as unknown as { lab: Lab }).lab;
      await lab.stage.unlockAudio();
      const half = (seconds * 1000) / 2;
      lab.speak({ emotion: { name: 'happy', intensity: 0.8 }, gestures: [{ name: 'wave', atMs: 300 }, { name: 'heart-hands', atMs: 2500 }], repeat: 2 });
      setTimeout(() => lab.dance({ bars: 16, delayMs: 0 }), half);
      const stamps: number[] = [];
      let calls = 0, tris = 0;
      const activities = new Set<string>();
      const t0 = performance.now();
      await new Promise<void>((done) => {
        const tick = (t: number) => {
          stamps.push(t);
          const d = lab.stage.debug();
          calls = Math.max(calls, d.drawCalls);
          tris = Math.max(tris, d.triangles);
          activities.add(d.activity);
          if (t - t0 < seconds * 1000) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      const d = lab.stage.debug();
      return { stamps, calls, tris, pixelRatio: d.pixelRatio, activities: [...activities] };
    }, seconds);
    const gaps = result.stamps.slice(1).map((t, i) => t - result.stamps[i]!);
    const span = result.stamps[result.stamps.length - 1]! - result.stamps[0]!;
    if (errors.length) progress(`page errors: ${errors.join(' | ')}`);
    return {
      bench: 'stage',
      width,
      height,
      seconds,
      fps: round(((result.stamps.length - 1) * 1000) / span),
      p95FrameMs: round(percentile(sortedCopy(gaps), 95)),
      drawCalls: result.calls,
      triangles: result.tris,
      pixelRatio: round(result.pixelRatio, 2),
      activities: result.activities,
    };
  } finally {
    await browser.close();
    await web.close();
  }
}
