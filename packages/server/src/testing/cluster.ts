import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { spawnServer, type RunningServer } from './spawn-server.js';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A private Redis server for one test file (so a test can kill and restart it without touching the
 * machine's shared Redis). Keeps nothing on disk, like the service the cluster runs against.
 */
export class TestRedis {
  private child: ChildProcess | null = null;
  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const r = new TestRedis(await freePort());
    await r.up();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
      this.child!.stdout!.on('data', (d) => {
        if (/Ready to accept connections/i.test(String(d))) {
          clearTimeout(t);
          resolve();
        }
      });
      this.child!.once('error', (e) => (clearTimeout(t), reject(e)));
    });
  }

  /** Kills it the hard way (everything in it is lost, as in a crash or a restart without persistence). */
  async down(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => (c.once('exit', () => resolve()), c.kill('SIGKILL')));
    this.child = null;
  }
}

/** A fresh PostgreSQL schema for one test file; `drop` removes it. */
export async function testSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `c_${randomBytes(6).toString('hex')}`;
  return {
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Starts one node of a test cluster (its own data folder for secrets and audio). */
/**
 * Starts node `i` of a test cluster. Nodes share PostgreSQL, Redis and — as in production, where it is
 * a shared volume — one data folder for files (speech audio, uploads, print files, avatars).
 */
export function spawnNode(i: number, shared: { databaseUrl: string; schema: string; redisUrl: string; prefix: string; dataDir: string }, env: Record<string, string> = {}): Promise<RunningServer> {
  return spawnServer({
    dataDir: shared.dataDir,
    env: {
      DATABASE_URL: shared.databaseUrl,
      DATABASE_SCHEMA: shared.schema,
      REDIS_URL: shared.redisUrl,
      REDIS_PREFIX: shared.prefix,
      NODE_ID: `node${i}`,
      SALE_MIN_COUNTDOWN_S: '1',
      BROADCAST_INTERVAL_MS: '20',
      STATS_INTERVAL_MS: '200',
      ...env,
    },
    timeoutMs: 120_000,
  });
}
