import type { Draw, Lang } from '@snowstage/protocol';
import { clock, h } from '../shared/dom.js';
import { loc } from '../shared/i18n.js';

const S = {
  draw: { zh: '🎁 幸运抽奖', en: '🎁 Lucky draw' },
  closesIn: { zh: '开奖倒计时', en: 'Draws in' },
  enter: { zh: '用抽奖券参与', en: 'Enter with tickets' },
  winners: { zh: '中奖名单', en: 'Winners' },
  youWon: { zh: '🎉 你中奖了！去护照里领奖', en: '🎉 You won! Claim it in your passport' },
  verify: { zh: '验证公平性', en: 'Verify fairness' },
} as const;

/**
 * The lucky draw running in this room: its prizes and countdown while open, then the reveal —
 * winners one by one, a clear "you won" for the viewer who did, and a link to verify the draw.
 */
export class DrawBanner {
  readonly el: HTMLElement;
  private draw: Draw | null = null;
  private timer = 0;

  constructor(
    private lang: Lang,
    private readonly now: () => number,
    private readonly me: () => string | null,
  ) {
    this.el = h('div', { class: 'draw-banner', hidden: true, 'data-testid': 'draw-banner' });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.render();
  }

  show(draw: Draw): void {
    this.draw = draw;
    clearInterval(this.timer);
    this.render();
    if (draw.status === 'open') this.timer = window.setInterval(() => this.render(), 500);
    else window.setTimeout(() => this.draw?.id === draw.id && ((this.el.hidden = true), (this.draw = null)), 60_000);
  }

  private render(): void {
    const d = this.draw;
    if (!d) return;
    const lang = this.lang;
    this.el.hidden = false;
    const prizes = d.prizes.map((p) => `${loc(p.name, lang)} ×${p.quantity}`).join(' · ');
    if (d.status === 'open') {
      this.el.replaceChildren(
        h('b', {}, `${S.draw[lang]} · ${loc(d.title, lang)}`),
        h('div', { class: 'draw-prizes' }, prizes),
        h('div', { class: 'draw-clock' }, `${S.closesIn[lang]} ${clock(d.closesAt - this.now())}`),
        h('a', { class: 'btn btn-small', href: '/showcase' }, S.enter[lang]),
      );
      return;
    }
    clearInterval(this.timer);
    const winners = d.rounds.flatMap((r) => r.winners ?? []);
    const mine = this.me() !== null && winners.some((w) => w.fanId === this.me());
    this.el.replaceChildren(
      h('b', {}, `${S.winners[lang]} · ${loc(d.title, lang)}`),
      mine ? h('div', { class: 'draw-you', 'data-testid': 'draw-you-won' }, S.youWon[lang]) : '',
      h('ol', { class: 'draw-winners' }, ...winners.slice(0, 12).map((w, i) => h('li', { style: { animationDelay: `${i * 0.25}s` } }, `${w.fanId.slice(0, 8)}… · ${loc(d.prizes.find((p) => p.id === w.prizeId)?.name ?? { zh: w.prizeId, en: w.prizeId }, lang)}`))),
      h('a', { class: 'draw-verify', href: `/verify?draw=${encodeURIComponent(d.id)}` }, S.verify[lang]),
    );
  }
}
