import type { Draw, Lang, Passport, PublicBooth, Quest } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { h, toast } from '../../shared/dom.js';
import { ApiError } from '../../shared/api.js';
import { st } from '../strings.js';
import type { ShowcaseApi } from '../api-client.js';
import { categoryName } from './focus-card.js';
import { icon } from './icons.js';

export interface PassportDeps {
  api: ShowcaseApi;
  booths: PublicBooth[];
  quests: Quest[];
  /** Server time now (ms). */
  now: () => number;
  /** The passport changed (a check-in, an entry, a claim). */
  onPassport: (p: Passport) => void;
  onGranted: (granted: { questId: string; tickets: number }[]) => void;
}

/** The calendar day in Asia/Shanghai (the check-in quest's day). */
export function shanghaiDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The fan's passport: tickets and the daily check-in, stamps by category, quests, the open lucky
 * draws with "enter with N tickets", entries, prizes won with a claim form. A drawer over the hall.
 */
export class PassportPanel {
  readonly el = h('div', { class: 'drawer', hidden: true, 'data-testid': 'passport' });
  private passport: Passport | null = null;
  private draws: Draw[] = [];
  private claiming: string | null = null;

  constructor(
    private lang: Lang,
    private readonly deps: PassportDeps,
  ) {
    this.el.addEventListener('click', (e) => {
      if (e.target === this.el) this.close();
    });
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.isOpen) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    if (this.isOpen) this.render();
  }

  setPassport(p: Passport): void {
    this.passport = p;
    if (this.isOpen) this.render();
  }

  async open(): Promise<void> {
    this.el.hidden = false;
    this.render();
    try {
      const [p, draws] = await Promise.all([this.deps.api.passport(), this.deps.api.draws()]);
      this.passport = p;
      this.draws = draws;
      this.deps.onPassport(p);
    } catch (e) {
      toast(e instanceof ApiError ? e.message : st(this.lang, 'offline'), 'error');
    }
    this.render();
  }

  close(): void {
    this.el.hidden = true;
    this.claiming = null;
  }

  private checkinQuest(): Quest | undefined {
    return this.deps.quests.find((q) => q.rule.kind === 'checkin');
  }

  private checkedInToday(): boolean {
    const q = this.checkinQuest();
    const today = shanghaiDay(this.deps.now());
    return !!q && !!this.passport?.quests.some((d) => d.questId === q.id && shanghaiDay(d.completedAt) === today);
  }

  private render(): void {
    const lang = this.lang;
    const p = this.passport;
    const head = h(
      'div',
      { class: 'drawer-head' },
      h('h2', {}, icon('ticket'), ` ${st(lang, 'passport')}`),
      h('button', { class: 'btn btn-ghost btn-small', 'data-testid': 'passport-close', onclick: () => this.close() }, st(lang, 'close')),
    );
    const checked = this.checkedInToday();
    const tickets = h(
      'section',
      { class: 'pp-tickets' },
      h('div', {}, h('div', { class: 'pp-label' }, st(lang, 'ticketsTitle')), h('div', { class: 'pp-count', 'data-testid': 'ticket-count' }, p ? String(p.tickets) : '…')),
      h('button', { class: 'btn btn-checkin', 'data-testid': 'checkin', disabled: !p || checked, onclick: () => void this.checkin() }, checked ? `✓ ${st(lang, 'checkedIn')}` : icon('calendar'), checked ? '' : ` ${st(lang, 'checkin')}`),
    );
    this.el.replaceChildren(
      h('div', { class: 'drawer-sheet passport-sheet' }, head, tickets, this.renderDraws(), this.renderStamps(), this.renderQuests(), this.renderEntries(), this.renderPrizes()),
    );
  }

  private renderStamps(): HTMLElement {
    const lang = this.lang;
    const stamps = new Set(this.passport?.stamps ?? []);
    const cats = [...new Set(this.deps.booths.map((b) => b.category))];
    return h(
      'section',
      { class: 'pp-section' },
      h('h3', {}, st(lang, 'stamps')),
      ...cats.map((c) =>
        h(
          'div',
          { class: 'pp-stamp-row' },
          h('div', { class: 'pp-cat' }, categoryName(c, lang)),
          h(
            'div',
            { class: 'pp-stamps' },
            ...this.deps.booths
              .filter((b) => b.category === c)
              .map((b) => {
                const el = h('div', { class: `stamp ${stamps.has(b.id) ? 'on' : ''}`, title: pick(b.partner, lang), 'data-testid': `stamp-${b.id}` }, b.logoText.slice(0, 2), h('small', {}, pick(b.partner, lang)));
                el.style.setProperty('--accent', b.color);
                return el;
              }),
          ),
        ),
      ),
    );
  }

  private renderQuests(): HTMLElement {
    const lang = this.lang;
    const done = new Map((this.passport?.quests ?? []).map((q) => [q.questId, q]));
    const today = shanghaiDay(this.deps.now());
    const isDone = (q: Quest) => {
      const d = done.get(q.id);
      if (!d) return false;
      return q.rule.kind === 'checkin' ? this.passport!.quests.some((x) => x.questId === q.id && shanghaiDay(x.completedAt) === today) : true;
    };
    return h(
      'section',
      { class: 'pp-section' },
      h('h3', {}, st(lang, 'quests')),
      h(
        'ul',
        { class: 'pp-quests' },
        ...this.deps.quests.map((q) =>
          h(
            'li',
            { class: `quest ${isDone(q) ? 'done' : ''}`, 'data-testid': `quest-${q.id}` },
            h('span', { class: 'quest-check' }, isDone(q) ? '✓' : ''),
            h('span', { class: 'quest-body' }, h('b', {}, pick(q.title, lang)), h('small', {}, pick(q.description, lang))),
            h('span', { class: 'quest-reward' }, `+${q.tickets} `, icon('ticket')),
          ),
        ),
      ),
    );
  }

  private renderDraws(): HTMLElement {
    const lang = this.lang;
    const now = this.deps.now();
    const shown = this.draws.filter((d) => d.status !== 'open' || d.closesAt > now).slice(0, 8);
    return h(
      'section',
      { class: 'pp-section pp-draws', 'data-testid': 'draws' },
      h('h3', {}, icon('gift'), ` ${st(lang, 'draws')}`),
      shown.length === 0 ? h('p', { class: 'muted' }, st(lang, 'noDraws')) : null,
      ...shown.map((d) => this.renderDraw(d, now)),
    );
  }

  private renderDraw(d: Draw, now: number): HTMLElement {
    const lang = this.lang;
    const prizes = h('ul', { class: 'draw-prizes' }, ...d.prizes.map((p) => h('li', {}, `${pick(p.name, lang)} × ${p.quantity}`)));
    const mine = this.passport?.entries.filter((e) => e.drawId === d.id).reduce((n, e) => n + e.entries, 0) ?? 0;
    const body: (HTMLElement | null)[] = [];
    if (d.status === 'open' && now >= d.opensAt && now < d.closesAt) {
      const most = Math.floor((this.passport?.tickets ?? 0) / d.ticketsPerEntry);
      let n = Math.min(1, most) || 1;
      const count = h('span', { class: 'stepper-n' }, String(n));
      const enter = h('button', { class: 'btn btn-enter', 'data-testid': `enter-${d.id}`, onclick: () => void this.enter(d, n, enter) }, '');
      const update = () => {
        count.textContent = String(n);
        enter.textContent = st(lang, 'enterWith', { n: n * d.ticketsPerEntry });
        enter.disabled = n > most;
        enter.title = n > most ? st(lang, 'notEnough') : '';
      };
      const step = (k: number) => {
        n = Math.max(1, Math.min(Math.max(1, most), n + k));
        update();
      };
      update();
      body.push(
        h('div', { class: 'draw-meta' }, `${d.ticketsPerEntry} ${st(lang, 'perEntry')} · ${st(lang, 'closesIn')} ${new Date(d.closesAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}`),
        h(
          'div',
          { class: 'draw-enter' },
          h('div', { class: 'stepper' }, h('button', { class: 'btn btn-ghost btn-small', onclick: () => step(-1), 'aria-label': '−' }, '−'), count, h('button', { class: 'btn btn-ghost btn-small', onclick: () => step(1), 'aria-label': '+' }, '+')),
          enter,
        ),
      );
    } else if (d.status === 'drawn') {
      body.push(h('div', { class: 'draw-meta' }, `✓ ${st(lang, 'drawn')} · `, h('a', { href: `/verify?draw=${encodeURIComponent(d.id)}`, target: '_blank', rel: 'noopener' }, st(lang, 'verify'))));
    } else {
      body.push(h('div', { class: 'draw-meta' }, st(lang, 'closed')));
    }
    if (mine > 0) body.push(h('div', { class: 'draw-mine', 'data-testid': `entered-${d.id}` }, st(lang, 'entered', { n: mine })));
    return h('div', { class: 'draw', 'data-testid': `draw-${d.id}` }, h('b', { class: 'draw-title' }, pick(d.title, lang)), prizes, ...body);
  }

  private renderEntries(): HTMLElement {
    const lang = this.lang;
    const entries = this.passport?.entries ?? [];
    return h(
      'section',
      { class: 'pp-section' },
      h('h3', {}, st(lang, 'entries')),
      entries.length === 0
        ? h('p', { class: 'muted' }, st(lang, 'noEntries'))
        : h('ul', { class: 'pp-list' }, ...entries.map((e) => h('li', {}, `${this.drawTitle(e.drawId)} × ${e.entries}`))),
    );
  }

  private drawTitle(id: string): string {
    const d = this.draws.find((x) => x.id === id);
    return d ? pick(d.title, this.lang) : id;
  }

  private renderPrizes(): HTMLElement {
    const lang = this.lang;
    const prizes = this.passport?.prizes ?? [];
    return h(
      'section',
      { class: 'pp-section', 'data-testid': 'prizes' },
      h('h3', {}, icon('trophy'), ` ${st(lang, 'prizes')}`),
      prizes.length === 0 ? h('p', { class: 'muted' }, st(lang, 'noPrizes')) : null,
      ...prizes.map((p) => {
        const key = `${p.drawId}/${p.prizeId}`;
        return h(
          'div',
          { class: 'prize' },
          h('div', { class: 'prize-head' }, h('b', {}, pick(p.name, lang)), h('small', { class: 'muted' }, this.drawTitle(p.drawId))),
          p.claimed
            ? h('span', { class: 'chip chip-stamp' }, `✓ ${st(lang, 'claimed')}`)
            : this.claiming === key
              ? this.claimForm(p.drawId, p.prizeId)
              : h('button', { class: 'btn btn-small', 'data-testid': `claim-${p.prizeId}`, onclick: () => ((this.claiming = key), this.render()) }, st(lang, 'claim')),
        );
      }),
    );
  }

  private claimForm(drawId: string, prizeId: string): HTMLElement {
    const lang = this.lang;
    const field = (name: string, label: string, attrs: Record<string, unknown> = {}) =>
      h('label', { class: 'field' }, h('span', {}, label), h('input', { name, required: true, ...attrs }));
    const form = h(
      'form',
      { class: 'claim-form', 'data-testid': 'claim-form' },
      h('div', { class: 'pp-label' }, st(lang, 'claimTitle')),
      field('name', st(lang, 'name'), { maxlength: 40, autocomplete: 'name' }),
      field('phone', st(lang, 'phone'), { type: 'tel', pattern: '[0-9+\\- ]{6,20}', autocomplete: 'tel' }),
      field('city', st(lang, 'city'), { maxlength: 40, autocomplete: 'address-level2' }),
      field('address', st(lang, 'address'), { minlength: 5, maxlength: 200, autocomplete: 'street-address' }),
      h('button', { class: 'btn', type: 'submit' }, st(lang, 'submit')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const v = (k: string) => String(data.get(k) ?? '').trim();
      const button = form.querySelector('button')!;
      button.disabled = true;
      this.deps.api
        .claim(drawId, { prizeId, name: v('name'), phone: v('phone'), address: v('address'), city: v('city') })
        .then(async () => {
          toast(st(lang, 'claimDone'), 'success');
          this.claiming = null;
          const p = await this.deps.api.passport();
          this.passport = p;
          this.deps.onPassport(p);
          this.render();
        })
        .catch((err) => {
          button.disabled = false;
          toast(err instanceof ApiError ? err.message : st(lang, 'offline'), 'error');
        });
    });
    return form;
  }

  private async checkin(): Promise<void> {
    try {
      const r = await this.deps.api.checkin();
      this.passport = r.passport;
      this.deps.onPassport(r.passport);
      if (r.granted.length) this.deps.onGranted(r.granted);
      else toast(st(this.lang, 'checkedIn'));
    } catch (e) {
      toast(e instanceof ApiError ? e.message : st(this.lang, 'offline'), 'error');
    }
    this.render();
  }

  private async enter(d: Draw, entries: number, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const p = await this.deps.api.enter(d.id, entries);
      this.passport = p;
      this.deps.onPassport(p);
      toast(st(this.lang, 'entered', { n: p.entries.filter((e) => e.drawId === d.id).reduce((n, e) => n + e.entries, 0) }), 'success');
    } catch (e) {
      toast(e instanceof ApiError ? e.message : st(this.lang, 'offline'), 'error');
    }
    this.render();
  }
}
