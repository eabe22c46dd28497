import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnNode, TestRedis, testSchema } from '../packages/server/src/testing/cluster.js';
import type { RunningServer } from '../packages/server/src/testing/spawn-server.js';
import { PgStore } from '../packages/server/src/store/pg/pg-store.js';
import { progress } from './lib.js';

/** A cluster for a benchmark: N nodes on PostgreSQL (a fresh schema) and a private Redis. */
export async function startCluster(n: number, env: Record<string, string>): Promise<{ nodes: RunningServer[]; store: PgStore; stop(): Promise<void> }> {
  const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redis = await TestRedis.start();
  const schema = await testSchema(pgUrl);
  const shared = { databaseUrl: pgUrl, schema: schema.schema, redisUrl: redis.url, prefix: `b${randomBytes(3).toString('hex')}:`, dataDir: mkdtempSync(join(tmpdir(), 'snowstage-bench-cluster-')) };
  progress(`starting ${n} nodes (PostgreSQL schema ${schema.schema}, Redis :${redis.port})`);
  const nodes = [await spawnNode(1, shared, env)];
  nodes.push(...(await Promise.all(Array.from({ length: n - 1 }, (_, i) => spawnNode(i + 2, shared, env)))));
  const store = await PgStore.open({ connectionString: pgUrl, schema: schema.schema });
  return {
    nodes,
    store,
    async stop() {
      await Promise.all(nodes.map((x) => x.kill('SIGTERM')));
      await store.close();
      await redis.down();
      await schema.drop();
    },
  };
}
