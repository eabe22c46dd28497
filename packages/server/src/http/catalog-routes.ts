import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '@snowstage/protocol';
import type { Store } from '../store/store.js';

/** Read-only catalog with live stock. */
export const catalogRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get('/api/products', async () => ({ products: await store.listProducts() }));
  app.get<{ Params: { id: string } }>('/api/products/:id', async (req) => {
    const p = await store.getProduct(req.params.id);
    if (!p) throw new AppError('PRODUCT_NOT_FOUND', req.params.id);
    return { product: p };
  });
};
