/**
 * `npx snowstage COMMAND [args]`. Each command is one file in ./commands exporting
 * `summary` (one line for the help) and `run(argv): Promise<number>` (the exit code).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

const dir = fileURLToPath(new URL('./commands/', import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...argv] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || !names.includes(name)) {
  const lines = await Promise.all(names.map(async (n) => `  ${n.padEnd(12)} ${((await import(`./commands/${n}.ts`)) as Command).summary}`));
  console.error(`usage: npx snowstage COMMAND [args]\n\ncommands:\n${lines.join('\n')}`);
  process.exit(name && name !== '--help' && name !== '-h' ? 2 : 0);
}
const cmd = (await import(`./commands/${name}.ts`)) as Command;
process.exitCode = await cmd.run(argv);
