import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const WEB = resolve(fileURLToPath(new URL('../packages/web', import.meta.url)));

export interface ServedWeb {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built web app (packages/web/dist) on a free local port with `vite preview`, building it
 * first (`npm run build:web`) when `page` is missing from dist. No API server: for pages that run on
 * their own, such as the stage lab.
 */
export async function serveWeb(page = 'stage-lab.html'): Promise<ServedWeb> {
  if (!existsSync(resolve(WEB, 'dist', page)) || !existsSync(resolve(WEB, 'dist/avatars/dongdong.vrm'))) {
    execFileSync('npm', ['run', 'build:web'], { cwd: resolve(WEB, '../..'), stdio: 'ignore' });
  }
  const server = await preview({ root: WEB, logLevel: 'silent', preview: { host: '127.0.0.1', port: 4700 + Math.floor(Math.random() * 800), strictPort: false } });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('vite preview did not report its URL');
  return { url, close: () => server.close() };
}
