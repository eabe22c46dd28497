import { formatMoney, type FlashSale, type Lang, type Product } from '@snowstage/protocol';
import { clock, h } from '../shared/dom.js';
import { loc, t } from '../shared/i18n.js';

/**
 * The flash-sale banner over the stage: the countdown to the start (everyone sees the same one,
 * from the shared room clock), then the time left and how much is sold, and a grab button.
 */
export class SaleBanner {
  readonly el: HTMLElement;
  private timer = 0;
  private shape = '';
  private sale: FlashSale | null = null;
  private product: Product | null = null;

  constructor(
    private lang: Lang,
    private readonly now: () => number,
    private readonly onGrab: (sale: FlashSale) => void,
  ) {
    this.el = h('div', { class: 'sale-banner', hidden: true, 'data-testid': 'sale-banner' });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.shape = '';
    this.draw();
  }

  show(sale: FlashSale | null, product: Product | null): void {
    this.sale = sale;
    this.product = product;
    clearInterval(this.timer);
    this.draw();
    if (sale) this.timer = window.setInterval(() => this.draw(), 250);
  }

  private clockParts(phase: string, s: FlashSale, now: number): HTMLElement[] {
    const lang = this.lang;
    if (phase === 'scheduled') return [h('small', {}, t(lang, 'startsIn')), h('b', { 'data-testid': 'sale-countdown' }, clock(s.startsAt - now))];
    if (phase === 'open') return [h('small', {}, t(lang, 'endsIn')), h('b', { 'data-testid': 'sale-countdown' }, clock(s.endsAt - now))];
    return [h('b', {}, s.sold >= s.quantity ? t(lang, 'soldOut') : t(lang, 'saleOver'))];
  }

  private draw(): void {
    const s = this.sale;
    const lang = this.lang;
    const now = this.now();
    // A finished sale stays up for a short while so viewers see it end, then the banner hides.
    if (!s || s.status === 'cancelled' || now > s.endsAt + 15_000) {
      this.el.hidden = true;
      clearInterval(this.timer);
      return;
    }
    this.el.hidden = false;
    const phase = now < s.startsAt ? 'scheduled' : now < s.endsAt && s.sold < s.quantity ? 'open' : 'closed';
    const name = this.product ? loc(this.product.name, lang) : s.productId;
    const variant = this.product?.variants.find((v) => v.id === s.variantId);
    const pct = Math.round((s.sold / s.quantity) * 100);
    // Rebuild only when what is shown changes; the countdown ticks in place (a button that is
    // replaced four times a second cannot be tapped).
    const shape = `${s.id}|${phase}|${s.sold}|${lang}|${name}`;
    if (shape === this.shape) {
      const counter = this.el.querySelector('[data-testid=sale-countdown]');
      if (counter) counter.textContent = clock((phase === 'scheduled' ? s.startsAt : s.endsAt) - now);
      return;
    }
    this.shape = shape;
    this.el.className = `sale-banner phase-${phase}`;
    this.el.dataset.phase = phase;
    this.el.replaceChildren(
      h('div', { class: 'sale-tag' }, '⚡ ' + t(lang, 'flashSale')),
      h(
        'div',
        { class: 'sale-info' },
        h('div', { class: 'sale-name' }, name, variant ? h('small', {}, ' · ' + loc(variant.label, lang)) : null),
        h('div', { class: 'sale-prices' }, h('b', {}, formatMoney(s.salePrice)), h('s', {}, formatMoney(s.listPrice)), h('small', {}, ` ${t(lang, 'limitPer')} ${s.perBuyerLimit}`)),
        h('div', { class: 'sale-progress', role: 'progressbar', 'aria-valuenow': pct, 'aria-valuemin': 0, 'aria-valuemax': 100 }, h('span', { style: { width: `${pct}%` } })),
      ),
      h('div', { class: 'sale-clock' }, ...this.clockParts(phase, s, now)),
      phase === 'open' ? h('button', { class: 'btn btn-grab', 'data-testid': 'sale-grab', onclick: () => this.onGrab(s) }, t(lang, 'grab')) : '',
    );
  }
}
