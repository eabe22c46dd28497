/** Reading numbers aloud in Mandarin. Inputs are digit strings so long numbers keep every digit. */

const DIGIT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS = ['', '十', '百', '千'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Digit by digit: "2022" → 二零二二 (years, phone numbers, codes). */
export function zhDigits(digits: string): string {
  return digits.replace(/\d/g, (d) => DIGIT[Number(d)]!);
}

/**
 * Use when: reading a cardinal number. "88" → 八十八, "10" → 十, "101" → 一百零一, "20000" → 两万.
 * Expects: a string of ASCII digits (leading zeros are ignored), at most 16 digits.
 */
export function zhInteger(digits: string): string {
  const s = digits.replace(/^0+(?=\d)/, '');
  if (s === '0') return '零';
  if (s.length > 16) return zhDigits(s);
  const groups: string[] = [];
  for (let end = s.length; end > 0; end -= 4) groups.unshift(s.slice(Math.max(0, end - 4), end));
  let out = '';
  let pendingZero = false;
  groups.forEach((g, gi) => {
    const big = BIG_UNITS[groups.length - 1 - gi]!;
    const n = Number(g);
    if (n === 0) {
      pendingZero = out !== '';
      return;
    }
    if (out !== '' && (pendingZero || g.padStart(4, '0')[0] === '0')) out += '零';
    out += zhGroup(g.padStart(4, '0'), out === '') + big;
    pendingZero = false;
  });
  return out;
}

/** One 4-digit group. `leading`: the group starts the number (so 10–19 read 十…, and 2 before 百/千 reads 两). */
function zhGroup(g: string, leading: boolean): string {
  let out = '';
  let zero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(g[i]);
    const unit = SMALL_UNITS[3 - i]!;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    const first = leading && !started;
    if (d === 1 && unit === '十' && first) out += '十';
    else if (d === 2 && first && (unit === '百' || unit === '千')) out += '两' + unit;
    else out += DIGIT[d]! + unit;
    started = true;
  }
  return out;
}

/** "88.50" → 八十八点五零; "-3" → 负三. */
export function zhNumber(text: string): string {
  const m = /^([-−])?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const int = zhInteger(m[2]!);
  return (m[1] ? '负' : '') + int + (m[3] ? '点' + zhDigits(m[3]) : '');
}

/** A leading 2 before a measure word reads 两: 2件 → 两件 (but 12件 → 十二件). */
export function zhCount(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '') === '2' ? '两' : zhInteger(digits);
}

/** Money in yuan: "88" → 八十八元, "88.50" → 八十八元五角, "88.05" → 八十八元零五分, "0.5" → 五角. */
export function zhYuan(int: string, frac = ''): string {
  const jiao = Number(frac[0] ?? '0');
  const fen = Number(frac[1] ?? '0');
  const hasInt = Number(int) > 0 || (jiao === 0 && fen === 0);
  let out = hasInt ? zhInteger(int) + '元' : '';
  if (jiao > 0) out += DIGIT[jiao]! + '角';
  if (fen > 0) out += (jiao === 0 && hasInt ? '零' : '') + DIGIT[fen]! + '分';
  return out;
}
