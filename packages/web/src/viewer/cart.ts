import { formatMoney, type Lang, type Product } from '@snowstage/protocol';
import { h } from '../shared/dom.js';
import { loc, t } from '../shared/i18n.js';

export interface CartItem {
  productId: string;
  variantId: string;
}

/**
 * The viewer's cart in this room: products put aside from the cards ("加购") to buy later, kept in
 * this browser (localStorage). Adding counts as a cart add in the show's analytics; buying from the
 * cart goes through the same idempotent purchase as the cards.
 */
export class Cart {
  readonly el: HTMLElement;
  private items: CartItem[];
  private products = new Map<string, Product>();

  constructor(
    private lang: Lang,
    private readonly key: string,
    private readonly onBuy: (product: Product, variantId: string) => Promise<boolean>,
  ) {
    this.items = read(key);
    this.el = h('section', { class: 'cart', 'data-testid': 'cart' });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  get size(): number {
    return this.items.length;
  }

  /** Puts a variant in the cart (once); returns false when it was there already. */
  add(item: CartItem): boolean {
    if (this.items.some((i) => i.productId === item.productId && i.variantId === item.variantId)) return false;
    this.items = [...this.items, item];
    this.save();
    return true;
  }

  remove(item: CartItem): void {
    this.items = this.items.filter((i) => !(i.productId === item.productId && i.variantId === item.variantId));
    this.save();
    this.render();
  }

  /** Draws the cart with the catalog as it is now (prices and stock from the server). */
  render(products?: readonly Product[]): void {
    if (products) this.products = new Map(products.map((p) => [p.id, p]));
    const lang = this.lang;
    const rows = this.items.flatMap((item) => {
      const p = this.products.get(item.productId);
      const v = p?.variants.find((x) => x.id === item.variantId);
      if (!p || !v) return [];
      const buy = h('button', { class: 'btn btn-small btn-buy', 'data-testid': `cart-buy-${p.id}`, disabled: v.stock === 0 }, v.stock === 0 ? t(lang, 'soldOut') : t(lang, 'buy'));
      buy.addEventListener('click', async () => {
        buy.disabled = true;
        if (await this.onBuy(p, v.id)) this.remove(item);
        else buy.disabled = false;
      });
      return [
        h(
          'div',
          { class: 'cart-row', 'data-product': p.id },
          h('div', { class: 'cart-name' }, `${loc(p.name, lang)} · ${loc(v.label, lang)}`),
          h('div', { class: 'cart-price' }, formatMoney(p.price)),
          h('div', { class: 'cart-actions' }, buy, h('button', { class: 'btn btn-small btn-ghost', 'data-testid': `cart-remove-${p.id}`, onclick: () => this.remove(item) }, t(lang, 'remove'))),
        ),
      ];
    });
    this.el.replaceChildren(h('h3', {}, t(lang, 'cart')), ...(rows.length > 0 ? rows : [h('p', { class: 'empty' }, t(lang, 'cartEmpty'))]));
  }

  private save(): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(this.items));
    } catch {
      /* private mode or full storage: the cart lives for this page only */
    }
  }
}

function read(key: string): CartItem[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((i): i is CartItem => typeof i?.productId === 'string' && typeof i?.variantId === 'string') : [];
  } catch {
    return [];
  }
}
