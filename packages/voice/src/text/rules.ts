import type { Lang } from '@snowstage/protocol';
import { zhCount, zhDigits, zhInteger, zhNumber, zhYuan } from './numbers-zh.js';
import { enDigits, enInteger, enMoney, enNumber, enOrdinal, enYear } from './numbers-en.js';

/**
 * The rewrite rules of `normalizeText`, in the order they run. Each rule is a regex and a renderer per
 * language; the sentence's language picks the renderer ("¥88" → 八十八元 in Chinese, "eighty-eight
 * yuan" in English). Earlier rules consume what later ones would misread (dates before ranges, ranges
 * before negative numbers, money before plain numbers).
 */
export interface Rule {
  name: string;
  re: RegExp;
  zh: (m: RegExpExecArray) => string;
  en: (m: RegExpExecArray) => string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.toLowerCase().startsWith(name.slice(0, 3).toLowerCase()));

const validDate = (mo: string, d: string) => Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31;

function zhDate(y: string | undefined, mo: string, d: string | undefined): string {
  return (y ? zhDigits(y) + '年' : '') + zhInteger(mo) + '月' + (d ? zhInteger(d) + '日' : '');
}
function enDate(y: string | undefined, mo: string, d: string | undefined): string {
  return MONTHS[Number(mo) - 1]! + (d ? ' ' + enOrdinal(d) : '') + (y ? ', ' + enYear(y) : '');
}

interface Currency {
  zh: (int: string, frac: string) => string;
  en: (int: string, frac: string) => string;
}
const yuan: Currency = { zh: (i, f) => zhYuan(i, f), en: (i, f) => enMoney(i, f, ['yuan', 'yuan']) };
const foreign = (zhName: string, one: string, many: string, sub?: [string, string]): Currency => ({
  zh: (i, f) => zhNumber(f ? `${i}.${f}` : i) + zhName,
  en: (i, f) => enMoney(i, f, [one, many], sub),
});
const CURRENCIES: Record<string, Currency> = {
  '¥': yuan, RMB: yuan, CNY: yuan, 元: yuan, yuan: yuan,
  $: foreign('美元', 'dollar', 'dollars', ['cent', 'cents']),
  US$: foreign('美元', 'dollar', 'dollars', ['cent', 'cents']),
  USD: foreign('美元', 'dollar', 'dollars', ['cent', 'cents']),
  美元: foreign('美元', 'dollar', 'dollars', ['cent', 'cents']),
  HK$: foreign('港币', 'Hong Kong dollar', 'Hong Kong dollars', ['cent', 'cents']),
  港币: foreign('港币', 'Hong Kong dollar', 'Hong Kong dollars', ['cent', 'cents']),
  '€': foreign('欧元', 'euro', 'euros', ['cent', 'cents']),
  EUR: foreign('欧元', 'euro', 'euros', ['cent', 'cents']),
  欧元: foreign('欧元', 'euro', 'euros', ['cent', 'cents']),
  '£': foreign('英镑', 'pound', 'pounds', ['penny', 'pence']),
  GBP: foreign('英镑', 'pound', 'pounds', ['penny', 'pence']),
  英镑: foreign('英镑', 'pound', 'pounds', ['penny', 'pence']),
};
const CUR_PREFIX = 'HK\\$|US\\$|¥|\\$|€|£|RMB|CNY|USD|EUR|GBP';
const CUR_SUFFIX = '元|美元|港币|欧元|英镑|yuan|RMB|CNY|USD|EUR|GBP';

