import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '@snowstage/protocol';
import { AvatarFiles, MAX_AVATAR_BYTES } from '../avatar/avatar-files.js';
import type { Store } from '../store/store.js';
import type { Auth } from '../auth.js';
import { bearer } from './errors.js';
import { requireStaff } from './staff.js';

/** The avatar every stage loads: the configured one, or the default model shipped with the web app. */
export const DEFAULT_AVATAR_URL = '/avatars/dongdong.vrm';
const META_KEY = 'avatarUrl';

export async function currentAvatarUrl(store: Store, configured: string | undefined): Promise<string> {
  return (await store.getMeta(META_KEY)) ?? configured ?? DEFAULT_AVATAR_URL;
}

/**
 * Avatars: operators upload a VRM model (checked to be a glTF with a VRM extension) and make it the
 * host everyone sees; `onChange` tells the rooms, whose stages swap the model.
 */
export const avatarRoutes: FastifyPluginAsync<{ store: Store; auth: Auth; dataDir: string; configured?: string; onChange(url: string): void }> = async (app, opts) => {
  const files = new AvatarFiles(opts.dataDir);
  app.addContentTypeParser(['application/octet-stream', 'model/gltf-binary', 'model/vrm'], { parseAs: 'buffer', bodyLimit: MAX_AVATAR_BYTES }, (_req, body, done) => done(null, body));

  app.get('/api/avatar', async () => ({ url: await currentAvatarUrl(opts.store, opts.configured) }));
  app.post('/api/avatars', { bodyLimit: MAX_AVATAR_BYTES }, async (req) => {
    requireStaff(opts.auth, bearer(req), 'operator');
    if (!Buffer.isBuffer(req.body)) throw new AppError('AVATAR_INVALID', 'send the .vrm file as the request body (application/octet-stream)');
    const id = files.save(new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength));
    const url = `/api/avatars/${id}.vrm`;
    await opts.store.setMeta(META_KEY, url);
    opts.onChange(url);
    return { url };
  });
  app.post('/api/avatars/reset', async (req) => {
    requireStaff(opts.auth, bearer(req), 'operator');
    await opts.store.setMeta(META_KEY, opts.configured ?? DEFAULT_AVATAR_URL);
    const url = await currentAvatarUrl(opts.store, opts.configured);
    opts.onChange(url);
    return { url };
  });
  app.get<{ Params: { file: string } }>('/api/avatars/:file', async (req, reply) => {
    const bytes = files.read(req.params.file.replace(/\.vrm$/, ''));
    if (!bytes) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'No such avatar' } });
    return reply.header('content-type', 'model/gltf-binary').header('cache-control', 'public, max-age=31536000, immutable').send(bytes);
  });
};
