import type { Lang, PublicBooth } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { h } from '../../shared/dom.js';
import { ApiError } from '../../shared/api.js';
import { st } from '../strings.js';
import type { QuizReply } from '../api-client.js';

/**
 * A booth's multiple-choice quiz. The fan picks one option; the server grades it (one graded
 * attempt per booth) and says which option was right, which the dialog then marks.
 */
export class QuizDialog {
  readonly el = h('div', { class: 'modal', hidden: true, role: 'dialog', 'aria-modal': 'true', 'data-testid': 'quiz' });

  constructor(
    private lang: Lang,
    private readonly answer: (boothId: string, choice: number) => Promise<QuizReply>,
    private readonly onResult: (reply: QuizReply | null) => void,
  ) {
    this.el.addEventListener('click', (e) => {
      if (e.target === this.el) this.close();
    });
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.el.hidden) this.close();
    });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  open(booth: PublicBooth): void {
    const lang = this.lang;
    const buttons = booth.quiz.options.map((o, i) =>
      h('button', { class: 'quiz-option', 'data-testid': `quiz-option-${i}`, onclick: () => void this.submit(booth, i, buttons, result) }, h('span', { class: 'quiz-letter' }, 'ABCD'[i]!), pick(o, lang)),
    );
    const result = h('div', { class: 'quiz-result', 'data-testid': 'quiz-result', hidden: true });
    const sheet = h(
      'div',
      { class: 'modal-sheet quiz-sheet' },
      h('div', { class: 'card-kicker' }, pick(booth.partner, lang)),
      h('h2', { class: 'quiz-question' }, pick(booth.quiz.question, lang)),
      h('div', { class: 'quiz-options' }, ...buttons),
      result,
      h('button', { class: 'btn btn-ghost modal-close', 'data-testid': 'quiz-close', onclick: () => this.close() }, st(lang, 'close')),
    );
    sheet.style.setProperty('--accent', booth.color);
    this.el.replaceChildren(sheet);
    this.el.hidden = false;
    buttons[0]?.focus();
  }

  close(): void {
    this.el.hidden = true;
    this.el.replaceChildren();
  }

  private async submit(booth: PublicBooth, choice: number, buttons: HTMLButtonElement[], result: HTMLElement): Promise<void> {
    for (const b of buttons) b.disabled = true;
    buttons[choice]!.classList.add('chosen');
    try {
      const r = await this.answer(booth.id, choice);
      buttons[r.answer]?.classList.add('right');
      if (!r.correct) buttons[choice]!.classList.add('wrong');
      result.hidden = false;
      result.className = `quiz-result ${r.correct ? 'ok' : 'bad'}`;
      result.textContent = r.correct ? `★ ${st(this.lang, 'quizRight')}` : `${st(this.lang, 'quizWrong')}${pick(booth.quiz.options[r.answer]!, this.lang)}`;
      this.onResult(r);
    } catch (e) {
      result.hidden = false;
      result.className = 'quiz-result bad';
      if (e instanceof ApiError && e.code === 'QUIZ_ANSWERED') {
        result.textContent = st(this.lang, 'quizAnswered');
        this.onResult(null);
      } else {
        result.textContent = e instanceof ApiError ? e.message : st(this.lang, 'offline');
        for (const b of buttons) b.disabled = false;
        buttons[choice]!.classList.remove('chosen');
      }
    }
  }
}
