import type { ChatLine, Lang, Product } from '@snowstage/protocol';
import { api, ApiError } from '../shared/api.js';
import { h, newKey, toast } from '../shared/dom.js';
import { initialLang, loc, saveLang } from '../shared/i18n.js';
import { mountStage, type Stage } from '../stage/index.js';
import { ProductCards } from '../viewer/product-cards.js';
import { ReplayTimeline, type ReplayData, type ReplayState } from './replay-clock.js';
import { ReplaySaleBanner } from './sale-banner.js';
import { StageFeed } from './stage-feed.js';
import { Scrubber } from './scrubber.js';
import { tr } from './strings.js';
import '../shared/base.css';
import '../viewer/viewer.css';
import './replay.css';

/** A show's replay, `/replay/:showId`: the host, the chat, the products and the sales as they happened. */
const showId = decodeURIComponent(/^\/replay\/([^/?#]+)/.exec(location.pathname)?.[1] ?? '');
let lang: Lang = initialLang();
saveLang(lang);
const app = document.getElementById('app')!;
const TOKEN_KEY = 'snowstage.viewerToken';
const TICK_MS = 100;

/** The viewer identity the live room uses; a first-time visitor gets one from the server. */
async function viewerToken(fresh = false): Promise<string> {
  const saved = fresh ? null : localStorage.getItem(TOKEN_KEY);
  if (saved) return saved;
  const r = await api<{ viewerToken: string }>('/api/viewers', { method: 'POST', body: { lang } });
  localStorage.setItem(TOKEN_KEY, r.viewerToken);
  return r.viewerToken;
}

/** Calls a viewer endpoint; a token the server no longer accepts is replaced once. */
async function asViewer<T>(path: string, body: unknown): Promise<T> {
  try {
    return await api<T>(path, { method: 'POST', body, token: await viewerToken(), lang });
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) throw e;
    return api<T>(path, { method: 'POST', body, token: await viewerToken(true), lang });
  }
}

async function start(): Promise<void> {
  let data: ReplayData;
  try {
    data = await api<ReplayData>(`/api/shows/${encodeURIComponent(showId)}/replay`, { lang });
  } catch (e) {
    app.replaceChildren(h('div', { class: 'replay-missing panel', 'data-testid': 'replay-error' }, h('h1', {}, tr(lang, 'notFound')), h('p', {}, (e as Error).message), h('a', { class: 'btn', href: '/' }, tr(lang, 'toLive'))));
    return;
  }
  const timeline = new ReplayTimeline(data);
  const catalog = new Map<string, Product>();
  const refreshCatalog = async () => {
    const r = await api<{ products: Product[] }>('/api/products').catch(() => ({ products: [] as Product[] }));
    for (const p of r.products) catalog.set(p.id, p);
  };
  await refreshCatalog();
  void asViewer('/api/shows/' + encodeURIComponent(showId) + '/replay/view', {}).catch(() => undefined);

  // ── the page ──
  const stageBox = h('div', { class: 'stage', 'data-testid': 'replay-stage' });
  const caption = h('div', { class: 'caption', hidden: true, 'data-testid': 'caption' });
  const announcement = h('div', { class: 'announcement', hidden: true, 'data-testid': 'announcement' });
  const banner = new ReplaySaleBanner();
  const ticker = h('div', { class: 'ticker' });
  const bigPlay = h('button', { class: 'big-play', type: 'button', 'data-testid': 'replay-big-play', onclick: () => play() });
  const chatList = h('ol', { class: 'chat-list', 'data-testid': 'replay-chat' });
  const chatTitle = h('h2', { class: 'panel-title' });
  const cards = new ProductCards(lang, (p, variantId) => buy(p, variantId));
  cards.el.addEventListener('rerender', () => renderCards(true));
  const scrubber = new Scrubber(lang, timeline.duration, timeline.markers.map((m) => ({ ...m, product: catalog.get(m.productId) ?? m.product })), {
    onPlayPause: () => (playing ? pause() : play()),
    onScrub: (t) => scrub(t),
    onSeek: (t) => seek(t),
  });
  const titleEl = h('h1', { class: 'room-title' });
  const recorded = h('span', { class: 'viewers' });
  const langButton = h('button', { class: 'btn btn-ghost btn-lang', 'data-testid': 'lang-switch', onclick: () => setLang(lang === 'zh' ? 'en' : 'zh') });
  const liveLink = h('a', { class: 'btn btn-ghost', href: '/' });
  const replayBadge = h('span', { class: 'live-badge replay-badge' });

  app.replaceChildren(
    h(
      'div',
      { class: 'viewer replay' },
      h('header', { class: 'topbar' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '❄'), titleEl, replayBadge, recorded, h('span', { class: 'spacer' }), liveLink, langButton),
      h(
        'main',
        { class: 'layout' },
        h('div', { class: 'replay-left' }, h('section', { class: 'stage-wrap' }, stageBox, announcement, caption, banner.el, ticker, bigPlay), scrubber.el),
        h('aside', { class: 'side' }, cards.el, h('section', { class: 'panel chat-panel' }, chatTitle, chatList)),
      ),
    ),
  );

  let stage: Stage | null = null;
  let feed: StageFeed | null = null;
  const avatarUrl = await api<{ url: string }>('/api/avatar').then((r) => r.url, () => undefined);
  let avatarShown: string | null = avatarUrl ?? null;
  void mountStage(stageBox, { lang, roomClock: () => Date.now(), ...(avatarUrl ? { avatarUrl } : {}) }).then((s) => {
    stage = s;
    feed = new StageFeed(timeline, s);
    if (playing) feed.seek(position(), Date.now());
  });

  // ── playback: position in ms since the show started ──
  let pos = 0;
  let playing = false;
  let scrubbing = false;
  let pos0 = 0;
  let wall0 = 0;
  const position = () => (playing && !scrubbing ? Math.min(timeline.duration, pos0 + (Date.now() - wall0)) : pos);

  function play(): void {
    if (pos >= timeline.duration) pos = 0;
    playing = true;
    pos0 = pos;
    wall0 = Date.now();
    void stage?.unlockAudio();
    feed?.seek(pos, Date.now());
    scrubber.setPlaying(true);
    bigPlay.hidden = true;
    tick();
  }

  function pause(): void {
    pos = position();
    playing = false;
    feed?.halt(Date.now());
    scrubber.setPlaying(false);
    tick();
  }

  /** Dragging the scrubber: hold the host still and show the room at the dragged moment. */
  function scrub(t: number): void {
    if (playing && !scrubbing) feed?.halt(Date.now());
    scrubbing = true;
    pos = t;
    tick();
  }

  function seek(t: number): void {
    pos = Math.max(0, Math.min(timeline.duration, t));
    scrubbing = false;
    if (playing) {
      pos0 = pos;
      wall0 = Date.now();
      feed?.seek(pos, Date.now());
    }
    tick();
  }

  function tick(): void {
    if (playing && !scrubbing) {
      pos = position();
      if (pos >= timeline.duration) pause();
      else feed?.advance(pos);
    }
    scrubber.setPosition(pos);
    render(timeline.stateAt(pos));
  }

  // ── rendering the room at the replay's moment ──
  let keys = { chat: '', cards: '', announcement: '', order: '' };
  let current: ReplayState | null = null;

  function render(s: ReplayState): void {
    current = s;
    const roomNow = timeline.roomTime(s.t);
    const chatKey = `${lang}:${s.chat.length}:${s.chat.at(-1)?.id ?? ''}`;
    if (chatKey !== keys.chat) {
      keys.chat = chatKey;
      renderChat(s.chat);
    }
    renderCards(false);
    scrubber.setCurrent(s.t, new Set(s.pinned.map((p) => p.id)));
    caption.hidden = !s.speech;
    if (s.speech && caption.textContent !== s.speech.text) caption.textContent = s.speech.text;
    if (s.announcement !== keys.announcement) {
      keys.announcement = s.announcement ?? '';
      announcement.hidden = !s.announcement;
      announcement.textContent = s.announcement ? s.announcement : '';
    }
    const orderKey = s.recentOrder ? `${s.recentOrder.orderId}:${lang}` : '';
    if (orderKey !== keys.order) {
      keys.order = orderKey;
      const o = s.recentOrder;
      const p = o ? catalog.get(o.productId) : null;
      ticker.replaceChildren(...(o ? [h('div', { class: 'ticker-line' }, `✓ ${o.nickname} ${tr(lang, 'bought')} ${p ? loc(p.name, lang) : o.productId}`)] : []));
    }
    banner.render(s.sale, s.sale ? catalog.get(s.sale.productId) ?? s.saleProduct : null, roomNow, lang);
    // An avatar change recorded during the show swaps the model at that moment (and back on a jump back).
    const want = s.avatarUrl ?? avatarUrl ?? null;
    if (stage && want && want !== avatarShown) {
      avatarShown = want;
      void stage.loadAvatar(want);
    }
  }

  function renderChat(lines: readonly ChatLine[]): void {
    chatList.replaceChildren(
      ...(lines.length === 0
        ? [h('li', { class: 'empty' }, tr(lang, 'noChat'))]
        : lines.slice(-80).map((l) =>
            h(
              'li',
              { class: `chat-line role-${l.role}` },
              l.role === 'viewer' ? null : h('span', { class: `badge badge-${l.role}` }, l.role === 'operator' ? tr(lang, 'host') : 'MOD'),
              h('span', { class: 'nick' }, l.nickname),
              h('span', { class: 'text' }, l.text),
            ),
          )),
    );
    chatList.scrollTop = chatList.scrollHeight;
  }

  /** The cards of the products pinned at this moment, with today's price and stock (buying is at the normal price). */
  function renderCards(force: boolean): void {
    const s = current;
    if (!s) return;
    const products = s.pinned.map((p) => catalog.get(p.id) ?? p);
    const key = `${lang}:${products.map((p) => `${p.id}:${p.variants.map((v) => v.stock).join(',')}`).join('|')}`;
    if (!force && key === keys.cards) return;
    keys.cards = key;
    cards.render(products, null, Date.now());
    cards.el.querySelector('.panel-title')!.textContent = tr(lang, 'products');
  }

  /** Buys one at the normal price; a lost request is retried with the same key, so it never buys twice. */
  async function buy(p: Product, variantId: string): Promise<void> {
    const body = { productId: p.id, variantId, qty: 1, key: newKey() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await asViewer(`/api/shows/${encodeURIComponent(showId)}/replay/buy`, body);
        toast(`${tr(lang, 'ordered')} ${loc(p.name, lang)}`, 'success');
        await refreshCatalog();
        renderCards(true);
        return;
      } catch (e) {
        if (e instanceof ApiError) return toast(e.message, 'error');
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    }
    toast(tr(lang, 'offline'), 'error');
  }

  function labels(): void {
    const when = timeline.show.startedAt ? new Date(timeline.show.startedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
    titleEl.textContent = timeline.show.title;
    recorded.textContent = when ? `${tr(lang, 'recorded')} ${when}` : '';
    replayBadge.textContent = tr(lang, 'replay').toUpperCase();
    langButton.textContent = lang === 'zh' ? 'EN' : '中文';
    liveLink.textContent = tr(lang, 'toLive');
    chatTitle.textContent = tr(lang, 'chat');
    bigPlay.textContent = `▶ ${tr(lang, 'playReplay')}`;
    document.title = `${timeline.show.title} · ${tr(lang, 'replay')} · Snowstage`;
  }

  function setLang(next: Lang): void {
    lang = next;
    saveLang(lang);
    cards.setLang(lang);
    scrubber.setLang(lang);
    (stage as Stage | null)?.setLang(lang);
    keys = { chat: '', cards: '', announcement: keys.announcement, order: '' };
    labels();
    tick();
  }

  labels();
  tick();
  window.setInterval(tick, TICK_MS);
  // For tests and debugging.
  (window as unknown as { snowstageReplay: object }).snowstageReplay = { position: () => pos, playing: () => playing, duration: timeline.duration, stage: () => (stage as Stage | null)?.debug() ?? null };
}

void start();