/** Units after a number: [zh, en singular, en plural]. Ambiguous short ones only count when glued to the number. */
const UNITS: Record<string, [string, string, string]> = {
  'km/h': ['公里每小时', 'kilometer per hour', 'kilometers per hour'],
  'm/s': ['米每秒', 'meter per second', 'meters per second'],
  kph: ['公里每小时', 'kilometer per hour', 'kilometers per hour'],
  mph: ['英里每小时', 'mile per hour', 'miles per hour'],
  km: ['公里', 'kilometer', 'kilometers'],
  cm: ['厘米', 'centimeter', 'centimeters'],
  mm: ['毫米', 'millimeter', 'millimeters'],
  kg: ['公斤', 'kilogram', 'kilograms'],
  mg: ['毫克', 'milligram', 'milligrams'],
  ml: ['毫升', 'milliliter', 'milliliters'],
  mL: ['毫升', 'milliliter', 'milliliters'],
  mAh: ['毫安时', 'milliamp hour', 'milliamp hours'],
  kW: ['千瓦', 'kilowatt', 'kilowatts'],
  '°C': ['摄氏度', 'degree Celsius', 'degrees Celsius'],
  '°F': ['华氏度', 'degree Fahrenheit', 'degrees Fahrenheit'],
  '°': ['度', 'degree', 'degrees'],
  min: ['分钟', 'minute', 'minutes'],
  inch: ['英寸', 'inch', 'inches'],
  ft: ['英尺', 'foot', 'feet'],
  lbs: ['磅', 'pound', 'pounds'],
  lb: ['磅', 'pound', 'pounds'],
  oz: ['盎司', 'ounce', 'ounces'],
  m: ['米', 'meter', 'meters'],
  g: ['克', 'gram', 'grams'],
  L: ['升', 'liter', 'liters'],
  W: ['瓦', 'watt', 'watts'],
  h: ['小时', 'hour', 'hours'],
  s: ['秒', 'second', 'seconds'],
};
const GLUED_ONLY = new Set(['m', 'g', 'L', 'W', 'h', 's', 'min', 'ft', 'lb', 'oz']);
const unitAlternation = Object.keys(UNITS).sort((a, b) => b.length - a.length).map((u) => u.replace(/[/$]/g, '\\$&')).join('|');

const zhMeasured = (n: string) => (/^\d+$/.test(n) ? zhCount(n) : zhNumber(n));
const enUnit = (n: string, u: [string, string, string]) => `${enNumber(n)} ${n === '1' ? u[1] : u[2]}`;

/** Measure words after which a lone 2 reads 两. */
const MEASURE = '个|件|只|位|块|张|本|条|双|套|次|天|年|种|款|份|瓶|箱|斤|倍|台|部|辆|小时|分钟|周|点|家|层|颗|杯|支|盒|袋|包|千|万|亿';

function enFraction(a: string, b: string): string {
  const n = Number(a);
  if (b === '2') return n === 1 ? 'one half' : `${enInteger(a)} halves`;
  if (b === '4') return n === 1 ? 'one quarter' : `${enInteger(a)} quarters`;
  return `${enInteger(a)} ${enOrdinal(b)}${n === 1 ? '' : 's'}`;
}

