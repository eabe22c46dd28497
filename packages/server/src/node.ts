import { hostname } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { Content } from './content.js';
import type { Secrets } from './secrets.js';
import { buildApp, type App, type AppDeps } from './app.js';
import { SqliteStore } from './store/sqlite-store.js';
import { PgStore } from './store/pg/pg-store.js';
import type { Store } from './store/store.js';
import { seedIfEmpty } from './seed.js';
import { RedisBus } from './redis-bus.js';
import { ClusterPlacement } from './cluster/placement.js';
import { ClusterSales } from './cluster/cluster-purchase.js';
import { createVoice, type Voice } from './voice/index.js';
import { audioRoutes } from './http/audio-routes.js';
import { hostFactory } from './show/host-factory.js';

export interface NodeOptions {
  config: Config;
  content: Content;
  secrets: Pick<Secrets, 'operatorToken' | 'moderatorToken' | 'secret'>;
  now?: () => number;
  /** A voice already made (tests share one warm voice); otherwise made from the config when the host is on. */
  voice?: Voice;
  /** Voice worker pool size and warm-up lines. */
  voiceOptions?: { workers?: number; warmup?: number };
}

export interface RunningNode {
  app: App;
  store: Store;
  voice: Voice | null;
  nodeId: string;
  close(): Promise<void>;
}

/**
 * Puts one Snowstage node together from its config: the embedded defaults (SQLite file, in-process
 * bus, every room here) or, with DATABASE_URL and REDIS_URL, a node of a cluster (PostgreSQL
 * record, Redis fan-out, one owner per room, flash-sale stock reserved in Redis); the voice and the
 * host when HOST_ENABLED; demo content seeded on first start.
 */
export async function startNode(opts: NodeOptions): Promise<RunningNode> {
  const { config, content, secrets } = opts;
  const now = opts.now ?? Date.now;
  const nodeId = config.nodeId ?? `${hostname()}-${process.pid}`;
  const cleanups: (() => Promise<void> | void)[] = [];

  const store: Store = config.databaseUrl ? await PgStore.open({ connectionString: config.databaseUrl, schema: config.databaseSchema }) : new SqliteStore(join(config.dataDir, 'snowstage.db'));
  cleanups.push(() => store.close());
  await seedIfEmpty(store, content, now());

  const deps: AppDeps = { config, content, store, secrets, now };
  if (config.redisUrl) {
    if (!(store instanceof PgStore)) throw new Error('REDIS_URL needs DATABASE_URL: a cluster keeps its record in PostgreSQL');
    const bus = new RedisBus(config.redisUrl, config.redisPrefix);
    await bus.ready();
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    cleanups.push(() => redis.disconnect());
    const sales = new ClusterSales(store, redis, now, config.redisPrefix);
    deps.bus = bus;
    deps.purchase = sales.purchase;
    // Room ownership changes are rare and matter when reading a cluster's logs: printed from level info.
    const logMoves = ['info', 'debug', 'trace'].includes(config.logLevel);
    deps.placement = new ClusterPlacement({
      redis,
      bus,
      nodeId,
      prefix: config.redisPrefix,
      onError: (e, what) => console.error(`[${nodeId}] ${what}:`, e),
      ...(logMoves ? { log: (msg: string) => console.log(`[${nodeId}] ${msg}`) } : {}),
    });
    deps.core = {
      durable: { onFenced: (e) => console.error(`[${nodeId}] the room log refused an append (another node owns the room now):`, (e as Error).message) },
      onSale: (sale) => void sales.onSale(sale).catch((e) => console.error(`[${nodeId}] keeping sale ${sale.id} in Redis:`, (e as Error).message)),
    };
  }

  let voice: Voice | null = opts.voice ?? null;
  if (!voice && config.hostEnabled) {
    voice = await createVoice(config, opts.voiceOptions ?? { workers: config.voiceWorkers, warmup: config.voiceWarmup });
    const made = voice;
    cleanups.push(() => made.close());
  }
  if (voice) {
    const v = voice;
    deps.host = hostFactory(v.synth);
    deps.plugins = [async (http) => void (await http.register(audioRoutes, { store: v.store }))];
  }

  const app = await buildApp(deps);
  return {
    app,
    store,
    voice,
    nodeId,
    async close() {
      await app.close();
      for (const c of cleanups.reverse()) await c();
    },
  };
}
