import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

export const TEST_TOKENS = {
  operatorToken: 'op-test-token-0123456789',
  moderatorToken: 'mod-test-token-0123456789',
  secret: 'viewer-secret-test-0123456789',
} as const;

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the real server (`packages/server/src/main.ts`) as a child process on a free port with
 * its own data folder, and resolves once it prints its URL. Pass `dataDir` to restart on old data.
 */
export async function spawnServer(opts: { dataDir?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'snowstage-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      OPERATOR_TOKEN: TEST_TOKENS.operatorToken,
      MODERATOR_TOKEN: TEST_TOKENS.moderatorToken,
      SECRET: TEST_TOKENS.secret,
      SNOWSTAGE_CONFIG: '',
      // The host (voice, brain, director) only where a test asks for it: most tests are about commerce.
      HOST_ENABLED: 'false',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start in time:\n${out}`)), opts.timeoutMs ?? 60_000);
    const check = () => {
      const m = /Snowstage is live at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    url,
    wsUrl: url.replace('http', 'ws') + '/ws',
    port,
    dataDir,
    child,
    output: () => out,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((res) => {
        if (child.exitCode !== null || child.signalCode !== null) return res();
        child.once('exit', () => res());
        child.kill(signal);
      }),
  };
}
