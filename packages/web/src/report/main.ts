import type { Lang, Product, Show } from '@snowstage/protocol';
import { api, ApiError } from '../shared/api.js';
import { h, toast } from '../shared/dom.js';
import { initialLang, saveLang } from '../shared/i18n.js';
import { defaultBucketS, span, type Analytics } from '../console/analytics-data.js';
import { AnalyticsView } from '../console/analytics-view.js';
import { checkOperatorToken, forgetOperatorToken, operatorLogin, savedOperatorToken } from '../console/operator-login.js';
import { statusLabel, tc } from '../console/strings.js';
import '../shared/base.css';
import '../console/staff.css';
import './report.css';

/** The report of one show, `/report/:showId`: its numbers, charts, per-product table and exports. */
const showId = decodeURIComponent(/^\/report\/([^/?#]+)/.exec(location.pathname)?.[1] ?? '');
let lang: Lang = initialLang();
saveLang(lang);
const app = document.getElementById('app')!;

const BUCKETS = [10, 60, 300, 900] as const;

async function start(): Promise<void> {
  let token = savedOperatorToken();
  if (token && (await checkOperatorToken(token, lang))) {
    forgetOperatorToken();
    token = null;
  }
  token ??= await operatorLogin(app, lang, tc(lang, 'report'));
  const { products } = await api<{ products: Product[] }>('/api/products', { lang });
  const catalog = new Map(products.map((p) => [p.id, p]));
  const planned = await api<{ show: Show }>(`/api/shows/${encodeURIComponent(showId)}`, { lang }).catch(() => null);
  const started = planned?.show.startedAt;
  let bucket = started ? defaultBucketS((planned.show.endedAt ?? Date.now()) - started) : 60;
  let view: AnalyticsView | null = null;

  async function load(): Promise<void> {
    let report: { show: Show; analytics: Analytics };
    try {
      report = await api(`/api/shows/${encodeURIComponent(showId)}/report?bucket=${bucket}`, { token: token!, lang });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        forgetOperatorToken();
        location.reload();
        return;
      }
      app.replaceChildren(h('div', { class: 'login-wrap' }, h('div', { class: 'panel login-card' }, h('h1', {}, tc(lang, 'report')), h('p', { class: 'login-error', 'data-testid': 'report-error' }, (e as Error).message))));
      return;
    }
    render(report.show, report.analytics);
  }

  /** Fetches an export with the operator token and saves it as a file (a plain link cannot send the token). */
  async function download(format: 'csv' | 'json'): Promise<void> {
    const res = await fetch(`/api/shows/${encodeURIComponent(showId)}/report?bucket=${bucket}${format === 'csv' ? '&format=csv' : ''}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });
    if (!res.ok) return toast(`HTTP ${res.status}`, 'error');
    const blob = format === 'csv' ? await res.blob() : new Blob([JSON.stringify(await res.json(), null, 2)], { type: 'application/json' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `show-${showId}.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  function render(show: Show, analytics: Analytics): void {
    view?.dispose();
    view = new AnalyticsView(lang, () => catalog, 'report');
    const when = (ms: number | null) => (ms ? new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—');
    const bucketSelect = h(
      'select',
      { class: 'field-input compact', 'data-testid': 'report-bucket', 'aria-label': tc(lang, 'bucket'), onchange: (e: Event) => ((bucket = Number((e.target as HTMLSelectElement).value)), void load()) },
      ...BUCKETS.map((s) => h('option', { value: String(s), selected: s === bucket }, s < 60 ? `${s}s` : `${s / 60} min`)),
    );
    app.replaceChildren(
      h(
        'div',
        { class: 'report' },
        h(
          'header',
          { class: 'topbar' },
          h('span', { class: 'logo', 'aria-hidden': 'true' }, '❄'),
          h('h1', { class: 'room-title' }, tc(lang, 'report')),
          h('span', { class: 'spacer' }),
          h('a', { class: 'btn btn-ghost btn-small', href: '/console' }, tc(lang, 'backToConsole')),
          h('button', { class: 'btn btn-ghost btn-small', 'data-testid': 'lang-switch', onclick: () => ((lang = lang === 'zh' ? 'en' : 'zh'), saveLang(lang), render(show, analytics)) }, lang === 'zh' ? 'EN' : '中文'),
        ),
        h(
          'main',
          { class: 'report-main' },
          h(
            'section',
            { class: 'panel report-head' },
            h('div', { class: 'report-title' }, h('h2', { 'data-testid': 'report-title' }, show.title), h('span', { class: `status-badge status-${show.status}` }, statusLabel(lang, show.status))),
            h(
              'dl',
              { class: 'report-facts' },
              h('dt', {}, tc(lang, 'started')),
              h('dd', {}, when(show.startedAt)),
              h('dt', {}, tc(lang, 'ended')),
              h('dd', {}, when(show.endedAt)),
              h('dt', {}, tc(lang, 'length')),
              h('dd', { 'data-testid': 'report-length' }, span(analytics.to - analytics.from)),
            ),
            h(
              'div',
              { class: 'row-actions' },
              h('label', { class: 'field-label' }, `${tc(lang, 'bucket')} `, bucketSelect),
              h('button', { class: 'btn btn-small', 'data-testid': 'download-csv', onclick: () => void download('csv') }, `⬇ CSV`),
              h('button', { class: 'btn btn-small btn-ghost', 'data-testid': 'download-json', onclick: () => void download('json') }, `⬇ JSON`),
              show.status !== 'scheduled' ? h('a', { class: 'btn btn-small btn-ghost', href: `/replay/${show.id}` }, `▶ ${tc(lang, 'replayLink')}`) : null,
            ),
          ),
          h('section', { class: 'panel' }, view.el),
        ),
      ),
    );
    view.update(analytics);
    document.title = `${show.title} · ${tc(lang, 'report')} · Snowstage`;
  }

  await load();
}

void start();
