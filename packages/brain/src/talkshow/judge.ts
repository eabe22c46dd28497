import type { LocalizedText } from '@snowstage/protocol';
import { editDistance } from '../text/fuzzy.js';
import { normalize } from '../text/normalize.js';
import { spokenNumbers } from '../text/numbers.js';
import { stem } from '../text/tokenizer.js';

const ZH_FILLER = /大约|大概|超过|常常|差不多|也就是|原来的|因为|它是|一共|左右|以上|多|每小时|公里|公斤|千克|厘米|毫米|米|秒|个|年|圈|局|条|次|届|位|的/g;
const EN_STOP = new Set('a an the of in on at to for and or is are was it its about over more than around roughly nearly often approximately because formerly which that this with per'.split(' '));
const UNITS = new Set(['km', 'kg', 'cm', 'meter', 'meters', 'metre', 'metres', 'second', 'seconds', 'minute', 'minutes', 'hour', 'ends', 'end', 'lap', 'laps']);

function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1800 && n <= 2100;
}

function numberClose(guess: number, answer: number): boolean {
  if (isYear(answer) || answer <= 10) return guess === answer;
  return Math.abs(guess - answer) <= Math.max(1, answer * 0.05);
}

function zhParts(answer: string): string[] {
  return normalize(answer)
    .split(/[，,、;；/（）()“”"'‘’：:]|和|或|还是|也就是/)
    .map((p) => p.replace(/[\d.]+/g, '').replace(/[零〇一二两三四五六七八九十百千万半]+(?=[个年圈局条次届位秒米])/g, '').replace(ZH_FILLER, '').trim())
    .filter((p) => /[\u3400-\u9fff]{2,}/.test(p));
}

function enParts(answer: string): string[][] {
  return normalize(answer)
    .split(/[,;:()/]|\band\b|\bor\b/)
    .map((p) => (p.match(/[a-z]+/g) ?? []).filter((w) => w.length >= 3 && !EN_STOP.has(w) && !UNITS.has(w) && !/^(one|two|three|four|five|six|seven|eight|nine|ten|half)$/.test(w)).map(stem))
    .filter((ws) => ws.length > 0);
}

/**
 * Judges a viewer's chat answer to a quiz question, in Chinese or English, against the answer in both
 * languages. Numbers are tolerant (within 5 %, exact for years and small counts, halves understood);
 * words match by the distinctive part of the answer ("熊猫" for "大熊猫", "ribbon" for "The Ice Ribbon").
 */
export function judgeAnswer(guess: string, answer: LocalizedText): boolean {
  const g = normalize(guess);
  if (!g || /不是|不对|不知道|\bnot\b|\bno idea\b|\bdunno\b/.test(g)) return false;
  const answerNums = [...spokenNumbers(answer.zh), ...spokenNumbers(answer.en)];
  const guessNums = spokenNumbers(g);
  if (answerNums.length > 0 && guessNums.length > 0) return guessNums.some((x) => answerNums.some((a) => numberClose(x, a)));
  // Words: Chinese core phrases …
  const gz = g.replace(ZH_FILLER, '');
  for (const part of zhParts(answer.zh)) {
    if (gz.length >= 2 && part.includes(gz) && gz.length / part.length >= 0.4) return true;
    if (gz.includes(part)) return true;
  }
  // … and English distinctive words (typos forgiven on longer words).
  const gw = (g.match(/[a-z]+/g) ?? []).map(stem);
  for (const words of enParts(answer.en)) {
    const hit = words.filter((w) => gw.some((x) => x === w || (w.length >= 5 && editDistance(x, w, 1) <= 1))).length;
    if (hit > 0 && hit / words.length >= 0.5) return true;
  }
  return false;
}
