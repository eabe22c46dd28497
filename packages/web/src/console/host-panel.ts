import { EMOTIONS, GESTURES, type Emotion, type Gesture, type HostMode } from '@snowstage/protocol';
import { h, toast } from '../shared/dom.js';
import { emotionLabel, gestureLabel, modeLabel, tc } from './strings.js';
import { field, input, markInvalid, panel, productOptions, select, type ConsoleCtx } from './ui.js';

/** The modes an operator may switch to (the director moves into saleHype, draw and paused itself). */
export const OPERATOR_MODES: readonly HostMode[] = ['idle', 'pitch', 'qa', 'talkshow', 'dance', 'tour'];

/**
 * Steering the host: her mode, a product pitch to queue, a line to say now with an emotion and a
 * gesture, and pause/resume.
 */
export class HostPanel {
  readonly el: HTMLElement;
  private readonly modes: HTMLElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly pitchSelect: HTMLSelectElement;

  constructor(private readonly ctx: ConsoleCtx) {
    const lang = ctx.lang;
    this.modes = h('div', { class: 'segmented', role: 'group', 'aria-label': tc(lang, 'mode') });
    this.pauseButton = h('button', { class: 'btn btn-small btn-ghost', type: 'button', 'data-testid': 'host-pause', onclick: () => void this.togglePause() }, tc(lang, 'pause'));

    this.pitchSelect = select([], { 'data-testid': 'pitch-product', 'aria-label': tc(lang, 'product') });
    const pitch = h(
      'form',
      {
        class: 'inline-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (await ctx.send({ type: 'queuePitch', productId: this.pitchSelect.value })) toast(tc(lang, 'sent'), 'success');
        },
      },
      this.pitchSelect,
      h('button', { class: 'btn btn-small', type: 'submit', 'data-testid': 'pitch-submit' }, tc(lang, 'pitch')),
    );

    const text = h('textarea', { class: 'field-input', rows: 2, maxLength: 300, placeholder: tc(lang, 'sayPlaceholder'), 'data-testid': 'say-text' });
    const emotion = select(EMOTIONS.map((e) => [e, emotionLabel(lang, e)] as const), { 'data-testid': 'say-emotion' }, 'happy');
    const intensity = input({ type: 'range', min: 0, max: 1, step: 0.1, value: '0.6', 'data-testid': 'say-intensity' });
    const gesture = select([['', tc(lang, 'none')], ...GESTURES.map((g) => [g, gestureLabel(lang, g)] as const)], { 'data-testid': 'say-gesture' });
    const sayLang = select([['', tc(lang, 'auto')], ['zh', '中文'], ['en', 'English']], { 'data-testid': 'say-lang' });
    const say = h(
      'form',
      {
        class: 'form-grid',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const line = text.value.trim();
          if (!line) return markInvalid(text);
          const ok = await ctx.send({
            type: 'hostSay',
            text: line,
            emotion: { name: emotion.value as Emotion, intensity: Number(intensity.value) },
            ...(gesture.value ? { gesture: gesture.value as Gesture } : {}),
            ...(sayLang.value ? { lang: sayLang.value as 'zh' | 'en' } : {}),
          });
          if (ok) {
            toast(tc(lang, 'sent'), 'success');
            text.value = '';
          }
        },
      },
      field(tc(lang, 'sayNow'), text, 'wide'),
      field(tc(lang, 'emotion'), emotion),
      field(tc(lang, 'intensity'), intensity),
      field(tc(lang, 'gesture'), gesture),
      field(tc(lang, 'language'), sayLang),
      h('button', { class: 'btn', type: 'submit', 'data-testid': 'say-submit' }, tc(lang, 'say')),
    );

    this.el = panel(
      tc(lang, 'host'),
      'panel-host',
      h('div', { class: 'host-head' }, this.modes, this.pauseButton),
      h('div', { class: 'subpanel' }, h('h3', {}, tc(lang, 'pitchNow')), pitch),
      h('div', { class: 'subpanel' }, say),
    );
    this.render();
  }

  render(): void {
    const { lang } = this.ctx;
    const s = this.ctx.state();
    const mode = s?.mode ?? 'idle';
    this.modes.replaceChildren(
      ...OPERATOR_MODES.map((m) =>
        h('button', { type: 'button', class: `seg${m === mode ? ' seg-on' : ''}`, 'aria-pressed': String(m === mode), 'data-testid': `mode-${m}`, onclick: () => void this.ctx.send({ type: 'hostMode', mode: m }) }, modeLabel(lang, m)),
      ),
      OPERATOR_MODES.includes(mode) ? '' : h('span', { class: 'seg seg-on seg-info', 'data-testid': 'mode-current' }, modeLabel(lang, mode)),
    );
    const paused = s?.paused ?? false;
    this.pauseButton.textContent = paused ? tc(lang, 'resume') : tc(lang, 'pause');
    this.pauseButton.classList.toggle('btn-danger', paused);
    this.pauseButton.dataset.paused = String(paused);
    // The pitch list: what is on stage first, then the rest of the catalog.
    const pinned = new Set(s?.pinned.map((p) => p.id));
    const all = [...this.ctx.products().values()].sort((a, b) => Number(pinned.has(b.id)) - Number(pinned.has(a.id)));
    const keep = this.pitchSelect.value;
    this.pitchSelect.replaceChildren(...productOptions(all, lang).map(([v, l]) => h('option', { value: v, selected: v === keep }, pinned.has(v) ? `★ ${l}` : l)));
  }

  private async togglePause(): Promise<void> {
    const paused = this.ctx.state()?.paused ?? false;
    if (await this.ctx.send({ type: 'hostPause', paused: !paused })) {
      const s = this.ctx.state();
      if (s) s.paused = !paused;
      this.render();
    }
  }
}
