import pg from 'pg';
import { PG_MIGRATIONS } from './pg-schema.js';

/** BIGINT (20) and NUMERIC (1700) come back as JS numbers: every value we store fits in 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PgOptions {
  connectionString: string;
  /** Schema to live in (created if missing); tests use one per store. @default public */
  schema?: string;
  /** @default 10 */
  poolSize?: number;
}

/** A pool whose every connection uses the schema, with the migrations applied. */
export async function openPg(opts: PgOptions): Promise<pg.Pool> {
  const schema = opts.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  if (schema !== 'public') {
    const admin = new pg.Client({ connectionString: opts.connectionString });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: opts.poolSize ?? 10, options: `-c search_path=${schema}`, types });
  pool.on('error', () => undefined); // an idle client's error: the next query reconnects
  await migrate(pool);
  return pool;
}

async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    // One node migrates at a time (several may start together).
    await c.query('SELECT pg_advisory_lock(7461001)');
    await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)');
    const r = await c.query('SELECT version FROM schema_version');
    let version: number = r.rows[0]?.version ?? 0;
    if (r.rowCount === 0) await c.query('INSERT INTO schema_version (version) VALUES (0)');
    for (; version < PG_MIGRATIONS.length; version++) {
      await c.query('BEGIN');
      try {
        await c.query(PG_MIGRATIONS[version]!);
        await c.query('UPDATE schema_version SET version = $1', [version + 1]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock(7461001)').catch(() => undefined);
    c.release();
  }
}

/** Runs `fn` in a transaction on one connection; rolls back on any error. */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** True for a unique-constraint violation. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string }).code === '23505';
}
