/**
 * `npm run bench -- fanout [--viewers 2000] [--rate 100] [--seconds 10] [--nodes 1]`
 *
 * With `--nodes 3` the room runs on three nodes (PostgreSQL + Redis) and viewers (default 2000 per
 * node) spread over them; the socket.io peer stays one process, as a point of reference.
 *
 * V viewers join one room over loopback; a subset of them chat at a fixed total rate; every
 * line must reach every viewer. Measures delivered lines per second and the latency from send to
 * receipt, then does the same against a minimal socket.io server in the same run.
 * Last line: {viewers, sentPerSec, deliveredPerSec, p50Ms, p99Ms, lost, socketio: {...}, ratio}.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { io as ioClient, type Socket } from 'socket.io-client';
import { spawnServer } from '../packages/server/src/testing/spawn-server.js';
import { inBatches, intArg, percentile, progress, round, sleep, sortedCopy } from './lib.js';
import { startCluster } from './cluster-lib.js';

interface Run {
  viewers: number;
  sentPerSec: number;
  deliveredPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Deliveries expected (sent × viewers) that never arrived within the drain time. */
  lost: number;
}

/** What one side of the comparison must provide: connect V viewers, send a line, report receipts. */
interface Harness {
  connect(i: number, onLine: (text: string) => void): Promise<(text: string) => void>;
  close(): Promise<void>;
}

async function measure(h: Harness, viewers: number, rate: number, seconds: number, label: string): Promise<Run> {
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let deliveredInWindow = 0;
  let windowStart = Infinity;
  let windowEnd = Infinity;
  const onLine = (text: string) => {
    if (!text.startsWith('bench ')) return;
    const id = Number(text.slice(6, text.indexOf(' ', 6)));
    const t0 = sentAt.get(id);
    if (t0 === undefined) return;
    latencies.push(performance.now() - t0);
    if (t0 >= windowStart && t0 < windowEnd) deliveredInWindow++;
  };
  progress(`${label}: connecting ${viewers} viewers`);
  const senders = await inBatches(viewers, 100, (i) => h.connect(i, onLine));
  const senderCount = Math.min(viewers, Math.max(1, Math.ceil(rate / 2)));
  progress(`${label}: ${senderCount} senders at ${rate} lines/s for ${seconds} s (+1 s warm-up)`);

  let id = 0;
  let sentInWindow = 0;
  const tickMs = 10;
  const start = performance.now();
  windowStart = start + 1000;
  windowEnd = windowStart + seconds * 1000;
  await new Promise<void>((done) => {
    let due = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      if (now >= windowEnd) {
        clearInterval(timer);
        return done();
      }
      due += (rate * tickMs) / 1000;
      while (due >= 1) {
        due--;
        const n = id++;
        const t = performance.now();
        sentAt.set(n, t);
        if (t >= windowStart) sentInWindow++;
        senders[n % senderCount]!(`bench ${n} 冰墩墩冲呀 go go go`);
      }
    }, tickMs);
  });
  progress(`${label}: draining`);
  await sleep(3000);
  const expected = sentInWindow * viewers;
  const sorted = sortedCopy(latencies);
  await h.close();
  return {
    viewers,
    sentPerSec: round(sentInWindow / seconds),
    deliveredPerSec: round(deliveredInWindow / seconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    lost: Math.max(0, expected - deliveredInWindow),
  };
}

async function snowstage(nodes: number): Promise<{ harness: Harness; stop(): Promise<void> }> {
  const env = { CHAT_PER_SECOND: '100', CHAT_BURST: '100', LOG_LEVEL: 'error' };
  const cluster = nodes > 1 ? await startCluster(nodes, env) : null;
  const servers = cluster ? cluster.nodes : [await spawnServer({ env })];
  const sockets: WebSocket[] = [];
  return {
    harness: {
      async connect(i, onLine) {
        // Viewers spread evenly over the nodes (no sticky sessions needed).
        const ws = new WebSocket(servers[i % servers.length]!.wsUrl, { perMessageDeflate: false });
        sockets.push(ws);
        await new Promise<void>((res, rej) => {
          ws.once('open', () => res());
          ws.once('error', rej);
        });
        const welcomed = new Promise<void>((res) => {
          ws.on('message', (data) => {
            const f = JSON.parse(String(data));
            if (f.type === 'welcome') res();
            else if (f.type === 'batch') for (const e of f.events) if (e.kind === 'chat') onLine(e.line.text);
          });
        });
        ws.send(JSON.stringify({ type: 'hello', room: 'main' }));
        await welcomed;
        return (text) => ws.send(JSON.stringify({ type: 'chat', text }));
      },
      async close() {
        for (const s of sockets) s.terminate();
      },
    },
    stop: async () => {
      if (cluster) await cluster.stop();
      else await servers[0]!.kill('SIGTERM');
    },
  };
}

async function socketio(): Promise<{ harness: Harness; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./peers/socketio-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((res) => child.stdout!.on('data', (d) => { const m = /PORT (\d+)/.exec(String(d)); if (m) res(Number(m[1])); }));
  const sockets: Socket[] = [];
  return {
    harness: {
      async connect(_i, onLine) {
        const s = ioClient(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false, forceNew: true });
        sockets.push(s);
        s.on('chat', (m: { text: string }) => onLine(m.text));
        await new Promise<void>((res, rej) => {
          s.once('connect', () => res());
          s.once('connect_error', rej);
        });
        return (text) => s.emit('chat', text);
      },
      async close() {
        for (const s of sockets) s.disconnect();
      },
    },
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}

export async function main(args: Record<string, string>) {
  const nodes = intArg(args, 'nodes', 1);
  const viewers = intArg(args, 'viewers', 2000 * nodes);
  const rate = intArg(args, 'rate', 100);
  const seconds = intArg(args, 'seconds', 10);

  const ours = await snowstage(nodes);
  const a = await measure(ours.harness, viewers, rate, seconds, 'snowstage');
  await ours.stop();
  progress(`snowstage: ${JSON.stringify(a)}`);

  const peer = await socketio();
  const b = await measure(peer.harness, viewers, rate, seconds, 'socket.io');
  await peer.stop();
  progress(`socket.io: ${JSON.stringify(b)}`);

  return { nodes, ...a, socketio: b, ratio: round(a.deliveredPerSec / Math.max(1, b.deliveredPerSec), 2) };
}
