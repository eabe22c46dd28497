import type { FastifyPluginAsync } from 'fastify';
import { AppError, PurchaseRequest, ShowPlan } from '@snowstage/protocol';
import type { Analytics } from '@snowstage/commerce';
import type { ShowService } from '../shows/show-service.js';
import type { RoomHub } from '../room/hub.js';
import type { Auth } from '../auth.js';
import { bearer } from './errors.js';
import { csvRow } from './csv.js';
import { requireStaff } from './staff.js';

/**
 * Shows over HTTP: operators schedule them, put them on air and end them, and read live analytics
 * and per-show reports (JSON or CSV). Anyone may list shows and watch a replay; viewers (by their
 * viewer token) may buy from a replay at the normal price.
 */
export const showRoutes: FastifyPluginAsync<{ shows: ShowService; hub: RoomHub; auth: Auth }> = async (app, { shows, hub, auth }) => {
  const operator = (token: string | undefined) => requireStaff(auth, token, 'operator');

  app.get<{ Querystring: { room?: string } }>('/api/shows', async (req) => ({ shows: await shows.list(req.query.room) }));
  app.get<{ Params: { id: string } }>('/api/shows/:id', async (req) => ({ show: await shows.get(req.params.id) }));

  app.post('/api/shows', async (req) => {
    operator(bearer(req));
    return { show: await shows.schedule(ShowPlan.parse(req.body)) };
  });
  app.post<{ Params: { id: string } }>('/api/shows/:id/live', async (req) => {
    operator(bearer(req));
    return { show: await shows.goLive(req.params.id) };
  });
  app.post<{ Params: { id: string } }>('/api/shows/:id/end', async (req) => {
    operator(bearer(req));
    return { show: await shows.end(req.params.id) };
  });

  app.get<{ Params: { id: string }; Querystring: { bucket?: string } }>('/api/rooms/:id/analytics', async (req) => {
    operator(bearer(req));
    return shows.liveAnalytics(req.params.id, bucketOf(req.query.bucket));
  });

  app.get<{ Params: { id: string }; Querystring: { format?: string; bucket?: string } }>('/api/shows/:id/report', async (req, reply) => {
    operator(bearer(req));
    const report = await shows.report(req.params.id, bucketOf(req.query.bucket));
    if (req.query.format !== 'csv') return report;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="show-${report.show.id}.csv"`)
      .send('\ufeff' + reportCsv(report.analytics));
  });

  app.get<{ Params: { id: string } }>('/api/shows/:id/replay', async (req) => shows.replay(req.params.id));

  /** A viewer opened the replay (counted apart from live views). */
  app.post<{ Params: { id: string } }>('/api/shows/:id/replay/view', async (req) => {
    const me = auth.verifyViewerToken(bearer(req));
    if (!me) throw new AppError('UNAUTHORIZED', 'a viewer token is required');
    const show = await shows.get(req.params.id);
    (await hub.get(show.roomId)).replayViewed(show.id, me.viewerId);
    return { ok: true };
  });

  /** Buying from a replay: always at the list price (the show's sales are over). */
  app.post<{ Params: { id: string } }>('/api/shows/:id/replay/buy', async (req) => {
    const me = auth.verifyViewerToken(bearer(req));
    if (!me) throw new AppError('UNAUTHORIZED', 'a viewer token is required');
    const request = PurchaseRequest.omit({ saleId: true }).strict().parse(req.body);
    const show = await shows.get(req.params.id);
    const room = await hub.get(show.roomId);
    return room.buy({ ...me, role: 'viewer' }, request, show.id);
  });
};

/** A series bucket from `?bucket=` seconds: 10 s to 1 h, a minute by default. */
function bucketOf(q: string | undefined): number {
  return Math.min(3_600_000, Math.max(10_000, Number(q ?? 60) * 1000 || 60_000));
}

/** The report as CSV: the totals, then per product, then the time series. */
export function reportCsv(a: Analytics): string {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  let csv = csvRow(['metric', 'value']);
  const totals: [string, string | number][] = [
    ['from', new Date(a.from).toISOString()], ['to', new Date(a.to).toISOString()],
    ['peak_viewers', a.peakViewers], ['unique_viewers', a.uniqueViewers], ['comments', a.comments],
    ['comments_per_minute', a.commentsPerMinute], ['likes', a.likes], ['card_clicks', a.cardClicks],
    ['cart_adds', a.cartAdds], ['buy_attempts', a.buyAttempts], ['orders', a.orders], ['units', a.units],
    ['gmv_cny', yuan(a.gmv)], ['buyers', a.buyers], ['conversion', a.conversion],
    ['replay_views', a.replayViews], ['unique_replay_viewers', a.uniqueReplayViewers],
    ['replay_orders', a.replayOrders], ['replay_gmv_cny', yuan(a.replayGmv)],
  ];
  for (const row of totals) csv += csvRow(row);
  csv += '\r\n' + csvRow(['product_id', 'clicks', 'cart_adds', 'buy_attempts', 'orders', 'units', 'gmv_cny']);
  for (const p of a.perProduct) csv += csvRow([p.productId, p.clicks, p.cartAdds, p.attempts, p.orders, p.units, yuan(p.gmv)]);
  csv += '\r\n' + csvRow(['minute_start', 'viewers', 'peak_viewers', 'comments', 'likes', 'orders', 'gmv_cny']);
  for (const s of a.series) csv += csvRow([new Date(s.t).toISOString(), s.viewers, s.peakViewers, s.comments, s.likes, s.orders, yuan(s.gmv)]);
  return csv;
}
