import '../shared/base.css';
import './kiosk.css';
import { formatMoney, type Category, type Lang, type Product, type StoreRecord } from '@snowstage/protocol';
import { h, mount, newKey, toast } from '../shared/dom.js';
import { initialLang, loc, saveLang } from '../shared/i18n.js';
import { productArt } from '../shared/product-art.js';
import { ApiError } from '../shared/api.js';
import { cloud, type CloudConfig } from './api.js';
import { buildSearch, type SearchIndex } from './search.js';
import { Cart } from './cart.js';
import { tr } from './strings.js';
import { qrSvg } from './qr.js';
import { designer } from './designer/designer.js';
import { BrowserAssets, loadPrintFont } from './designer/assets.js';

/**
 * The Cloud Store kiosk: full-screen and touch-first. An attract loop cycles featured products
 * until someone touches the screen; after `idle` seconds without a touch the session resets (cart
 * cleared, back to the attract loop). The kiosk belongs to one store (`?store=cs-bj-0001`, kept
 * in localStorage), and every order it takes is attributed to that store.
 */
const params = new URLSearchParams(location.search);
const STORE_KEY = 'snowstage.kiosk.store';
const storeId = params.get('store') ?? localStorage.getItem(STORE_KEY) ?? 'cs-bj-0001';
localStorage.setItem(STORE_KEY, storeId);
const IDLE_MS = Math.max(5, Number(params.get('idle') ?? 90)) * 1000;
const CATEGORIES: (Category | 'all' | 'custom')[] = ['all', 'custom', 'plush', 'apparel', 'accessory', 'bag', 'homeware', 'pin', 'stationery', 'collectible'];
const CATEGORY_NAMES: Record<Category, { zh: string; en: string }> = {
  plush: { zh: '毛绒公仔', en: 'Plush' },
  pin: { zh: '徽章', en: 'Pins' },
  apparel: { zh: '服饰', en: 'Apparel' },
  accessory: { zh: '配饰', en: 'Accessories' },
  homeware: { zh: '家居', en: 'Homeware' },
  bag: { zh: '箱包', en: 'Bags' },
  stationery: { zh: '文具', en: 'Stationery' },
  collectible: { zh: '收藏', en: 'Collectibles' },
};

let lang: Lang = (params.get('lang') as Lang | null) ?? initialLang();
let products: Product[] = [];
let search: SearchIndex;
let config: CloudConfig;
let store: StoreRecord | null = null;
const assets = new BrowserAssets();
const cart = new Cart();
let category: (typeof CATEGORIES)[number] = 'all';
let query = '';
let cleanup: (() => void) | null = null;

const app = document.getElementById('app')!;
const header = h('header', { class: 'k-head' });
const main = h('main', { class: 'k-main' });
const attract = h('div', { class: 'k-attract', 'data-testid': 'attract', hidden: true });
mount(app, header, main, attract);

function drawHeader(): void {
  mount(
    header,
    h('div', { class: 'k-brand' }, h('span', { class: 'k-logo' }, '❄'), h('div', {}, h('div', { class: 'k-title' }, tr(lang, 'title')), h('div', { class: 'k-store', 'data-testid': 'kiosk-store' }, store ? loc(store.name, lang) : storeId))),
    h('div', { class: 'k-head-actions' },
      h('button', { class: 'btn k-btn k-design', type: 'button', 'data-testid': 'open-designer', onclick: () => show('designer') }, `✎ ${tr(lang, 'designer')}`),
      h('button', { class: 'btn k-btn k-cart', type: 'button', 'data-testid': 'open-cart', onclick: () => show('cart') }, `${tr(lang, 'cart')} `, h('span', { class: 'k-badge', 'data-testid': 'cart-count' }, String(cart.count))),
      h('button', { class: 'btn k-btn btn-ghost', type: 'button', 'data-testid': 'lang-switch', onclick: () => { lang = lang === 'zh' ? 'en' : 'zh'; saveLang(lang); drawHeader(); show(current); } }, lang === 'zh' ? 'EN' : '中文'),
    ),
  );
}

type Screen = 'shelf' | 'designer' | 'cart' | { product: string } | { done: import('@snowstage/protocol').KioskCheckout };
let current: Screen = 'shelf';

function show(screen: Screen): void {
  cleanup?.();
  cleanup = null;
  current = screen;
  main.scrollTop = 0;
  if (screen === 'shelf') return shelf();
  if (screen === 'designer') return openDesigner();
  if (screen === 'cart') return cartScreen();
  if ('product' in screen) return productScreen(screen.product);
  return doneScreen(screen.done);
}

