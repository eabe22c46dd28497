import { formatMoney, SALE_LIMITS, totalStock, type FlashSale, type Product } from '@snowstage/protocol';
import { clock, h, toast } from '../shared/dom.js';
import { salePhase } from '../replay/replay-clock.js';
import { parseSale, stockLine } from './forms.js';
import { statusLabel, tc } from './strings.js';
import { action, field, input, markInvalid, panel, productOptions, select, type ConsoleCtx } from './ui.js';

const MAX_PINNED = 3;

/**
 * Commerce control: what is pinned (with live stock), pin/unpin, mark sold out, a flash sale with all
 * its parameters (and cancelling it), and announcements.
 */
export class CommercePanel {
  readonly el: HTMLElement;
  private readonly pinnedList: HTMLElement;
  private readonly pinSelect: HTMLSelectElement;
  private readonly pinButton: HTMLButtonElement;
  private readonly saleBox: HTMLElement;
  private readonly saleProduct: HTMLSelectElement;
  private readonly saleVariant: HTMLSelectElement;
  private readonly salePrice: HTMLInputElement;
  private timer = 0;
  private saleKey = '';
  private pinnedKey = '';

  constructor(private readonly ctx: ConsoleCtx) {
    const lang = ctx.lang;
    this.pinnedList = h('ul', { class: 'pinned-list', 'data-testid': 'pinned-list' });
    this.pinSelect = select([], { 'data-testid': 'pin-select', 'aria-label': tc(lang, 'product') });
    this.pinButton = action(tc(lang, 'pin'), async () => {
      if (this.pinSelect.value && (await ctx.send({ type: 'pin', productId: this.pinSelect.value }))) toast(tc(lang, 'done'), 'success');
    }, { 'data-testid': 'pin-add' });

    // The flash-sale form.
    this.saleProduct = select([], { 'data-testid': 'sale-product', onchange: () => this.fillVariants() });
    this.saleVariant = select([], { 'data-testid': 'sale-variant' });
    this.salePrice = input({ inputMode: 'decimal', placeholder: '49.90', 'data-testid': 'sale-price' });
    const countdown = input({ type: 'number', min: 1, max: SALE_LIMITS.countdownS.max, value: '30', 'data-testid': 'sale-countdown' });
    const duration = input({ type: 'number', min: SALE_LIMITS.durationS.min, max: SALE_LIMITS.durationS.max, value: '120', 'data-testid': 'sale-duration' });
    const quantity = input({ type: 'number', min: 1, value: '50', 'data-testid': 'sale-quantity' });
    const limit = input({ type: 'number', min: 1, max: SALE_LIMITS.perBuyerLimit.max, value: '1', 'data-testid': 'sale-limit' });
    const fields: Record<string, HTMLElement> = { salePrice: this.salePrice, countdownS: countdown, durationS: duration, quantity, perBuyerLimit: limit, productId: this.saleProduct, variantId: this.saleVariant };
    const saleForm = h(
      'form',
      {
        class: 'form-grid',
        novalidate: true,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const parsed = parseSale({
            productId: this.saleProduct.value,
            variantId: this.saleVariant.value,
            salePrice: this.salePrice.value,
            countdownS: countdown.value,
            durationS: duration.value,
            quantity: quantity.value,
            perBuyerLimit: limit.value,
          });
          if (!parsed.ok) return markInvalid(fields[parsed.field]);
          if (await ctx.send(parsed.value)) toast(`${tc(lang, 'flashSale')} ✓`, 'success');
        },
      },
      field(tc(lang, 'product'), this.saleProduct, 'wide'),
      field(tc(lang, 'variant'), this.saleVariant),
      field(tc(lang, 'salePrice'), this.salePrice),
      field(`${tc(lang, 'countdown')} ${SALE_LIMITS.countdownS.min}–${SALE_LIMITS.countdownS.max}`, countdown),
      field(tc(lang, 'duration'), duration),
      field(tc(lang, 'quantity'), quantity),
      field(tc(lang, 'perBuyer'), limit),
      h('button', { class: 'btn btn-grab-static', type: 'submit', 'data-testid': 'sale-start' }, tc(lang, 'startSale')),
    );
    this.saleBox = h('div', { class: 'sale-now', 'data-testid': 'console-sale' });

