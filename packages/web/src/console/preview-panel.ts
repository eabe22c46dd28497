import type { Lang, RoomEvent, RoomSnapshot } from '@snowstage/protocol';
import { mountStage, type Stage } from '../stage/index.js';
import { h, toast } from '../shared/dom.js';
import { tc } from './strings.js';
import type { ConsoleCtx } from './ui.js';

/**
 * The stage preview: the same 3D stage viewers see, fed by the same room events (the console is a
 * member of the room), with the host's current line as a caption. An avatar picker loads a .vrm into
 * the preview only; "use for everyone" uploads it and every stage in the room switches.
 */
export class PreviewPanel {
  readonly el: HTMLElement;
  private readonly box: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly title: HTMLElement;
  private readonly fileLabel: HTMLElement;
  private readonly uploadButton: HTMLButtonElement;
  private readonly soundButton: HTMLButtonElement;
  private stage: Stage | null = null;
  private mounting: Promise<Stage> | null = null;
  private file: File | null = null;
  private lang: Lang;
  private lines: { text: string; start: number; end: number }[] = [];

  constructor(private readonly ctx: ConsoleCtx) {
    this.lang = ctx.lang;
    this.box = h('div', { class: 'preview-stage', 'data-testid': 'preview-stage' });
    this.caption = h('div', { class: 'caption', hidden: true, 'data-testid': 'preview-caption' });
    this.title = h('h2', { class: 'panel-title' });
    const fileInput = h('input', {
      type: 'file',
      accept: '.vrm,.glb,model/gltf-binary',
      class: 'visually-hidden',
      'data-testid': 'avatar-file',
      onchange: () => void this.pick(fileInput.files?.[0] ?? null),
    });
    this.fileLabel = h('label', { class: 'btn btn-small btn-ghost file-pick' }, fileInput, h('span', {}));
    this.uploadButton = h('button', { class: 'btn btn-small', type: 'button', disabled: true, 'data-testid': 'avatar-upload', onclick: () => void this.upload() });
    this.soundButton = h('button', { class: 'btn btn-small btn-ghost', type: 'button', onclick: () => void this.stage?.unlockAudio() });
    this.el = h(
      'section',
      { class: 'panel console-panel preview-panel', 'data-testid': 'panel-preview' },
      this.title,
      h('div', { class: 'preview-wrap' }, this.box, this.caption),
      h('div', { class: 'row-actions' }, this.fileLabel, this.uploadButton, this.soundButton),
    );
    this.setLang(this.lang);
    window.setInterval(() => this.tickCaption(), 200);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.title.textContent = tc(lang, 'preview');
    this.fileLabel.querySelector('span')!.textContent = this.file ? this.file.name : tc(lang, 'avatarFile');
    this.uploadButton.textContent = tc(lang, 'useForAll');
    this.soundButton.textContent = `♪ ${tc(lang, 'soundOn')}`;
    this.stage?.setLang(lang);
  }

  /** A (re)join: mount the stage once, then play what is still playing. */
  async reset(snapshot: RoomSnapshot): Promise<void> {
    this.mounting ??= mountStage(this.box, { lang: this.lang, roomClock: () => this.ctx.now(), avatarUrl: snapshot.host.avatarUrl });
    this.stage = await this.mounting;
    for (const e of snapshot.host.playing) this.play(e);
  }

  play(e: RoomEvent): void {
    if (e.kind === 'avatar') {
      if (!this.file) void this.stage?.loadAvatar(e.url);
      return;
    }
    this.stage?.play(e);
    if (e.kind === 'speech') this.showCaption(e.text, e.startAt, e.audio.durationMs);
    if ((e.kind === 'hostMode' && e.mode === 'paused') || e.kind === 'hush') this.lines = [];
  }

  private showCaption(text: string, startAt: number, durationMs: number): void {
    this.lines = [...this.lines.filter((l) => l.end > this.ctx.now()), { text, start: startAt, end: startAt + durationMs + 800 }];
  }

  /** The caption is the line playing now (lines arrive ahead of time, several at once). */
  private tickCaption(): void {
    const now = this.ctx.now();
    const line = this.lines.filter((l) => l.start <= now && now < l.end).at(-1);
    this.caption.hidden = !line;
    if (line && this.caption.textContent !== line.text) this.caption.textContent = line.text;
  }

  private async pick(file: File | null): Promise<void> {
    this.file = file;
    this.uploadButton.disabled = !file;
    this.setLang(this.lang);
    if (file && this.stage) await this.stage.loadAvatar(file);
  }

  private async upload(): Promise<void> {
    if (!this.file) return;
    this.uploadButton.disabled = true;
    const r = await this.ctx.upload<{ url: string }>('/api/avatars', this.file);
    this.uploadButton.disabled = false;
    if (!r) return;
    toast(tc(this.lang, 'uploaded'), 'success');
    this.file = null;
    this.setLang(this.lang);
    this.uploadButton.disabled = true;
  }

  debug() {
    return this.stage?.debug() ?? null;
  }
}
