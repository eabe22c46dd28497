import '../shared/base.css';
import './backoffice.css';
import { formatMoney, type KioskOrder, type Lang, type SalesPoint, type StoreRecord } from '@snowstage/protocol';
import { h, mount, toast } from '../shared/dom.js';
import { initialLang, loc, saveLang, t } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { tr } from '../kiosk/strings.js';
import { salesPlot } from './plot.js';

/**
 * The store back office: sign in with a staff token, pick one of thousands of stores by search,
 * see its kiosk orders, the production queue (print files attached; mark produced, ship), and
 * sales per store and per day with a plot.
 */
type QueueItem = KioskOrder & { prints: { side: string; pngUrl: string; svgUrl: string }[] };
type StoreOrder = KioskOrder & { address: { name: string; phone: string; city: string; line: string } };
const params = new URLSearchParams(location.search);
const TOKEN_KEY = 'snowstage.staffToken';
let lang: Lang = (params.get('lang') as Lang | null) ?? initialLang();
let token = params.get('token') ?? localStorage.getItem(TOKEN_KEY) ?? '';
let storeQuery = '';
let storeId = params.get('store') ?? localStorage.getItem('snowstage.backoffice.store') ?? 'cs-bj-0001';
const app = document.getElementById('app')!;
const call = <T>(path: string, method = 'GET') => api<T>(path, { method, token, lang });

const head = h('header', { class: 'bo-head' });
const picker = h('section', { class: 'panel bo-picker' });
const orders = h('section', { class: 'panel', 'data-testid': 'bo-orders' });
const queue = h('section', { class: 'panel', 'data-testid': 'bo-queue' });
const sales = h('section', { class: 'panel', 'data-testid': 'bo-sales' });

function drawHead(): void {
  mount(head,
    h('h1', {}, tr(lang, 'backoffice')),
    h('div', { class: 'bo-auth' },
      h('input', { type: 'password', placeholder: tr(lang, 'token'), value: token, 'data-testid': 'bo-token', onchange: (e: Event) => { token = (e.target as HTMLInputElement).value.trim(); localStorage.setItem(TOKEN_KEY, token); void refresh(); } }),
      h('button', { class: 'btn', type: 'button', onclick: () => void refresh() }, tr(lang, 'signIn')),
      h('button', { class: 'btn btn-ghost', type: 'button', 'data-testid': 'lang-switch', onclick: () => { lang = lang === 'zh' ? 'en' : 'zh'; saveLang(lang); drawHead(); void refresh(); } }, lang === 'zh' ? 'EN' : '中文'),
    ),
  );
}

async function drawPicker(current: StoreRecord | null, q = storeQuery): Promise<void> {
  const results = h('div', { class: 'bo-results', 'data-testid': 'bo-store-results' });
  const input = h('input', { type: 'search', value: q, placeholder: tr(lang, 'pickStore'), 'data-testid': 'bo-store-search' });
  let timer = 0;
  const find = async (text: string) => {
    storeQuery = text;
    const r = await api<{ stores: StoreRecord[]; total: number }>(`/api/cloudstore/stores?limit=8&q=${encodeURIComponent(text)}`);
    mount(results, h('div', { class: 'bo-total' }, `${r.total} ${tr(lang, 'stores')}`), ...r.stores.map((s) => h('button', { class: `btn btn-small ${s.id === storeId ? '' : 'btn-ghost'}`, type: 'button', 'data-testid': 'bo-store-option', onclick: () => { storeId = s.id; localStorage.setItem('snowstage.backoffice.store', s.id); void refresh(); } }, `${s.id} · ${loc(s.name, lang)}`)));
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void find(input.value), 150);
  });
  mount(picker, h('div', { class: 'bo-current', 'data-testid': 'bo-current-store' }, current ? `${current.id} · ${loc(current.name, lang)} — ${loc(current.address, lang)}` : storeId), input, results);
  await find(q);
}

const act = async (orderId: string, action: string) => {
  try {
    await call(`/api/cloudstore/backoffice/orders/${orderId}/${action}`, 'POST');
    await refresh();
  } catch (e) {
    toast(e instanceof ApiError ? `${e.message}${e.detail ? ` (${e.detail})` : ''}` : String(e), 'error');
  }
};
const actions = (o: KioskOrder) => {
  const b = (label: string, action: string) => h('button', { class: 'btn btn-small', type: 'button', 'data-testid': `bo-${action}`, onclick: () => void act(o.orderId, action) }, label);
  return h('div', { class: 'bo-actions' },
    o.kind === 'custom' && o.status === 'in_production' && o.producedAt === null ? b(tr(lang, 'markProduced'), 'produced') : null,
    (o.kind === 'stock' && o.status === 'paid') || (o.kind === 'custom' && o.status === 'in_production' && o.producedAt !== null) ? b(tr(lang, 'ship'), 'ship') : null,
    o.status === 'shipped' ? b(tr(lang, 'deliver'), 'deliver') : null,
  );
};

