import type { Product } from '@snowstage/protocol';
import { pinyin } from 'pinyin-pro';
import { editDistance, typoBudget } from '../text/fuzzy.js';
import { normalize } from '../text/normalize.js';
import { stem } from '../text/tokenizer.js';

/** A product the viewer named, where, and how sure the match is. */
export interface ProductLink {
  productId: string;
  /** Strong: a whole name or alias (also in pinyin or with a typo), a "link N" reference, or the head of several of its names. */
  strong: boolean;
  /** Index in the normalised text where the product is first mentioned. */
  start: number;
  score: number;
}

type ProductNames = Pick<Product, 'id' | 'name' | 'aliases' | 'variants'>;

interface Form {
  productId: string;
  kind: 'name' | 'alias' | 'variant';
  /** zh: the normalised string; en: stemmed words. */
  zh?: string;
  zhPinyin?: string[];
  en?: string[];
}

const EN_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;
const EN_SKIP = new Set('a an the is are of for to in on at by my your this that it its pls please do does can i you me some any how much what s'.split(' '));
/** Words that separate two products ("A or B", "A和B"). */
const CONJ_EN = new Set(['and', 'or', 'vs', 'versus', 'than', 'plus']);
const CONJ_ZH = /[和跟与或、]|还是|对比|比较|或者|以及|比/;
const MODIFIER_EN = new Set(['with', 'featuring', 'showing']);

