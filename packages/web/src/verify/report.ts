import type { DrawPublication, DrawWinner, Lang } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import type { Verification } from '@snowstage/commerce';
import { h } from '../shared/dom.js';
import { st } from '../showcase/strings.js';

export type Report = { kind: 'invalid'; problems: string[] } | { kind: 'checked'; pub: DrawPublication; verification: Verification; ms: number };

const MAX_ROWS = 300;

/**
 * The verdict, big and unmistakable (match / mismatch / not a publication), then the evidence:
 * the problems found, each round's commitment, seed and entries hash, and the recomputed winners
 * side by side with the published ones.
 */
export function renderReport(r: Report, lang: Lang): HTMLElement {
  if (r.kind === 'invalid') {
    return h(
      'div',
      { class: 'v-verdict bad', 'data-ok': 'invalid' },
      h('div', { class: 'v-verdict-head' }, h('span', { class: 'v-mark' }, '!'), st(lang, 'verifyInvalid')),
      h('ul', { class: 'v-problems', 'data-testid': 'verify-problems' }, ...r.problems.map((p) => h('li', {}, p))),
    );
  }
  const { pub, verification: v } = r;
  const drawn = pub.draw.rounds.some((x) => x.seed !== null && x.winners !== null);
  const ok = v.ok && drawn;
  const totalEntries = pub.entries.reduce((n, e) => n + e.entries, 0);
  return h(
    'div',
    { class: 'v-report' },
    h(
      'div',
      { class: `v-verdict ${v.ok ? (drawn ? 'ok' : 'pending') : 'bad'}`, 'data-ok': String(ok), 'data-testid': 'verdict' },
      h('div', { class: 'v-verdict-head' }, h('span', { class: 'v-mark' }, v.ok ? (drawn ? '✓' : '…') : '✗'), v.ok ? (drawn ? st(lang, 'verifyOk') : st(lang, 'verifyNotDrawn')) : st(lang, 'verifyBad')),
      h('div', { class: 'v-sub' }, `${pick(pub.draw.title, lang)} · ${pub.algorithm} · ${pub.entries.length.toLocaleString()} × ${st(lang, 'verifyFan')} · ${totalEntries.toLocaleString()} ${st(lang, 'verifyEntries')} · ${Math.round(r.ms)} ms`),
    ),
    v.problems.length
      ? h('div', { class: 'v-section' }, h('h2', {}, st(lang, 'verifyProblems')), h('ul', { class: 'v-problems', 'data-testid': 'verify-problems' }, ...v.problems.map((p) => h('li', {}, p))))
      : null,
    ...pub.draw.rounds.map((round, i) => {
      const published = round.winners ?? [];
      const recomputed = round.seed !== null && round.winners !== null ? (v.winners[pub.draw.rounds.slice(0, i).filter((x) => x.seed !== null && x.winners !== null).length] ?? []) : [];
      return h(
        'div',
        { class: 'v-section' },
        h('h2', {}, st(lang, 'verifyRound', { n: round.round })),
        h(
          'dl',
          { class: 'v-facts' },
          h('dt', {}, st(lang, 'verifyCommitment')),
          h('dd', {}, h('code', {}, round.commitment)),
          h('dt', {}, st(lang, 'verifyEntriesHash')),
          h('dd', {}, h('code', {}, round.entriesHash ?? '—')),
          h('dt', {}, st(lang, 'verifySeed')),
          h('dd', {}, h('code', {}, round.seed ?? '—')),
        ),
        round.winners ? winnersTable(recomputed, published, pub, lang) : null,
      );
    }),
  );
}

function winnersTable(recomputed: DrawWinner[], published: DrawWinner[], pub: DrawPublication, lang: Lang): HTMLElement {
  const prizeName = (id: string) => {
    const p = pub.draw.prizes.find((x) => x.id === id);
    return p ? pick(p.name, lang) : id;
  };
  const rows = Math.max(recomputed.length, published.length);
  const shown = Math.min(rows, MAX_ROWS);
  const body: HTMLElement[] = [];
  for (let i = 0; i < shown; i++) {
    const a = recomputed[i];
    const b = published[i];
    const same = !!a && !!b && a.fanId === b.fanId && a.prizeId === b.prizeId && a.rank === b.rank;
    body.push(
      h(
        'tr',
        { class: same ? 'same' : 'diff' },
        h('td', {}, String((a ?? b)!.rank + 1)),
        h('td', {}, prizeName((a ?? b)!.prizeId)),
        h('td', {}, h('code', {}, a?.fanId ?? '—')),
        h('td', {}, h('code', {}, b?.fanId ?? '—')),
        h('td', { class: 'v-cell-mark' }, same ? '✓' : '✗'),
      ),
    );
  }
  return h(
    'div',
    { class: 'v-table-wrap' },
    h(
      'table',
      { class: 'v-table', 'data-testid': 'verify-winners' },
      h('thead', {}, h('tr', {}, h('th', {}, st(lang, 'verifyRank')), h('th', {}, st(lang, 'verifyPrize')), h('th', {}, st(lang, 'verifyWinners')), h('th', {}, st(lang, 'verifyPublished')), h('th', {}, ''))),
      h('tbody', {}, ...body),
    ),
    rows > shown ? h('p', { class: 'v-note' }, `+ ${(rows - shown).toLocaleString()}`) : null,
  );
}
