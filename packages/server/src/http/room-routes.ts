import type { FastifyPluginAsync } from 'fastify';
import { AppError, CLIENT_ROLES, ClientMessage, type Role } from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import type { RoomHub } from '../room/hub.js';
import type { Auth } from '../auth.js';
import { runHandler } from '../ws/handlers.js';
import { bearer } from './errors.js';
import { csvRow } from './csv.js';
import { requireStaff } from './staff.js';

/**
 * Rooms over HTTP: snapshots for anyone; for staff, the same commands as the WebSocket
 * (one handler table), chat export as CSV and the raw event log.
 */
export const roomRoutes: FastifyPluginAsync<{ store: Store; hub: RoomHub; auth: Auth }> = async (app, { store, hub, auth }) => {
  const staff = (token: string | undefined, needed: Role) => requireStaff(auth, token, needed === 'viewer' ? 'moderator' : needed);

  app.get('/api/rooms', async () => ({ rooms: await store.listRooms() }));
  app.get<{ Params: { id: string } }>('/api/rooms/:id', async (req) => ({ snapshot: await (await hub.get(req.params.id)).snapshot() }));

  app.post<{ Params: { id: string } }>('/api/rooms/:id/commands', async (req) => {
    const msg = ClientMessage.parse(req.body);
    if (msg.type === 'hello' || msg.type === 'ping') throw new AppError('UNKNOWN_TYPE', `${msg.type} is WebSocket-only`);
    const role = staff(bearer(req), CLIENT_ROLES[msg.type]);
    const room = await hub.get(req.params.id);
    const actor = { viewerId: `staff_${role}`, nickname: role === 'operator' ? '主播助理 Host team' : '房管 Moderator', role };
    return (await runHandler(room, actor, msg)) ?? { type: 'ack' };
  });

  app.get<{ Params: { id: string } }>('/api/rooms/:id/chat.csv', async (req, reply) => {
    staff(bearer(req), 'operator');
    await hub.get(req.params.id);
    const events = await store.readEvents(req.params.id, { kinds: ['chat', 'chatDeleted'] });
    const deleted = new Set(events.flatMap((e) => (e.kind === 'chatDeleted' ? [e.messageId] : [])));
    let csv = '\ufeff' + csvRow(['time', 'message_id', 'viewer_id', 'nickname', 'role', 'text', 'deleted']);
    for (const e of events) {
      if (e.kind !== 'chat') continue;
      const l = e.line;
      csv += csvRow([new Date(l.at).toISOString(), l.id, l.viewerId, l.nickname, l.role, l.text, deleted.has(l.id) ? 'yes' : 'no']);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="chat-${req.params.id}.csv"`)
      .send(csv);
  });

  app.get<{ Params: { id: string }; Querystring: { after?: string; limit?: string } }>('/api/rooms/:id/events', async (req) => {
    staff(bearer(req), 'operator');
    const after = Number(req.query.after ?? 0);
    const limit = Math.min(Number(req.query.limit ?? 1000), 10_000);
    if (!Number.isInteger(after) || !Number.isInteger(limit) || limit < 1) throw new AppError('INVALID_MESSAGE', 'after and limit must be integers');
    return { events: await store.readEvents(req.params.id, { afterSeq: after, limit }) };
  });
};
