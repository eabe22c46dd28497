import type { Lang } from '@snowstage/protocol';
import { h } from '../shared/dom.js';
import { span } from '../console/analytics-data.js';
import type { TimelineMarker } from './replay-clock.js';
import { tr } from './strings.js';

export interface ScrubberHandlers {
  onPlayPause(): void;
  /** The viewer is dragging: the replay holds at `t` until the drag ends. */
  onScrub(t: number): void;
  /** A jump: the end of a drag, or a click on a product marker. */
  onSeek(t: number): void;
}

/**
 * The replay's transport: play/pause, the time, a scrubber, the product markers on its track and a
 * product timeline below it (click one to jump to the moment that product was pinned).
 */
export class Scrubber {
  readonly el: HTMLElement;
  private readonly range: HTMLInputElement;
  private readonly time: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly ticks: HTMLElement;
  private readonly chips: HTMLElement;
  private readonly chipsTitle: HTMLElement;
  private dragging = false;

  constructor(
    private lang: Lang,
    private readonly duration: number,
    private readonly markers: readonly TimelineMarker[],
    private readonly handlers: ScrubberHandlers,
  ) {
    this.playButton = h('button', { class: 'btn play-button', type: 'button', 'data-testid': 'replay-play', onclick: () => handlers.onPlayPause() });
    this.range = h('input', {
      type: 'range',
      class: 'scrub-range',
      min: 0,
      max: Math.max(1, duration),
      step: 100,
      value: '0',
      'data-testid': 'replay-scrubber',
      oninput: () => {
        this.dragging = true;
        handlers.onScrub(Number(this.range.value));
      },
      onchange: () => {
        this.dragging = false;
        handlers.onSeek(Number(this.range.value));
      },
    });
    this.time = h('span', { class: 'scrub-time', 'data-testid': 'replay-time' });
    this.ticks = h('div', { class: 'scrub-ticks', 'aria-hidden': 'true' });
    this.chips = h('ol', { class: 'marker-chips', 'data-testid': 'replay-markers' });
    this.chipsTitle = h('h2', { class: 'panel-title' });
    this.el = h(
      'section',
      { class: 'scrubber panel' },
      h('div', { class: 'scrub-row' }, this.playButton, h('div', { class: 'scrub-track' }, this.ticks, this.range), this.time),
      this.chipsTitle,
      this.chips,
    );
    this.drawMarkers();
    this.setPlaying(false);
    this.setPosition(0);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.drawMarkers();
  }

  private name(m: TimelineMarker): string {
    return m.product ? m.product.name[this.lang] || m.product.name.zh : m.productId;
  }

  private drawMarkers(): void {
    const pct = (t: number) => `${(this.duration > 0 ? t / this.duration : 0) * 100}%`;
    this.ticks.replaceChildren(...this.markers.map((m) => h('span', { class: 'scrub-tick', style: { left: pct(m.t) }, title: this.name(m) })));
    this.chipsTitle.textContent = tr(this.lang, 'timeline');
    this.chips.replaceChildren(
      ...this.markers.map((m) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'chip marker-chip', 'data-testid': `marker-${m.productId}`, 'data-t': String(m.t), onclick: () => this.handlers.onSeek(m.t) },
            h('span', { class: 'marker-time' }, span(m.t)),
            this.name(m),
          ),
        ),
      ),
    );
  }

  setPlaying(playing: boolean): void {
    this.playButton.textContent = playing ? '❚❚' : '▶';
    this.playButton.setAttribute('aria-label', tr(this.lang, playing ? 'pause' : 'play'));
    this.playButton.dataset.playing = String(playing);
  }

  /** Moves the thumb (not while the viewer drags it) and the time label. */
  setPosition(t: number): void {
    if (!this.dragging) this.range.value = String(Math.round(t));
    this.el.dataset.position = String(Math.round(t));
    this.time.textContent = `${span(t)} / ${span(this.duration)}`;
  }

  /** Highlights, for each product on stage at t, the marker where it went up. */
  setCurrent(t: number, onStage: ReadonlySet<string>): void {
    const latest = new Map<string, number>();
    this.markers.forEach((m, i) => {
      if (m.t <= t && onStage.has(m.productId)) latest.set(m.productId, i);
    });
    const on = new Set(latest.values());
    this.chips.querySelectorAll<HTMLButtonElement>('.marker-chip').forEach((c, i) => c.classList.toggle('chip-on', on.has(i)));
  }
}
