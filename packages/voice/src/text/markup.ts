/**
 * Speech markup: the small tag set the brain may put in its text, and the form every engine receives.
 *
 *   <mark name="g:thumbs-up"/>   a named point in time; it comes back as a `mark` event (ms into the
 *                                audio) at the start of the word that follows it. Names: 1–64 of
 *                                letters, digits and `: . _ -`.
 *   <break time="300ms"/>        a pause (`ms` or `s`, clamped to 0–3000 ms; `<break/>` is 300 ms).
 *   <emphasis>words</emphasis>   stressed words (also `*words*` and `**words**`, as LLMs write them).
 *
 * Any other tag-like text (`<b>`, `</speak>`) is dropped, keeping its content; a `<` or `&` that does
 * not start a tag stays text and is read by the normaliser ("小于" / "and").
 */

export type SpeechPiece =
  | { kind: 'text'; text: string; emphasis: boolean }
  | { kind: 'mark'; name: string }
  | { kind: 'break'; ms: number };

const TAG = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>/]+))*)\s*(\/?)>/y;
const ATTR = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>/]+))/g;
const MARK_NAME = /^[\w:.-]{1,64}$/;
export const DEFAULT_BREAK_MS = 300;
export const MAX_BREAK_MS = 3000;

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

function breakMs(time: string | undefined): number {
  if (time === undefined) return DEFAULT_BREAK_MS;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(time);
  if (!m) return DEFAULT_BREAK_MS;
  const ms = Number(m[1]) * (m[2]?.toLowerCase() === 's' ? 1000 : 1);
  return Math.round(Math.min(MAX_BREAK_MS, Math.max(0, ms)));
}

/**
 * Use when: reading brain text or normalised speech markup.
 * Expects: any string (untrusted). Returns: pieces in order; adjacent text with the same emphasis is merged.
 */
export function parseSpeechMarkup(input: string): SpeechPiece[] {
  const out: SpeechPiece[] = [];
  let emphasis = 0;
  let text = '';
  const flush = () => {
    if (text) pushText(out, text, emphasis > 0);
    text = '';
  };
  for (let i = 0; i < input.length; ) {
    const c = input[i]!;
    if (c === '<') {
      TAG.lastIndex = i;
      const m = TAG.exec(input);
      if (m) {
        const [whole, close, rawName, rawAttrs] = m;
        const name = rawName!.toLowerCase();
        flush();
        if (name === 'mark' && !close) {
          const n = attrs(rawAttrs ?? '').name;
          if (n && MARK_NAME.test(n)) out.push({ kind: 'mark', name: n });
        } else if (name === 'break' && !close) out.push({ kind: 'break', ms: breakMs(attrs(rawAttrs ?? '').time) });
        else if (name === 'emphasis') emphasis = Math.max(0, emphasis + (close ? -1 : 1));
        i += whole.length;
        continue;
      }
    }
    if (c === '*') {
      const stars = input.startsWith('**', i) ? 2 : 1;
      flush();
      const closes = input.indexOf('*'.repeat(stars), i + stars);
      if (emphasis > 0 && closes < 0) emphasis--; // a closing star
      else if (closes > i + stars) emphasis++;
      i += stars;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

function pushText(out: SpeechPiece[], text: string, emphasis: boolean): void {
  const last = out[out.length - 1];
  if (last?.kind === 'text' && last.emphasis === emphasis) last.text += text;
  else out.push({ kind: 'text', text, emphasis });
}

/** The canonical markup of pieces (what engines receive and what cache keys hash). */
export function toSpeechMarkup(pieces: readonly SpeechPiece[]): string {
  return pieces
    .map((p) => {
      if (p.kind === 'mark') return `<mark name="${p.name}"/>`;
      if (p.kind === 'break') return `<break time="${p.ms}ms"/>`;
      const t = p.text.replace(/[<>&*]/g, ' ');
      return p.emphasis ? `<emphasis>${t}</emphasis>` : t;
    })
    .join('');
}

/** The words only (no tags): for captions, language detection and engines without markup. */
export function plainText(pieces: readonly SpeechPiece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'break' ? ' ' : '')).join('').replace(/\s+/g, ' ').trim();
}
