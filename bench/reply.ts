/**
 * `npm run bench -- reply [--comments 200]`
 *
 * The whole answer path in a running room: a viewer's comment arrives over the WebSocket, the
 * director picks it, the embedded brain answers, the embedded voice speaks the first segment, and
 * the speech event (audio stored and servable) reaches the viewer. Comments come one at a time from
 * different viewers (the eval set, zh and en); after each answer starts, the operator barges in so
 * the next comment is answered at once rather than after the whole reply.
 * Last line: {comments, answered, p50Ms, p95Ms, startP50Ms, firstSegmentChars}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnServer, TEST_TOKENS } from '../packages/server/src/testing/spawn-server.js';
import { TestClient } from '../packages/server/src/testing/ws-client.js';
import { intArg, percentile, progress, round, sleep, sortedCopy } from './lib.js';
import type { RoomEvent } from '@snowstage/protocol';

type Speech = Extract<RoomEvent, { kind: 'speech' }>;
const QUESTIONS = new Set(['price', 'stock', 'size', 'material', 'productInfo', 'shipping', 'recommendation', 'purchase', 'saleTiming', 'comparison', 'returns', 'schedule', 'authenticity']);

export async function main(args: Record<string, string>) {
  const n = intArg(args, 'comments', 200);
  const all = readFileSync(fileURLToPath(new URL('../eval/brain/comments.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; intent: string })
    // Viewers' questions (what the director answers in Q&A): not greetings, chit-chat, abuse or injection attempts.
    .filter((c) => QUESTIONS.has(c.intent) && !/忽略|ignore|system|系统|指令|pretend|扮演/i.test(c.text));
  const comments = Array.from({ length: n }, (_, i) => all[(i * 7) % all.length]!.text);

  const server = await spawnServer({ env: { HOST_ENABLED: 'true', HOST_IDLE_MS: '600000', CHAT_PER_SECOND: '100', CHAT_BURST: '100', LOG_LEVEL: 'error' }, timeoutMs: 120_000 });
  try {
    const op = await TestClient.join(server.wsUrl, { authToken: TEST_TOKENS.operatorToken, nickname: 'Bench' });
    await op.request({ type: 'hostMode', mode: 'qa' });
    const viewers = await Promise.all(Array.from({ length: 20 }, (_, i) => TestClient.join(server.wsUrl, { nickname: `fan${i}` })));
    // She greets newcomers first; let that pass, then clear the stage.
    await sleep(2000);
    await op.request({ type: 'hostPause', paused: true });
    await op.request({ type: 'hostPause', paused: false });
    const latencies: number[] = [];
    const toStart: number[] = [];
    const firstChars: number[] = [];
    let answered = 0;
    let refused = 0;
    for (let i = 0; i < n; i++) {
      const v = viewers[i % viewers.length]!;
      const sentAt = Date.now();
      const nick = v.welcome!.you.nickname;
      const text = `${comments[i]} #${i}`;
      const r = await v.request({ type: 'chat', text });
      if (r.type !== 'ack') {
        // The chat refused it before the host could see it (blocklist, limits): counted, not timed.
        refused++;
        progress(`chat refused #${i} (${r.type === 'error' ? r.code : r.type}): ${text}`);
        continue;
      }
      try {
        const f = await v.waitFor((fr) => fr.type === 'batch' && fr.events.some((e) => e.kind === 'speech' && e.replyTo?.nickname === nick && e.replyTo.text === text), 10_000);
        const e = (f as { events: RoomEvent[] }).events.find((x) => x.kind === 'speech' && x.replyTo?.text === text) as Speech;
        latencies.push(Date.now() - sentAt);
        toStart.push(e.startAt - sentAt);
        firstChars.push([...e.text].length);
        answered++;
      } catch {
        progress(`no answer to #${i}: ${text}`);
      }
      // Barge in: stop the rest of this answer so the next comment finds her free.
      await op.request({ type: 'hostPause', paused: true });
      await op.request({ type: 'hostPause', paused: false });
      await sleep(50);
      if (i % 20 === 19) progress(`${i + 1}/${n}, p50 so far ${round(percentile(sortedCopy(latencies), 50))} ms`);
    }
    for (const c of [op, ...viewers]) c.close();
    const lat = sortedCopy(latencies);
    return {
      comments: n,
      answered,
      refused,
      p50Ms: round(percentile(lat, 50)),
      p95Ms: round(percentile(lat, 95)),
      startP50Ms: round(percentile(sortedCopy(toStart), 50)),
      firstSegmentChars: round(percentile(sortedCopy(firstChars), 50)),
    };
  } finally {
    await server.kill();
  }
}