    const announceText = input({ maxLength: 200, placeholder: tc(lang, 'announce'), 'data-testid': 'announce-text' });
    const announce = h(
      'form',
      {
        class: 'inline-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const text = announceText.value.trim();
          if (!text) return markInvalid(announceText);
          if (await ctx.send({ type: 'announce', text })) announceText.value = '';
        },
      },
      announceText,
      h('button', { class: 'btn btn-small', type: 'submit', 'data-testid': 'announce-push' }, tc(lang, 'push')),
    );

    this.el = panel(
      tc(lang, 'commerce'),
      'panel-commerce',
      h('h3', {}, tc(lang, 'onStage')),
      this.pinnedList,
      h('div', { class: 'inline-form' }, this.pinSelect, this.pinButton),
      h('div', { class: 'subpanel' }, h('h3', {}, tc(lang, 'flashSale')), this.saleBox, saleForm),
      h('div', { class: 'subpanel' }, h('h3', {}, tc(lang, 'announce')), announce),
    );
    this.render();
    this.timer = window.setInterval(() => this.renderSale(), 500);
  }

  render(): void {
    const { lang } = this.ctx;
    const s = this.ctx.state();
    const pinned = s?.pinned ?? [];
    const products = this.ctx.products();
    const shown = pinned.map((p) => products.get(p.id) ?? p);
    const key = `${lang}|${shown.map((p) => `${p.id}:${p.variants.map((v) => v.stock).join(',')}`).join('|')}`;
    if (key !== this.pinnedKey) {
      this.pinnedKey = key;
      this.pinnedList.replaceChildren(...(shown.length === 0 ? [h('li', { class: 'empty' }, tc(lang, 'nothingPinned'))] : shown.map((p) => this.pinnedRow(p))));
    }
    const pinnedIds = new Set(pinned.map((p) => p.id));
    const unpinned = [...products.values()].filter((p) => !pinnedIds.has(p.id));
    const keepPin = this.pinSelect.value;
    this.pinSelect.replaceChildren(...productOptions(unpinned, lang).map(([v, l]) => h('option', { value: v, selected: v === keepPin }, l)));
    this.pinButton.disabled = pinned.length >= MAX_PINNED || unpinned.length === 0;
    this.pinButton.title = pinned.length >= MAX_PINNED ? tc(lang, 'tooManyPinned') : '';

    // Sale products: pinned ones first (a sale is usually on what the host presents).
    const keep = this.saleProduct.value;
    const ordered = [...pinned.map((p) => products.get(p.id) ?? p), ...unpinned];
    this.saleProduct.replaceChildren(...productOptions(ordered, lang).map(([v, l]) => h('option', { value: v, selected: v === keep }, pinnedIds.has(v) ? `★ ${l}` : l)));
    this.fillVariants();
    this.renderSale();
  }

  private pinnedRow(p: Product): HTMLElement {
    const { lang } = this.ctx;
    const soldOut = totalStock(p) === 0;
    const variant = select([['', tc(lang, 'allVariants')], ...p.variants.map((v) => [v.id, `${v.label[lang] || v.label.zh} (${v.stock})`] as const)], { 'aria-label': tc(lang, 'variant'), class: 'field-input compact' });
    return h(
      'li',
      { class: `pinned-row${soldOut ? ' sold-out' : ''}`, 'data-product': p.id },
      h('div', { class: 'pinned-main' }, h('b', {}, p.name[lang] || p.name.zh), h('span', { class: 'price' }, formatMoney(p.price)), h('small', { class: 'stock', 'data-testid': `stock-${p.id}` }, `${tc(lang, 'stock')} ${totalStock(p)} — ${stockLine(p, lang)}`)),
      h(
        'div',
        { class: 'row-actions' },
        variant,
        action(tc(lang, 'markSoldOut'), () => this.ctx.send({ type: 'markSoldOut', productId: p.id, ...(variant.value ? { variantId: variant.value } : {}) }), { class: 'btn btn-small btn-ghost', 'data-testid': `soldout-${p.id}` }),
        action(tc(lang, 'unpin'), () => this.ctx.send({ type: 'unpin', productId: p.id }), { class: 'btn btn-small btn-ghost', 'data-testid': `unpin-${p.id}` }),
      ),
    );
  }

  private fillVariants(): void {
    const { lang } = this.ctx;
    const p = this.ctx.products().get(this.saleProduct.value) ?? this.ctx.state()?.pinned.find((x) => x.id === this.saleProduct.value);
    const keep = this.saleVariant.value;
    this.saleVariant.replaceChildren(...(p?.variants ?? []).map((v) => h('option', { value: v.id, selected: v.id === keep, disabled: v.stock === 0 }, `${v.label[lang] || v.label.zh} · ${tc(lang, 'stock')} ${v.stock}`)));
    if (p && !this.salePrice.value) this.salePrice.placeholder = `${tc(lang, 'listPrice')} ${formatMoney(p.price)}`;
  }

  private renderSale(): void {
    const { lang } = this.ctx;
    const sale: FlashSale | null = this.ctx.state()?.sale ?? null;
    const now = this.ctx.now();
    if (!sale || salePhase(sale, now) === 'cancelled' || now > sale.endsAt + 30_000) {
      this.saleBox.replaceChildren(h('p', { class: 'empty' }, tc(lang, 'noSale')));
      this.saleBox.dataset.phase = 'none';
      this.saleKey = '';
      return;
    }
    const phase = salePhase(sale, now);
    const clockText = phase === 'scheduled' ? `${tc(lang, 'startsIn')} ${clock(sale.startsAt - now)}` : phase === 'open' ? `${tc(lang, 'endsIn')} ${clock(sale.endsAt - now)}` : statusLabel(lang, 'closed');
    // Between changes only the clock ticks (rebuilding would swallow a click on "cancel").
    const key = `${sale.id}:${phase}:${sale.sold}:${lang}`;
    const clockEl = this.saleBox.querySelector('.sale-clock-text');
    if (key === this.saleKey && clockEl) {
      clockEl.textContent = clockText;
      return;
    }
    this.saleKey = key;
    this.saleBox.dataset.phase = phase;
    const p = this.ctx.products().get(sale.productId);
    this.saleBox.replaceChildren(
      h(
        'div',
        { class: `sale-card phase-${phase}` },
        h('b', {}, `⚡ ${p ? p.name[lang] || p.name.zh : sale.productId}`),
        h('span', {}, `${formatMoney(sale.salePrice)} `, h('s', {}, formatMoney(sale.listPrice))),
        h('span', { class: 'sale-clock-text', 'data-testid': 'console-sale-clock' }, clockText),
        h('span', {}, `${sale.sold}/${sale.quantity} ${tc(lang, 'sold')}`),
        phase !== 'closed' ? action(tc(lang, 'cancelSale'), () => this.ctx.send({ type: 'cancelSale', saleId: sale.id }), { class: 'btn btn-small btn-ghost', 'data-testid': 'sale-cancel' }) : null,
      ),
    );
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
