import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, CheckoutRequest, DESIGN_LIMITS, FulfilAction, PayRequest, StoreId } from '@snowstage/protocol';
import { chinaDay, estimateDelivery, maxPrintMm, TEMPLATES } from '@snowstage/commerce';
import type { Store } from '../store/store.js';
import type { Auth } from '../auth.js';
import { bearer } from '../http/errors.js';
import { requireStaff } from '../http/staff.js';
import { CloudStoreService } from './cloudstore-service.js';
import { PrintRenderer } from './renderer.js';
import { TextOutliner } from './text-outliner.js';
import { ClipartLibrary } from './clipart.js';
import { ImageStore } from './image-store.js';
import { PrintFiles } from './print-files.js';
import { printFonts } from './fonts.js';

export interface CloudStoreRoutesOptions {
  store: Store;
  auth: Auth;
  /** The content blocklist (design text is checked against it). */
  blocklist: { find(text: string): string | null };
  /** Uploads and rendered print files go under `<dataDir>/cloudstore/`. */
  dataDir: string;
  /** The clip-art set is read from `<contentDir>/clipart/`. */
  contentDir: string;
  now?: () => number;
  /** Stores generated into an empty registry. @default 7200 */
  storeCount?: number;
  /** Units of each blank garment colour/size seeded once. @default 500 */
  blankStock?: number;
}

const StoreQuery = z.object({
  q: z.string().max(60).optional(),
  city: z.string().regex(/^[a-z]{2,4}$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const SalesQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14), store: StoreId.optional(), top: z.coerce.number().int().min(1).max(50).default(8) });
const FILE = /^(preview-(front|back)\.png|(front|back)\.(png|svg))$/;

/**
 * The Cloud Store over HTTP: the kiosk's shelf, designer assets (templates, clip-art, the print
 * font), uploads, designs with print files, checkout, payment and tracking, the store registry,
 * and the back office (staff token: orders by store, production queue, fulfilment, sales).
 * Builds its service at registration and fails the boot when the font or clip-art is missing.
 */
