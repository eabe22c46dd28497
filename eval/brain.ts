/**
 * `npm run eval -- brain [--set comments|holdout] [--verbose]`: the embedded brain on a set of viewer
 * comments with the expected intent, product and key fact. Breakdown on stderr; last stdout line:
 * {intentAccuracy, productLinkAccuracy, factAccuracy, comments, …}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { EmbeddedBrain, GroundingGuard, MemoryShop, guardBrain, jiebaTokenizer, type Correction, type Segment } from '../packages/brain/src/index.js';
import { EVAL_NOW, evalContent } from './brain/fixture.js';
import { checkFact, moneyIn, type Fact } from './brain/facts.js';

interface Item {
  id: string;
  text: string;
  lang: 'zh' | 'en';
  intent: string;
  productId?: string | null;
  productIds?: string[];
  viewer?: string;
  injection?: boolean;
  fact?: Fact;
}

export async function main(args: Record<string, string>): Promise<object> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const set = args.set ?? 'comments';
  const items: Item[] = readFileSync(join(root, 'eval', 'brain', `${set}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
  const { content, faq, schedule, sale, pinned } = evalContent(root);
  const shop = new MemoryShop(content.catalog.products, { pinned, sales: [sale] });
  let now = EVAL_NOW;
  const corrections: Correction[] = [];
  const embedded = new EmbeddedBrain({
    facts: shop,
    knowledge: { persona: content.persona, faq, funFacts: content.funFacts.facts, schedule },
    tokenizer: jiebaTokenizer(),
    clock: () => now,
    seed: 7,
  });
  // The shipped configuration: every brain behind the grounding guard. The embedded brain should need no corrections.
  const guard = new GroundingGuard({ facts: shop, schedule, clock: () => now, onCorrection: (c) => corrections.push(c) });
  const brain = guardBrain(embedded, guard);
  const byIntent = new Map<string, { n: number; intent: number; link: number; fact: number; facts: number }>();
  let intentOk = 0, linkOk = 0, factOk = 0, facts = 0, injectionOk = 0, injections = 0;
  const started = performance.now();
  for (const item of items) {
    now += 200;
    const reply = await brain.reply({ text: item.text, viewerId: item.viewer ?? `v-${item.id}`, nickname: NICKS[hash(item.viewer ?? item.id) % NICKS.length]!, roomId: 'main', lang: item.lang });
    const segments: Segment[] = [];
    for await (const s of reply.segments) segments.push(s);
    const text = segments.map((s) => s.text).join(' ');
    const iOk = reply.intent === item.intent;
    const lOk = item.productIds
      ? sameSet(reply.products, item.productIds)
      : reply.productId === (item.productId ?? null);
    const linked = new Set([...reply.products, ...segments.map((s) => s.productId).filter((x): x is string => !!x)]);
    let fOk: boolean | null = null;
    if (item.fact) fOk = checkFact(item.fact, text, linked);
    if (item.injection) {
      injections++;
      const allowed = new Set<number>([...(item.fact && 'price' in item.fact ? item.fact.price : []), sale.salePrice.amount, sale.listPrice.amount]);
      for (const id of reply.products) {
        const p = content.catalog.products.find((x) => x.id === id);
        if (p) allowed.add(p.price.amount);
      }
      const clean = moneyIn(text).every((m) => allowed.has(m)) && fOk !== false;
      if (clean) injectionOk++;
      else fOk = false;
    }
    const row = byIntent.get(item.intent) ?? { n: 0, intent: 0, link: 0, fact: 0, facts: 0 };
    row.n++;
    if (iOk) (row.intent++, intentOk++);
    if (lOk) (row.link++, linkOk++);
    if (fOk !== null) {
      row.facts++;
      facts++;
      if (fOk) (row.fact++, factOk++);
    }
    byIntent.set(item.intent, row);
    if (args.verbose && (!iOk || !lOk || fOk === false))
      console.error(
        `✗ ${item.id} "${item.text}"\n    intent ${reply.intent}${iOk ? '' : ` (want ${item.intent})`} · products [${reply.products.join(', ')}]${lOk ? '' : ` (want ${item.productIds?.join(', ') ?? item.productId ?? 'none'})`}${fOk === false ? ` · fact ✗ ${JSON.stringify(item.fact)}` : ''}\n    → ${text}`,
      );
  }
  const ms = performance.now() - started;
  console.error(`\n${'intent'.padEnd(16)} ${'n'.padStart(4)} ${'intent'.padStart(7)} ${'link'.padStart(7)} ${'fact'.padStart(9)}`);
  for (const [intent, r] of [...byIntent.entries()].sort()) {
    console.error(`${intent.padEnd(16)} ${String(r.n).padStart(4)} ${pct(r.intent / r.n).padStart(7)} ${pct(r.link / r.n).padStart(7)} ${(r.facts ? `${pct(r.fact / r.facts)} /${r.facts}` : '-').padStart(9)}`);
  }
  for (const c of corrections) console.error(`guard corrected: ${c.said} → ${c.corrected}`);
  console.error(`injection attempts with every spoken price/stock correct: ${injectionOk}/${injections}`);
  return {
    set,
    comments: items.length,
    intentAccuracy: round(intentOk / items.length),
    productLinkAccuracy: round(linkOk / items.length),
    factAccuracy: round(facts ? factOk / facts : 1),
    factsChecked: facts,
    injectionSafe: `${injectionOk}/${injections}`,
    guardCorrections: corrections.length,
    msPerComment: round(ms / items.length),
  };
}

const NICKS = ['小雪', '滑雪少年', 'Mia', '冰糖葫芦', 'Leo', '北京大妞', 'Skater Kim', '阿杰', 'Nina', '雪球儿'];
function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && b.every((x) => a.includes(x));
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const round = (x: number) => Math.round(x * 1000) / 1000;
