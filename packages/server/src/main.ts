import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { ContentError, loadContent } from './content.js';
import { SqliteStore } from './store/sqlite-store.js';
import { seedIfEmpty } from './seed.js';
import { resolveSecrets } from './secrets.js';
import { buildApp } from './app.js';

/** `npm start`: embedded defaults (SQLite under ./data, in-process bus, demo content). */
async function main(): Promise<void> {
  let config, content;
  try {
    config = loadConfig();
    content = loadContent(config.contentDir);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof ContentError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const secrets = resolveSecrets(config);
  const store = new SqliteStore(join(config.dataDir, 'snowstage.db'));
  const seeded = await seedIfEmpty(store, content, Date.now());
  const app = await buildApp({ config, content, store, secrets });
  const url = await app.listen();

  const lines = [
    `Snowstage is live at ${url}`,
    `  viewer page:      ${url}/`,
    `  data:             ${join(config.dataDir, 'snowstage.db')}${seeded ? ' (demo content seeded)' : ''}`,
    `  operator token:   ${secrets.operatorToken}`,
    `  moderator token:  ${secrets.moderatorToken}`,
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.http.log.info(`${signal}: shutting down`);
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
