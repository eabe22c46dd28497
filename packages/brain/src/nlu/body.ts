import { normalize } from '../text/normalize.js';
import { parseChineseNumber } from '../text/numbers.js';

/** Body measurements a viewer gave for size advice. */
export interface Body {
  heightCm?: number;
  weightKg?: number;
  palmCm?: number;
  ageYears?: number;
}

/**
 * Reads height, weight, palm size and a child's age from a comment: "175cm 70kg", "我170 65公斤",
 * "一米七五 130斤", "I'm 180cm 80kg", "my son is 135cm", "5岁", "10 year old". Returns {} when none.
 */
export function parseBody(text: string): Body {
  const t = normalize(text).replace(/[一二三四五六七八九十两]+(?=岁|斤|公斤)/g, (m) => String(parseChineseNumber(m)));
  const body: Body = {};
  const h =
    /(\d{2,3}(?:\.\d)?)\s*(?:cm|厘米|公分)/.exec(t) ??
    /身高\s*(\d{3})/.exec(t) ??
    /(?:我|i'm|i am|height)\s*(\d{3})(?!\s*(?:kg|公斤|斤|lb))/.exec(t);
  if (h) body.heightCm = Number(h[1]);
  const m = /1\s*米\s*(\d{1,2})|一米([一二三四五六七八九])([一二三四五六七八九])?/.exec(t);
  if (m && !body.heightCm) {
    if (m[1]) body.heightCm = 100 + Number(m[1].length === 1 ? Number(m[1]) * 10 : m[1]);
    else body.heightCm = 100 + parseChineseNumber(m[2]!) * 10 + (m[3] ? parseChineseNumber(m[3]) : 0);
  }
  const kg = /(\d{2,3}(?:\.\d)?)\s*(?:kg|公斤|千克)/.exec(t);
  const jin = /(\d{2,3})\s*斤/.exec(t);
  const lb = /(\d{2,3})\s*(?:lbs?|pounds)/.exec(t);
  if (kg) body.weightKg = Number(kg[1]);
  else if (jin) body.weightKg = Number(jin[1]) / 2;
  else if (lb) body.weightKg = Math.round(Number(lb[1]) * 0.4536);
  else if (body.heightCm) {
    // "我175 70": a bare second number after the height is the weight in kg.
    const bare = new RegExp(`${body.heightCm}\\s*(?:cm|厘米)?\\s*[,，/ ]\\s*(\\d{2,3})(?![\\dcm])`).exec(t);
    if (bare && Number(bare[1]) >= 30 && Number(bare[1]) <= 150) body.weightKg = Number(bare[1]);
  }
  const palm = /(?:掌围|palm)\D{0,6}(\d{2})/.exec(t);
  if (palm) body.palmCm = Number(palm[1]);
  const age = /(\d{1,2})\s*(?:岁|years?[ -]old|year old|yo\b)/.exec(t);
  if (age) body.ageYears = Number(age[1]);
  if (body.heightCm !== undefined && (body.heightCm < 50 || body.heightCm > 230)) delete body.heightCm;
  return body;
}
