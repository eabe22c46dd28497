import type { ChatLine, QueuedComment, ServerMessage } from '@snowstage/protocol';
import { h, toast } from '../shared/dom.js';
import { tc } from './strings.js';
import { action, panel, type ConsoleCtx } from './ui.js';

const MUTE_S = 600;

type ModerationList = Extract<ServerMessage, { type: 'moderation' }>;
/** How often the muted/banned list is re-read (another moderator may have acted). */
const LIST_REFRESH_MS = 15_000;

/**
 * Moderation: the live chat with delete / mute / ban on each viewer line, who is muted or banned
 * (with unmute / unban; read from the room, so it survives a reload), and the brain's queue of
 * comments it will answer next, with approve (answer it first) and skip.
 */
export class ModerationPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly queueList: HTMLElement;
  private readonly rendered = new Map<string, HTMLElement>();
  /** Muted or banned viewers, from the room's last `moderation` reply (those events are not broadcast). */
  private readonly acted = new Map<string, 'muted' | 'banned'>();
  private readonly moderatedList: HTMLElement;
  private queueKey = '';
  private readonly approval: HTMLInputElement;

  constructor(private readonly ctx: ConsoleCtx) {
    const lang = ctx.lang;
    this.list = h('ol', { class: 'mod-chat', 'aria-live': 'polite', 'data-testid': 'console-chat' });
    this.queueList = h('ol', { class: 'queue-list', 'data-testid': 'comment-queue' });
    this.moderatedList = h('ul', { class: 'moderated-list', 'data-testid': 'moderated-list' });
    this.approval = h('input', { type: 'checkbox', 'data-testid': 'approval-toggle', onchange: () => this.ctx.send({ type: 'hostApproval', on: this.approval.checked }) });
    this.el = panel(
      tc(lang, 'moderation'),
      'panel-moderation',
      h('h3', {}, tc(lang, 'queue')),
      h('label', { class: 'approval' }, this.approval, ' ', tc(lang, 'approval')),
      this.queueList,
      h('h3', {}, tc(lang, 'chat')),
      this.list,
      h('h3', {}, tc(lang, 'moderatedList')),
      this.moderatedList,
    );
    this.render();
    void this.loadModerated();
    setInterval(() => void this.loadModerated(), LIST_REFRESH_MS);
  }

  /** Reads who is muted or banned from the room, marks their chat lines and lists them with undo buttons. */
  private async loadModerated(): Promise<void> {
    const list = await this.ctx.http<ModerationList>(`/api/rooms/${encodeURIComponent(this.ctx.roomId)}/commands`, { method: 'POST', body: { type: 'moderationList' } });
    if (!list) return;
    const lang = this.ctx.lang;
    const before = new Map(this.acted);
    this.acted.clear();
    for (const m of list.muted) this.acted.set(m.viewerId, 'muted');
    for (const b of list.banned) this.acted.set(b.viewerId, 'banned');
    const changed = new Set([...before.keys(), ...this.acted.keys()].filter((id) => before.get(id) !== this.acted.get(id)));
    for (const id of changed) this.redrawViewer(id);
    const until = (t: number) => new Date(t).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
    const row = (nickname: string, note: string, button: HTMLElement) =>
      h('li', { class: 'moderated-row' }, h('span', { class: 'nick' }, nickname), h('span', { class: 'status-badge' }, note), button);
    const rows = [
      ...list.muted.map((m) =>
        row(m.nickname, `${tc(lang, 'mutedUntil')} ${until(m.until)}`, action(tc(lang, 'unmute'), () => this.undo({ type: 'unmute', viewerId: m.viewerId }), { class: 'btn btn-small btn-ghost', 'data-testid': 'unmute' })),
      ),
      ...list.banned.map((b) => row(b.nickname, tc(lang, 'banned'), action(tc(lang, 'unban'), () => this.undo({ type: 'unban', viewerId: b.viewerId }), { class: 'btn btn-small btn-ghost', 'data-testid': 'unban' }))),
    ];
    this.moderatedList.replaceChildren(...(rows.length > 0 ? rows : [h('li', { class: 'empty' }, tc(lang, 'moderatedNone'))]));
  }

  private async undo(msg: { type: 'unmute' | 'unban'; viewerId: string }): Promise<void> {
    if (await this.ctx.send(msg)) await this.loadModerated();
  }

  render(): void {
    this.renderChat(this.ctx.state()?.chat ?? []);
    this.renderQueue(this.ctx.state()?.queue ?? []);
    this.approval.checked = this.ctx.state()?.approval ?? false;
  }

  /** Adds new lines and drops deleted ones, leaving the rest (and their buttons) in place. */
  private renderChat(lines: readonly ChatLine[]): void {
    const keep = new Set(lines.map((l) => l.id));
    for (const [id, el] of this.rendered) {
      if (!keep.has(id)) {
        el.remove();
        this.rendered.delete(id);
      }
    }
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    for (const l of lines) {
      if (this.rendered.has(l.id)) continue;
      const el = this.line(l);
      this.rendered.set(l.id, el);
      this.list.append(el);
    }
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  private line(l: ChatLine): HTMLElement {
    const lang = this.ctx.lang;
    const time = new Date(l.at).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const viewer = l.role === 'viewer';
    const flag = this.acted.get(l.viewerId);
    return h(
      'li',
      { class: `mod-line role-${l.role}`, 'data-id': l.id, 'data-viewer': l.viewerId },
      h('span', { class: 'mod-time' }, time),
      h('span', { class: 'nick' }, l.nickname),
      flag ? h('span', { class: 'status-badge' }, tc(lang, flag)) : null,
      h('span', { class: 'text' }, l.text),
      h(
        'span',
        { class: 'row-actions' },
        action(tc(lang, 'del'), () => this.ctx.send({ type: 'deleteChat', messageId: l.id }), { class: 'btn btn-small btn-ghost', 'data-testid': 'chat-delete' }),
        viewer ? action(tc(lang, 'mute'), () => this.moderate(l, 'muted'), { class: 'btn btn-small btn-ghost', 'data-testid': 'chat-mute' }) : null,
        viewer ? action(tc(lang, 'ban'), () => this.moderate(l, 'banned'), { class: 'btn btn-small btn-danger', 'data-testid': 'chat-ban' }) : null,
      ),
    );
  }

  private async moderate(l: ChatLine, what: 'muted' | 'banned'): Promise<void> {
    if (what === 'banned' && !confirm(`${tc(this.ctx.lang, 'banConfirm')}\n${l.nickname}`)) return;
    const ok = await this.ctx.send(what === 'muted' ? { type: 'mute', viewerId: l.viewerId, durationS: MUTE_S } : { type: 'ban', viewerId: l.viewerId });
    if (!ok) return;
    toast(`${l.nickname}: ${tc(this.ctx.lang, what)}`, 'success');
    await this.loadModerated();
  }

  /** Re-draws a viewer's chat lines with their current mark. */
  private redrawViewer(viewerId: string): void {
    for (const [id, el] of this.rendered) {
      if (el.dataset.viewer !== viewerId) continue;
      const line = this.ctx.state()?.chat.find((x) => x.id === id);
      if (line) {
        const fresh = this.line(line);
        el.replaceWith(fresh);
        this.rendered.set(id, fresh);
      }
    }
  }

  private renderQueue(items: readonly QueuedComment[]): void {
    const lang = this.ctx.lang;
    const key = items.map((i) => `${i.messageId}:${i.merged}`).join('|');
    if (key === this.queueKey && this.queueList.childElementCount > 0) return;
    this.queueKey = key;
    if (items.length === 0) {
      this.queueList.replaceChildren(h('li', { class: 'empty' }, tc(lang, 'queueEmpty')));
      return;
    }
    this.queueList.replaceChildren(
      ...items.map((q) =>
        h(
          'li',
          { class: 'queue-item', 'data-id': q.messageId },
          h('div', { class: 'queue-main' }, h('span', { class: 'nick' }, q.nickname), h('span', { class: 'text' }, q.text)),
          h(
            'div',
            { class: 'queue-meta' },
            h('span', { class: 'chip' }, q.intent),
            q.productId ? h('span', { class: 'chip' }, this.ctx.products().get(q.productId)?.name[lang] ?? q.productId) : null,
            q.merged > 0 ? h('span', { class: 'chip' }, `+${q.merged} ${tc(lang, 'merged')}`) : null,
            h('span', { class: 'score' }, q.score.toFixed(2)),
          ),
          h(
            'div',
            { class: 'row-actions' },
            action(tc(lang, 'approve'), () => this.ctx.send({ type: 'approveComment', messageId: q.messageId }), { 'data-testid': 'queue-approve' }),
            action(tc(lang, 'skip'), () => this.ctx.send({ type: 'skipComment', messageId: q.messageId }), { class: 'btn btn-small btn-ghost', 'data-testid': 'queue-skip' }),
          ),
        ),
      ),
    );
  }
}
