import type { Lang, Product, RoomEvent, Show } from '@snowstage/protocol';
import type { Analytics } from './analytics-data.js';
import { api, ApiError } from '../shared/api.js';
import { h, toast } from '../shared/dom.js';
import { initialLang, saveLang } from '../shared/i18n.js';
import type { Outgoing } from '../shared/room-client.js';
import { AnalyticsView } from './analytics-view.js';
import { BlocklistEditor } from './blocklist-editor.js';
import { CommercePanel } from './commerce-panel.js';
import { applyConsoleEvent, applyQueue, consoleFromSnapshot, type Area, type ConsoleState } from './console-state.js';
import { DrawPanel } from './draw-panel.js';
import { HostPanel } from './host-panel.js';
import { ModerationPanel } from './moderation-panel.js';
import { checkOperatorToken, forgetOperatorToken, operatorLogin, savedOperatorToken } from './operator-login.js';
import { PreviewPanel } from './preview-panel.js';
import { ShowsPanel } from './shows-panel.js';
import { StaffClient } from './staff-client.js';
import { statusLabel, tc } from './strings.js';
import type { ConsoleCtx } from './ui.js';
import '../shared/base.css';
import './console.css';

/** The host console, `/console`: operators run the show of room "main" from here. */
const ROOM = 'main';
const POLL_MS = 2000;
let lang: Lang = initialLang();
saveLang(lang);
const app = document.getElementById('app')!;

async function start(): Promise<void> {
  let token = savedOperatorToken();
  if (token && (await checkOperatorToken(token, lang))) {
    forgetOperatorToken();
    token = null;
  }
  token ??= await operatorLogin(app, lang, tc(lang, 'console'));
  const { products } = await api<{ products: Product[] }>('/api/products', { lang });
  runConsole(token, products);
}

