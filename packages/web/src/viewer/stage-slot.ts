import type { Lang, RoomEvent, RoomSnapshot } from '@snowstage/protocol';
import { h } from '../shared/dom.js';
import { loc } from '../shared/i18n.js';

/**
 * Where the host appears on the viewer page. Shows the host's current line as a caption; the 3D
 * stage mounts here.
 */
export class StageSlot {
  readonly el: HTMLElement;
  private readonly caption: HTMLElement;

  constructor(
    private lang: Lang,
    private readonly now: () => number,
  ) {
    this.caption = h('div', { class: 'caption', hidden: true, 'data-testid': 'caption' });
    this.el = h('div', { class: 'stage' }, h('div', { class: 'stage-placeholder' }, h('div', { class: 'host-badge' }, loc({ zh: '东东', en: 'Dong Dong' }, lang))), this.caption);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  reset(_snapshot: RoomSnapshot): void {
    this.caption.hidden = true;
  }

  play(e: RoomEvent): void {
    if (e.kind !== 'speech') return;
    const delay = Math.max(0, e.startAt - this.now());
    setTimeout(() => {
      this.caption.hidden = false;
      this.caption.textContent = e.text;
      setTimeout(() => {
        if (this.caption.textContent === e.text) this.caption.hidden = true;
      }, e.audio.durationMs + 800);
    }, delay);
  }
}
