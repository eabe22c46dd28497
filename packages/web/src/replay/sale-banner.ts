import { formatMoney, type FlashSale, type Lang, type Product } from '@snowstage/protocol';
import { clock, h } from '../shared/dom.js';
import { loc } from '../shared/i18n.js';
import { salePhase } from './replay-clock.js';
import { tr } from './strings.js';

/**
 * A flash sale as it stood at the replay's moment: its countdown, then its time left and how much
 * sold, then its end — on the replay's clock. There is no grab button: the sale is over, and buying
 * from a replay is at the normal price (the banner says so).
 */
export class ReplaySaleBanner {
  readonly el: HTMLElement = h('div', { class: 'sale-banner', hidden: true, 'data-testid': 'replay-sale' });

  /** `roomNow` is the original room-clock time of the replay's moment. */
  render(sale: FlashSale | null, product: Product | null, roomNow: number, lang: Lang): void {
    if (!sale || salePhase(sale, roomNow) === 'cancelled' || roomNow > sale.endsAt + 15_000) {
      this.el.hidden = true;
      return;
    }
    const phase = salePhase(sale, roomNow);
    const pct = Math.round((sale.sold / sale.quantity) * 100);
    this.el.hidden = false;
    this.el.className = `sale-banner phase-${phase}`;
    this.el.dataset.phase = phase;
    const clockPart =
      phase === 'scheduled'
        ? [h('small', {}, tr(lang, 'startsIn')), h('b', { 'data-testid': 'replay-sale-countdown' }, clock(sale.startsAt - roomNow))]
        : phase === 'open'
          ? [h('small', {}, tr(lang, 'endsIn')), h('b', { 'data-testid': 'replay-sale-countdown' }, clock(sale.endsAt - roomNow))]
          : [h('b', {}, sale.sold >= sale.quantity ? tr(lang, 'soldOutThen') : tr(lang, 'saleEnded'))];
    this.el.replaceChildren(
      h('div', { class: 'sale-tag' }, `⚡ ${tr(lang, 'saleThen')}`),
      h(
        'div',
        { class: 'sale-info' },
        h('div', { class: 'sale-name' }, product ? loc(product.name, lang) : sale.productId),
        h('div', { class: 'sale-prices' }, h('b', {}, formatMoney(sale.salePrice)), h('s', {}, formatMoney(sale.listPrice)), h('small', {}, ` ${sale.sold}/${sale.quantity}`)),
        h('div', { class: 'sale-progress' }, h('span', { style: { width: `${pct}%` } })),
        h('small', { class: 'sale-note' }, tr(lang, 'saleOverNote')),
      ),
      h('div', { class: 'sale-clock' }, ...clockPart),
    );
  }
}
