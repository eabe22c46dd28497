import { CHAT_LIMITS, type ChatLine, type Lang } from '@snowstage/protocol';
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

/**
 * The chat list with its send box, and the danmaku layer that flies new lines across the stage.
 * `send` resolves with an error message to show, or null when the line went out.
 */
export class ChatPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly sendButton: HTMLButtonElement;
  private rendered = new Set<string>();
  private lane = 0;

  constructor(
    private lang: Lang,
    private readonly danmaku: HTMLElement,
    private readonly send: (text: string) => Promise<string | null>,
  ) {
    this.list = h('ol', { class: 'chat-list', 'aria-live': 'polite', 'data-testid': 'chat-list' });
    this.input = h('input', {
      class: 'chat-input',
      maxLength: CHAT_LIMITS.maxChars,
      placeholder: t(lang, 'chatPlaceholder'),
      enterKeyHint: 'send',
      'aria-label': t(lang, 'chatPlaceholder'),
      'data-testid': 'chat-input',
    });
    this.sendButton = h('button', { class: 'btn btn-send', type: 'submit', 'data-testid': 'chat-send' }, t(lang, 'send'));
    const form = h('form', { class: 'chat-form', onsubmit: (e: Event) => (e.preventDefault(), void this.submit()) }, this.input, this.sendButton);
    this.el = h('section', { class: 'panel chat-panel' }, this.list, form);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.input.placeholder = t(lang, 'chatPlaceholder');
    this.sendButton.textContent = t(lang, 'send');
  }

  private async submit(): Promise<void> {
    const text = this.input.value.trim();
    if (!text) return;
    this.sendButton.disabled = true;
    const problem = await this.send(text);
    this.sendButton.disabled = false;
    if (problem === null) this.input.value = '';
    this.input.focus();
  }

  /** Renders the current lines, adding new ones (and flying them as danmaku when `fly`). */
  render(lines: readonly ChatLine[], fly: boolean): void {
    const keep = new Set(lines.map((l) => l.id));
    for (const li of [...this.list.children] as HTMLElement[]) {
      if (!keep.has(li.dataset.id!)) {
        this.rendered.delete(li.dataset.id!);
        li.remove();
      }
    }
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    for (const l of lines) {
      if (this.rendered.has(l.id)) continue;
      this.rendered.add(l.id);
      const badge = l.role === 'viewer' ? null : h('span', { class: `badge badge-${l.role}` }, l.role === 'operator' ? t(this.lang, 'host') : 'MOD');
      this.list.append(h('li', { class: `chat-line role-${l.role}`, 'data-id': l.id }, badge, h('span', { class: 'nick' }, l.nickname), h('span', { class: 'text' }, l.text)));
      if (fly) this.fly(l);
    }
    if (atBottom || fly) this.list.scrollTop = this.list.scrollHeight;
  }

  /** A line flying right-to-left over the stage, in one of four lanes. */
  private fly(l: ChatLine): void {
    if (this.danmaku.childElementCount > 24) return; // keep the stage readable in a flood
    const el = h('div', { class: 'danmaku-line', style: { top: `${8 + (this.lane++ % 4) * 11}%` } }, l.text);
    el.addEventListener('animationend', () => el.remove());
    this.danmaku.append(el);
  }
}
