/**
 * `npx snowstage verify-draw <draw.json | URL>`
 * Recomputes a lucky draw from its publication (GET /api/draws/:id/publication on any Snowstage
 * server, saved to a file or fetched by URL): checks every revealed seed against its commitment,
 * the entry list against its hash, and the winners against the algorithm ("snowstage-draw-v1").
 * Prints one JSON object `{ ok, drawId, rounds, winners, problems }`; exits 0 when the draw is fair
 * as published, 1 when it is not, 2 on bad input. This interface is stable.
 */
import { readFile } from 'node:fs/promises';
import { verifyDraw } from '@snowstage/commerce';
import { DrawPublication } from '@snowstage/protocol';
import { parseArgs } from '../args.js';

export const summary = 'check a lucky draw from its published data: verify-draw <draw.json | URL>';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs(argv);
  const source = positionals[0];
  if (!source) {
    console.error('usage: npx snowstage verify-draw <draw.json | https://…/api/draws/ID/publication>');
    return 2;
  }
  let raw: unknown;
  try {
    raw = /^https?:\/\//.test(source) ? await (await fetch(source)).json() : JSON.parse(await readFile(source, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${source}: ${(e as Error).message}`);
    return 2;
  }
  const pub = DrawPublication.safeParse(raw);
  if (!pub.success) {
    console.error(`${source} is not a draw publication: ${pub.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 2;
  }
  const v = await verifyDraw(pub.data);
  const drawn = pub.data.draw.rounds.filter((r) => r.seed !== null);
  console.log(JSON.stringify({ ok: v.ok, drawId: pub.data.draw.id, rounds: drawn.length, winners: v.winners.reduce((n, w) => n + w.length, 0), problems: v.problems }));
  return v.ok ? 0 : 1;
}
