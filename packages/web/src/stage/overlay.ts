import { STRINGS, type Lang } from './strings.js';

const CSS = `
.ss-stage [hidden]{display:none!important}
.ss-stage{position:relative;overflow:hidden;background:#0f1a36;touch-action:manipulation}
.ss-stage canvas{display:block;width:100%;height:100%}
.ss-stage-tap{position:absolute;left:50%;bottom:14%;transform:translateX(-50%);display:flex;align-items:center;gap:.5em;
  padding:.7em 1.2em;border:0;border-radius:999px;background:rgba(215,38,61,.92);color:#fff;font:600 16px/1.2 system-ui,"PingFang SC","Noto Sans SC",sans-serif;
  box-shadow:0 6px 20px rgba(0,0,0,.3);cursor:pointer;animation:ss-pulse 1.6s ease-in-out infinite}
.ss-stage-tap::before{content:"";width:0;height:0;border-left:12px solid #fff;border-top:7px solid transparent;border-bottom:7px solid transparent}
@keyframes ss-pulse{0%,100%{transform:translateX(-50%) scale(1)}50%{transform:translateX(-50%) scale(1.05)}}
.ss-stage-msg{position:absolute;left:50%;top:12px;transform:translateX(-50%);max-width:min(90%,520px);padding:.6em 1em;border-radius:10px;
  background:rgba(27,42,74,.94);color:#fff;border-left:4px solid #4fc3f7;font:14px/1.4 system-ui,"PingFang SC","Noto Sans SC",sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.ss-stage-chip{position:absolute;left:12px;bottom:12px;padding:.35em .8em;border-radius:999px;background:rgba(15,26,54,.72);color:#dff4ff;
  font:13px/1.3 system-ui,"PingFang SC","Noto Sans SC",sans-serif}
.ss-stage-loading{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;color:#dff4ff;font:15px system-ui,"PingFang SC","Noto Sans SC",sans-serif}
`;

function injectCss(): void {
  if (document.getElementById('ss-stage-css')) return;
  const style = document.createElement('style');
  style.id = 'ss-stage-css';
  style.textContent = CSS;
  document.head.append(style);
}

/**
 * The stage's own HTML layer over the canvas: the "tap to hear her" button, messages, the song chip.
 * Use when: the stage needs to tell the viewer something; all text comes from STRINGS.
 */
export class Overlay {
  private lang: Lang;
  private readonly tap: HTMLButtonElement;
  private readonly msg: HTMLDivElement;
  private readonly chip: HTMLDivElement;
  private readonly loading: HTMLDivElement;
  private msgTimer: ReturnType<typeof setTimeout> | undefined;
  private message: ((l: Lang) => string) | null = null;
  private chipText: ((l: Lang) => string) | null = null;

  constructor(private readonly root: HTMLElement, lang: Lang, onTap: () => void) {
    injectCss();
    this.lang = lang;
    this.tap = document.createElement('button');
    this.tap.type = 'button';
    this.tap.className = 'ss-stage-tap';
    this.tap.addEventListener('click', (e) => {
      e.stopPropagation();
      onTap();
    });
    this.msg = document.createElement('div');
    this.msg.className = 'ss-stage-msg';
    this.msg.setAttribute('role', 'status');
    this.msg.hidden = true;
    this.chip = document.createElement('div');
    this.chip.className = 'ss-stage-chip';
    this.chip.hidden = true;
    this.loading = document.createElement('div');
    this.loading.className = 'ss-stage-loading';
    root.append(this.loading, this.tap, this.msg, this.chip);
    this.render();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.render();
  }

  showTap(show: boolean): void {
    this.tap.hidden = !show;
  }

  setLoading(show: boolean): void {
    this.loading.hidden = !show;
  }

  /** Shows a message for `ms` (0 = until replaced). */
  say(text: (l: Lang) => string, ms = 8000): void {
    this.message = text;
    this.render();
    clearTimeout(this.msgTimer);
    if (ms > 0) this.msgTimer = setTimeout(() => this.say(() => '', -1), ms);
  }

  setChip(text: ((l: Lang) => string) | null): void {
    this.chipText = text;
    this.render();
  }

  private render(): void {
    const s = STRINGS[this.lang];
    this.tap.textContent = s.tapToHear;
    this.loading.textContent = s.loading;
    const m = this.message?.(this.lang) ?? '';
    this.msg.textContent = m;
    this.msg.hidden = m === '';
    const c = this.chipText?.(this.lang) ?? '';
    this.chip.textContent = c;
    this.chip.hidden = c === '';
  }

  dispose(): void {
    clearTimeout(this.msgTimer);
    for (const el of [this.tap, this.msg, this.chip, this.loading]) el.remove();
    void this.root;
  }
}
