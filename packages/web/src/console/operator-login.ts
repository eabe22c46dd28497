import type { Lang } from '@snowstage/protocol';
import { api, ApiError } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { tc } from './strings.js';

const KEY = 'snowstage.operatorToken';

/** The operator token of this tab (sessionStorage: gone when the tab closes). */
export function savedOperatorToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function forgetOperatorToken(): void {
  sessionStorage.removeItem(KEY);
}

/**
 * Asks the server whether `token` is an operator's, with an operator-only read.
 * Returns null when it is, else the server's error message (in `lang`).
 */
export async function checkOperatorToken(token: string, lang: Lang): Promise<string | null> {
  try {
    await api('/api/rooms/main/analytics', { token, lang });
    return null;
  } catch (e) {
    return e instanceof ApiError ? e.message : String(e);
  }
}

/**
 * The sign-in card. Use when: a staff page has no working token. Resolves with a token the server
 * accepted (saved for this tab); a refused token shows the server's own error and lets you retry.
 */
export function operatorLogin(container: HTMLElement, lang: Lang, heading: string): Promise<string> {
  return new Promise((resolve) => {
    const input = h('input', { type: 'password', class: 'field-input', autocomplete: 'current-password', required: true, 'data-testid': 'login-token', 'aria-label': tc(lang, 'token') });
    const error = h('p', { class: 'login-error', role: 'alert', hidden: true, 'data-testid': 'login-error' });
    const button = h('button', { class: 'btn', type: 'submit', 'data-testid': 'login-submit' }, tc(lang, 'signIn'));
    const form = h(
      'form',
      {
        class: 'login-card panel',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const token = input.value.trim();
          if (!token) return;
          button.disabled = true;
          const problem = await checkOperatorToken(token, lang);
          button.disabled = false;
          if (problem) {
            error.hidden = false;
            error.textContent = problem;
            input.select();
            return;
          }
          sessionStorage.setItem(KEY, token);
          resolve(token);
        },
      },
      h('div', { class: 'login-logo', 'aria-hidden': 'true' }, '❄'),
      h('h1', {}, heading),
      h('label', { class: 'field' }, h('span', {}, tc(lang, 'token')), input),
      error,
      button,
      h('p', { class: 'hint' }, tc(lang, 'tokenHint')),
    );
    container.replaceChildren(h('div', { class: 'login-wrap' }, form));
    input.focus();
  });
}
