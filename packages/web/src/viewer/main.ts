import type { FlashSale, Lang, Product, RoomEvent } from '@snowstage/protocol';
import { RoomClient } from '../shared/room-client.js';
import { h, newKey, toast } from '../shared/dom.js';
import { initialLang, loc, saveLang, t } from '../shared/i18n.js';
import { applyEvent, fromSnapshot, type ViewState } from './view-state.js';
import { ChatPanel } from './chat-panel.js';
import { openSaleFor, ProductCards } from './product-cards.js';
import { Cart } from './cart.js';
import { SaleBanner } from './sale-banner.js';
import { OrdersDrawer } from './orders-drawer.js';
import { LikeButton } from './like-button.js';
import { StageSlot } from './stage-slot.js';
import { DrawBanner } from './draw-banner.js';
import { api } from '../shared/api.js';
import type { Draw } from '@snowstage/protocol';
import '../shared/base.css';
import './viewer.css';

const COMMERCE_KINDS: ReadonlySet<RoomEvent['kind']> = new Set(['pinned', 'productUpdated', 'sale', 'soldOut', 'announcement']);

/** The viewer page of a live room: `/` (room "main") or `/live/:room`. */
const roomId = /^\/live\/([a-z0-9-]+)/.exec(location.pathname)?.[1] ?? 'main';
let lang: Lang = initialLang();
saveLang(lang);
let view: ViewState | null = null;

const app = document.getElementById('app')!;
const danmaku = h('div', { class: 'danmaku', 'aria-hidden': 'true' });
const announcement = h('div', { class: 'announcement', hidden: true, 'data-testid': 'announcement' });
const ticker = h('div', { class: 'ticker', 'aria-live': 'polite' });
const status = h('div', { class: 'conn-status', hidden: true });
const viewersEl = h('span', { class: 'viewers', 'data-testid': 'viewers' });
const titleEl = h('h1', { class: 'room-title' });

const client = new RoomClient(
  { room: roomId, lang },
  {
    onWelcome: (w) => {
      view = fromSnapshot(w.snapshot);
      stage.reset(w.snapshot);
      renderAll();
      // A draw already running in this room (the snapshot carries the stage, not the draws).
      void api<{ draws: Draw[] }>('/api/draws')
        .then(({ draws }) => draws.find((d) => d.roomId === roomId && d.status === 'open'))
        .then((d) => d && drawBanner.show(d))
        .catch(() => undefined);
    },
    onEvents: (events, stats) => {
      if (!view) return;
      let chatChanged = false;
      for (const e of events) {
        if (applyEvent(view, e) && (e.kind === 'chat' || e.kind === 'chatDeleted')) chatChanged = true;
        onEvent(e);
      }
      if (stats) {
        view.viewers = stats.viewers;
        view.likes = Math.max(view.likes, stats.likes);
      }
      if (chatChanged) chat.render(view.chat, true);
      renderCounts();
      // Only commerce changes redraw the cards (the host's speech must not replace a button being tapped).
      if (events.some((e) => COMMERCE_KINDS.has(e.kind))) renderCommerce();
    },
    onModerated: (action) => toast(t(lang, action), action === 'unmuted' ? 'success' : 'error'),
    onStatus: (s) => {
      status.hidden = s === 'live';
      status.textContent = s === 'offline' ? t(lang, 'offline') : t(lang, 'connecting');
    },
  },
);

const stage = new StageSlot(lang, () => client.now());
const chat = new ChatPanel(lang, danmaku, async (text) => {
  try {
    const r = await client.request({ type: 'chat', text });
    if (r.type === 'error') {
      toast(r.message, 'error');
      return r.message;
    }
    return null;
  } catch (e) {
    toast((e as Error).message, 'error');
    return (e as Error).message;
  }
});
const clicked = new Set<string>();
const cards = new ProductCards(
  lang,
  async (p, variantId, saleId) => void (await buy(p, variantId, saleId)),
  // One card click per product per page view is what analytics counts as interest.
  (p) => {
    if (clicked.has(p.id)) return;
    clicked.add(p.id);
    client.post({ type: 'track', what: 'cardClick', productId: p.id });
  },
  (p, variantId) => {
    if (cart.add({ productId: p.id, variantId })) client.post({ type: 'track', what: 'cartAdd', productId: p.id });
    toast(`${t(lang, 'addedToCart')}: ${loc(p.name, lang)}`, 'success');
  },
);
cards.el.addEventListener('rerender', () => renderCommerce());
const banner = new SaleBanner(lang, () => client.now(), (sale) => grab(sale));
const cart = new Cart(lang, `snowstage.cart.${roomId}`, (p, variantId) => buy(p, variantId, openSaleFor(view?.sale ?? null, p.id, client.now())?.id ?? null));
const orders = new OrdersDrawer(lang, () => client.you?.viewerToken ?? null, cart);
const drawBanner = new DrawBanner(lang, () => client.now(), () => client.you?.viewerId ?? null);
const likes = new LikeButton(lang, (n) => client.post({ type: 'like', count: n }));