const art = (p: Product) => {
  const el = h('div', { class: 'k-art' });
  el.innerHTML = productArt(p.category, p.color);
  return el;
};
const stockOf = (p: Product) => p.variants.reduce((n, v) => n + v.stock, 0);

// ── the shelf ──
function shelf(): void {
  const grid = h('div', { class: 'k-grid', 'data-testid': 'shelf' });
  const fill = () => {
    const list = (query ? search.find(query) : products).filter((p) => category === 'all' || category === 'custom' || p.category === category);
    const cards: HTMLElement[] = [];
    if (category === 'all' || category === 'custom')
      for (const t of config.templates)
        cards.push(h('button', { class: 'k-card k-card-custom', type: 'button', 'data-testid': `custom-${t.kind}`, onclick: () => show('designer') }, h('div', { class: 'k-art k-art-custom' }, '✎'), h('div', { class: 'k-name' }, loc(t.name, lang)), h('div', { class: 'k-price' }, formatMoney(t.price)), h('div', { class: 'k-sub' }, tr(lang, 'designYourOwn'))));
    if (category !== 'custom')
      for (const p of list)
        cards.push(h('button', { class: 'k-card', type: 'button', 'data-testid': 'product-card', 'data-id': p.id, onclick: () => show({ product: p.id }) }, art(p), h('div', { class: 'k-name' }, loc(p.name, lang)), h('div', { class: 'k-price' }, formatMoney(p.price)), h('div', { class: 'k-sub' }, stockOf(p) > 0 ? `${tr(lang, 'inStock')} ${stockOf(p)}` : tr(lang, 'soldOut'))));
    if (cards.length === 0) cards.push(h('div', { class: 'k-empty' }, tr(lang, 'noResults')));
    grid.replaceChildren(...cards);
  };
  const input = h('input', { class: 'k-search', type: 'search', value: query, placeholder: tr(lang, 'search'), 'data-testid': 'search', oninput: (e: Event) => { query = (e.target as HTMLInputElement).value; fill(); } });
  const cats = h('nav', { class: 'k-cats' },
    ...CATEGORIES.map((c) => h('button', { class: `btn k-chip${c === category ? ' on' : ''}`, type: 'button', 'data-testid': `cat-${c}`, onclick: () => { category = c; shelf(); } }, c === 'all' ? tr(lang, 'all') : c === 'custom' ? tr(lang, 'custom') : loc(CATEGORY_NAMES[c], lang))),
  );
  mount(main, h('div', { class: 'k-shelf' }, input, cats, grid));
  fill();
}

// ── product detail with live stock ──
function productScreen(id: string): void {
  let p = products.find((x) => x.id === id)!;
  let variant = p.variants.find((v) => v.stock > 0) ?? p.variants[0]!;
  let qty = 1;
  const box = h('div', { class: 'k-detail', 'data-testid': 'product-detail' });
  const draw = () => {
    const sold = variant.stock === 0;
    mount(box,
      h('div', { class: 'k-detail-art' }, art(p)),
      h('div', { class: 'k-detail-info' },
        h('h2', {}, loc(p.name, lang)),
        h('div', { class: 'k-price big' }, formatMoney(p.price)),
        h('p', {}, loc(p.description, lang)),
        h('div', { class: 'ds-row' }, ...p.variants.map((v) => h('button', { class: `btn k-chip${v.id === variant.id ? ' on' : ''}`, type: 'button', disabled: v.stock === 0, 'data-testid': `variant-${v.id}`, onclick: () => { variant = v; qty = 1; draw(); } }, loc(v.label, lang)))),
        h('div', { class: 'k-stock', 'data-testid': 'live-stock' }, sold ? tr(lang, 'soldOut') : `${tr(lang, 'left')} ${variant.stock}`),
        h('div', { class: 'ds-row' },
          h('button', { class: 'btn k-chip', type: 'button', onclick: () => { qty = Math.max(1, qty - 1); draw(); } }, '−'),
          h('span', { class: 'k-qty' }, String(qty)),
          h('button', { class: 'btn k-chip', type: 'button', onclick: () => { qty = Math.min(20, variant.stock, qty + 1); draw(); } }, '+'),
        ),
        h('div', { class: 'ds-row' },
          h('button', { class: 'btn k-btn btn-ghost', type: 'button', onclick: () => show('shelf') }, tr(lang, 'back')),
          h('button', { class: 'btn k-btn k-primary', type: 'button', disabled: sold, 'data-testid': 'add-to-cart', onclick: () => {
            cart.add({ line: { kind: 'stock', productId: p.id, variantId: variant.id, qty }, name: p.name, variant: variant.label, unitPrice: p.price, previewUrl: null, category: p.category, color: p.color });
            drawHeader();
            toast(tr(lang, 'added'), 'success');
          } }, tr(lang, 'addToCart')),
        ),
      ),
    );
  };
  mount(main, box);
  draw();
  // Live stock: the kiosk shares the catalog with every other shop and the live room.
  const timer = setInterval(async () => {
    try {
      p = await cloud.product(id);
      variant = p.variants.find((v) => v.id === variant.id) ?? variant;
      products = products.map((x) => (x.id === p.id ? p : x));
      draw();
    } catch {
      /* the next poll retries */
    }
  }, 5000);
  cleanup = () => clearInterval(timer);
}

