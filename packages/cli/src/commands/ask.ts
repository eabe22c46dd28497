/**
 * `npx snowstage ask "<comment>" [--lang zh|en] [--json] [--room ID] [--content DIR]`
 * Asks the host a question with the embedded brain over the demo content (catalog in memory) and
 * prints her reply segments: text, emotion, gesture, linked product and intent. `--json` prints one
 * JSON object. This interface is stable.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Faq, Lang, Schedule, pick } from '@snowstage/protocol';
import { EmbeddedBrain, GroundingGuard, MemoryShop, guardBrain, jiebaTokenizer, type Segment } from '@snowstage/brain';
import { loadContent } from '../../../server/src/content.js';
import { parseArgs } from '../args.js';

export const summary = 'ask the host a question: ask "<comment>" [--lang zh|en] [--json]';

const DEFAULT_CONTENT = fileURLToPath(new URL('../../../../content/', import.meta.url));

export async function run(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs(argv);
  const text = positionals.join(' ').trim();
  const lang = flags.lang === undefined ? undefined : Lang.safeParse(flags.lang);
  if (!text || (lang && !lang.success)) {
    console.error('usage: npx snowstage ask "<comment>" [--lang zh|en] [--json] [--room ID] [--content DIR]');
    return 2;
  }
  const dir = resolve(typeof flags.content === 'string' ? flags.content : DEFAULT_CONTENT);
  const content = loadContent(dir);
  const faq = Faq.parse(JSON.parse(readFileSync(join(dir, 'faq.json'), 'utf8')));
  const schedule = Schedule.parse(JSON.parse(readFileSync(join(dir, 'schedule.json'), 'utf8')));
  const roomId = typeof flags.room === 'string' ? flags.room : content.rooms.rooms[0]!.id;
  const shop = new MemoryShop(content.catalog.products, { pinned: Object.fromEntries(content.rooms.rooms.map((r) => [r.id, r.pinned])) });
  const knowledge = { persona: content.persona, faq, funFacts: content.funFacts.facts, schedule };
  const embedded = new EmbeddedBrain({ facts: shop, knowledge, tokenizer: jiebaTokenizer() });
  const brain = guardBrain(embedded, new GroundingGuard({ facts: shop, schedule }));
  const reply = await brain.reply({ text, viewerId: 'v_cli_user', nickname: typeof flags.nickname === 'string' ? flags.nickname : 'CLI', roomId, lang: lang?.data });
  const segments: Segment[] = [];
  for await (const s of reply.segments) segments.push(s);

  if (flags.json) {
    console.log(
      JSON.stringify({
        comment: text,
        intent: reply.intent,
        productId: reply.productId,
        products: reply.products,
        lang: reply.lang,
        source: reply.source,
        segments: segments.map((s) => ({ text: s.text, lang: s.lang, emotion: s.emotion, gesture: s.gesture ?? null, productId: s.productId ?? null })),
      }),
    );
    return 0;
  }
  const name = (id: string | null) => {
    const p = id ? content.catalog.products.find((x) => x.id === id) : undefined;
    return p ? `${p.id} (${pick(p.name, reply.lang)})` : 'none';
  };
  console.log(`intent: ${reply.intent} · product: ${name(reply.productId)} · lang: ${reply.lang} · brain: ${reply.source}`);
  for (const s of segments) {
    const tags = [`${s.emotion.name} ${s.emotion.intensity}`, s.gesture, s.productId && s.productId !== reply.productId ? `→ ${s.productId}` : ''].filter(Boolean).join(' · ');
    console.log(`  [${tags}] ${s.text}`);
  }
  return 0;
}