async function refresh(): Promise<void> {
  const store = await api<{ store: StoreRecord }>(`/api/cloudstore/stores/${storeId}`).then((r) => r.store).catch(() => null);
  await drawPicker(store);
  if (!token) {
    for (const s of [orders, queue, sales]) mount(s, h('div', { class: 'bo-hint' }, tr(lang, 'token')));
    return;
  }
  try {
    const [o, q, s] = await Promise.all([
      call<{ orders: StoreOrder[] }>(`/api/cloudstore/backoffice/orders?store=${storeId}`),
      call<{ queue: QueueItem[] }>('/api/cloudstore/backoffice/queue'),
      call<{ days: string[]; points: SalesPoint[]; stores: { id: string; gmv: number; name: { zh: string; en: string } }[]; totalGmv: number; totalOrders: number }>('/api/cloudstore/backoffice/sales?days=14&top=6'),
    ]);
    mount(orders, h('h2', { class: 'panel-title' }, `${tr(lang, 'orders')} (${o.orders.length})`),
      o.orders.length === 0 ? h('div', { class: 'bo-hint' }, tr(lang, 'noOrders')) :
      h('table', { class: 'bo-table' },
        h('tbody', {}, ...o.orders.map((x) => h('tr', { 'data-testid': 'bo-order-row', 'data-order': x.orderId },
          h('td', {}, new Date(x.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' })),
          h('td', {}, `${loc(x.name, lang)} ×${x.qty}`, x.kind === 'custom' ? h('span', { class: 'bo-tag' }, tr(lang, 'custom')) : null),
          h('td', {}, formatMoney(x.total)),
          h('td', { 'data-testid': 'bo-status' }, t(lang, 'status', x.status), x.producedAt ? ` · ${tr(lang, 'produced')}` : ''),
          h('td', {}, `${x.address.name} ${x.address.phone} ${x.address.city} ${x.address.line}`),
          h('td', {}, actions(x)),
        ))),
      ),
    );
    mount(queue, h('h2', { class: 'panel-title' }, `${tr(lang, 'queue')} (${q.queue.length})`),
      ...q.queue.map((x) => h('div', { class: 'bo-queue-item', 'data-testid': 'bo-queue-item', 'data-order': x.orderId },
        x.designId ? h('img', { src: `/api/cloudstore/designs/${x.designId}/preview-front.png`, alt: '' }) : null,
        h('div', {}, h('div', {}, `${x.storeId} · ${loc(x.name, lang)} ×${x.qty}`), h('div', { class: 'bo-hint' }, x.producedAt ? tr(lang, 'produced') : t(lang, 'status', x.status)),
          h('div', { class: 'bo-files' }, ...x.prints.flatMap((p) => [h('a', { href: `${p.pngUrl}?token=${encodeURIComponent(token)}`, target: '_blank', 'data-testid': 'bo-print-png' }, `${tr(lang, 'printFile')} ${p.side} PNG`), h('a', { href: `${p.svgUrl}?token=${encodeURIComponent(token)}`, target: '_blank' }, 'SVG')]))),
        actions(x),
      )),
    );
    const top = s.stores.map((x) => ({ id: x.id, label: `${x.id} ${loc(x.name, lang).replace(/^冬运特许商店 |^Winter Games Store, /, '')}` }));
    const plot = h('div', { class: 'bo-plot' });
    plot.innerHTML = salesPlot(s.days, s.points, top);
    mount(sales, h('h2', { class: 'panel-title' }, tr(lang, 'sales')),
      h('div', { class: 'bo-kpis' }, h('b', { 'data-testid': 'bo-total-gmv' }, formatMoney({ amount: s.totalGmv, currency: 'CNY' })), ` · ${s.totalOrders} · ${tr(lang, 'allStores')}`),
      plot,
      h('table', { class: 'bo-table' }, h('tbody', {}, ...s.stores.map((x) => h('tr', {}, h('td', {}, x.id), h('td', {}, loc(x.name, lang)), h('td', {}, formatMoney({ amount: x.gmv, currency: 'CNY' })))))),
    );
    document.body.dataset.ready = '1';
  } catch (e) {
    toast(e instanceof ApiError ? e.message : String(e), 'error');
  }
}

saveLang(lang);
mount(app, head, h('div', { class: 'bo-grid' }, h('div', { class: 'bo-col' }, picker, orders), h('div', { class: 'bo-col' }, sales, queue)));
drawHead();
void refresh();
