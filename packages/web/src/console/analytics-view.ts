import type { Lang, Product } from '@snowstage/protocol';
import { h } from '../shared/dom.js';
import { chartColumns, percent, productRows, timeSpan, yuan, type Analytics } from './analytics-data.js';
import { TimeChart } from './time-chart.js';
import { perBucket, tc, type ConsoleKey } from './strings.js';

interface Tile {
  key: ConsoleKey;
  id: string;
  value(a: Analytics): string;
}

const LIVE_TILES: Tile[] = [
  { key: 'viewersNow', id: 'viewersNow', value: (a) => String(a.viewersNow) },
  { key: 'peak', id: 'peakViewers', value: (a) => String(a.peakViewers) },
  { key: 'unique', id: 'uniqueViewers', value: (a) => String(a.uniqueViewers) },
  { key: 'commentsPerMin', id: 'commentsPerMinute', value: (a) => String(a.commentsPerMinute) },
  { key: 'likes', id: 'likes', value: (a) => String(a.likes) },
  { key: 'cardClicks', id: 'cardClicks', value: (a) => String(a.cardClicks) },
  { key: 'buyAttempts', id: 'buyAttempts', value: (a) => String(a.buyAttempts) },
  { key: 'orders', id: 'orders', value: (a) => String(a.orders) },
  { key: 'gmv', id: 'gmv', value: (a) => yuan(a.gmv) },
  { key: 'conversion', id: 'conversion', value: (a) => percent(a.conversion) },
];

/** The report adds the totals that only make sense after the show, and the replay's own numbers. */
const REPORT_TILES: Tile[] = [
  ...LIVE_TILES.filter((t) => t.id !== 'viewersNow'),
  { key: 'comments', id: 'comments', value: (a) => String(a.comments) },
  { key: 'cartAdds', id: 'cartAdds', value: (a) => String(a.cartAdds) },
  { key: 'units', id: 'units', value: (a) => String(a.units) },
  { key: 'buyers', id: 'buyers', value: (a) => String(a.buyers) },
  { key: 'replayViews', id: 'replayViews', value: (a) => String(a.replayViews) },
  { key: 'replayOrders', id: 'replayOrders', value: (a) => String(a.replayOrders) },
  { key: 'replayGmv', id: 'replayGmv', value: (a) => yuan(a.replayGmv) },
];

const COLORS = { ice: '#4fc3f7', gold: '#f2c14e', red: '#ff4d6d', green: '#2ec27e', snow: '#c9d6f0' };

/**
 * Analytics as tiles, three time charts and a per-product table. The console feeds it every poll;
 * the report page feeds it once. Use `kind: 'report'` for the after-show totals and replay numbers.
 */
export class AnalyticsView {
  readonly el: HTMLElement;
  private readonly tilesEl: HTMLElement;
  private readonly tableEl: HTMLElement;
  private readonly tiles: Tile[];
  private readonly charts: { viewers: TimeChart; engagement: TimeChart; sales: TimeChart };
  private last: Analytics | null = null;
  private bucketMs = 60_000;

  constructor(
    private lang: Lang,
    private readonly products: () => ReadonlyMap<string, Product>,
    kind: 'live' | 'report' = 'live',
  ) {
    this.tiles = kind === 'live' ? LIVE_TILES : REPORT_TILES;
    this.tilesEl = h('div', { class: 'tiles' });
    this.tableEl = h('div', { class: 'table-wrap' });
    this.charts = {
      viewers: new TimeChart(tc(lang, 'chartViewers'), [{ label: tc(lang, 'viewersNow'), color: COLORS.ice }, { label: tc(lang, 'peak'), color: COLORS.snow }], 180, 'chart-viewers'),
      engagement: new TimeChart(`${tc(lang, 'chartEngagement')} · ${perBucket(lang, 60_000)}`, [{ label: tc(lang, 'comments'), color: COLORS.gold, bars: true }, { label: tc(lang, 'likes'), color: COLORS.red }], 180, 'chart-engagement'),
      sales: new TimeChart(`${tc(lang, 'chartSales')} · ${perBucket(lang, 60_000)}`, [{ label: tc(lang, 'orders'), color: COLORS.green, bars: true }, { label: `${tc(lang, 'gmv')} ¥`, color: COLORS.gold, right: true }], 180, 'chart-sales'),
    };
    this.el = h(
      'div',
      { class: 'analytics', 'data-testid': 'analytics' },
      this.tilesEl,
      h('div', { class: 'charts' }, this.charts.viewers.el, this.charts.engagement.el, this.charts.sales.el),
      this.tableEl,
    );
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.relabel();
    if (this.last) this.update(this.last);
  }

  /** Chart titles name the bucket the counts are per (a minute live; 10 s to 15 min in reports). */
  private relabel(): void {
    const lang = this.lang;
    const per = perBucket(lang, this.bucketMs);
    this.charts.viewers.relabel(tc(lang, 'chartViewers'), [tc(lang, 'viewersNow'), tc(lang, 'peak')]);
    this.charts.engagement.relabel(`${tc(lang, 'chartEngagement')} · ${per}`, [tc(lang, 'comments'), tc(lang, 'likes')]);
    this.charts.sales.relabel(`${tc(lang, 'chartSales')} · ${per}`, [tc(lang, 'orders'), `${tc(lang, 'gmv')} ¥`]);
  }

  update(a: Analytics): void {
    const lang = this.lang;
    const bucket = a.series.length > 1 ? a.series[1]!.t - a.series[0]!.t : 60_000;
    if (bucket !== this.bucketMs) {
      this.bucketMs = bucket;
      this.relabel();
    }
    this.last = a;
    this.tilesEl.replaceChildren(
      ...this.tiles.map((t) => h('div', { class: `tile tile-${t.id}` }, h('span', { class: 'tile-label' }, tc(lang, t.key)), h('b', { class: 'tile-value', 'data-testid': `tile-${t.id}` }, t.value(a)))),
    );
    const c = chartColumns(a.series);
    const span = timeSpan(a);
    this.charts.viewers.setData(c.x, [c.viewers, c.peakViewers], span);
    this.charts.engagement.setData(c.x, [c.comments, c.likes], span);
    this.charts.sales.setData(c.x, [c.orders, c.gmvYuan], span);
    this.renderTable(a);
  }

  private renderTable(a: Analytics): void {
    const lang = this.lang;
    const rows = productRows(a.perProduct, this.products(), lang);
    if (rows.length === 0) {
      this.tableEl.replaceChildren(h('p', { class: 'empty' }, tc(lang, 'noProducts')));
      return;
    }
    const heads: ConsoleKey[] = ['product', 'cardClicks', 'cartAdds', 'buyAttempts', 'orders', 'units', 'gmv'];
    this.tableEl.replaceChildren(
      h(
        'table',
        { class: 'data-table', 'data-testid': 'product-table' },
        h('caption', {}, tc(lang, 'perProduct')),
        h('thead', {}, h('tr', {}, ...heads.map((k, i) => h('th', { class: i ? 'num' : '' }, tc(lang, k))))),
        h(
          'tbody',
          {},
          ...rows.map((r) =>
            h(
              'tr',
              { 'data-product': r.productId },
              h('td', {}, r.name),
              ...[r.clicks, r.cartAdds, r.attempts, r.orders, r.units].map((n) => h('td', { class: 'num' }, String(n))),
              h('td', { class: 'num' }, yuan(r.gmv)),
            ),
          ),
        ),
      ),
    );
  }

  dispose(): void {
    for (const c of Object.values(this.charts)) c.dispose();
  }
}