/**
 * Buys one unit with a fresh idempotency key; a lost connection or a timeout retries with the
 * same key, so a flaky network can never buy twice.
 */
async function buy(p: Product, variantId: string, saleId: string | null): Promise<boolean> {
  const key = newKey();
  const msg = { type: 'buy' as const, productId: p.id, variantId, qty: 1, key, ...(saleId ? { saleId } : {}) };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const r = await client.request(msg, 8000);
      if (r.type === 'order') {
        toast(`${t(lang, 'ordered')} ${loc(p.name, lang)}`, 'success');
        if (!orders.el.hidden) void orders.refresh();
        return true;
      }
      if (r.type === 'error') toast(r.message, 'error');
      return false;
    } catch {
      await new Promise((res) => setTimeout(res, 600 * (attempt + 1)));
    }
  }
  toast(t(lang, 'offline'), 'error');
  return false;
}

function grab(sale: FlashSale): void {
  const product = view?.saleProduct ?? view?.pinned.find((p) => p.id === sale.productId);
  if (product) void buy(product, sale.variantId, sale.id);
}

function onEvent(e: RoomEvent): void {
  stage.play(e);
  if (e.kind === 'draw') drawBanner.show(e.draw);
  if (e.kind === 'orderPlaced') {
    const p = view?.pinned.find((x) => x.id === e.productId) ?? (view?.saleProduct?.id === e.productId ? view.saleProduct : null);
    const line = h('div', { class: 'ticker-line' }, `🛍 ${e.nickname} ${t(lang, 'bought')} ${p ? loc(p.name, lang) : e.productId}`);
    ticker.replaceChildren(line);
  }
}

function renderCounts(): void {
  if (!view) return;
  viewersEl.textContent = `${view.viewers.toLocaleString()} ${t(lang, 'viewers')}`;
  likes.setTotal(view.likes);
}

function renderCommerce(): void {
  if (!view) return;
  cards.render(view.pinned, view.sale, client.now());
  banner.show(view.sale, view.saleProduct);
  announcement.hidden = !view.announcement;
  announcement.textContent = view.announcement ? `📣 ${view.announcement}` : '';
}

function renderAll(): void {
  if (!view) return;
  titleEl.textContent = loc(view.title, lang);
  document.title = `${loc(view.title, lang)} · Snowstage`;
  renderCounts();
  renderCommerce();
  chat.render(view.chat, false);
}

function setLang(next: Lang): void {
  lang = next;
  saveLang(lang);
  for (const c of [chat, cards, banner, orders, cart, likes, stage, drawBanner]) c.setLang(lang);
  langButton.textContent = lang === 'zh' ? 'EN' : '中文';
  ordersButton.textContent = t(lang, 'myOrders');
  renderAll();
}

const langButton = h('button', { class: 'btn btn-ghost btn-lang', 'data-testid': 'lang-switch', onclick: () => setLang(lang === 'zh' ? 'en' : 'zh') }, lang === 'zh' ? 'EN' : '中文');
const ordersButton = h('button', { class: 'btn btn-ghost', 'data-testid': 'my-orders', onclick: () => void orders.open() }, t(lang, 'myOrders'));

app.replaceChildren(
  h(
    'div',
    { class: 'viewer' },
    h('header', { class: 'topbar' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '❄'), titleEl, h('span', { class: 'live-badge' }, 'LIVE'), viewersEl, h('span', { class: 'spacer' }), ordersButton, langButton),
    h(
      'main',
      { class: 'layout' },
      h('section', { class: 'stage-wrap' }, stage.el, danmaku, announcement, drawBanner.el, banner.el, ticker, likes.el, status),
      h('aside', { class: 'side' }, cards.el, chat.el),
    ),
    orders.el,
  ),
);
// Countdowns and "open now" states follow the room clock even when no event arrives.
setInterval(() => view?.sale && renderCommerceIfPhaseChanged(), 500);
let lastPhase = '';
function renderCommerceIfPhaseChanged(): void {
  const s = view!.sale!;
  const now = client.now();
  const phase = now < s.startsAt ? 'scheduled' : now < s.endsAt ? 'open' : 'closed';
  if (phase !== lastPhase) {
    lastPhase = phase;
    renderCommerce();
  }
}
client.connect();
