import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { loadContent, type Content } from '../content.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { seedIfEmpty } from '../seed.js';
import { TEST_TOKENS } from './spawn-server.js';

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

export interface TestApp {
  app: App;
  store: SqliteStore;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** The content the app was seeded with. */
  content: Content;
  close(): Promise<void>;
}

/** The real app in this process on a free loopback port, seeded with the demo content, on a fresh SQLite file. */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'snowstage-it-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    CONTENT_DIR: process.env.SNOWSTAGE_TEST_CONTENT ?? join(ROOT, 'content'),
    WEB_DIR: join(dir, 'no-web'),
    LOG_LEVEL: 'silent',
    SALE_MIN_COUNTDOWN_S: '1',
    BROADCAST_INTERVAL_MS: '10',
    STATS_INTERVAL_MS: '100',
    HOST_ENABLED: 'false',
    ...env,
  });
  const content = loadContent(config.contentDir);
  const store = new SqliteStore(join(dir, 'snowstage.db'));
  await seedIfEmpty(store, content, Date.now());
  const app = await buildApp({ config, content, store, secrets: TEST_TOKENS });
  const url = await app.listen();
  return {
    app,
    store,
    url,
    wsUrl: url.replace('http', 'ws') + '/ws',
    dataDir: dir,
    content,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** POSTs a staff command to a room over HTTP; resolves with status and JSON body. */
export async function command(url: string, token: string | undefined, body: object, room = 'main'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/rooms/${room}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** GETs JSON (tests read loosely typed bodies and check them with expect). */
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<any> {
  return (await fetch(url, { headers })).json();
}
