import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Auth } from '../auth.js';
import { installErrorHandler } from '../http/errors.js';
import { createBlocklist } from '../room/blocklist.js';
import { SqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { TEST_TOKENS } from '../testing/spawn-server.js';
import { cloudStoreRoutes } from './routes.js';
import { encodePng } from './png.js';

export const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

export interface CloudStoreTestServer {
  http: FastifyInstance;
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The Cloud Store plugin on its own Fastify instance with a fresh SQLite store, the repo's
 * content (clip-art, blocklist) and the test tokens: for inject() tests and as a standalone
 * server for browser tests until the app wires the plugin.
 */
export async function startCloudStoreServer(opts: { storeCount?: number; blankStock?: number; store?: Store; now?: () => number; webDir?: string } = {}): Promise<CloudStoreTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'snowstage-cs-'));
  const store = opts.store ?? new SqliteStore(join(dataDir, 'test.db'));
  const { loadContent } = await import('../content.js');
  const content = loadContent(join(ROOT, 'content'));
  if ((await store.listProducts()).length === 0) await store.upsertProducts(content.catalog.products);
  const http = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  installErrorHandler(http);
  await http.register(cloudStoreRoutes, {
    store,
    auth: new Auth(TEST_TOKENS.secret, TEST_TOKENS),
    blocklist: createBlocklist(content.blocklist),
    dataDir,
    contentDir: join(ROOT, 'content'),
    storeCount: opts.storeCount ?? 300,
    blankStock: opts.blankStock ?? 500,
    ...(opts.now ? { now: opts.now } : {}),
  });
  if (opts.webDir) {
    const { webPages } = await import('../http/pages.js');
    await http.register(webPages, { webDir: opts.webDir });
  }
  return {
    http,
    store,
    dataDir,
    async close() {
      await http.close();
      await store.close();
    },
  };
}

/** A PNG of a soft gradient, `width × height` pixels (a stand-in for a shopper's photo). */
export function gradientPng(width: number, height: number): Buffer {
  const px = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      px[i] = Math.round((255 * x) / width);
      px[i + 1] = Math.round((255 * y) / height);
      px[i + 2] = 200;
      px[i + 3] = 255;
    }
  return encodePng(px, width, height, { dpi: 72 });
}

/** Decodes an 8-bit RGBA PNG (any filter, no interlace) to pixels, for pixel checks in tests. */
export async function decodeOwnPng(png: Buffer): Promise<{ width: number; height: number; rgba: Uint8Array }> {
  const { inflateSync } = await import('node:zlib');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (png[24] !== 8 || png[25] !== 6 || png[28] !== 0) throw new Error('only 8-bit RGBA, non-interlaced PNGs');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? rgba[out + i - 4]! : 0;
      const b = y > 0 ? rgba[out - stride + i]! : 0;
      const c = y > 0 && i >= 4 ? rgba[out - stride + i - 4]! : 0;
      let pred = 0;
      if (f === 1) pred = a;
      else if (f === 2) pred = b;
      else if (f === 3) pred = (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rgba[out + i] = (src[i]! + pred) & 255;
    }
  }
  return { width, height, rgba };
}
