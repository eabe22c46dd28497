import type { Product, SizeChart } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { parseBody, type Body } from '../nlu/body.js';
import { speakable } from '../text/normalize.js';
import { askWhich } from './ask-which.js';
import { Lines, tr, type AnswerContext } from './context.js';
import { productName } from './facts.js';

/** The clauses of a text that carry a measurement (cm, mm, ml, L, ×, 头围 …). */
export function dimensionClauses(text: string): string[] {
  return text
    .split(/[，。；;,—]|(?<=\w)\. /)
    .map((c) => c.trim())
    .filter((c) => /\d\s*(cm|mm|ml|l\b|L\b|厘米|毫米|升|×|x\s*\d|g\b|克|页)|头围|直径|高/.test(c) && /\d/.test(c));
}

function chartFor(ctx: AnswerContext, p: Product): SizeChart | undefined {
  return ctx.knowledge.faq.sizeCharts.find((c) => c.products.includes(p.id));
}

/** The chart size for a body: by height, and by weight when both are given (weight wins, per the chart note). */
export function recommendSize(chart: SizeChart, body: Body, variantAges?: { size: string; from: number; to: number }[]): string | null {
  const inRange = (r: [number, number] | undefined, x: number | undefined) => r && x !== undefined && x >= r[0] && x <= r[1];
  const last = (pred: (row: SizeChart['rows'][number]) => boolean | undefined) => [...chart.rows].reverse().find((r) => pred(r))?.size ?? null;
  const byWeight = body.weightKg !== undefined ? last((r) => inRange(r.weightKg, body.weightKg)) : null;
  const byHeight = body.heightCm !== undefined ? last((r) => inRange(r.heightCm, body.heightCm)) : null;
  const byPalm = body.palmCm !== undefined ? last((r) => inRange(r.palmCm, body.palmCm)) : null;
  if (byWeight) return byWeight;
  if (byHeight) return byHeight;
  if (byPalm) return byPalm;
  if (body.ageYears !== undefined && variantAges) return variantAges.find((a) => body.ageYears! >= a.from && body.ageYears! <= a.to)?.size ?? null;
  if (body.heightCm !== undefined) {
    const rows = chart.rows.filter((r) => r.heightCm);
    if (rows.length && body.heightCm > rows.at(-1)!.heightCm![1]) return rows.at(-1)!.size;
    if (rows.length && body.heightCm < rows[0]!.heightCm![0]) return rows[0]!.size;
  }
  return null;
}

function variantAgesOf(p: Product): { size: string; from: number; to: number }[] {
  return p.variants
    .map((v) => {
      const m = /(\d+)\s*[–-]\s*(\d+)\s*(?:岁)?/.exec(v.label.en.replace(/age /, '')) ?? /age (\d+)/.exec(v.label.en);
      if (!v.size || !m) return null;
      return { size: v.size, from: Number(m[1]), to: Number(m[2] ?? m[1]) };
    })
    .filter((x): x is { size: string; from: number; to: number } => !!x);
}

export function answerSize(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const { lang } = ctx;
  const body = parseBody(ctx.u.text);
  if (products.length === 0) {
    const e = ctx.faq.find(ctx.u.text, ['size']);
    if (e) out.say(pick(e.answer, 'zh'), pick(e.answer, 'en'), 'calm', 0.5, 'nod');
    else askWhich(ctx, out);
    return;
  }
  const p = products[0]!;
  const name = productName(p, lang);
  const chart = chartFor(ctx, p);
  if (chart && (body.heightCm || body.weightKg || body.palmCm || body.ageYears)) {
    const size = recommendSize(chart, body, variantAgesOf(p));
    const who = [
      body.heightCm ? tr(lang, `${body.heightCm} 厘米`, `${body.heightCm} cm`) : '',
      body.weightKg ? tr(lang, `${body.weightKg} 公斤`, `${body.weightKg} kg`) : '',
      body.ageYears ? tr(lang, `${body.ageYears} 岁`, `${body.ageYears} years old`) : '',
    ].filter(Boolean);
    if (size) {
      out.say(
        [`按${who.join('、')}，${name}建议选 ${size} 码。`, `${who.join('、')}的话，${name}穿 ${size} 码正合适。`],
        [`For ${who.join(', ')}, I'd pick size ${size} in the ${name}.`, `With ${who.join(', ')}, size ${size} is the one for the ${name}.`],
        'happy',
        0.6,
        'thumbs-up',
        p.id,
      );
      out.say(pick(chart.note, 'zh'), pick(chart.note, 'en'), 'calm', 0.4, undefined, p.id);
      return;
    }
  }
  const fit = p.category === 'apparel' ? ctx.faq.byId('apparel-fit') : undefined;
  if (/偏大|偏小|版型|宽松|修身|正码|run (small|large|big)|true to size|\bfit\b|oversized|baggy/.test(ctx.u.norm) && fit) {
    out.say(pick(fit.answer, 'zh'), pick(fit.answer, 'en'), 'calm', 0.5, 'nod', p.id);
    return;
  }
  const sized = p.variants.filter((v) => v.size);
  if (chart) {
    const rows = chart.rows.map((r) => {
      const range = r.heightCm ?? r.palmCm;
      const what = r.heightCm ? tr(lang, '身高', 'height ') : tr(lang, '掌围', 'palm ');
      return range ? tr(lang, `${r.size} 码${what} ${range[0]} 到 ${range[1]} 厘米`, `${r.size} for ${what}${range[0]} to ${range[1]} cm`) : r.size;
    });
    out.say(`${name}的尺码：${rows.join('，')}。`, `${name} sizes: ${rows.join('; ')}.`, 'calm', 0.5, 'point-product', p.id);
    out.say(pick(chart.note, 'zh'), pick(chart.note, 'en'), 'calm', 0.4, undefined, p.id);
    if (fit) out.say(pick(fit.answer, 'zh'), pick(fit.answer, 'en'), 'calm', 0.4, undefined, p.id);
    return;
  }
  if (sized.length > 0) {
    const sizes = [...new Set(sized.map((v) => v.size!))];
    out.say(
      `${name}有 ${sizes.join('、')} ${sizes.length} 种尺寸。`,
      `The ${name} comes in ${sizes.length} sizes: ${sizes.join(', ')}.`,
      'happy',
      0.5,
      'point-product',
      p.id,
    );
    const measure = p.category === 'plush' ? ctx.faq.byId('plush-measure') : undefined;
    if (measure) out.say(pick(measure.answer, 'zh'), pick(measure.answer, 'en'), 'calm', 0.4, undefined, p.id);
    return;
  }
  const dims = dimensionClauses(pick(p.description, lang));
  if (dims.length > 0) out.say(`${name}：${dims.join('，')}。`, `The ${name}: ${dims.join('; ')}.`, 'calm', 0.5, 'point-product', p.id);
  else out.say(`${name}：${speakable(pick(p.description, 'zh'), 'zh')}`, `The ${name}: ${speakable(pick(p.description, 'en'), 'en')}`, 'calm', 0.5, 'point-product', p.id);
}

