import type { Lang, Passport, PublicBooth, TimelineExhibit } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { h } from '../../shared/dom.js';
import { st } from '../strings.js';
import { icon } from './icons.js';
import type { Focus } from '../hall/proximity.js';

/** Category names for the chips and stamp rows (slugs not listed show as they are). */
export const CATEGORY_NAMES: Record<string, { zh: string; en: string }> = {
  sports: { zh: '运动', en: 'Sports' },
  food: { zh: '美食', en: 'Food & drink' },
  tech: { zh: '科技', en: 'Technology' },
  services: { zh: '出行与金融', en: 'Travel & banking' },
};

export function categoryName(slug: string, lang: Lang): string {
  return CATEGORY_NAMES[slug]?.[lang] ?? slug;
}

/** An exhibit picture as an <img> (the SVG never becomes live DOM). */
export function svgImage(svg: string, alt: string): HTMLImageElement {
  return h('img', { class: 'ex-picture', alt, src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg) });
}

/**
 * The card beside the hall that follows what the fan stands at: an exhibit (title, text, picture),
 * a timeline milestone, or the booth itself (partner, tagline, story, stamp, "take the quiz").
 * Rendering is skipped when nothing changed, so it can be called every frame.
 */
export class FocusCard {
  readonly el = h('aside', { class: 'focus-card', hidden: true, 'data-testid': 'focus-card', 'aria-live': 'polite' });
  private key = '';

  constructor(
    private lang: Lang,
    private readonly booths: PublicBooth[],
    private readonly timeline: TimelineExhibit,
    private readonly onQuiz: (booth: PublicBooth) => void,
  ) {}

  setLang(lang: Lang): void {
    this.lang = lang;
    this.key = '';
  }

  /** Forces the next `show` to render (passport changed: stamp or quiz state). */
  invalidate(): void {
    this.key = '';
  }

  show(focus: Focus, passport: Passport | null): void {
    const key = JSON.stringify([focus, this.lang, passport?.stamps.length, passport?.quizzes.length]);
    if (key === this.key) return;
    this.key = key;
    const el = this.render(focus, passport);
    const accent = focus.exhibit || focus.boothId ? this.booths.find((b) => b.id === (focus.exhibit?.boothId ?? focus.boothId))?.color : this.timeline.color;
    if (accent) this.el.style.setProperty('--accent', accent);
    this.el.hidden = !el;
    this.el.replaceChildren(...(el ? [el] : []));
  }

  private render(focus: Focus, passport: Passport | null): HTMLElement | null {
    const lang = this.lang;
    if (focus.exhibit) {
      const booth = this.booths.find((b) => b.id === focus.exhibit!.boothId);
      const ex = booth?.exhibits.find((e) => e.id === focus.exhibit!.exhibitId);
      if (booth && ex) {
        return h(
          'div',
          { class: 'card card-exhibit', 'data-testid': 'exhibit-card', 'data-exhibit': ex.id },
          h('div', { class: 'card-kicker' }, `${st(lang, 'exhibit')} · ${pick(booth.partner, lang)}`),
          ex.kind === 'image' && ex.svg ? svgImage(ex.svg, pick(ex.title, lang)) : h('div', { class: 'ex-shape', style: { background: ex.color } }, shapeGlyph(ex.shape)),
          h('h2', { class: 'card-title' }, pick(ex.title, lang)),
          h('p', { class: 'card-text' }, pick(ex.text, lang)),
        );
      }
    }
    if (focus.milestone !== null) {
      const m = this.timeline.milestones[focus.milestone];
      if (m) {
        return h(
          'div',
          { class: 'card card-milestone', 'data-testid': 'milestone-card' },
          h('div', { class: 'card-kicker' }, `${st(lang, 'milestone')} · ${pick(this.timeline.company, lang)}`),
          h('div', { class: 'ms-date' }, m.date.replace('-', '.')),
          h('h2', { class: 'card-title' }, pick(m.title, lang)),
          h('p', { class: 'card-text' }, pick(m.text, lang)),
        );
      }
    }
    if (focus.boothId) {
      const booth = this.booths.find((b) => b.id === focus.boothId);
      if (!booth) return null;
      const stamped = passport?.stamps.includes(booth.id) ?? false;
      const answered = passport?.quizzes.find((q) => q.boothId === booth.id);
      return h(
        'div',
        { class: 'card card-booth', 'data-testid': 'booth-card', 'data-booth': booth.id },
        h('div', { class: 'card-logo' }, booth.logoText),
        h('h2', { class: 'card-title' }, pick(booth.partner, lang)),
        h('div', { class: 'card-tags' }, h('span', { class: 'chip' }, categoryName(booth.category, lang)), stamped && h('span', { class: 'chip chip-stamp', 'data-testid': 'stamped' }, `✓ ${st(lang, 'visited')}`)),
        h('p', { class: 'card-tagline' }, pick(booth.tagline, lang)),
        h('h3', { class: 'card-sub' }, st(lang, 'story')),
        h('p', { class: 'card-text' }, pick(booth.story, lang)),
        answered
          ? h('div', { class: `quiz-state ${answered.correct ? 'ok' : 'bad'}`, 'data-testid': 'quiz-state' }, `${answered.correct ? '✓' : '✗'} ${st(lang, 'quizDone')}`)
          : h('button', { class: 'btn btn-quiz', 'data-testid': 'take-quiz', onclick: () => this.onQuiz(booth) }, icon('ticket'), ` ${st(lang, 'takeQuiz')}`),
      );
    }
    return null;
  }
}

function shapeGlyph(shape: string | undefined): string {
  const glyphs: Record<string, string> = { box: '◆', sphere: '●', cylinder: '▮', cone: '▲', torus: '◯', medal: '🏅', ski: '🎿', puck: '⬬', torch: '🔥', snowflake: '❄' };
  return glyphs[shape ?? ''] ?? '◆';
}