export const cloudStoreRoutes: FastifyPluginAsync<CloudStoreRoutesOptions> = async (app, opts) => {
  const now = opts.now ?? Date.now;
  const fonts = printFonts();
  const clipart = new ClipartLibrary(join(opts.contentDir, 'clipart'));
  const images = new ImageStore(join(opts.dataDir, 'cloudstore', 'uploads'));
  const files = new PrintFiles(join(opts.dataDir, 'cloudstore', 'prints'));
  const renderer = new PrintRenderer({ outliner: new TextOutliner(fonts), clipart, images });
  const service = new CloudStoreService({ store: opts.store, renderer, images, clipart, files, blocklist: opts.blocklist, now, storeCount: opts.storeCount, blankStock: opts.blankStock });
  await service.init();
  app.decorate('cloudStore', service);

  const staff = (req: FastifyRequest) => requireStaff(opts.auth, bearer(req) ?? (req.query as { token?: string }).token, 'moderator');

  // Uploads arrive as raw bytes with their content type; any type reaches the handler, which explains a refusal.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: DESIGN_LIMITS.uploadMaxBytes * 2 }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: { statusCode?: number }, req) => {
    if (err.statusCode === 413 && req.url.startsWith('/api/cloudstore/uploads')) throw new AppError('UPLOAD_TOO_LARGE');
    throw err;
  });

  // ── kiosk and designer ──
  app.get('/api/cloudstore/config', async () => ({
    templates: Object.values(TEMPLATES),
    clipart: clipart.list().map(({ id, name, tags }) => ({ id, name, tags, url: `/api/cloudstore/clipart/${id}.svg` })),
    limits: DESIGN_LIMITS,
    fonts: { regular: '/api/cloudstore/fonts/400.ttf', bold: '/api/cloudstore/fonts/700.ttf' },
  }));
  const fontBytes = { '400': readFileSync(fonts.regular), '700': readFileSync(fonts.bold) };
  app.get<{ Params: { w: string } }>('/api/cloudstore/fonts/:w.ttf', async (req, reply) => {
    const bytes = fontBytes[req.params.w as '400' | '700'];
    if (!bytes) throw new AppError('INVALID_MESSAGE', 'weight 400 or 700');
    return reply.type('font/ttf').header('cache-control', 'public, max-age=31536000, immutable').send(bytes);
  });
  app.get<{ Params: { id: string } }>('/api/cloudstore/clipart/:id.svg', async (req, reply) => {
    const p = clipart.get(req.params.id);
    if (!p) throw new AppError('CLIPART_NOT_FOUND', req.params.id);
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=3600').send(p.svg);
  });
  app.get('/api/cloudstore/shelf', async () => ({ products: await service.shelf() }));
  app.get<{ Params: { id: string } }>('/api/cloudstore/products/:id', async (req) => {
    const p = await opts.store.getProduct(req.params.id);
    if (!p) throw new AppError('PRODUCT_NOT_FOUND', req.params.id);
    return { product: p };
  });

  app.post('/api/cloudstore/uploads', { bodyLimit: DESIGN_LIMITS.uploadMaxBytes * 2 }, async (req) => {
    const body = req.body;
    if (!Buffer.isBuffer(body)) throw new AppError('UPLOAD_TYPE', `got ${req.headers['content-type'] ?? 'nothing'}`);
    const img = await images.put(body, req.headers['content-type']);
    return { image: { id: img.id, type: img.type, width: img.width, height: img.height, url: `/api/cloudstore/uploads/${img.id}`, maxPrintMm: maxPrintMm(img) } };
  });
  app.get<{ Params: { id: string } }>('/api/cloudstore/uploads/:id', async (req, reply) => {
    const img = images.read(req.params.id);
    if (!img) throw new AppError('IMAGE_NOT_FOUND', req.params.id);
    return reply.type(img.type).header('cache-control', 'public, max-age=31536000, immutable').send(img.bytes);
  });

  app.post('/api/cloudstore/designs', { bodyLimit: 256 * 1024 }, async (req) => ({ design: await service.saveDesign(req.body) }));
  app.get<{ Params: { id: string } }>('/api/cloudstore/designs/:id', async (req) => ({ design: await service.describe(req.params.id) }));
  app.get<{ Params: { id: string; file: string } }>('/api/cloudstore/designs/:id/:file', async (req, reply) => {
    const { id, file } = req.params;
    if (!/^d_[a-f0-9]{32}$/.test(id) || !FILE.test(file)) throw new AppError('DESIGN_NOT_FOUND', `${id}/${file}`);
    // Previews are public; print files are for production staff.
    if (!file.startsWith('preview-')) staff(req);
    const bytes = files.read(id, file);
    if (!bytes) throw new AppError('DESIGN_NOT_FOUND', `${id}/${file}`);
    return reply.type(file.endsWith('.svg') ? 'image/svg+xml' : 'image/png').header('cache-control', 'public, max-age=31536000, immutable').send(bytes);
  });

  app.get('/api/cloudstore/estimate', async (req) => {
    const q = z.object({ city: z.string().min(1).max(40), custom: z.enum(['0', '1']).default('0') }).parse(req.query);
    return { estimate: estimateDelivery(q.city, { custom: q.custom === '1' }) };
  });
  app.post('/api/cloudstore/checkouts', async (req) => service.checkout(CheckoutRequest.parse(req.body)));
  app.get<{ Params: { id: string } }>('/api/cloudstore/checkouts/:id', async (req) => ({ checkout: await service.view(req.params.id) }));
  app.post<{ Params: { id: string } }>('/api/cloudstore/checkouts/:id/pay', async (req) => ({ checkout: await service.pay(req.params.id, PayRequest.parse(req.body).token) }));

  // ── store registry ──
  app.get('/api/cloudstore/stores', async (req) => {
    const q = StoreQuery.parse(req.query);
    return opts.store.cloudstore.searchStores({ text: q.q, city: q.city, limit: q.limit, offset: q.offset });
  });
  app.get<{ Params: { id: string } }>('/api/cloudstore/stores/:id', async (req) => {
    const s = await opts.store.cloudstore.getStore(req.params.id);
    if (!s) throw new AppError('STORE_NOT_FOUND', req.params.id);
    return { store: s };
  });
  app.get('/api/cloudstore/cities', async () => ({ cities: await opts.store.cloudstore.cities() }));

  // ── back office ──
  app.get('/api/cloudstore/backoffice/orders', async (req) => {
    staff(req);
    const storeId = StoreId.parse((req.query as { store?: string }).store);
    return { orders: await service.storeOrders(storeId) };
  });
  app.get('/api/cloudstore/backoffice/queue', async (req) => {
    staff(req);
    const s = (req.query as { store?: string }).store;
    return { queue: await service.queue(s ? { storeId: StoreId.parse(s) } : {}) };
  });
  app.post<{ Params: { orderId: string; action: string } }>('/api/cloudstore/backoffice/orders/:orderId/:action', async (req) => {
    staff(req);
    return { order: await service.fulfil(req.params.orderId, FulfilAction.parse(req.params.action)) };
  });
  app.get('/api/cloudstore/backoffice/sales', async (req) => {
    staff(req);
    const q = SalesQuery.parse(req.query);
    const to = now();
    const from = Date.parse(chinaDay(to - (q.days - 1) * 86_400_000) + 'T00:00:00+08:00');
    const points = await opts.store.cloudstore.salesByStoreDay({ from, to: to + 1, ...(q.store ? { storeId: q.store } : {}) });
    const days = Array.from({ length: q.days }, (_, i) => chinaDay(from + i * 86_400_000 + 3600_000));
    const byStore = new Map<string, number>();
    for (const p of points) byStore.set(p.storeId, (byStore.get(p.storeId) ?? 0) + p.gmv);
    const top = [...byStore.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, q.top);
    const stores = await Promise.all(top.map(async ([id, gmv]) => ({ id, gmv, name: (await opts.store.cloudstore.getStore(id))?.name ?? { zh: id, en: id } })));
    return { days, points, stores, totalGmv: points.reduce((n, p) => n + p.gmv, 0), totalOrders: points.reduce((n, p) => n + p.orders, 0) };
  });
};

declare module 'fastify' {
  interface FastifyInstance {
    cloudStore?: CloudStoreService;
  }
}
