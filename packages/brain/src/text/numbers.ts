const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a Chinese numeral such as 一百五十, 两千, 十二, 一万二, 三点五; NaN when it is not one. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  const [intPart, fracPart] = s.split('点') as [string, string | undefined];
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of intPart) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      section += (digit < 0 ? 1 : digit) * UNITS[ch]!;
      digit = -1;
    } else if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  let value = total + section + Math.max(digit, 0);
  if (fracPart) {
    let f = '';
    for (const ch of fracPart) {
      if (!(ch in DIGITS)) return NaN;
      f += String(DIGITS[ch]);
    }
    value += Number(`0.${f}`);
  }
  return value;
}

const ZH_NUM = '[零〇一二两三四五六七八九十百千万点]+';

/** All numbers in a text, Arabic or Chinese, in order ("一百五" → 150, "1,299" → 1299). */
export function extractNumbers(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(\\d[\\d,]*(?:\\.\\d+)?)|(${ZH_NUM})`, 'g');
  for (const m of text.matchAll(re)) {
    if (m[1]) out.push(Number(m[1].replace(/,/g, '')));
    else if (m[2]) {
      const n = parseChineseNumber(colloquial(m[2]));
      if (Number.isFinite(n)) out.push(n);
    }
  }
  return out;
}

/** "一百五" means 150 and "两千三" 2300: a trailing digit after a unit takes the next lower unit. */
function colloquial(s: string): string {
  const m = /^(.*)([百千万])([一二两三四五六七八九])$/.exec(s);
  if (!m) return s;
  const lower: Record<string, string> = { 百: '十', 千: '百', 万: '千' };
  return `${m[1]}${m[2]}${m[3]}${lower[m[2]!]}`;
}

const EN_NUMS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/**
 * Numbers in a guess or an answer, with English number words and halves: "three and a half" → 3.5,
 * "三圈半" → 3.5, "一百五" → 150, "150km/h" → 150.
 */
export function spokenNumbers(text: string): number[] {
  let t = text.toLowerCase().replace(/(\d),(\d{3})/g, '$1$2');
  t = t.replace(/\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -](one|two|three|four|five|six|seven|eight|nine)\b/g, (_, a: string, b: string) => String(EN_NUMS[a]! + EN_NUMS[b]!));
  t = t.replace(/\b([a-z]+) hundred\b/g, (m, a: string) => (a in EN_NUMS ? String(EN_NUMS[a]! * 100) : m));
  t = t.replace(/\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/g, (w) => String(EN_NUMS[w]));
  t = t.replace(/(\d+)\s*and a half/g, (_, n: string) => String(Number(n) + 0.5));
  t = t.replace(/([零〇一二两三四五六七八九十百千万]+|\d+)([\u4e00-\u9fff]?)半/g, (_, n: string, unit: string) => {
    const v = /\d/.test(n) ? Number(n) : parseChineseNumber(colloquial(n));
    return `${v + 0.5}${unit}`;
  });
  return extractNumbers(t);
}
