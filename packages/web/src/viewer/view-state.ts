import type { ChatLine, FlashSale, Product, RoomEvent, RoomSnapshot } from '@snowstage/protocol';

/**
 * What the viewer page shows, folded from the welcome snapshot and then every broadcast event.
 * Pure data + one `apply` per event, so the page logic is testable without a DOM.
 */
export interface ViewState {
  title: { zh: string; en: string };
  pinned: Product[];
  sale: FlashSale | null;
  saleProduct: Product | null;
  chat: ChatLine[];
  viewers: number;
  likes: number;
  announcement: string | null;
}

export const MAX_CHAT_LINES = 200;

export function fromSnapshot(s: RoomSnapshot, saleProduct: Product | null = null): ViewState {
  return {
    title: s.title,
    pinned: s.pinned,
    sale: s.sale,
    saleProduct: saleProduct ?? (s.sale ? s.pinned.find((p) => p.id === s.sale!.productId) ?? null : null),
    chat: [...s.chat],
    viewers: s.viewers,
    likes: s.likes,
    announcement: s.announcement,
  };
}

/** Applies one broadcast event; returns true when something visible changed. */
export function applyEvent(v: ViewState, e: RoomEvent): boolean {
  switch (e.kind) {
    case 'chat':
      v.chat.push(e.line);
      if (v.chat.length > MAX_CHAT_LINES) v.chat.splice(0, v.chat.length - MAX_CHAT_LINES);
      return true;
    case 'chatDeleted': {
      const before = v.chat.length;
      v.chat = v.chat.filter((l) => l.id !== e.messageId);
      return v.chat.length !== before;
    }
    case 'likes':
      v.likes = Math.max(v.likes, e.total);
      return true;
    case 'pinned':
      v.pinned = e.products;
      return true;
    case 'productUpdated':
      v.pinned = v.pinned.map((p) => (p.id === e.product.id ? e.product : p));
      if (v.saleProduct?.id === e.product.id) v.saleProduct = e.product;
      return true;
    case 'sale':
      v.sale = e.sale;
      if (v.saleProduct?.id !== e.sale.productId) v.saleProduct = v.pinned.find((p) => p.id === e.sale.productId) ?? null;
      return true;
    case 'announcement':
      v.announcement = e.text;
      return true;
    default:
      return false;
  }
}
