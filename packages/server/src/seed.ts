import type { Content } from './content.js';
import type { Store } from './store/store.js';

/**
 * Seeds demo content on first start: the catalog with its stock, the rooms, and each room's
 * initial pins (as the first event of its log). Later starts leave the data alone, so stock
 * sold stays sold.
 */
export async function seedIfEmpty(store: Store, content: Content, now: number): Promise<boolean> {
  if ((await store.getMeta('seededAt')) !== null) return false;
  await store.upsertProducts(content.catalog.products);
  for (const room of content.rooms.rooms) {
    await store.upsertRoom({ id: room.id, title: room.title });
    const products = room.pinned.map((id) => content.catalog.products.find((p) => p.id === id)!);
    if (products.length > 0 && (await store.lastSeq(room.id)) === 0) {
      // Several nodes of a cluster may start together: whoever writes the first event wins, the others find it there.
      await store.appendEvents(room.id, [{ seq: 1, at: now, kind: 'pinned', products }]).catch(async (e) => {
        if ((await store.lastSeq(room.id)) === 0) throw e;
      });
    }
  }
  await store.setMeta('seededAt', String(now));
  return true;
}
