import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WS_PATH } from '../ws/gateway.js';

/**
 * The built web app: static files, and each page's HTML for its paths. The first path segment
 * names the page (`/console` → console.html, `/replay/abc` → replay.html); anything else is the
 * live room (`/`, `/live/:room` → index.html). Unknown /api paths stay JSON 404s.
 */
export const webPages: FastifyPluginAsync<{ webDir: string }> = async (app, opts) => {
  const webDir = resolve(opts.webDir);
  if (!existsSync(join(webDir, 'index.html'))) {
    app.log.warn(`no web app at ${webDir}; run "npm run build:web" to serve the pages`);
    return;
  }
  const pages = new Set(readdirSync(webDir).filter((f) => f.endsWith('.html') && f !== 'index.html').map((f) => f.slice(0, -5)));
  await app.register(fastifyStatic, { root: webDir, wildcard: true, maxAge: '1h' });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path.startsWith(WS_PATH) || path.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found' } });
    }
    const first = path.split('/')[1] ?? '';
    const page = pages.has(first) ? `${first}.html` : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });
};
