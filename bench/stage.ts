/**
 * `npm run bench -- stage [--seconds 10] [--width 1280] [--height 720] [--ratio R]`: the avatar stage
 * in headless Chromium with software WebGL (SwiftShader), Dong Dong speaking and then dancing.
 * Frame times come from requestAnimationFrame in the page. `--ratio` pins the render pixel ratio
 * (default: the stage's own adaptive resolution, reported as `pixelRatio`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { launchBrowser, newPage } from '../e2e/browser.js';
import { serveWeb } from '../e2e/serve-web.js';
import { intArg, percentile, progress, round, sortedCopy } from './lib.js';

/**
 * CPU time (ms) used so far by a process and all its descendants (Linux /proc; null elsewhere).
 * Frame rates on a shared machine say little; CPU per frame says what the stage costs.
 */
function treeCpuMs(rootPid: number | undefined): number | null {
  if (!rootPid) return null;
  try {
    const stats = new Map<number, { ppid: number; ticks: number }>();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const raw = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
        stats.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
      } catch {
        /* the process ended meanwhile */
      }
    }
    const tree = new Set([rootPid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, s] of stats) {
        if (!tree.has(pid) && tree.has(s.ppid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    let ticks = 0;
    for (const pid of tree) ticks += stats.get(pid)?.ticks ?? 0;
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function loadAverage(): number | null {
  try {
    return round(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]), 2);
  } catch {
    return null;
  }
}

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
    // Chromium runs as children of this process; our own Node time is taken out.
    const own0 = process.cpuUsage();
    const cpu0 = treeCpuMs(process.pid);
    // A string, not a function: tsx (esbuild keepNames) would wrap inner functions in a `__name`
    // helper that does not exist in the page.
    const result = (await page.evaluate(`(async (seconds) => {
      const lab = window.lab;
      await lab.stage.unlockAudio();
      lab.speak({ emotion: { name: 'happy', intensity: 0.8 }, gestures: [{ name: 'wave', atMs: 300 }, { name: 'heart-hands', atMs: 2500 }], repeat: 2 });
      setTimeout(() => lab.dance({ bars: 16, delayMs: 0 }), (seconds * 1000) / 2);
      const stamps = [];
      let calls = 0, tris = 0;
      const activities = new Set();
      const t0 = performance.now();
      await new Promise((done) => {
        const tick = (t) => {
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
      return { stamps, calls, tris, pixelRatio: lab.stage.debug().pixelRatio, activities: [...activities] };
    })(${seconds})`)) as { stamps: number[]; calls: number; tris: number; pixelRatio: number; activities: string[] };
    const own = process.cpuUsage(own0);
    const cpu1 = treeCpuMs(process.pid);
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
      /** Browser CPU (all processes, all threads) per rendered frame; with 2 free cores, fps ≈ 2000 / this. */
      cpuMsPerFrame: cpu0 !== null && cpu1 !== null ? round((cpu1 - cpu0 - (own.user + own.system) / 1000) / Math.max(1, result.stamps.length - 1)) : null,
      loadAverage: loadAverage(),
      activities: result.activities,
    };
  } finally {
    await browser.close();
    await web.close();
  }
}
