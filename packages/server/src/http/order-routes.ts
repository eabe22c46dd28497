import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import type { Auth } from '../auth.js';
import { bearer } from './errors.js';

/**
 * A viewer's own orders, authenticated by the viewer token the room gave them.
 * Paying is a recorded state change in this project (no payment provider).
 */
export const orderRoutes: FastifyPluginAsync<{ store: Store; auth: Auth; now: () => number }> = async (app, { store, auth, now }) => {
  const viewer = (token: string | undefined) => {
    const id = auth.verifyViewerToken(token);
    if (!id) throw new AppError('UNAUTHORIZED', 'a viewer token is required');
    return id;
  };
  app.get('/api/me/orders', async (req) => ({ orders: await store.listOrders(viewer(bearer(req)).viewerId) }));

  const owned = async (token: string | undefined, orderId: string) => {
    const me = viewer(token);
    const order = await store.getOrder(orderId);
    if (!order || order.buyerId !== me.viewerId) throw new AppError('ORDER_NOT_FOUND', orderId);
    return order;
  };
  app.get<{ Params: { id: string } }>('/api/orders/:id', async (req) => ({ order: await owned(bearer(req), req.params.id) }));
  app.post<{ Params: { id: string } }>('/api/orders/:id/pay', async (req) => {
    await owned(bearer(req), req.params.id);
    return { order: await store.setOrderStatus(req.params.id, 'paid', now()) };
  });
  app.post<{ Params: { id: string } }>('/api/orders/:id/cancel', async (req) => {
    await owned(bearer(req), req.params.id);
    return { order: await store.setOrderStatus(req.params.id, 'cancelled', now()) };
  });
};