function runConsole(token: string, products: Product[]): void {
  let state: ConsoleState | null = null;
  const catalog = new Map<string, Product>(products.map((p) => [p.id, p]));

  const signOut = () => {
    forgetOperatorToken();
    location.reload();
  };
  const ctx: ConsoleCtx = {
    get lang() {
      return lang;
    },
    roomId: ROOM,
    state: () => state,
    products: () => catalog,
    now: () => client.now(),
    async send(msg: Outgoing) {
      try {
        const r = await client.request(msg);
        if (r.type === 'error') {
          toast(r.message, 'error');
          return false;
        }
        return true;
      } catch {
        toast(tc(lang, 'offline'), 'error');
        return false;
      }
    },
    async http<T>(path: string, opts: { method?: string; body?: unknown } = {}) {
      try {
        return await api<T>(path, { ...opts, token, lang });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) signOut();
        toast(e instanceof ApiError && e.detail ? `${e.message}: ${e.detail}` : e instanceof Error ? e.message : String(e), 'error');
        return null;
      }
    },
    async upload<T>(path: string, bytes: Blob) {
      const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}`, 'accept-language': lang }, body: bytes }).catch(() => null);
      const json = (await res?.json().catch(() => ({}))) as { error?: { message: string } } & T;
      if (!res?.ok) {
        toast(json?.error?.message ?? tc(lang, 'offline'), 'error');
        return null;
      }
      return json;
    },
  };

  const statusEl = h('span', { class: 'conn-pill', 'data-testid': 'conn-status' });
  const onAir = h('span', { class: 'on-air', 'data-testid': 'on-air' });
  const viewersEl = h('span', { class: 'viewers' });

  const client = new StaffClient(
    { room: ROOM, lang, authToken: token, nickname: '主播助理 Host team' },
    {
      onWelcome: (w) => {
        if (w.you.role !== 'operator') {
          toast(`${w.you.role}?`, 'error');
          return signOut();
        }
        const queue = state?.queue ?? [];
        state = consoleFromSnapshot(w.snapshot);
        state.queue = queue;
        for (const p of w.snapshot.pinned) catalog.set(p.id, p);
        void preview.reset(w.snapshot);
        renderAll();
      },
      onEvents: (events, stats) => {
        if (!state) return;
        const areas = new Set<Area>();
        for (const e of events) {
          for (const a of applyConsoleEvent(state, e)) areas.add(a);
          track(e);
          preview.play(e);
        }
        if (stats) {
          state.viewers = stats.viewers;
          state.likes = Math.max(state.likes, stats.likes);
          areas.add('counts');
        }
        render(areas);
      },
      onStatus: (s) => {
        statusEl.className = `conn-pill conn-${s}`;
        statusEl.textContent = s === 'live' ? tc(lang, 'connected') : s === 'offline' ? tc(lang, 'offline') : tc(lang, 'connecting');
      },
    },
    (q) => {
      if (!state) return;
      applyQueue(state, q);
      panels.moderation.render();
      panels.host.render();
    },
  );

  // Panels read the room clock from the client, so they come after it.
  const preview = new PreviewPanel(ctx);
  let panels = buildPanels();

  /** Keeps the catalog's stock current from the room's product events. */
  function track(e: RoomEvent): void {
    if (e.kind === 'productUpdated') catalog.set(e.product.id, e.product);
    if (e.kind === 'pinned') for (const p of e.products) catalog.set(p.id, p);
  }

  function buildPanels() {
    return {
      shows: new ShowsPanel(ctx),
      host: new HostPanel(ctx),
      commerce: new CommercePanel(ctx),
      draw: new DrawPanel(ctx),
      moderation: new ModerationPanel(ctx),
      blocklist: new BlocklistEditor(ctx),
      analytics: new AnalyticsView(lang, () => catalog, 'live'),
    };
  }

  const analyticsNote = h('p', { class: 'empty', 'data-testid': 'analytics-note' });
  const analyticsTitle = h('h2', { class: 'panel-title' });
  const analyticsPanel = h('section', { class: 'panel console-panel analytics-panel', 'data-testid': 'panel-analytics' });

  function layout(): void {
    const langButton = h('button', { class: 'btn btn-ghost btn-small', 'data-testid': 'lang-switch', onclick: () => setLang(lang === 'zh' ? 'en' : 'zh') }, lang === 'zh' ? 'EN' : '中文');
    const out = h('button', { class: 'btn btn-ghost btn-small', 'data-testid': 'sign-out', onclick: signOut }, tc(lang, 'signOut'));
    analyticsPanel.replaceChildren(analyticsTitle, analyticsNote, panels.analytics.el);
    app.replaceChildren(
      h(
        'div',
        { class: 'console' },
        h('header', { class: 'topbar' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '❄'), h('h1', { class: 'room-title' }, tc(lang, 'console')), onAir, viewersEl, h('span', { class: 'spacer' }), statusEl, langButton, out),
        h(
          'main',
          { class: 'console-grid' },
          h('div', { class: 'col col-a' }, panels.shows.el, panels.host.el),
          h('div', { class: 'col col-b' }, preview.el, panels.commerce.el),
          h('div', { class: 'col col-c' }, panels.moderation.el, panels.draw.el, panels.blocklist.el),
          analyticsPanel,
        ),
      ),
    );
    document.title = `${tc(lang, 'console')} · Snowstage`;
  }

  function render(areas: Iterable<Area>): void {
    for (const a of areas) {
      if (a === 'chat') panels.moderation.render();
      else if (a === 'commerce') {
        panels.commerce.render();
        panels.host.render();
      } else if (a === 'host') panels.host.render();
      else if (a === 'draw') panels.draw.render();
      else if (a === 'show') {
        renderTop();
        void panels.shows.refresh();
        void poll();
      } else if (a === 'counts') renderTop();
    }
  }

  function renderTop(): void {
    const show = state?.show;
    onAir.hidden = !show;
    onAir.textContent = show ? `● ${statusLabel(lang, 'live')} · ${show.title}` : '';
    viewersEl.textContent = state ? `${tc(lang, 'viewersNow')} ${state.viewers} · ${tc(lang, 'likes')} ${state.likes}` : '';
  }

  function renderAll(): void {
    renderTop();
    panels.host.render();
    panels.commerce.render();
    panels.draw.render();
    panels.moderation.render();
    panels.shows.render();
  }

  function setLang(next: Lang): void {
    lang = next;
    saveLang(lang);
    for (const p of [panels.commerce]) p.dispose();
    panels.analytics.dispose();
    panels = buildPanels();
    preview.setLang(lang);
    layout();
    renderAll();
    void poll();
  }

  let lastAnalytics: { show: Show | null; analytics: Analytics | null } | null = null;
  async function poll(): Promise<void> {
    try {
      lastAnalytics = await api<{ show: Show | null; analytics: Analytics | null }>(`/api/rooms/${ROOM}/analytics`, { token, lang });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return signOut();
      return; // offline: keep the last numbers
    }
    const { show, analytics } = lastAnalytics;
    analyticsTitle.textContent = show ? `${tc(lang, 'analytics')} · ${show.title}` : tc(lang, 'analytics');
    analyticsNote.hidden = !!analytics;
    analyticsNote.textContent = tc(lang, 'noShowLive');
    panels.analytics.el.hidden = !analytics;
    if (analytics) panels.analytics.update(analytics);
  }

  layout();
  renderAll();
  client.connect();
  void poll();
  window.setInterval(() => void poll(), POLL_MS);
  // For tests and debugging: what the preview stage is doing.
  (window as unknown as { snowstageConsole: object }).snowstageConsole = { stage: () => preview.debug(), state: () => state };
}

void start();
