/**
 * `npm run eval -- NAME [--flag value …]`: runs eval/NAME.ts. Each evaluation prints its breakdown to
 * stderr and, as the last line of stdout, one JSON object with its scores.
 */
import { fileURLToPath } from 'node:url';
import { runNamed } from '../scripts/run-named.js';

await runNamed(fileURLToPath(new URL('.', import.meta.url)), 'eval', ['run.ts']);
