/**
 * Runs `DIR/NAME.ts` with `--flag value` arguments and prints its result as the last line of stdout
 * (one JSON object); progress goes to stderr. Shared by `npm run bench` and `npm run eval`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from '../packages/cli/src/args.js';

export async function runNamed(dir: string, what: string, skip: readonly string[]): Promise<never> {
  const [name, ...rest] = process.argv.slice(2);
  const available = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !skip.includes(f) && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3));
  if (!name || !available.includes(name)) {
    console.error(`usage: npm run ${what} -- NAME [--flag value …]\n  available: ${available.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { main(args: Record<string, string>): Promise<object> };
  const { flags } = parseArgs(rest);
  const args = Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, v === true ? 'true' : v]));
  const result = await mod.main(args);
  console.log(JSON.stringify(result));
  process.exit(0);
}
