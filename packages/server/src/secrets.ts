import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';

export interface Secrets {
  operatorToken: string;
  moderatorToken: string;
  secret: string;
  /** Which values were generated on this start (so they can be shown once to the person starting it). */
  generated: string[];
}

/**
 * Tokens from the config, or generated once into dataDir/secrets.json (mode 600) so that
 * `npm start` needs no keys and restarts keep the same tokens.
 */
export function resolveSecrets(config: Config): Secrets {
  const file = join(config.dataDir, 'secrets.json');
  const saved: Partial<Secrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const generated: string[] = [];
  const pick = (key: 'operatorToken' | 'moderatorToken' | 'secret'): string => {
    const v = config[key] ?? saved[key];
    if (v) return v;
    generated.push(key);
    return randomBytes(24).toString('base64url');
  };
  const s = { operatorToken: pick('operatorToken'), moderatorToken: pick('moderatorToken'), secret: pick('secret') };
  if (generated.length > 0) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...saved, ...Object.fromEntries(generated.map((k) => [k, s[k as keyof typeof s]])) }, null, 2), { mode: 0o600 });
  }
  return { ...s, generated };
}
