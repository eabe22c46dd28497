import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The server's one configuration, from environment variables and an optional JSON file
 * (`SNOWSTAGE_CONFIG`, default ./snowstage.config.json; env wins). Parsed once at start-up,
 * then frozen. A wrong value stops the server with a message naming the value and why.
 */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const token = z.string().min(16, 'must be at least 16 characters').optional();

export const ConfigSchema = z.object({
  /** TCP port for HTTP, WebSockets and the web app. */
  port: int(0, 65535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  /** Where the SQLite file and generated secrets live. */
  dataDir: z.string().min(1).default('./data'),
  /** Folder with catalog.json, persona.json, funfacts.json, blocklist.json, rooms.json. */
  contentDir: z.string().min(1).default('./content'),
  /** Built web app to serve; absent folder → API only. */
  webDir: z.string().min(1).default('./packages/web/dist'),
  /** Operator and moderator tokens; generated into dataDir/secrets.json on first start when unset. */
  operatorToken: token,
  moderatorToken: token,
  /** HMAC secret for viewer tokens; generated like the tokens when unset. */
  secret: token,
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often a room's broadcast frame is flushed (coalescing window), ms. */
  broadcastIntervalMs: int(5, 1000).default(40),
  /** How often aggregated likes and counts go out, ms. */
  statsIntervalMs: int(100, 10_000).default(1000),
  /** Chat: burst size and refill per second of each viewer's token bucket. */
  chatBurst: int(1, 100).default(3),
  chatPerSecond: z.coerce.number().positive().max(100).default(1),
  /** Smallest flash-sale countdown an operator may schedule (protocol range is 10–300 s). */
  saleMinCountdownS: int(1, 300).default(10),
  /** A client whose unsent backlog exceeds this is disconnected (it reconnects and gets a snapshot). */
  maxClientBacklogBytes: int(64 * 1024, 512 * 1024 * 1024).default(8 * 1024 * 1024),
});
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/** Env var name for each config key: port → PORT, dataDir → DATA_DIR, … */
export const ENV_NAMES: Record<keyof z.infer<typeof ConfigSchema>, string> = Object.fromEntries(
  Object.keys(ConfigSchema.shape).map((k) => [k, k.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()]),
) as Record<keyof z.infer<typeof ConfigSchema>, string>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => '  - ' + p).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the file (if any) and env, validates, and returns a frozen config. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env.SNOWSTAGE_CONFIG ?? './snowstage.config.json';
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError([`${resolve(file)}: not valid JSON (${(e as Error).message})`]);
    }
  } else if (env.SNOWSTAGE_CONFIG) {
    throw new ConfigError([`SNOWSTAGE_CONFIG: file ${resolve(file)} does not exist`]);
  }
  const raw: Record<string, unknown> = { ...fromFile };
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const v = env[name];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const unknownKeys = Object.keys(fromFile).filter((k) => !(k in ConfigSchema.shape));
  const parsed = ConfigSchema.safeParse(raw);
  const problems = unknownKeys.map((k) => `${k} (in ${file}): unknown setting`);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const name = ENV_NAMES[key as keyof typeof ENV_NAMES] ?? key;
      problems.push(`${name} = ${JSON.stringify(raw[key])}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return Object.freeze(parsed.data);
}
