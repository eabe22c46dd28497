import { DrawPublication, pick, type Lang } from '@snowstage/protocol';
import { verifyDraw } from '@snowstage/commerce';
import { h } from '../shared/dom.js';
import { api, ApiError } from '../shared/api.js';
import { initialLang, saveLang } from '../shared/i18n.js';
import { st } from '../showcase/strings.js';
import { renderReport, type Report } from './report.js';
import '../shared/base.css';
import './verify.css';

/**
 * The draw verifier (`/verify`, or `/verify?draw=ID`): takes a draw's publication (pasted, a file,
 * or fetched from the server) and recomputes the winners in this browser with the same public
 * algorithm the server used (@snowstage/commerce), then says clearly whether they match.
 */
let lang: Lang = initialLang();
saveLang(lang);
/** A fetched or loaded publication too big to show in the text box is kept here. */
let loaded: unknown = null;
let last: Report | null = null;

const input = h('textarea', { class: 'v-input', 'data-testid': 'verify-input', spellcheck: false, rows: 10 });
const file = h('input', { type: 'file', accept: 'application/json,.json', class: 'v-file', 'data-testid': 'verify-file' });
const fileLabel = h('label', { class: 'btn btn-ghost' }, file, h('span', {}, ''));
const run = h('button', { class: 'btn v-run', 'data-testid': 'verify-run', onclick: () => void verify() }, '');
const loadedNote = h('div', { class: 'v-note', hidden: true });
const result = h('section', { class: 'v-result', 'data-testid': 'verify-result', hidden: true, 'aria-live': 'polite' });
const title = h('h1', {}, '');
const intro = h('p', { class: 'v-intro' }, '');
const langButton = h('button', { class: 'btn btn-ghost btn-small', 'data-testid': 'lang-switch', onclick: () => setLang(lang === 'zh' ? 'en' : 'zh') }, '');

document.getElementById('app')!.replaceChildren(
  h(
    'main',
    { class: 'verify' },
    h('header', { class: 'v-head' }, h('span', { class: 'v-logo', 'aria-hidden': 'true' }, '✓'), title, h('span', { class: 'spacer' }), langButton),
    intro,
    h('div', { class: 'v-box' }, input, loadedNote, h('div', { class: 'v-actions' }, fileLabel, run)),
    result,
  ),
);

input.addEventListener('input', () => {
  loaded = null;
  loadedNote.hidden = true;
});
file.addEventListener('change', async () => {
  const f = file.files?.[0];
  if (!f) return;
  setSource(JSON.parse(await f.text()), f.name);
  void verify();
});

function setSource(value: unknown, label: string): void {
  const text = JSON.stringify(value, null, 2);
  // Megabytes of entries would make the text box crawl: keep them aside and say what is loaded.
  if (text.length > 1_000_000) {
    loaded = value;
    input.value = '';
    loadedNote.hidden = false;
    loadedNote.textContent = `${label} · ${(text.length / 1e6).toFixed(1)} MB`;
  } else {
    loaded = null;
    loadedNote.hidden = true;
    input.value = text;
  }
}

async function verify(): Promise<void> {
  let raw: unknown = loaded;
  if (raw === null) {
    try {
      raw = JSON.parse(input.value);
    } catch (e) {
      return show({ kind: 'invalid', problems: [(e as Error).message] });
    }
  }
  const parsed = DrawPublication.safeParse(raw);
  if (!parsed.success) return show({ kind: 'invalid', problems: parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) });
  run.disabled = true;
  result.hidden = false;
  result.replaceChildren(h('div', { class: 'v-busy' }, '…'));
  try {
    const t0 = performance.now();
    const v = await verifyDraw(parsed.data);
    show({ kind: 'checked', pub: parsed.data, verification: v, ms: performance.now() - t0 });
  } catch (e) {
    show({ kind: 'invalid', problems: [(e as Error).message] });
  } finally {
    run.disabled = false;
  }
}

function show(report: Report): void {
  last = report;
  result.hidden = false;
  result.replaceChildren(renderReport(report, lang));
}

function render(): void {
  title.textContent = st(lang, 'verifyTitle');
  document.title = `Snowstage · ${st(lang, 'verifyTitle')}`;
  intro.textContent = st(lang, 'verifyIntro');
  input.placeholder = st(lang, 'verifyPaste');
  fileLabel.querySelector('span')!.textContent = st(lang, 'verifyFile');
  run.textContent = st(lang, 'verifyRun');
  langButton.textContent = st(lang, 'lang');
  if (last) result.replaceChildren(renderReport(last, lang));
}

function setLang(next: Lang): void {
  lang = next;
  saveLang(lang);
  render();
}

render();
const drawId = new URLSearchParams(location.search).get('draw');
if (drawId) {
  loadedNote.hidden = false;
  loadedNote.textContent = st(lang, 'verifyFetching');
  api<unknown>(`/api/draws/${encodeURIComponent(drawId)}/publication`, { lang })
    .then((pub) => {
      const title = (pub as { draw?: { title?: { zh: string; en: string } } }).draw?.title;
      setSource(pub, title ? pick(title, lang) : drawId);
      return verify();
    })
    .catch((e) => show({ kind: 'invalid', problems: [e instanceof ApiError ? `${e.code}: ${e.message}` : String(e)] }));
}
