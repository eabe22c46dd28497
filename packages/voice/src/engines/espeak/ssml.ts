import type { SpeechPiece } from '../../text/markup.js';

/**
 * Turns one language run of speech markup into the SSML-flavoured text eSpeak-NG reads, working
 * around its known pitfalls (measured in FACTS.md):
 * - with SSML on, `<` is dropped and `&` read aloud: any left in text become spaces (the normaliser
 *   has already turned real symbols into words);
 * - 儿化 words (玩儿, 一会儿, 哪儿) come out as English-read pinyin ("want ur five") unless a zero-width
 *   space goes before 儿; with it they read as the syllable er, which is intelligible.
 */
const ZWSP = '\u200B';

export function fixErhua(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}])儿/gu, ZWSP + '儿');
}

function escapeText(text: string): string {
  return fixErhua(text.replace(/[<>&]/g, ' '));
}

/**
 * Use when: sending a run to eSpeak. Marks, breaks and emphasis become eSpeak SSML tags.
 * Returns: text for `synthesize` (eSpeak's SSML mode is on in this build).
 */
export function toEspeakText(pieces: readonly SpeechPiece[]): string {
  return pieces
    .map((p) => {
      if (p.kind === 'mark') return `<mark name="${p.name}"/>`;
      if (p.kind === 'break') return `<break time="${p.ms}ms"/>`;
      return p.emphasis ? `<emphasis>${escapeText(p.text)}</emphasis>` : escapeText(p.text);
    })
    .join('');
}

/** How a run ends, which decides how much of eSpeak's trailing pause to keep at a language switch. */
export function trailingPause(pieces: readonly SpeechPiece[]): 'none' | 'weak' | 'strong' | 'break' {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    if (p.kind === 'break') return 'break';
    if (p.kind === 'mark') continue;
    const t = p.text.trimEnd();
    if (!t) continue;
    const last = t[t.length - 1]!;
    if (/[。！？!?.;；…\n]/.test(last)) return 'strong';
    if (/[，,、：:—)）]/.test(last)) return 'weak';
    return 'none';
  }
  return 'none';
}
