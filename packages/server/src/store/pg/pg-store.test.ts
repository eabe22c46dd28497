import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { describeStoreContract } from '../store-contract.js';
import { PgStore } from './pg-store.js';
import { requireService } from '../../testing/services.js';

/**
 * The same contract suite as SQLite, against a real PostgreSQL: each test gets its own schema.
 * Needs a PostgreSQL server (TEST_DATABASE_URL, default the local one); under CI a missing server fails the run.
 */
const url = await requireService('postgres', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const schemas: string[] = [];

if (url) {
  describeStoreContract('PostgreSQL', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return PgStore.open({ connectionString: url, schema, poolSize: 20 });
  });
  afterAll(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await c.end();
  });
}