function plainNumber(lang: Lang, sign: string | undefined, int: string, frac: string | undefined): string {
  // Codes, phone numbers and ids: digit by digit.
  if (!frac && !sign && ((int.length > 1 && int[0] === '0') || int.length >= 9)) return lang === 'zh' ? zhDigits(int) : enDigits(int);
  const s = `${sign ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
  return lang === 'zh' ? zhNumber(s) : enNumber(s);
}

const zhClock = (h: string, mi: string, s?: string) =>
  zhCount(h) + '点' + (Number(mi) === 0 ? '' : (Number(mi) < 10 ? '零' : '') + zhInteger(mi) + '分') + (s && Number(s) ? zhInteger(s) + '秒' : '');
const enClock = (h: string, mi: string) =>
  enInteger(h) + (Number(mi) === 0 ? " o'clock" : Number(mi) < 10 ? ` oh ${enInteger(mi)}` : ` ${enInteger(mi)}`);
const zhHalfDay = (x: string | undefined) => (!x ? '' : /^a/i.test(x) ? '上午' : '下午');
const enHalfDay = (x: string | undefined) => (!x ? '' : /^a/i.test(x) ? ' a m' : ' p m');

export const RULES: Rule[] = [
  {
    name: 'phone', re: /(?<!\d)(\d{3,4})-(\d{3,4})-(\d{4})(?!\d)/g,
    zh: (m) => [m[1], m[2], m[3]].map((g) => zhDigits(g!)).join('，'),
    en: (m) => [m[1], m[2], m[3]].map((g) => enDigits(g!)).join(', '),
  },
  {
    name: 'iso-date', re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/g,
    zh: (m) => (validDate(m[2]!, m[3]!) ? zhDate(m[1], m[2]!, m[3]) : m[0]),
    en: (m) => (validDate(m[2]!, m[3]!) ? enDate(m[1], m[2]!, m[3]) : m[0]),
  },
  {
    name: 'zh-date', re: /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?/g,
    zh: (m) => (validDate(m[2]!, m[3] ?? '1') ? zhDate(m[1], m[2]!, m[3]) : m[0]),
    en: (m) => (validDate(m[2]!, m[3] ?? '1') ? enDate(m[1], m[2]!, m[3]) : m[0]),
  },
  {
    name: 'month-name-date', re: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?`, 'gi'),
    zh: (m) => zhDate(m[3], String(monthIndex(m[1]!) + 1), m[2]),
    en: (m) => enDate(m[3], String(monthIndex(m[1]!) + 1), m[2]),
  },
  {
    name: 'year', re: /(?<!\d)(\d{4})(?=年|届|冬奥|奥运|赛季|款|版)|(?<![\d.])((?:19|20)\d\d)(?=[\p{Script=Han}])(?![个件只位块张本条双套次天种款份瓶箱斤倍台部辆家层颗杯支盒袋包元人名票单克米分秒千万亿多余])|\b(in|since|from|until|till|by|before|after|of|year|around|early|late|mid|summer|winter|spring|autumn|fall)\s+(\d{4})(?!\d)/giu,
    zh: (m) => (m[1] ?? m[2] ? zhDigits((m[1] ?? m[2])!) : `${m[3]} ${zhDigits(m[4]!)}`),
    en: (m) => (m[1] ?? m[2] ? enYear((m[1] ?? m[2])!) : `${m[3]} ${enYear(m[4]!)}`),
  },
  {
    // A range between numbers: 3-5, 3~5, ¥88-¥99, 10-20%. Only the connective is rewritten here.
    name: 'range', re: /(?<=\d)\s*[-~～–—]\s*(?=(?:HK\$|US\$|[¥$€£])?\d)/g,
    zh: () => '到',
    en: () => ' to ',
  },
  {
    name: 'clock', re: /(?<![\d.:])([01]?\d|2[0-4])[:：]([0-5]\d)(?::([0-5]\d))?(?![\d:])(?:\s*(am|pm|a\.m\.|p\.m\.)(?![a-z]))?/gi,
    zh: (m) => zhHalfDay(m[4]) + zhClock(m[1]!, m[2]!, m[3]),
    en: (m) => (m[4] && Number(m[2]) === 0 ? enInteger(m[1]!) : enClock(m[1]!, m[2]!)) + enHalfDay(m[4]),
  },
  {
    name: 'clock-halfday', re: /(?<![\d.:])(1[0-2]|0?[1-9])\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi,
    zh: (m) => zhHalfDay(m[2]) + zhCount(m[1]!) + '点',
    en: (m) => enInteger(m[1]!) + enHalfDay(m[2]),
  },
  {
    name: 'money-prefix', re: new RegExp(`(${CUR_PREFIX})\\s?(\\d+)(?:\\.(\\d{1,2}))?(?![\\d.])`, 'g'),
    zh: (m) => CURRENCIES[m[1]!]!.zh(m[2]!, m[3] ?? ''),
    en: (m) => CURRENCIES[m[1]!]!.en(m[2]!, m[3] ?? ''),
  },
  {
    name: 'money-suffix', re: new RegExp(`(?<![\\d.])(\\d+)(?:\\.(\\d{1,2}))?\\s?(${CUR_SUFFIX})(?![A-Za-z])`, 'g'),
    zh: (m) => CURRENCIES[m[3]!]!.zh(m[1]!, m[2] ?? ''),
    en: (m) => CURRENCIES[m[3]!]!.en(m[1]!, m[2] ?? ''),
  },
  {
    name: 'percent-range', re: /(?<![\d.])(\d+(?:\.\d+)?)(到| to )(\d+(?:\.\d+)?)\s?%/g,
    zh: (m) => `百分之${zhNumber(m[1]!)}到百分之${zhNumber(m[3]!)}`,
    en: (m) => `${enNumber(m[1]!)} to ${enNumber(m[3]!)} percent`,
  },
  {
    name: 'percent', re: /(?<![\d.])([-−]?\d+(?:\.\d+)?)\s?[%‰]/g,
    zh: (m) => (m[1]!.startsWith('-') || m[1]!.startsWith('−') ? '负' : '') + (m[0].endsWith('‰') ? '千分之' : '百分之') + zhNumber(m[1]!.replace(/^[-−]/, '')),
    en: (m) => `${enNumber(m[1]!)} ${m[0].endsWith('‰') ? 'per mille' : 'percent'}`,
  },
  {
    name: 'unit', re: new RegExp(`(?<![\\d.])([-−]?\\d+(?:\\.\\d+)?)(\\s?)(${unitAlternation}|℃)(?![A-Za-z])`, 'g'),
    zh: (m) => (glued(m) ? zhMeasured(m[1]!) + UNITS[unitKey(m[3]!)]![0] : m[0]),
    en: (m) => (glued(m) ? enUnit(m[1]!, UNITS[unitKey(m[3]!)]!) : m[0]),
  },
  {
    name: 'per-unit', re: new RegExp(`/(${unitAlternation}|件|个|斤|次|人|天|月|年|day|night|month|year|person|piece|pc)(?![A-Za-z])`, 'g'),
    zh: (m) => '每' + (UNITS[m[1]!]?.[0] ?? PER_WORDS[m[1]!]?.[0] ?? m[1]!),
    en: (m) => ' per ' + (UNITS[m[1]!]?.[1] ?? PER_WORDS[m[1]!]?.[1] ?? m[1]!),
  },
  {
    name: 'ordinal', re: /(?<![\d.])(\d+)(st|nd|rd|th)\b|第(\d+)/g,
    zh: (m) => (m[3] ? '第' + zhInteger(m[3]) : '第' + zhInteger(m[1]!)),
    en: (m) => enOrdinal(m[1] ?? m[3]!),
  },
  {
    name: 'fraction', re: /(?<![\d/.])(\d{1,3})\/(\d{1,3})(?![\d/.])/g,
    zh: (m) => (m[0] === '24/7' ? '全天候' : `${zhInteger(m[2]!)}分之${zhInteger(m[1]!)}`),
    en: (m) => (m[0] === '24/7' ? 'twenty-four seven' : enFraction(m[1]!, m[2]!)),
  },
  {
    name: 'count', re: new RegExp(`(?<![\\d.])2(?=${MEASURE})`, 'g'),
    zh: () => '两',
    en: () => 'two',
  },
  {
    name: 'number', re: /(?:(?<![A-Za-z\d.])([-−])(?=\d))?(?<![\d.])(\d+)(?:\.(\d+))?(?![\d])/g,
    zh: (m) => plainNumber('zh', m[1], m[2]!, m[3]),
    en: (m) => plainNumber('en', m[1], m[2]!, m[3]),
  },
];

const PER_WORDS: Record<string, [string, string]> = {
  件: ['件', 'piece'], 个: ['个', 'piece'], 斤: ['斤', 'jin'], 次: ['次', 'time'], 人: ['人', 'person'], 天: ['天', 'day'],
  月: ['月', 'month'], 年: ['年', 'year'], day: ['天', 'day'], night: ['晚', 'night'], month: ['月', 'month'],
  year: ['年', 'year'], person: ['人', 'person'], piece: ['件', 'piece'], pc: ['件', 'piece'],
};

function unitKey(u: string): string {
  return u === '℃' ? '°C' : u;
}
function glued(m: RegExpExecArray): boolean {
  return !(m[2] && GLUED_ONLY.has(m[3]!));
}
