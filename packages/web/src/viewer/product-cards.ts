import { formatMoney, totalStock, type FlashSale, type Lang, type Product } from '@snowstage/protocol';
import { h } from '../shared/dom.js';
import { loc, t } from '../shared/i18n.js';
import { productArt } from '../shared/product-art.js';

export type BuyHandler = (product: Product, variantId: string, saleId: string | null) => Promise<void>;

/** Is this sale running on this product right now (by the room clock)? */
export function openSaleFor(sale: FlashSale | null, productId: string, now: number): FlashSale | null {
  if (!sale || sale.productId !== productId || sale.status === 'cancelled') return null;
  return now >= sale.startsAt && now < sale.endsAt && sale.sold < sale.quantity ? sale : null;
}

/**
 * The pinned product cards: picture, name, price (the sale price while a sale runs on it), stock,
 * a variant picker and a buy button. Re-rendered on every product or sale change; a card keeps the
 * variant the viewer picked.
 */
export class ProductCards {
  readonly el: HTMLElement;
  private readonly chosen = new Map<string, string>();

  constructor(
    private lang: Lang,
    private readonly onBuy: BuyHandler,
    /** A viewer looked closer at a product (opened its variants or tapped its picture): counted for analytics. */
    private readonly onInterest: (product: Product) => void = () => undefined,
    /** The viewer put the chosen variant in the cart. */
    private readonly onAddToCart: (product: Product, variantId: string) => void = () => undefined,
  ) {
    this.el = h('section', { class: 'panel product-cards', 'data-testid': 'product-cards' });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  render(products: readonly Product[], sale: FlashSale | null, now: number): void {
    const lang = this.lang;
    this.el.replaceChildren(
      h('h2', { class: 'panel-title' }, t(lang, 'products')),
      ...products.map((p) => this.card(p, openSaleFor(sale, p.id, now))),
    );
  }

  private card(p: Product, sale: FlashSale | null): HTMLElement {
    const lang = this.lang;
    const saleVariant = sale?.variantId;
    let variantId = this.chosen.get(p.id) ?? saleVariant ?? (p.variants.find((v) => v.stock > 0) ?? p.variants[0]!).id;
    if (!p.variants.some((v) => v.id === variantId)) variantId = p.variants[0]!.id;
    const variant = p.variants.find((v) => v.id === variantId)!;
    const onSale = sale && sale.variantId === variantId ? sale : null;
    const soldOut = totalStock(p) === 0 || variant.stock === 0;

    const art = h('div', { class: 'card-art', onclick: () => this.onInterest(p) });
    art.innerHTML = productArt(p.category, p.color);
    const select = h(
      'select',
      {
        class: 'variant-select',
        'aria-label': loc(p.name, lang),
        onfocus: () => this.onInterest(p),
        onchange: (e: Event) => {
          this.chosen.set(p.id, (e.target as HTMLSelectElement).value);
          this.el.dispatchEvent(new CustomEvent('rerender'));
        },
      },
      ...p.variants.map((v) => h('option', { value: v.id, selected: v.id === variantId, disabled: v.stock === 0 }, `${loc(v.label, lang)}${v.stock === 0 ? ` · ${t(lang, 'soldOut')}` : ''}`)),
    );
    const price = onSale
      ? h('div', { class: 'price' }, h('span', { class: 'price-sale' }, formatMoney(onSale.salePrice)), h('s', { class: 'price-list' }, formatMoney(p.price)))
      : h('div', { class: 'price' }, h('span', { class: 'price-now' }, formatMoney(p.price)));
    const button = h(
      'button',
      {
        class: `btn ${onSale ? 'btn-grab' : 'btn-buy'}`,
        disabled: soldOut,
        'data-testid': `buy-${p.id}`,
        onclick: async () => {
          button.disabled = true;
          try {
            await this.onBuy(p, variantId, onSale?.id ?? null);
          } finally {
            button.disabled = soldOut;
          }
        },
      },
      soldOut ? t(lang, 'soldOut') : onSale ? t(lang, 'grab') : t(lang, 'buy'),
    );
    return h(
      'article',
      { class: `product-card${onSale ? ' on-sale' : ''}${soldOut ? ' sold-out' : ''}`, 'data-product': p.id },
      art,
      h(
        'div',
        { class: 'card-body' },
        h('h3', { class: 'card-name' }, loc(p.name, lang)),
        price,
        h('div', { class: 'card-stock' }, soldOut ? t(lang, 'soldOut') : `${t(lang, 'stock')} ${variant.stock}`),
        h(
          'div',
          { class: 'card-actions' },
          select,
          h('button', { class: 'btn btn-ghost btn-cart', disabled: soldOut, title: t(lang, 'addToCart'), 'aria-label': t(lang, 'addToCart'), 'data-testid': `cart-${p.id}`, onclick: () => this.onAddToCart(p, variantId) }, '🛒'),
          button,
        ),
      ),
    );
  }
}
