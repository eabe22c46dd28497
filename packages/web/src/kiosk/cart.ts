import type { CartLine, LocalizedText, Money } from '@snowstage/protocol';

/** A cart line with what the kiosk shows for it. */
export interface CartItem {
  line: CartLine;
  name: LocalizedText;
  variant: LocalizedText;
  unitPrice: Money;
  /** A picture: the design's preview URL, or null for product art. */
  previewUrl: string | null;
  category?: string;
  color?: string;
}

/** The kiosk cart: adding the same stock variant or design+size again raises its quantity (max 20). */
export class Cart {
  items: CartItem[] = [];

  add(item: CartItem): void {
    const same = this.items.find((i) => sameLine(i.line, item.line));
    if (same) same.line = { ...same.line, qty: Math.min(20, same.line.qty + item.line.qty) };
    else this.items.push(item);
  }

  remove(index: number): void {
    this.items.splice(index, 1);
  }

  setQty(index: number, qty: number): void {
    const it = this.items[index];
    if (it) it.line = { ...it.line, qty: Math.max(1, Math.min(20, Math.round(qty))) };
  }

  get count(): number {
    return this.items.reduce((n, i) => n + i.line.qty, 0);
  }

  /** Total in fen. */
  get total(): number {
    return this.items.reduce((n, i) => n + i.unitPrice.amount * i.line.qty, 0);
  }

  clear(): void {
    this.items = [];
  }
}

function sameLine(a: CartLine, b: CartLine): boolean {
  if (a.kind === 'stock' && b.kind === 'stock') return a.productId === b.productId && a.variantId === b.variantId;
  if (a.kind === 'custom' && b.kind === 'custom') return a.designId === b.designId && a.variantId === b.variantId;
  return false;
}
