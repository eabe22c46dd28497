/** Reading numbers aloud in English. */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

/** Digit by digit: "007" → zero zero seven. */
export function enDigits(digits: string): string {
  return digits.split('').map((d) => ONES[Number(d)]).join(' ');
}

function below1000(n: number): string {
  const parts: string[] = [];
  if (n >= 100) {
    parts.push(ONES[Math.floor(n / 100)]! + ' hundred');
    n %= 100;
  }
  if (n >= 20) parts.push(TENS[Math.floor(n / 10)]! + (n % 10 ? '-' + ONES[n % 10] : ''));
  else if (n > 0) parts.push(ONES[n]!);
  return parts.join(' ');
}

/**
 * Use when: reading a cardinal number. "88" → eighty-eight, "1005" → one thousand five.
 * Expects: ASCII digits, at most 15 (longer strings are read digit by digit).
 */
export function enInteger(digits: string): string {
  const s = digits.replace(/^0+(?=\d)/, '');
  if (s.length > 15) return enDigits(s);
  let n = Number(s);
  if (n === 0) return 'zero';
  const parts: string[] = [];
  for (let i = 0; n > 0; i++, n = Math.floor(n / 1000)) {
    const chunk = n % 1000;
    if (chunk) parts.unshift(below1000(chunk) + (SCALES[i] ? ' ' + SCALES[i] : ''));
  }
  return parts.join(' ');
}

/** "3.14" → three point one four; "-2" → minus two. */
export function enNumber(text: string): string {
  const m = /^([-−])?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  return (m[1] ? 'minus ' : '') + enInteger(m[2]!) + (m[3] ? ' point ' + enDigits(m[3]) : '');
}

const ORDINAL_IRREGULAR: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

/** "21" → twenty-first. */
export function enOrdinal(digits: string): string {
  const words = enInteger(digits);
  const m = /([a-z]+)$/.exec(words)!;
  const last = m[1]!;
  const ord = ORDINAL_IRREGULAR[last] ?? (last.endsWith('y') ? last.slice(0, -1) + 'ieth' : last + 'th');
  return words.slice(0, m.index) + ord;
}

/** Years as people say them: 2022 → twenty twenty-two, 2008 → two thousand eight, 1998 → nineteen ninety-eight. */
export function enYear(digits: string): string {
  const n = Number(digits);
  if (digits.length !== 4 || n < 1100) return enInteger(digits);
  const hi = Math.floor(n / 100);
  const lo = n % 100;
  if (n >= 2000 && n < 2010) return enInteger(digits);
  if (lo === 0) return enInteger(String(hi)) + ' hundred';
  return enInteger(String(hi)) + ' ' + (lo < 10 ? 'oh ' + ONES[lo] : enInteger(String(lo)));
}

/** Money with a main unit and a hundredth: (12, 99, dollar, dollars, cent, cents) → twelve dollars and ninety-nine cents. */
export function enMoney(int: string, frac: string, unit: [string, string], sub?: [string, string]): string {
  const main = Number(int);
  const cents = frac ? Number((frac + '0').slice(0, 2)) : 0;
  const mainWords = `${enInteger(int)} ${main === 1 ? unit[0] : unit[1]}`;
  if (!cents) return mainWords;
  if (!sub) return `${mainWords} ${enInteger(String(cents))}`; // "eighty-eight yuan fifty"
  const subWords = `${enInteger(String(cents))} ${cents === 1 ? sub[0] : sub[1]}`;
  return main ? `${mainWords} and ${subWords}` : subWords;
}
