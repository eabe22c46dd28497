import { describe, it } from 'vitest';
import pg from 'pg';
import { Redis } from 'ioredis';

/**
 * Checks that a backing service is reachable. Returns its URL when it is. When it is not: under CI
 * (CI=true) the suite fails loudly; on a developer machine the suite is reported as skipped.
 */
export async function requireService(kind: 'postgres' | 'redis', url: string): Promise<string | null> {
  const problem = await probe(kind, url);
  if (!problem) return url;
  if (process.env.CI && process.env.CI !== 'false') {
    describe(`${kind} at ${url}`, () => it('is reachable (required under CI)', () => {
      throw new Error(`${kind} is not reachable at ${url}: ${problem}`);
    }));
  } else {
    describe.skip(`${kind} at ${url} is not reachable (${problem}); start it to run these tests`, () => it('skipped', () => undefined));
  }
  return null;
}

async function probe(kind: 'postgres' | 'redis', url: string): Promise<string | null> {
  try {
    if (kind === 'postgres') {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
    } else {
      const r = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
      await r.connect();
      await r.ping();
      r.disconnect();
    }
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
