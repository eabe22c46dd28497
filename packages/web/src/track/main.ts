import '../shared/base.css';
import './track.css';
import { formatMoney, type KioskCheckout, type KioskOrder, type Lang, type TimelineEntry } from '@snowstage/protocol';
import { h, mount, toast } from '../shared/dom.js';
import { initialLang, loc, saveLang, t } from '../shared/i18n.js';
import { ApiError } from '../shared/api.js';
import { cloud } from '../kiosk/api.js';
import { tr } from '../kiosk/strings.js';

/**
 * Order tracking (`/track/:orderId`): each item's timeline from created to delivered, the
 * delivery estimate, and — when opened from the kiosk's QR code (`?pay=token`) — the payment step
 * (a recorded state change; no real provider). Refreshes itself while the order moves.
 */
const params = new URLSearchParams(location.search);
let lang: Lang = (params.get('lang') as Lang | null) ?? initialLang();
const id = location.pathname.split('/').filter(Boolean)[1] ?? '';
const payToken = params.get('pay');
const app = document.getElementById('app')!;

const STEPS: TimelineEntry['status'][] = ['created', 'paid', 'in_production', 'produced', 'shipped', 'delivered'];
const label = (s: TimelineEntry['status']) => (s === 'produced' ? tr(lang, 'produced') : t(lang, 'status', s));
const when = (at: number) => new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function timeline(o: KioskOrder): HTMLElement {
  const seen = new Map(o.timeline.map((e) => [e.status, e.at]));
  const steps = STEPS.filter((s) => o.kind === 'custom' || (s !== 'in_production' && s !== 'produced'));
  const extra = o.timeline.filter((e) => e.status === 'cancelled' || e.status === 'refunded');
  return h('ol', { class: 'tl', 'data-testid': 'timeline' },
    ...steps.map((s) => h('li', { class: seen.has(s) ? 'done' : 'todo', 'data-status': s }, h('span', { class: 'dot' }), h('span', { class: 'what' }, label(s)), h('span', { class: 'when' }, seen.has(s) ? when(seen.get(s)!) : ''))),
    ...extra.map((e) => h('li', { class: 'done stop', 'data-status': e.status }, h('span', { class: 'dot' }), h('span', { class: 'what' }, label(e.status)), h('span', { class: 'when' }, when(e.at)))),
  );
}

function draw(c: KioskCheckout): void {
  const unpaid = c.orders.some((o) => o.status === 'created');
  mount(app,
    h('header', { class: 'tr-head' },
      h('h1', {}, tr(lang, 'tracking')),
      h('button', { class: 'btn btn-ghost', type: 'button', 'data-testid': 'lang-switch', onclick: () => { lang = lang === 'zh' ? 'en' : 'zh'; saveLang(lang); draw(c); } }, lang === 'zh' ? 'EN' : '中文'),
    ),
    h('section', { class: 'panel tr-summary', 'data-testid': 'track-summary' },
      h('div', {}, `${tr(lang, 'orderNo')} `, h('b', { 'data-testid': 'track-id' }, c.id)),
      h('div', { class: 'tr-total' }, formatMoney(c.total)),
      h('div', { class: 'tr-estimate', 'data-testid': 'track-estimate' }, c.estimate.text[lang]),
      h('div', { class: 'tr-addr' }, `${c.address.name} · ${c.address.phone} · ${c.address.province}${c.address.city}${c.address.district} ${c.address.line}`),
      unpaid && payToken
        ? h('button', { class: 'btn btn-grab', type: 'button', 'data-testid': 'pay', onclick: async () => {
            try {
              draw(await cloud.pay(c.id, payToken, lang));
              toast(tr(lang, 'paid'), 'success');
            } catch (e) {
              toast(e instanceof ApiError ? e.message : String(e), 'error');
            }
          } }, tr(lang, 'payNow'))
        : null,
    ),
    ...c.orders.map((o) =>
      h('section', { class: 'panel tr-order', 'data-testid': 'track-order', 'data-status': o.status },
        o.designId ? h('img', { class: 'tr-thumb', src: `/api/cloudstore/designs/${o.designId}/preview-front.png`, alt: '', onerror: (e: Event) => ((e.target as HTMLImageElement).hidden = true) }) : null,
        h('div', {}, h('h2', {}, `${loc(o.name, lang)} × ${o.qty}`), h('div', { class: 'tr-status', 'data-testid': 'order-status' }, t(lang, 'status', o.status)), timeline(o)),
      ),
    ),
  );
}

async function load(): Promise<void> {
  try {
    draw(await cloud.track(id));
    document.body.dataset.ready = '1';
  } catch (e) {
    mount(app, h('div', { class: 'panel tr-missing', 'data-testid': 'track-missing' }, e instanceof ApiError && e.status === 404 ? tr(lang, 'notFound') : String(e)));
  }
}
saveLang(lang);
void load();
setInterval(() => void cloud.track(id).then(draw).catch(() => undefined), 10_000);
