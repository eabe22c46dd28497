import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { ContentError, loadContent } from './content.js';
import { resolveSecrets } from './secrets.js';
import { startNode } from './node.js';

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
  const started = Date.now();
  const node = await startNode({ config, content, secrets });
  const url = await node.app.listen();

  const lines = [
    `Snowstage is live at ${url}`,
    `  viewer page:      ${url}/`,
    `  console:          ${url}/console   showcase: ${url}/showcase   kiosk: ${url}/kiosk`,
    `  data:             ${config.databaseUrl ? 'PostgreSQL' : join(config.dataDir, 'snowstage.db')}${config.redisUrl ? ' + Redis (cluster node ' + node.nodeId + ')' : ''}`,
    `  host:             ${node.voice ? 'on (embedded brain' + (config.llmBaseUrl ? ' + LLM ' + config.llmModel : '') + ', ' + config.ttsEngine + ' voice)' : 'off'}; ready in ${Date.now() - started} ms`,
    `  operator token:   ${secrets.operatorToken}`,
    `  moderator token:  ${secrets.moderatorToken}`,
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    node.app.http.log.info(`${signal}: shutting down`);
    await node.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
