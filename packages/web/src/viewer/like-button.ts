import type { Lang } from '@snowstage/protocol';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

/**
 * The like button: every tap floats a heart at once; taps are gathered and sent as one `like`
 * message per 300 ms (the server aggregates again and broadcasts the total at a bounded rate).
 */
export class LikeButton {
  readonly el: HTMLElement;
  private readonly count: HTMLElement;
  private readonly button: HTMLButtonElement;
  private pending = 0;
  private timer = 0;
  private total = 0;
  private mine = 0;

  constructor(
    private lang: Lang,
    private readonly send: (count: number) => void,
  ) {
    this.count = h('span', { class: 'like-count', 'data-testid': 'like-count' }, '0');
    this.button = h('button', { class: 'like-button', 'aria-label': t(lang, 'like'), 'data-testid': 'like', onclick: () => this.tap() }, '❤');
    this.el = h('div', { class: 'like-zone' }, this.button, this.count);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.button.setAttribute('aria-label', t(lang, 'like'));
  }

  /** The room's total; the viewer's own unsent taps are shown on top of it. */
  setTotal(total: number): void {
    if (total >= this.total) {
      this.total = total;
      this.mine = 0;
    }
    this.count.textContent = compact(this.total + this.mine + this.pending);
  }

  private tap(): void {
    this.pending++;
    this.float();
    this.count.textContent = compact(this.total + this.mine + this.pending);
    if (!this.timer) this.timer = window.setTimeout(() => this.flush(), 300);
  }

  private flush(): void {
    this.timer = 0;
    while (this.pending > 0) {
      const n = Math.min(50, this.pending);
      this.send(n);
      this.pending -= n;
      this.mine += n;
    }
  }

  private float(): void {
    const hues = ['#ff4d6d', '#ffb703', '#4fc3f7', '#ff8fab', '#d7263d'];
    const heart = h('span', { class: 'float-heart', style: { color: hues[Math.floor(Math.random() * hues.length)]!, left: `${30 + Math.random() * 40}%` } }, '❤');
    heart.addEventListener('animationend', () => heart.remove());
    this.el.append(heart);
  }
}

function compact(n: number): string {
  if (n >= 100_000_000) return (n / 100_000_000).toFixed(1) + '亿';
  if (n >= 10_000) return (n / 10_000).toFixed(1) + 'w';
  return String(n);
}
