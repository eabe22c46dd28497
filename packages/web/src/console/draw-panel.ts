import type { Draw } from '@snowstage/protocol';
import { clock, h, toast } from '../shared/dom.js';
import { parseDraw, type PrizeInput } from './forms.js';
import { statusLabel, tc } from './strings.js';
import { action, field, input, markInvalid, panel, type ConsoleCtx } from './ui.js';

/**
 * Lucky draws in this room: start one (title, prizes, how long it stays open, tickets per entry,
 * wins per fan) and close it, which draws the winners on stage.
 */
export class DrawPanel {
  readonly el: HTMLElement;
  private readonly current: HTMLElement;
  private readonly prizeRows: HTMLElement;
  private prizes: { row: HTMLElement; zh: HTMLInputElement; en: HTMLInputElement; qty: HTMLInputElement }[] = [];
  /** The draw this console started, until the room reports one. */
  private mine: Draw | null = null;

  constructor(private readonly ctx: ConsoleCtx) {
    const lang = ctx.lang;
    const titleZh = input({ maxLength: 60, 'data-testid': 'draw-title-zh' });
    const titleEn = input({ maxLength: 60, 'data-testid': 'draw-title-en' });
    const minutes = input({ type: 'number', min: 1, value: '10', 'data-testid': 'draw-minutes' });
    const tickets = input({ type: 'number', min: 1, max: 100, value: '1', 'data-testid': 'draw-tickets' });
    const maxWins = input({ type: 'number', min: 1, max: 100, value: '1', 'data-testid': 'draw-maxwins' });
    this.prizeRows = h('div', { class: 'prize-rows' });
    this.addPrize();
    const fields: Record<string, HTMLElement | undefined> = { title: titleZh, openMinutes: minutes, ticketsPerEntry: tickets, maxWinsPerFan: maxWins };
    const form = h(
      'form',
      {
        class: 'form-grid',
        novalidate: true,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const prizes: PrizeInput[] = this.prizes.map((p) => ({ zh: p.zh.value, en: p.en.value, quantity: p.qty.value }));
          const parsed = parseDraw({ titleZh: titleZh.value, titleEn: titleEn.value, prizes, openMinutes: minutes.value, ticketsPerEntry: tickets.value, maxWinsPerFan: maxWins.value }, ctx.roomId, ctx.now());
          if (!parsed.ok) {
            const m = /^prize(Qty)?(\d+)$/.exec(parsed.field);
            const row = m ? this.prizes[Number(m[2])] : undefined;
            return markInvalid(row ? (m![1] ? row.qty : row.zh) : fields[parsed.field] ?? this.prizes[0]?.zh);
          }
          const r = await ctx.http<{ draw: Draw }>('/api/draws', { method: 'POST', body: parsed.value });
          if (!r) return;
          this.mine = r.draw;
          toast(`${tc(lang, 'draw')} ✓`, 'success');
          this.render();
        },
      },
      field(tc(lang, 'titleZh'), titleZh),
      field(tc(lang, 'titleEn'), titleEn),
      h('div', { class: 'field wide' }, h('span', { class: 'field-label' }, tc(lang, 'prize')), this.prizeRows, h('button', { type: 'button', class: 'btn btn-small btn-ghost', onclick: () => this.addPrize() }, `+ ${tc(lang, 'addPrize')}`)),
      field(tc(lang, 'openFor'), minutes),
      field(tc(lang, 'ticketsPerEntry'), tickets),
      field(tc(lang, 'maxWins'), maxWins),
      h('button', { class: 'btn', type: 'submit', 'data-testid': 'draw-start' }, tc(lang, 'startDraw')),
    );
    this.current = h('div', { class: 'draw-now', 'data-testid': 'console-draw' });
    this.el = panel(tc(lang, 'draw'), 'panel-draw', this.current, h('details', { class: 'subpanel' }, h('summary', {}, tc(lang, 'startDraw')), form));
    this.render();
  }

  private addPrize(): void {
    const lang = this.ctx.lang;
    const zh = input({ maxLength: 40, placeholder: tc(lang, 'prizeZh'), 'aria-label': tc(lang, 'prizeZh') });
    const en = input({ maxLength: 40, placeholder: tc(lang, 'prizeEn'), 'aria-label': tc(lang, 'prizeEn') });
    const qty = input({ type: 'number', min: 1, value: '1', class: 'field-input qty', 'aria-label': tc(lang, 'quantity') });
    const entry = { row: h('div', { class: 'prize-row' }), zh, en, qty };
    entry.row.append(zh, en, qty, h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': tc(lang, 'remove'), onclick: () => this.removePrize(entry) }, '×'));
    this.prizes.push(entry);
    this.prizeRows.append(entry.row);
  }

  private removePrize(entry: (typeof this.prizes)[number]): void {
    if (this.prizes.length <= 1) return;
    this.prizes = this.prizes.filter((p) => p !== entry);
    entry.row.remove();
  }

  render(): void {
    const { lang } = this.ctx;
    const fromRoom = this.ctx.state()?.draw?.draw ?? null;
    const draw = fromRoom && (!this.mine || fromRoom.createdAt >= this.mine.createdAt) ? fromRoom : this.mine;
    if (!draw) {
      this.current.replaceChildren();
      return;
    }
    // The latest round that has been drawn (a drawn draw already commits its next round's seed).
    const winners = [...draw.rounds].reverse().find((r) => r.winners !== null)?.winners ?? null;
    const prizeName = (id: string) => {
      const p = draw.prizes.find((x) => x.id === id);
      return p ? p.name[lang] || p.name.zh : id;
    };
    const left = draw.closesAt - this.ctx.now();
    this.current.replaceChildren(
      h(
        'div',
        { class: `draw-card status-${draw.status}`, 'data-draw-id': draw.id },
        h('b', {}, draw.title[lang] || draw.title.zh),
        h('span', { class: 'status-badge', 'data-testid': 'draw-status' }, statusLabel(lang, draw.status)),
        h('small', {}, draw.prizes.map((p) => `${p.name[lang] || p.name.zh} ×${p.quantity}`).join(' · ')),
        draw.status === 'open' && left > 0 ? h('small', {}, `${tc(lang, 'endsIn')} ${clock(left)}`) : null,
        draw.status === 'open' ? action(tc(lang, 'closeDraw'), () => this.close(draw.id), { class: 'btn btn-small btn-danger', 'data-testid': 'draw-close' }) : null,
        winners
          ? h('div', { class: 'winners' }, h('small', {}, tc(lang, 'winners')), winners.length ? h('ol', {}, ...winners.map((w) => h('li', {}, `${prizeName(w.prizeId)} — ${w.fanId}`))) : h('p', { class: 'empty' }, tc(lang, 'noWinners')))
          : null,
      ),
    );
  }

  private async close(id: string): Promise<void> {
    const r = await this.ctx.http<{ draw: Draw }>(`/api/draws/${encodeURIComponent(id)}/close`, { method: 'POST', body: {} });
    if (!r) return;
    this.mine = r.draw;
    this.render();
  }
}
