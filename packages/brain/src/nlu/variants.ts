import type { Product, Variant } from '@snowstage/protocol';
import { normalize } from '../text/normalize.js';

/** Colour words → canonical colour. Navy and off-white are checked before blue and white. */
const COLOURS: [string, RegExp][] = [
  ['navy', /藏青|藏蓝|深蓝|海军蓝|navy|dark blue/],
  ['natural', /米白|米色|原色|natural|beige|cream/],
  ['red', /红|red/],
  ['blue', /蓝|blue/],
  ['white', /白|white/],
];

export function coloursIn(text: string): Set<string> {
  const found = new Set<string>();
  let rest = normalize(text);
  for (const [name, re] of COLOURS) {
    if (re.test(rest)) {
      found.add(name);
      rest = rest.replace(new RegExp(re.source, 'g'), ' ');
    }
  }
  return found;
}

const LETTER_SIZES = ['xxxl', 'xxl', 'xl', 'xs', 's', 'm', 'l'];

function compact(s: string): string {
  return normalize(s).replace(/[\s·・()（）\-–_.]/g, '');
}

/** What a comment says about the variant it wants. */
export interface VariantQuery {
  /** Variants that fit everything mentioned; empty when nothing about a variant was said. */
  matches: Variant[];
  /** True when a size, colour or model was mentioned. */
  mentioned: boolean;
  /** A size asked for that the product does not have (e.g. "XXXL"). */
  missingSize?: string;
}

/**
 * Finds the variants of `product` that a comment asks about: letter sizes (S–XXL), centimetre and
 * children's sizes, colours, and other label words (phone models, editions).
 */
export function matchVariants(product: Pick<Product, 'variants'>, text: string): VariantQuery {
  const norm = normalize(text);
  const c = compact(text);
  let pool = product.variants;
  let mentioned = false;
  let missingSize: string | undefined;

  // Sizes.
  const letterVariants = pool.filter((v) => v.size && LETTER_SIZES.includes(v.size.toLowerCase()));
  if (letterVariants.length > 0) {
    const m = /(?<![a-z'])(xxxl|xxl|xl|xs|s|m|l)(?![a-z])/.exec(norm.replace(/\b(i'm|it's|let's|what's)\b/g, ' '));
    if (m) {
      mentioned = true;
      const want = m[1]!;
      const sized = pool.filter((v) => v.size?.toLowerCase() === want);
      if (sized.length > 0) pool = sized;
      else missingSize = want.toUpperCase();
    }
  } else {
    const numeric = pool.filter((v) => v.size && /^\d+/.test(v.size));
    if (numeric.length > 0) {
      for (const m of norm.matchAll(/(\d{2,3})\s*(cm|厘米|公分|码|的|号)?/g)) {
        const sized = numeric.filter((v) => parseInt(v.size!, 10) === Number(m[1]));
        if (sized.length > 0) {
          mentioned = true;
          pool = sized;
          break;
        }
      }
    }
  }

  // Colours.
  const wanted = coloursIn(norm);
  if (wanted.size > 0) {
    const coloured = pool.filter((v) => {
      const have = coloursIn(`${v.label.zh} ${v.label.en} ${v.color?.zh ?? ''} ${v.color?.en ?? ''}`);
      return have.size > 0 && [...wanted].some((w) => have.has(w));
    });
    if (coloured.length > 0) {
      mentioned = true;
      pool = coloured;
    }
  }

  // Other label words: phone models, editions ("夜光款", "glow in the dark", "灯宝").
  if (!mentioned || pool.length > 1) {
    const hits = pool.filter((v) =>
      [v.label.zh, v.label.en].some((l) => {
        const k = compact(l).replace(/[款装版]$/, '');
        return k.length >= 2 && !/^\d+$/.test(k) && c.includes(k);
      }),
    );
    const longest = hits.filter(
      (v) => !hits.some((o) => o !== v && compact(o.label.en).length > compact(v.label.en).length && compact(o.label.en).includes(compact(v.label.en))),
    );
    if (longest.length > 0 && longest.length < product.variants.length) {
      mentioned = true;
      pool = longest;
    }
  }
  return { matches: mentioned ? pool : [], mentioned, missingSize };
}
