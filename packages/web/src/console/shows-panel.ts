import type { Show } from '@snowstage/protocol';
import { h, toast } from '../shared/dom.js';
import { toggleLineup } from './forms.js';
import { statusLabel, tc } from './strings.js';
import { action, field, input, markInvalid, panel, type ConsoleCtx } from './ui.js';

/** "2025-01-30T19:30" in local time for a datetime-local input. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * Opens a staff page in a new tab that starts with a copy of this tab's sessionStorage (so the
 * operator stays signed in); a plain target=_blank link opens without it.
 */
function openWithSession(e: MouseEvent): void {
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  window.open((e.currentTarget as HTMLAnchorElement).href, '_blank');
}

/**
 * Show control: schedule a show (title, start, line-up in the order ticked), list the room's shows,
 * put one on air or end it, and open its report and replay.
 */
export class ShowsPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private lineup: string[] = [];
  private shows: Show[] = [];
  private loaded = false;
  private readonly scheduleBox: HTMLDetailsElement;

  constructor(private readonly ctx: ConsoleCtx) {
    const lang = ctx.lang;
    const title = input({ maxLength: 80, placeholder: tc(lang, 'title'), 'data-testid': 'show-title' });
    const start = input({ type: 'datetime-local', value: localInputValue(Date.now() + 10 * 60_000), 'data-testid': 'show-start' });
    const picks = h('div', { class: 'lineup-picks' });
    const drawPicks = () =>
      picks.replaceChildren(
        ...[...ctx.products().values()].map((p) => {
          const at = this.lineup.indexOf(p.id);
          return h(
            'button',
            {
              type: 'button',
              class: `chip${at >= 0 ? ' chip-on' : ''}`,
              'aria-pressed': String(at >= 0),
              'data-testid': `lineup-${p.id}`,
              onclick: () => {
                this.lineup = toggleLineup(this.lineup, p.id);
                drawPicks();
              },
            },
            at >= 0 ? h('b', { class: 'chip-n' }, String(at + 1)) : null,
            p.name[lang] || p.name.zh,
          );
        }),
      );
    drawPicks();
    const form = h(
      'form',
      {
        class: 'form-grid',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (!title.value.trim()) return markInvalid(title);
          const scheduledAt = new Date(start.value).getTime();
          if (!Number.isFinite(scheduledAt)) return markInvalid(start);
          const r = await ctx.http<{ show: Show }>('/api/shows', { method: 'POST', body: { roomId: ctx.roomId, title: title.value.trim(), scheduledAt, lineup: this.lineup } });
          if (!r) return;
          toast(`${tc(lang, 'scheduleIt')} ✓ ${r.show.title}`, 'success');
          title.value = '';
          this.lineup = [];
          drawPicks();
          await this.refresh();
        },
      },
      field(tc(lang, 'title'), title, 'wide'),
      field(tc(lang, 'startTime'), start),
      h('div', { class: 'field wide' }, h('span', { class: 'field-label' }, tc(lang, 'lineup')), picks),
      h('button', { class: 'btn', type: 'submit', 'data-testid': 'show-schedule' }, tc(lang, 'scheduleIt')),
    );
    this.list = h('ol', { class: 'show-list', 'data-testid': 'show-list' });
    this.scheduleBox = h('details', { class: 'subpanel', 'data-testid': 'schedule-form' }, h('summary', {}, tc(lang, 'schedule')), form);
    this.el = panel(tc(lang, 'shows'), 'panel-shows', this.list, this.scheduleBox);
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const r = await this.ctx.http<{ shows: Show[] }>(`/api/shows?room=${encodeURIComponent(this.ctx.roomId)}`);
    if (!r) return;
    // Live first, then upcoming, then the most recent ended.
    const rank = { live: 0, scheduled: 1, ended: 2 } as const;
    this.loaded = true;
    this.shows = [...r.shows].sort((a, b) => rank[a.status] - rank[b.status] || (a.status === 'ended' ? (b.endedAt ?? 0) - (a.endedAt ?? 0) : a.scheduledAt - b.scheduledAt));
    this.render();
  }

  render(): void {
    const { lang } = this.ctx;
    if (!this.loaded) return;
    if (this.shows.length === 0) {
      this.scheduleBox.open = true;
      this.list.replaceChildren(h('li', { class: 'empty' }, tc(lang, 'noShows')));
      return;
    }
    const name = (id: string) => {
      const p = this.ctx.products().get(id);
      return p ? p.name[lang] || p.name.zh : id;
    };
    this.list.replaceChildren(
      ...this.shows.slice(0, 12).map((s) =>
        h(
          'li',
          { class: `show-row status-${s.status}`, 'data-show-id': s.id },
          h(
            'div',
            { class: 'show-main' },
            h('span', { class: `status-badge status-${s.status}` }, statusLabel(lang, s.status)),
            h('b', { class: 'show-title' }, s.title),
            h('small', {}, new Date(s.startedAt ?? s.scheduledAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })),
            s.lineup.length ? h('small', { class: 'show-lineup' }, s.lineup.map(name).join(' · ')) : null,
          ),
          h(
            'div',
            { class: 'row-actions' },
            s.status === 'scheduled' ? action(tc(lang, 'goLive'), () => this.transition(s, 'live'), { class: 'btn btn-small btn-danger', 'data-testid': 'show-live' }) : null,
            s.status === 'live' ? action(tc(lang, 'end'), () => this.transition(s, 'end'), { class: 'btn btn-small btn-ghost', 'data-testid': 'show-end' }) : null,
            s.status !== 'scheduled' ? h('a', { class: 'btn btn-small btn-ghost', href: `/report/${s.id}`, target: '_blank', 'data-testid': 'show-report', onclick: openWithSession }, tc(lang, 'reportLink')) : null,
            s.status !== 'scheduled' ? h('a', { class: 'btn btn-small btn-ghost', href: `/replay/${s.id}`, target: '_blank', 'data-testid': 'show-replay' }, tc(lang, 'replayLink')) : null,
          ),
        ),
      ),
    );
  }

  private async transition(s: Show, to: 'live' | 'end'): Promise<void> {
    if (to === 'end' && !confirm(tc(this.ctx.lang, 'endConfirm'))) return;
    const r = await this.ctx.http<{ show: Show }>(`/api/shows/${s.id}/${to}`, { method: 'POST', body: {} });
    if (r) toast(`${statusLabel(this.ctx.lang, r.show.status)} · ${r.show.title}`, 'success');
    await this.refresh();
  }
}