function enWords(text: string): { w: string; at: number; end: number }[] {
  const out: { w: string; at: number; end: number }[] = [];
  for (const m of text.matchAll(EN_WORD)) {
    const w = m[0].replace(/'.*$/, '');
    out.push({ w: stem(w), at: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

function syllables(s: string): string[] {
  return pinyin(s, { toneType: 'none', type: 'array', nonZh: 'removed' }) as string[];
}

const PINNED_REF =
  /(?:(\d{1,2}|[一二三四五六七八九十])\s*号(?:链接|商品|宝贝|产品)?)|(?:链接\s*(\d{1,2}))|(?:\b(?:link|item|no\.?|number)\s*#?\s*(\d{1,2})\b)|(?:#\s*(\d{1,2})\b)/g;

/**
 * Finds the products a comment names, by name, alias, partial name, pinyin (homophone typos) and English
 * typos, in both languages, plus "3号链接" / "link 3" references to the pinned products.
 * Build once per catalog (names rarely change) and reuse; prices and stock are not kept here.
 */
export class ProductIndex {
  private readonly forms: Form[] = [];
  private readonly productIds: string[];
  private readonly zhDf = new Map<string, number>();
  private readonly enDf = new Map<string, number>();
  private readonly enVocab = new Set<string>();
  readonly signature: string;

  /** `cut`: a word segmenter, so a homophone match never starts or ends inside a word ("辨别真假" is not "别针"). */
  constructor(
    products: readonly ProductNames[],
    private readonly cut?: (text: string) => string[],
  ) {
    this.productIds = products.map((p) => p.id);
    this.signature = ProductIndex.signatureOf(products);
    for (const p of products) {
      const add = (kind: Form['kind'], zh: string[], en: string[]) => {
        for (const s of zh) {
          const n = normalize(s).replace(/\s+/g, '');
          if (n.length >= 2) this.forms.push({ productId: p.id, kind, zh: n, zhPinyin: syllables(n) });
        }
        for (const s of en) {
          const words = enWords(normalize(s)).map((x) => x.w).filter((w) => !EN_SKIP.has(w));
          if (words.length > 0) this.forms.push({ productId: p.id, kind, en: words });
        }
      };
      add('name', [p.name.zh], [p.name.en]);
      add('alias', p.aliases.zh, p.aliases.en);
      add(
        'variant',
        p.variants.map((v) => v.label.zh).filter((s) => /[\u3400-\u9fff]/.test(s)),
        p.variants.map((v) => v.label.en),
      );
    }
    // Document frequencies: in how many products a substring (zh) or word (en) appears.
    const zhSubs = new Map<string, Set<string>>();
    const enSets = new Map<string, Set<string>>();
    for (const f of this.forms) {
      if (f.zh) {
        for (let i = 0; i < f.zh.length; i++)
          for (let j = i + 2; j <= f.zh.length; j++) {
            const s = f.zh.slice(i, j);
            (zhSubs.get(s) ?? zhSubs.set(s, new Set()).get(s)!).add(f.productId);
          }
      }
      for (const w of f.en ?? []) {
        this.enVocab.add(w);
        (enSets.get(w) ?? enSets.set(w, new Set()).get(w)!).add(f.productId);
      }
    }
    for (const [s, set] of zhSubs) this.zhDf.set(s, set.size);
    for (const [w, set] of enSets) this.enDf.set(w, set.size);
  }

  static signatureOf(products: readonly ProductNames[]): string {
    return products.map((p) => `${p.id}|${p.name.zh}|${p.name.en}|${p.aliases.zh.join(',')}|${p.aliases.en.join(',')}|${p.variants.map((v) => v.label.en).join(',')}`).join(';');
  }

  /** Words the tokenizer should keep whole (product names and aliases). */
  dictionaryWords(): string[] {
    return [...new Set(this.forms.filter((f) => f.zh && f.kind !== 'variant').map((f) => f.zh!))];
  }

  private idf(df: number): number {
    return Math.log(1 + this.productIds.length / Math.max(1, df));
  }

  /**
   * Products named in `text`, in the order they are named. Several are returned only when the text joins
   * them ("A和B", "A or B"); otherwise the best single match. `pinned` resolves "N号链接".
   */
  link(text: string, pinned: readonly string[] = []): ProductLink[] {
    const norm = normalize(text);
    const cover = new Map<string, Float64Array>(); // per product: weight per char position
    const strong = new Set<string>();
    const proto = new Map<string, number>();
    const exactSpans: [number, number][] = [];
    const bump = (id: string, from: number, to: number, w: number, exact = false) => {
      if (exact) exactSpans.push([from, to]);
      let arr = cover.get(id);
      if (!arr) cover.set(id, (arr = new Float64Array(norm.length)));
      for (let i = from; i < to; i++) if (arr[i]! < w) arr[i] = w;
    };

    // "3号链接", "link 2": the pinned products.
    for (const m of norm.matchAll(PINNED_REF)) {
      const raw = m[1] ?? m[2] ?? m[3] ?? m[4]!;
      const n = /\d/.test(raw) ? Number(raw) : '一二三四五六七八九十'.indexOf(raw) + 1;
      const id = pinned[n - 1];
      if (id) {
        bump(id, m.index!, m.index! + m[0].length, 10);
        strong.add(id);
      }
    }

    this.matchChinese(norm, bump, strong, proto);
    this.matchEnglish(norm, bump, strong, proto);

    // Split into phrases at conjunctions ("A和B", "A or B") — never inside a whole name or alias —
    // and take the best product of each phrase.
    const cuts = this.phraseCuts(norm, exactSpans);
    const picked: ProductLink[] = [];
    const WEAK_MIN = 3;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [from, to] = [cuts[k]!, cuts[k + 1]!];
      let best: ProductLink | null = null;
      let bestRank = 0;
      for (const [id, arr] of cover) {
        let score = 0;
        let start = -1;
        for (let i = from; i < to; i++)
          if (arr[i]! > 0) {
            score += arr[i]!;
            if (start < 0) start = i;
          }
        if (score <= 0) continue;
        const isStrong = strong.has(id);
        if (!isStrong && score < WEAK_MIN) continue;
        const rank = score + 0.01 * (proto.get(id) ?? 0) + (isStrong ? 3 : 0);
        if (!best || rank > bestRank) {
          best = { productId: id, strong: isStrong, start, score };
          bestRank = rank;
        }
      }
      if (best && !picked.some((p) => p.productId === best.productId)) picked.push(best);
    }
    return picked.sort((a, b) => a.start - b.start);
  }

  /** Phrase boundaries: 0, the conjunction positions outside exact name spans, and the end. */
  private phraseCuts(norm: string, exactSpans: [number, number][]): number[] {
    const cuts = [0];
    const inside = (i: number) => exactSpans.some(([a, b]) => i > a && i < b);
    const re = /[和跟与或、,，/&]|还是|对比|或者|以及|\b(?:and|or|vs|versus|than|plus)\b/g;
    for (const m of norm.matchAll(re)) if (!inside(m.index!)) cuts.push(m.index!);
    cuts.push(norm.length);
    return cuts;
  }

  private matchChinese(
    norm: string,
    bump: (id: string, from: number, to: number, w: number, exact?: boolean) => void,
    strong: Set<string>,
    proto: Map<string, number>,
  ): void {
    if (!/[\u3400-\u9fff]/.test(norm)) return;
    const compact: number[] = []; // positions of non-space chars
    let text = '';
    for (let i = 0; i < norm.length; i++)
      if (norm[i] !== ' ') {
        compact.push(i);
        text += norm[i];
      }
    const textPinyin = pinyinByChar(text);
    let bounds: Set<number> | null = null;
    const aligned = (from: number, to: number) => {
      if (!this.cut) return true;
      if (!bounds) {
        bounds = new Set([0]);
        let at = 0;
        for (const w of this.cut(text)) bounds.add((at = text.indexOf(w, at) + w.length));
      }
      return bounds.has(from) && bounds.has(to);
    };
    const prefixCount = new Map<string, Map<string, number>>();
    for (const f of this.forms) {
      if (!f.zh) continue;
      const weightScale = f.kind === 'variant' ? 0.5 : 1;
      // Longest common substrings (length ≥ 2) between the text and the form.
      for (const m of commonRuns(text, f.zh)) {
        const sub = f.zh.slice(m.formAt, m.formAt + m.len);
        if (!/[\u3400-\u9fff]/.test(sub)) continue;
        const exact = m.len === f.zh.length;
        const idf = this.idf(this.zhDf.get(sub) ?? 1);
        const w = (idf / 2) * (exact ? 1.5 : 1) * weightScale;
        bump(f.productId, compact[m.textAt]!, compact[m.textAt + m.len - 1]! + 1, w, exact && f.kind !== 'variant');
        if (exact && f.kind !== 'variant') strong.add(f.productId);
        if (!exact && f.kind === 'name' && m.len >= 4 && m.formAt + m.len === f.zh.length && (this.zhDf.get(sub) ?? 1) === 1) strong.add(f.productId);
        if (m.formAt === 0 && m.len >= 2 && f.kind !== 'variant') {
          const byProduct = prefixCount.get(sub) ?? prefixCount.set(sub, new Map()).get(sub)!;
          byProduct.set(f.productId, (byProduct.get(f.productId) ?? 0) + 1);
        }
        if (f.kind !== 'variant') proto.set(f.productId, (proto.get(f.productId) ?? 0) + 1);
      }
      // Homophones typed by pinyin input ("灯包" for 灯宝, "围斤" for 围巾): the same syllables.
      if (f.kind !== 'variant' && f.zhPinyin && f.zhPinyin.length >= 2 && f.zhPinyin.length === [...f.zh].filter((c) => /[\u3400-\u9fff]/.test(c)).length) {
        const at = findSyllables(textPinyin.syl, f.zhPinyin);
        const from = at >= 0 ? textPinyin.pos[at]! : 0;
        const to = at >= 0 ? textPinyin.pos[at + f.zhPinyin.length - 1]! + 1 : 0;
        if (at >= 0 && aligned(from, to)) {
          const idf = this.idf(this.zhDf.get(f.zh) ?? 1);
          bump(f.productId, compact[from]!, compact[to - 1]! + 1, (idf / 2) * 1.3);
          strong.add(f.productId);
        }
      }
    }
    // A mascot name alone ("雪墩墩") means the product most of whose names start with it.
    for (const [sub, byProduct] of prefixCount) {
      if (sub.length < 3) continue;
      const ranked = [...byProduct.entries()].sort((a, b) => b[1] - a[1]);
      if (ranked[0] && ranked[0][1] >= 2 && (ranked[1]?.[1] ?? 0) < ranked[0][1]) {
        strong.add(ranked[0][0]);
        proto.set(ranked[0][0], (proto.get(ranked[0][0]) ?? 0) + 5);
      }
    }
  }

  private matchEnglish(
    norm: string,
    bump: (id: string, from: number, to: number, w: number, exact?: boolean) => void,
    strong: Set<string>,
    proto: Map<string, number>,
  ): void {
    const raw = enWords(norm).filter((x) => !EN_SKIP.has(x.w));
    if (raw.length === 0) return;
    let modifier = false;
    const words = raw.map((x) => {
      if (MODIFIER_EN.has(x.w)) modifier = true;
      if (CONJ_EN.has(x.w)) modifier = false;
      return { ...x, w: this.correct(x.w), scale: modifier ? 0.6 : 1 };
    });
    for (const f of this.forms) {
      if (!f.en) continue;
      const scale = f.kind === 'variant' ? 0.5 : 1;
      for (const m of commonRuns(words.map((x) => x.w), f.en)) {
        const exact = m.len === f.en.length;
        for (let k = 0; k < m.len; k++) {
          const tw = words[m.textAt + k]!;
          const w = this.idf(this.enDf.get(tw.w) ?? 1) * (exact ? 1.5 : 1) * scale * tw.scale;
          bump(f.productId, tw.at, tw.end, w);
        }
        // The last two or more words of a name ("kids tshirt" of "Deng Bao Kids' T-Shirt") name it too.
        if (!exact && f.kind !== 'variant' && m.len >= 2 && m.formAt + m.len === f.en.length) strong.add(f.productId);
        if (exact && f.kind !== 'variant' && m.len > 1) bump(f.productId, words[m.textAt]!.at, words[m.textAt + m.len - 1]!.end, 0, true);
        if (exact && f.kind !== 'variant') strong.add(f.productId);
        if (f.kind !== 'variant') proto.set(f.productId, (proto.get(f.productId) ?? 0) + 1);
      }
    }
  }

  /** Maps a typo to the nearest product word ("hoddie" → "hoodie"), when close enough. */
  private correct(w: string): string {
    if (this.enVocab.has(w) || w.length <= 4 || /\d/.test(w)) return w;
    let best = w;
    let bestD = typoBudget(w.length) + 1;
    for (const v of this.enVocab) {
      if (Math.abs(v.length - w.length) > 2) continue;
      const d = editDistance(w, v, 2);
      // Five-letter words may only swap two letters ("scraf"): "flash" must not become "flask".
      if (w.length === 5 && !(d === 1 && v.length === 5 && [...w].sort().join('') === [...v].sort().join(''))) continue;
      if (d < bestD && d <= typoBudget(Math.min(v.length, w.length))) {
        bestD = d;
        best = v;
      }
    }
    return best;
  }
}

/** Maximal common runs (length ≥ 2 for strings, ≥ 1 for word arrays) between text and form. */
function commonRuns<T extends string | string[]>(text: T, form: T): { textAt: number; formAt: number; len: number }[] {
  const minLen = typeof text === 'string' ? 2 : 1;
  const n = text.length;
  const m = form.length;
  const out: { textAt: number; formAt: number; len: number }[] = [];
  let prev = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    const cur = new Int32Array(m + 1);
    for (let j = 1; j <= m; j++) if (text[i - 1] === form[j - 1]) cur[j] = prev[j - 1]! + 1;
    // A run ends at (i, j) when it cannot extend to (i+1, j+1).
    for (let j = 1; j <= m; j++) {
      const len = cur[j]!;
      if (len < minLen) continue;
      const extends_ = i < n && j < m && text[i] === form[j];
      if (!extends_) out.push({ textAt: i - len, formAt: j - len, len });
    }
    prev = cur;
  }
  // Keep only the longest runs over any text position (drop runs inside longer ones).
  return out.filter((r) => !out.some((o) => o !== r && o.len > r.len && o.textAt <= r.textAt && o.textAt + o.len >= r.textAt + r.len));
}

function pinyinByChar(text: string): { syl: string[]; pos: number[] } {
  const syl: string[] = [];
  const pos: number[] = [];
  const all = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'spaced' }) as string[];
  // With nonZh 'spaced', every character yields one entry (non-Chinese become their own char).
  let i = 0;
  for (const s of all) {
    if (i >= text.length) break;
    if (/[\u3400-\u9fff]/.test(text[i]!)) {
      syl.push(s);
      pos.push(i);
    }
    i++;
  }
  return { syl, pos };
}

function findSyllables(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
