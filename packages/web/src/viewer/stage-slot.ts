import type { Lang, RoomEvent, RoomSnapshot } from '@snowstage/protocol';
import type { Stage } from '../stage/index.js';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

/**
 * Where the host appears on the viewer page: the 3D stage (loaded after the page's first paint, as
 * three.js is the largest part of the page), and a caption of what she is saying — with whom she
 * answers. Events that arrive before the stage is ready are played when it is (late ones mid-way).
 */
export class StageSlot {
  readonly el: HTMLElement;
  private readonly caption: HTMLElement;
  private stage: Stage | null = null;
  private queued: RoomEvent[] = [];
  private avatarUrl: string | undefined;
  private captionTimer = 0;
  /** Captions of lines still to come (cancelled when she is hushed). */
  private readonly pendingCaptions = new Set<number>();

  constructor(
    private lang: Lang,
    private readonly now: () => number,
  ) {
    this.caption = h('div', { class: 'caption', hidden: true, 'data-testid': 'caption' });
    this.el = h('div', { class: 'stage', 'data-testid': 'stage' }, this.caption);
    void this.mount();
  }

  private async mount(): Promise<void> {
    try {
      const { mountStage } = await import('../stage/index.js');
      const stage = await mountStage(this.el, { lang: this.lang, roomClock: this.now, ...(this.avatarUrl ? { avatarUrl: this.avatarUrl } : {}) });
      this.el.append(this.caption); // keep the caption above the canvas
      this.stage = stage;
      (window as unknown as { __stage?: Stage }).__stage = stage;
      for (const e of this.queued.splice(0)) stage.play(e);
    } catch (e) {
      console.error('the 3D stage could not start', e);
    }
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.stage?.setLang(lang);
  }

  /** A (re)join: the host's avatar and whatever she is in the middle of. */
  reset(snapshot: RoomSnapshot): void {
    if (snapshot.host.avatarUrl !== this.avatarUrl) {
      this.avatarUrl = snapshot.host.avatarUrl;
      void this.stage?.loadAvatar(snapshot.host.avatarUrl);
    }
    for (const e of snapshot.host.playing) this.play(e);
  }

  play(e: RoomEvent): void {
    if (e.kind === 'avatar') {
      this.avatarUrl = e.url;
      void this.stage?.loadAvatar(e.url);
      return;
    }
    if (e.kind === 'speech') this.showCaption(e);
    if (e.kind === 'hush') this.hushCaptions();
    if (this.stage) this.stage.play(e);
    else this.queued.push(e);
  }

  /** She was stopped: the caption goes, and captions of lines she will no longer say never appear. */
  private hushCaptions(): void {
    for (const t of this.pendingCaptions) clearTimeout(t);
    this.pendingCaptions.clear();
    clearTimeout(this.captionTimer);
    this.caption.hidden = true;
  }

  /** Shows her line while it plays (from its start on the room clock), and whom she is answering. */
  private showCaption(e: Extract<RoomEvent, { kind: 'speech' }>): void {
    const startIn = e.startAt - this.now();
    if (startIn + e.audio.durationMs < 0) return;
    const timer = window.setTimeout(() => {
      this.pendingCaptions.delete(timer);
      clearTimeout(this.captionTimer);
      this.caption.hidden = false;
      this.caption.replaceChildren(
        ...(e.replyTo ? [h('div', { class: 'caption-reply' }, `${t(this.lang, 'replyingTo')} @${e.replyTo.nickname}：${e.replyTo.text}`)] : []),
        h('div', { class: 'caption-text' }, e.text),
      );
      this.captionTimer = window.setTimeout(() => (this.caption.hidden = true), Math.max(0, e.startAt + e.audio.durationMs + 900 - this.now()));
    }, Math.max(0, startIn));
    this.pendingCaptions.add(timer);
  }
}
