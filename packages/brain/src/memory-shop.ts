import type { FlashSale, Product } from '@snowstage/protocol';
import type { ShopFacts } from './ports.js';

/**
 * ShopFacts over plain data in memory: for the CLI, the evaluation and tests (the server implements
 * ShopFacts over its store). Mutations are visible to the next read, like a live store.
 */
export class MemoryShop implements ShopFacts {
  private readonly products: Map<string, Product>;
  private readonly pins: Map<string, string[]>;
  private readonly sales: FlashSale[];

  constructor(products: readonly Product[], init: { pinned?: Record<string, string[]>; sales?: FlashSale[] } = {}) {
    this.products = new Map(products.map((p) => [p.id, structuredClone(p)]));
    this.pins = new Map(Object.entries(init.pinned ?? {}));
    this.sales = [...(init.sales ?? [])];
  }

  async listProducts(): Promise<Product[]> {
    return [...this.products.values()].map((p) => structuredClone(p));
  }

  async getProduct(id: string): Promise<Product | null> {
    const p = this.products.get(id);
    return p ? structuredClone(p) : null;
  }

  async currentSale(roomId: string): Promise<FlashSale | null> {
    const s = [...this.sales].reverse().find((x) => x.roomId === roomId && x.status !== 'cancelled');
    return s ? { ...s } : null;
  }

  async pinned(roomId: string): Promise<string[]> {
    return [...(this.pins.get(roomId) ?? [])];
  }

  setPinned(roomId: string, ids: string[]): void {
    this.pins.set(roomId, [...ids]);
  }

  setStock(productId: string, variantId: string, stock: number): void {
    const v = this.products.get(productId)?.variants.find((x) => x.id === variantId);
    if (!v) throw new Error(`no variant ${productId}/${variantId}`);
    v.stock = stock;
  }

  setPrice(productId: string, amount: number): void {
    const p = this.products.get(productId);
    if (!p) throw new Error(`no product ${productId}`);
    p.price = { ...p.price, amount };
  }

  putSale(sale: FlashSale): void {
    const i = this.sales.findIndex((s) => s.id === sale.id);
    if (i >= 0) this.sales[i] = { ...sale };
    else this.sales.push({ ...sale });
  }
}
