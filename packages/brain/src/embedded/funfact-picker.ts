import type { FunFact, Lang } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { Bm25 } from '../text/bm25.js';
import { normalize } from '../text/normalize.js';
import { searchTerms, type Tokenizer } from '../text/tokenizer.js';
import type { Rng } from '../rng.js';

/** Words viewers use for each sport, keyed like FunFact.sport. */
const SPORT_WORDS: Record<string, RegExp> = {
  curling: /冰壶|curling/,
  'figure-skating': /花样滑冰|花滑|figure skat/,
  bobsleigh: /(?<!钢架)雪车|bobsle/,
  skeleton: /钢架雪车|skeleton/,
  luge: /雪橇|\bluge\b/,
  'ski-jumping': /跳台滑雪|跳台|ski jump/,
  'short-track': /短道/,
  'speed-skating': /速度滑冰|速滑|speed skat/,
  'ice-hockey': /冰球|hockey/,
  'alpine-skiing': /高山滑雪|alpine/,
  'freestyle-skiing': /自由式|freestyle/,
  biathlon: /冬季两项|biathlon/,
  snowboard: /单板|snowboard/,
  'cross-country': /越野滑雪|cross[- ]country/,
  'nordic-combined': /北欧两项|nordic/,
  mascots: /吉祥物|冰墩墩|雪容融|mascot/,
  venues: /场馆|冰丝带|雪如意|雪游龙|venue|stadium/,
  'games-history': /历史|第一届|history|first (winter )?(games|olympics)/,
};

/** How the host names a sport when she introduces a fact about it. */
export const SPORT_NAMES: Record<string, { zh: string; en: string }> = {
  curling: { zh: '冰壶', en: 'curling' },
  'figure-skating': { zh: '花样滑冰', en: 'figure skating' },
  bobsleigh: { zh: '雪车', en: 'bobsleigh' },
  skeleton: { zh: '钢架雪车', en: 'skeleton' },
  luge: { zh: '雪橇', en: 'luge' },
  'ski-jumping': { zh: '跳台滑雪', en: 'ski jumping' },
  'short-track': { zh: '短道速滑', en: 'short track' },
  'speed-skating': { zh: '速度滑冰', en: 'speed skating' },
  'ice-hockey': { zh: '冰球', en: 'ice hockey' },
  'alpine-skiing': { zh: '高山滑雪', en: 'alpine skiing' },
  'freestyle-skiing': { zh: '自由式滑雪', en: 'freestyle skiing' },
  biathlon: { zh: '冬季两项', en: 'biathlon' },
  snowboard: { zh: '单板滑雪', en: 'snowboarding' },
  'cross-country': { zh: '越野滑雪', en: 'cross-country skiing' },
  'nordic-combined': { zh: '北欧两项', en: 'Nordic combined' },
};

/** Chooses fun facts for a comment: by the sport it names, else by words (BM25), never one told lately. */
export class FunFactPicker {
  private readonly bm25: Bm25<FunFact>;
  private readonly told = new Map<string, number>();
  constructor(
    private readonly facts: readonly FunFact[],
    tok: Tokenizer,
    private readonly rng: Rng,
    private readonly windowMs = 30 * 60_000,
  ) {
    this.bm25 = new Bm25(facts.map((f) => ({ item: f, terms: searchTerms(tok, `${f.sport} ${f.fact.zh} ${f.fact.en}`) })));
    this.tok = tok;
  }
  private readonly tok: Tokenizer;

  /** The sport a text names, if any. */
  static sportIn(text: string): string | null {
    const t = normalize(text);
    for (const [sport, re] of Object.entries(SPORT_WORDS)) if (re.test(t)) return sport;
    return null;
  }

  pickFor(text: string, now: number): FunFact | null {
    if (this.facts.length === 0) return null;
    const sport = FunFactPicker.sportIn(text);
    let pool = sport ? this.facts.filter((f) => f.sport === sport) : [];
    if (pool.length === 0 && sport) pool = this.bm25.search(searchTerms(this.tok, text), 6).map((h) => h.item);
    if (pool.length === 0) pool = [...this.facts];
    const fresh = pool.filter((f) => now - (this.told.get(f.id) ?? -Infinity) >= this.windowMs);
    const choice = (fresh.length > 0 ? fresh : pool)[Math.floor(this.rng() * (fresh.length > 0 ? fresh.length : pool.length))]!;
    this.told.set(choice.id, now);
    return choice;
  }

  static text(f: FunFact, lang: Lang): string {
    return pick(f.fact, lang);
  }
}
