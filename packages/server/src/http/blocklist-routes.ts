import type { FastifyPluginAsync } from 'fastify';
import { Blocklist } from '@snowstage/protocol';
import type { EditableBlocklist } from '../room/blocklist.js';
import type { Store } from '../store/store.js';
import type { Auth } from '../auth.js';
import { bearer } from './errors.js';
import { requireStaff } from './staff.js';

const META_KEY = 'blocklist';
const Edit = Blocklist.extend({}).strict().refine((b) => b.zh.length + b.en.length <= 5000, 'at most 5000 words');

/** Loads the edited blocklist saved in the store (it replaces the content file's after the first edit). */
export async function restoreBlocklist(store: Store, blocklist: EditableBlocklist): Promise<void> {
  const saved = await store.getMeta(META_KEY);
  if (saved) blocklist.replace(Blocklist.parse(JSON.parse(saved)));
}

/** The chat blocklist editor: moderators read it, operators change it; changes apply to every room at once. */
export const blocklistRoutes: FastifyPluginAsync<{ store: Store; blocklist: EditableBlocklist; auth: Auth }> = async (app, { store, blocklist, auth }) => {
  app.get('/api/blocklist', async (req) => {
    requireStaff(auth, bearer(req), 'moderator');
    return blocklist.list;
  });
  app.put('/api/blocklist', async (req) => {
    requireStaff(auth, bearer(req), 'operator');
    blocklist.replace(Edit.parse(req.body));
    await store.setMeta(META_KEY, JSON.stringify(blocklist.list));
    return blocklist.list;
  });
};
