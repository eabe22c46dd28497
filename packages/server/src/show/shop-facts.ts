import { viewSale } from '@snowstage/commerce';
import type { ShopFacts } from '@snowstage/brain';
import type { Store } from '../store/store.js';
import type { RoomHub } from '../room/hub.js';

/**
 * The brain's view of the live shop, read at the moment it speaks: products and stock from the
 * store, the sale and the pins from the room's core (on this node, where the director runs).
 */
export function shopFacts(store: Store, hub: RoomHub, now: () => number): ShopFacts {
  return {
    listProducts: () => store.listProducts(),
    getProduct: (id) => store.getProduct(id),
    async currentSale(roomId) {
      const sale = (await hub.core(roomId))?.sale ?? (await store.latestSale(roomId));
      if (!sale) return null;
      const seen = viewSale(sale, now());
      return seen.status === 'scheduled' || seen.status === 'open' ? seen : null;
    },
    async pinned(roomId) {
      return (await hub.core(roomId))?.pinnedIds ?? [];
    },
  };
}
