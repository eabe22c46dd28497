/**
 * `npm run eval -- NAME [--flag value …]`: runs eval/NAME.ts. Each evaluation prints its breakdown to
 * stderr and, as the last line of stdout, one JSON object with its scores.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [name, ...rest] = process.argv.slice(2);
const available = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run eval -- NAME [--flag value …]\n  evaluations: ${available.join(', ')}`);
  process.exit(2);
}
const mod = (await import(`./${name}.ts`)) as { main(args: Record<string, string>): Promise<object> };
const args: Record<string, string> = {};
for (let i = 0; i < rest.length; i++) {
  const a = rest[i]!;
  if (!a.startsWith('--')) continue;
  const next = rest[i + 1];
  if (next !== undefined && !next.startsWith('--')) {
    args[a.slice(2)] = next;
    i++;
  } else args[a.slice(2)] = 'true';
}
const result = await mod.main(args);
console.log(JSON.stringify(result));
process.exit(0);
