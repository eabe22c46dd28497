import { formatMoney, type Lang, type Order, type Product } from '@snowstage/protocol';
import { h, toast } from '../shared/dom.js';
import { loc, t } from '../shared/i18n.js';
import { api } from '../shared/api.js';

/**
 * "My orders": the viewer's cart (when given) above their orders with their status, from the HTTP API
 * with the viewer token the room gave this browser. Paying is a recorded state change (no payment provider).
 */
export class OrdersDrawer {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private products = new Map<string, Product>();

  constructor(
    private lang: Lang,
    private readonly token: () => string | null,
    private readonly cart?: { el: HTMLElement; render(products: readonly Product[]): void },
  ) {
    this.body = h('div', { class: 'drawer-body', 'data-testid': 'orders' });
    this.el = h(
      'aside',
      { class: 'drawer', hidden: true, role: 'dialog', 'aria-modal': 'true', 'aria-label': t(lang, 'myOrders') },
      h('div', { class: 'drawer-sheet' }, h('header', { class: 'drawer-head' }, h('h2', {}, t(lang, 'myOrders')), h('button', { class: 'btn btn-ghost', onclick: () => this.close(), 'aria-label': t(lang, 'close') }, '✕')), ...(cart ? [cart.el] : []), this.body),
    );
    this.el.addEventListener('click', (e) => e.target === this.el && this.close());
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  async open(): Promise<void> {
    this.el.hidden = false;
    await this.refresh();
  }

  close(): void {
    this.el.hidden = true;
  }

  async refresh(): Promise<void> {
    const token = this.token();
    if (!token) return;
    if (this.products.size === 0) {
      const { products } = await api<{ products: Product[] }>('/api/products');
      this.products = new Map(products.map((p) => [p.id, p]));
    }
    this.cart?.render([...this.products.values()]);
    const { orders } = await api<{ orders: Order[] }>('/api/me/orders', { token });
    const lang = this.lang;
    this.body.replaceChildren(
      ...(orders.length === 0 ? [h('p', { class: 'empty' }, t(lang, 'noOrders'))] : orders.map((o) => this.row(o))),
    );
  }

  private row(o: Order): HTMLElement {
    const lang = this.lang;
    const p = this.products.get(o.productId);
    const v = p?.variants.find((x) => x.id === o.variantId);
    const act = (path: 'pay' | 'cancel') => async () => {
      try {
        await api(`/api/orders/${o.id}/${path}`, { method: 'POST', token: this.token()! });
        await this.refresh();
      } catch (e) {
        toast((e as Error).message, 'error');
      }
    };
    return h(
      'div',
      { class: `order-row status-${o.status}`, 'data-order': o.id },
      h('div', { class: 'order-main' }, h('b', {}, p ? loc(p.name, lang) : o.productId), h('small', {}, `${v ? loc(v.label, lang) : o.variantId} × ${o.qty}`)),
      h('div', { class: 'order-side' }, h('b', {}, formatMoney(o.total)), h('span', { class: 'order-status', 'data-testid': 'order-status' }, t(lang, 'status', o.status))),
      o.status === 'created'
        ? h('div', { class: 'order-actions' }, h('button', { class: 'btn btn-small', onclick: act('pay') }, t(lang, 'pay')), h('button', { class: 'btn btn-small btn-ghost', onclick: act('cancel') }, t(lang, 'cancel')))
        : null,
    );
  }
}
