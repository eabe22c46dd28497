import { h, toast } from '../shared/dom.js';
import { parseWords } from './forms.js';
import { tc } from './strings.js';
import { action, field, type ConsoleCtx } from './ui.js';

interface Blocklist {
  zh: string[];
  en: string[];
}

/**
 * The chat blocklist editor: both languages' words, one per line; saving replaces the whole list
 * for every room at once (PUT /api/blocklist).
 */
export class BlocklistEditor {
  readonly el: HTMLElement;
  private readonly zh: HTMLTextAreaElement;
  private readonly en: HTMLTextAreaElement;
  private readonly count: HTMLElement;

  constructor(private readonly ctx: ConsoleCtx) {
    const lang = ctx.lang;
    this.zh = h('textarea', { class: 'field-input words', rows: 6, spellcheck: false, 'data-testid': 'blocklist-zh', oninput: () => this.counts() });
    this.en = h('textarea', { class: 'field-input words', rows: 6, spellcheck: false, 'data-testid': 'blocklist-en', oninput: () => this.counts() });
    this.count = h('small', { class: 'hint' });
    const body = h(
      'div',
      { class: 'form-grid' },
      field(tc(lang, 'wordsZh'), this.zh),
      field(tc(lang, 'wordsEn'), this.en),
      h(
        'div',
        { class: 'row-actions wide' },
        this.count,
        action(tc(lang, 'reload'), () => this.load(), { class: 'btn btn-small btn-ghost', 'data-testid': 'blocklist-reload' }),
        action(tc(lang, 'save'), () => this.save(), { 'data-testid': 'blocklist-save' }),
      ),
    );
    const details = h('details', { class: 'subpanel', ontoggle: () => details.open && !this.zh.value && !this.en.value && void this.load() }, h('summary', { class: 'panel-title' }, `${tc(lang, 'blocklist')} ✎`), body);
    this.el = h('section', { class: 'panel console-panel', 'data-testid': 'panel-blocklist' }, details);
  }

  private counts(): void {
    const n = parseWords(this.zh.value).length + parseWords(this.en.value).length;
    this.count.textContent = `${n} ${tc(this.ctx.lang, 'words')}`;
  }

  async load(): Promise<void> {
    const list = await this.ctx.http<Blocklist>('/api/blocklist');
    if (!list) return;
    this.zh.value = list.zh.join('\n');
    this.en.value = list.en.join('\n');
    this.counts();
  }

  private async save(): Promise<void> {
    const saved = await this.ctx.http<Blocklist>('/api/blocklist', { method: 'PUT', body: { zh: parseWords(this.zh.value), en: parseWords(this.en.value) } });
    if (!saved) return;
    this.zh.value = saved.zh.join('\n');
    this.en.value = saved.en.join('\n');
    this.counts();
    toast(tc(this.ctx.lang, 'saved'), 'success');
  }
}
