import type { FastifyPluginAsync } from 'fastify';
import type { SongLibrary } from '../show/songs.js';

/** Dance songs as WAV, cacheable forever (a song id always means the same synthesised audio). */
export const songRoutes: FastifyPluginAsync<{ songs: SongLibrary }> = async (app, { songs }) => {
  app.get('/api/songs', async () => ({ songs: songs.ids() }));
  app.get<{ Params: { file: string } }>('/api/songs/:file', async (req, reply) => {
    const ready = songs.get(req.params.file.replace(/\.wav$/, ''));
    if (!ready) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'No such song' } });
    const s = await ready;
    return reply.header('content-type', 'audio/wav').header('cache-control', 'public, max-age=86400').send(Buffer.from(s.wav));
  });
};
