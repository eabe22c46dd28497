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

  // ── scale-out (unset: SQLite file and in-process bus) ──
  /** PostgreSQL connection string; when set, the store is PostgreSQL instead of the SQLite file. */
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** PostgreSQL schema to keep the tables in (several installations can share one database). */
  databaseSchema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lowercase letters, digits and _').default('public'),
  /** Redis URL; when set, rooms fan out through Redis pub/sub and flash-sale stock is reserved in Redis. */
  redisUrl: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  /** Prefix of every Redis key and channel (several installations can share one Redis). */
  redisPrefix: z.string().regex(/^[\w:.-]{1,40}$/, 'letters, digits, : . _ -').default('snowstage:'),
  /** This node's name in logs and leases. @default hostname-pid */
  nodeId: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, . _ -').optional(),

  // ── the host ──
  /** Run the virtual host (brain, voice, director) in the rooms. */
  hostEnabled: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** The VRM model viewers see, until an operator uploads another. @default the shipped Dong Dong */
  avatarUrl: z.string().max(300).optional(),
  /** How long the room may be quiet before the host fills it (talk show, pitch), ms. */
  hostIdleMs: int(1000, 600_000).default(8000),
  /** Embedded voice: worker threads, and lines each speaks at start-up to warm up (first answers fast). */
  voiceWorkers: int(1, 8).default(2),
  voiceWarmup: int(0, 50).default(3),
  /** Speech engine: the embedded eSpeak-NG, or an HTTP engine. */
  ttsEngine: z.enum(['espeak', 'openai', 'cosyvoice']).default('espeak'),
  /** Base URL of the HTTP speech engine (openai: …/v1; cosyvoice: the server root). */
  ttsUrl: z.string().url().optional(),
  ttsModel: z.string().max(100).optional(),
  ttsApiKey: z.string().max(500).optional(),
  /** Voice names for the HTTP engine, per language. */
  ttsVoiceZh: z.string().max(100).optional(),
  ttsVoiceEn: z.string().max(100).optional(),
  /** An OpenAI-compatible chat endpoint for the LLM brain (Ollama, vLLM, llama.cpp, DashScope…); unset: the embedded brain. */
  llmBaseUrl: z.string().url().optional(),
  llmModel: z.string().max(100).optional(),
  llmApiKey: z.string().max(500).optional(),
  /** Fall back to the embedded brain when the LLM's first token takes longer, ms. */
  llmFirstTokenMs: int(100, 60_000).default(2500),
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
  if (parsed.success) {
    const c = parsed.data;
    if (c.ttsEngine !== 'espeak' && !c.ttsUrl) problems.push(`TTS_URL: required when TTS_ENGINE = "${c.ttsEngine}"`);
    if (c.llmBaseUrl && !c.llmModel) problems.push('LLM_MODEL: required when LLM_BASE_URL is set');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return Object.freeze(parsed.data);
}