// ── designer ──
function openDesigner(): void {
  const box = h('div', { class: 'k-designer' });
  mount(main, box);
  cleanup = designer(box, {
    lang,
    config,
    assets,
    onCancel: () => show('shelf'),
    onDone: (r) => {
      const color = r.template.colors.find((c) => c.id === r.color)!;
      const sizeLabel = r.template.sizes.find((s) => s.id === r.size)!.label;
      cart.add({
        line: { kind: 'custom', designId: r.designId as `d_${string}`, variantId: r.size, qty: 1 },
        name: r.template.name,
        variant: r.template.sizes.length > 1 ? { zh: `${color.name.zh} ${sizeLabel.zh}`, en: `${color.name.en} ${sizeLabel.en}` } : color.name,
        unitPrice: r.template.price,
        previewUrl: r.previewUrl,
      });
      drawHeader();
      toast(tr(lang, 'added'), 'success');
      show('cart');
    },
  });
}

// ── cart and checkout ──
function cartScreen(): void {
  if (cart.items.length === 0) return mount(main, h('div', { class: 'k-empty big' }, tr(lang, 'emptyCart'), h('button', { class: 'btn k-btn', type: 'button', onclick: () => show('shelf') }, tr(lang, 'back'))));
  const rows = cart.items.map((it, i) =>
    h('div', { class: 'k-line', 'data-testid': 'cart-line' },
      it.previewUrl ? h('img', { class: 'k-thumb', src: it.previewUrl, alt: '' }) : (() => { const a = h('div', { class: 'k-thumb' }); a.innerHTML = productArt((it.category ?? 'apparel') as Category, it.color ?? '#4FC3F7'); return a; })(),
      h('div', { class: 'k-line-info' }, h('div', { class: 'k-name' }, loc(it.name, lang)), h('div', { class: 'k-sub' }, loc(it.variant, lang))),
      h('div', { class: 'ds-row' },
        h('button', { class: 'btn k-chip small', type: 'button', onclick: () => { cart.setQty(i, it.line.qty - 1); drawHeader(); cartScreen(); } }, '−'),
        h('span', { class: 'k-qty' }, String(it.line.qty)),
        h('button', { class: 'btn k-chip small', type: 'button', onclick: () => { cart.setQty(i, it.line.qty + 1); drawHeader(); cartScreen(); } }, '+'),
      ),
      h('div', { class: 'k-price' }, formatMoney({ amount: it.unitPrice.amount * it.line.qty, currency: 'CNY' })),
      h('button', { class: 'btn k-chip small', type: 'button', onclick: () => { cart.remove(i); drawHeader(); cartScreen(); } }, tr(lang, 'remove')),
    ),
  );
  const field = (key: 'name' | 'phone' | 'province' | 'city' | 'district' | 'line', attrs: Record<string, unknown> = {}) =>
    h('label', { class: 'k-field' }, h('span', {}, tr(lang, key)), h('input', { name: key, 'data-testid': `addr-${key}`, required: key !== 'province' && key !== 'district', ...attrs }));
  const estimate = h('div', { class: 'k-estimate', 'data-testid': 'estimate' });
  const custom = cart.items.some((i) => i.line.kind === 'custom');
  const form = h('form', { class: 'k-form', 'data-testid': 'checkout-form' },
    h('h3', {}, tr(lang, 'deliveryTo')),
    field('name', { maxlength: 40 }),
    field('phone', { inputmode: 'tel', maxlength: 20 }),
    h('div', { class: 'k-field-row' }, field('province', { value: store?.province[lang] ?? '' }), field('city', { value: store?.city[lang] ?? '', onchange: (e: Event) => void updateEstimate((e.target as HTMLInputElement).value) }), field('district')),
    field('line', { maxlength: 120 }),
    estimate,
    h('button', { class: 'btn k-btn k-primary', type: 'submit', 'data-testid': 'place-order' }, `${tr(lang, 'placeOrder')} · ${formatMoney({ amount: cart.total, currency: 'CNY' })}`),
  );
  const updateEstimate = async (city: string) => {
    if (!city.trim()) return;
    const e = await cloud.estimate(city, custom).catch(() => null);
    estimate.textContent = e ? `${tr(lang, 'estimate')}: ${e.text[lang]}` : '';
  };
  void updateEstimate(store?.city[lang] ?? '');
  const key = newKey().slice(0, 24);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const btn = form.querySelector('button[type=submit]') as HTMLButtonElement;
    btn.disabled = true;
    try {
      const r = await cloud.checkout({ storeId: storeId as `cs-${string}`, key, lines: cart.items.map((i) => i.line), address: { name: data.name!, phone: data.phone!, province: data.province ?? '', city: data.city!, district: data.district ?? '', line: data.line! } }, lang);
      cart.clear();
      drawHeader();
      show({ done: r.checkout });
    } catch (err) {
      btn.disabled = false;
      toast(err instanceof ApiError ? `${err.message}${err.detail ? ` (${err.detail})` : ''}` : String(err), 'error');
    }
  });
  mount(main, h('div', { class: 'k-cart' }, h('div', { class: 'k-lines' }, h('h2', {}, tr(lang, 'cart')), ...rows, h('div', { class: 'k-total' }, `${tr(lang, 'total')} ${formatMoney({ amount: cart.total, currency: 'CNY' })}`)), form));
}

