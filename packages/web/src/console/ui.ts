import type { Lang, Product } from '@snowstage/protocol';
import type { Outgoing } from '../shared/room-client.js';
import { h } from '../shared/dom.js';
import type { ConsoleState } from './console-state.js';

/** What every console panel may use: the page language, the room, the catalog and the two channels to the server. */
export interface ConsoleCtx {
  readonly lang: Lang;
  readonly roomId: string;
  state(): ConsoleState | null;
  /** The catalog, kept current from product events. */
  products(): ReadonlyMap<string, Product>;
  /** Sends a room command over the WebSocket; shows the server's error and resolves false on failure. */
  send(msg: Outgoing): Promise<boolean>;
  /** An HTTP call with the operator token; shows the server's error and resolves null on failure. */
  http<T>(path: string, opts?: { method?: string; body?: unknown }): Promise<T | null>;
  /** POSTs raw bytes (application/octet-stream) with the operator token; like `http` on failure. */
  upload<T>(path: string, bytes: Blob): Promise<T | null>;
  /** Room clock (server epoch ms). */
  now(): number;
}

/** A console panel: a titled card. */
export function panel(title: string, testId: string, ...children: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'panel console-panel', 'data-testid': testId }, h('h2', { class: 'panel-title' }, title), ...children);
}

/** A labelled form control. */
export function field(label: string, control: HTMLElement, extra = ''): HTMLElement {
  return h('label', { class: `field ${extra}`.trim() }, h('span', { class: 'field-label' }, label), control);
}

export function input(attrs: Record<string, unknown>): HTMLInputElement {
  return h('input', { class: 'field-input', ...attrs });
}

/** A select of [value, label] pairs. */
export function select(options: readonly (readonly [string, string])[], attrs: Record<string, unknown> = {}, selected?: string): HTMLSelectElement {
  return h('select', { class: 'field-input', ...attrs }, ...options.map(([v, l]) => h('option', { value: v, selected: v === selected }, l)));
}

/** Products for a select, in the page language. */
export function productOptions(products: Iterable<Product>, lang: Lang): [string, string][] {
  return [...products].map((p) => [p.id, p.name[lang] || p.name.zh]);
}

/** Shows a field as wrong until it changes. */
export function markInvalid(el: HTMLElement | undefined): void {
  if (!el) return;
  el.classList.add('invalid');
  el.setAttribute('aria-invalid', 'true');
  el.focus();
  el.addEventListener('input', () => (el.classList.remove('invalid'), el.removeAttribute('aria-invalid')), { once: true });
}

/** A button that stays disabled while its action runs. */
export function action(label: string, run: () => Promise<unknown>, attrs: Record<string, unknown> = {}): HTMLButtonElement {
  const b: HTMLButtonElement = h(
    'button',
    {
      class: 'btn btn-small',
      type: 'button',
      ...attrs,
      onclick: async () => {
        b.disabled = true;
        try {
          await run();
        } finally {
          b.disabled = false;
        }
      },
    },
    label,
  );
  return b;
}
