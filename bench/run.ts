/**
 * `npm run bench -- NAME [--flag value …]`: runs bench/NAME.ts. Each benchmark prints progress to
 * stderr and, as the last line of stdout, one JSON object with its results.
 */
import { fileURLToPath } from 'node:url';
import { runNamed } from '../scripts/run-named.js';

await runNamed(fileURLToPath(new URL('.', import.meta.url)), 'bench', ['run.ts', 'lib.ts', 'cluster-lib.ts']);