function doneScreen(c: import('@snowstage/protocol').KioskCheckout): void {
  const url = location.origin + c.paymentUrl;
  const qr = h('div', { class: 'k-qr', 'data-testid': 'pay-qr', 'data-url': url });
  qr.innerHTML = qrSvg(url);
  mount(main,
    h('div', { class: 'k-done', 'data-testid': 'checkout-done' },
      h('h2', {}, tr(lang, 'scanToPay')),
      qr,
      h('div', { class: 'k-price big' }, formatMoney(c.total)),
      h('div', { class: 'k-sub' }, `${tr(lang, 'orderNo')} ${c.id}`),
      h('div', { class: 'k-estimate' }, c.estimate.text[lang]),
      h('div', { class: 'ds-row center' },
        h('a', { class: 'btn k-btn', href: `/track/${c.id}`, 'data-testid': 'track-link' }, tr(lang, 'trackOrder')),
        h('button', { class: 'btn k-btn btn-ghost', type: 'button', onclick: () => reset() }, tr(lang, 'newSession')),
      ),
    ),
  );
}

// ── attract loop and idle reset ──
let idleTimer = 0;
let attractTimer = 0;
function showAttract(): void {
  const featured = products.filter((p) => p.tags.includes('bestseller') || p.tags.includes('gift')).slice(0, 8);
  let i = 0;
  const slide = () => {
    const p = featured[i++ % Math.max(1, featured.length)];
    if (!p) return;
    mount(attract, h('div', { class: 'k-attract-card' }, art(p), h('div', { class: 'k-attract-name' }, loc(p.name, lang)), h('div', { class: 'k-price big' }, formatMoney(p.price))), h('div', { class: 'k-attract-cta' }, tr(lang, 'touchToStart')), h('div', { class: 'k-attract-sub' }, tr(lang, 'designYourOwn')));
  };
  slide();
  attract.hidden = false;
  clearInterval(attractTimer);
  attractTimer = window.setInterval(slide, 4000);
}
function reset(): void {
  cart.clear();
  category = 'all';
  query = '';
  drawHeader();
  show('shelf');
  showAttract();
}
function touched(): void {
  if (!attract.hidden) {
    attract.hidden = true;
    clearInterval(attractTimer);
  }
  clearTimeout(idleTimer);
  idleTimer = window.setTimeout(() => {
    toast(tr(lang, 'idleReset'));
    reset();
  }, IDLE_MS);
}
for (const ev of ['pointerdown', 'keydown']) window.addEventListener(ev, touched, { capture: true });

async function start(): Promise<void> {
  saveLang(lang);
  [config, products] = await Promise.all([cloud.config(), cloud.shelf()]);
  store = await cloud.store(storeId).catch(() => null);
  search = buildSearch(products);
  await Promise.all([loadPrintFont(config.fonts), assets.loadClipart(config.clipart)]);
  drawHeader();
  show('shelf');
  if (params.get('attract') !== '0') showAttract();
  document.body.dataset.ready = '1';
}
void start().catch((e) => toast(String(e), 'error'));
