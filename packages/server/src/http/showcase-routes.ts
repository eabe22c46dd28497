import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ClaimRequest, DrawPlan, DrawPublication, EnterDrawRequest, Lang, QuizAnswer, VisitRequest } from '@snowstage/protocol';
import type { ShowcaseService } from '../showcase/showcase-service.js';
import type { DrawService } from '../showcase/draw-service.js';
import type { RoomHub } from '../room/hub.js';
import { anonymousNickname, newViewerId, type Auth } from '../auth.js';
import { bearer } from './errors.js';
import { requireStaff } from './staff.js';
import { requireViewer } from './viewer-identity.js';

/** The live room whose host guides showcase tours. */
export const SHOWCASE_ROOM = 'showcase';

const NewViewer = z.object({ nickname: z.string().trim().min(1).max(24).optional(), lang: Lang.optional() }).strict();

/**
 * The Cloud Showcase and its lucky draws over HTTP. Fans are identified by the viewer token the
 * live room (or POST /api/viewers) gave them; operators create, close and redraw draws.
 */
export const showcaseRoutes: FastifyPluginAsync<{ showcase: ShowcaseService; draws: DrawService; hub: RoomHub; auth: Auth; blocked: (text: string) => boolean }> = async (
  app,
  { showcase, draws, hub, auth, blocked },
) => {
  const fan = (req: { headers: { authorization?: string } }) => requireViewer(auth, bearer(req as never)).viewerId;
  const operator = (req: { headers: { authorization?: string } }) => requireStaff(auth, bearer(req as never), 'operator');

  /** An anonymous fan identity for pages that are not a live room (showcase, kiosk). */
  app.post('/api/viewers', async (req) => {
    const body = NewViewer.parse(req.body ?? {});
    const nickname = body.nickname && !blocked(body.nickname) ? body.nickname : anonymousNickname(body.lang ?? 'zh');
    const id = { viewerId: newViewerId(), nickname };
    return { ...id, viewerToken: auth.issueViewerToken(id) };
  });

  app.get('/api/showcase', async () => showcase.publicContent());
  app.get('/api/showcase/passport', async (req) => ({ passport: await showcase.passport(fan(req)) }));
  app.post('/api/showcase/visits', async (req) => showcase.visit(fan(req), VisitRequest.parse(req.body).boothId));
  app.post('/api/showcase/quiz', async (req) => {
    const { boothId, choice } = QuizAnswer.parse(req.body);
    return showcase.answer(fan(req), boothId, choice);
  });
  app.post('/api/showcase/checkin', async (req) => showcase.checkin(fan(req)));
  app.post('/api/showcase/tour', async (req) => {
    const lang = Lang.catch('zh').parse((req.body as { lang?: unknown } | undefined)?.lang);
    return { started: await (await hub.get(SHOWCASE_ROOM)).startTour(lang) };
  });

  app.get('/api/draws', async () => ({ draws: await draws.list() }));
  app.get<{ Params: { id: string } }>('/api/draws/:id', async (req) => ({ draw: await draws.get(req.params.id) }));
  app.post('/api/draws', async (req) => {
    operator(req);
    return { draw: await draws.create(DrawPlan.parse(req.body)) };
  });
  app.post<{ Params: { id: string } }>('/api/draws/:id/close', async (req) => {
    operator(req);
    return { draw: await draws.close(req.params.id) };
  });
  app.post<{ Params: { id: string } }>('/api/draws/:id/redraw', async (req) => {
    operator(req);
    return { draw: await draws.redraw(req.params.id) };
  });
  app.get<{ Params: { id: string } }>('/api/draws/:id/claims', async (req) => {
    operator(req);
    return { claims: await draws.claims(req.params.id) };
  });
  app.post<{ Params: { id: string } }>('/api/draws/:id/enter', async (req) => {
    const me = fan(req);
    const { entries, key } = EnterDrawRequest.parse(req.body);
    const r = await draws.enter(req.params.id, me, entries, key);
    return { ...r, passport: await showcase.passport(me) };
  });
  app.post<{ Params: { id: string } }>('/api/draws/:id/claim', async (req) => {
    const me = fan(req);
    const { key, ...details } = ClaimRequest.parse(req.body);
    return draws.claim(req.params.id, me, details, key);
  });
  app.get<{ Params: { id: string } }>('/api/draws/:id/publication', async (req) => draws.publication(req.params.id));
  app.post('/api/draws/verify', { bodyLimit: 64 * 1024 * 1024 }, async (req) => draws.verify(DrawPublication.parse(req.body)));
};
