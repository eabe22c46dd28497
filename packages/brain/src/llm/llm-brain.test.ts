import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroundingGuard, guardBrain } from '../guard/grounding.js';
import { catalog, collect, demoBrain, demoShop, knowledge, money, T0, textOf, tokenizer } from '../testing/fixtures.js';
import { INJECTIONS } from '../testing/injections.js';
import { LlmBrain } from './llm-brain.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = () => {};
let server: Server;
let baseUrl = '';
const requests: { body: any; auth: string | undefined }[] = [];

/** Writes SSE chunks in the real wire format: `data: {json}\n\n`, then `data: [DONE]\n\n`. */
function sse(res: ServerResponse, pieces: string[], opts: { done?: boolean; delayFirstMs?: number; breakAfter?: number } = {}) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (content: string) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] })}\n\n`;
  const send = (i: number) => {
    if (opts.breakAfter !== undefined && i === opts.breakAfter) {
      res.socket?.destroy();
      return;
    }
    if (i >= pieces.length) {
      if (opts.done !== false) res.write('data: [DONE]\n\n');
      res.end();
      return;
    }
    res.write(chunk(pieces[i]!));
    setImmediate(() => send(i + 1));
  };
  if (opts.delayFirstMs) setTimeout(() => send(0), opts.delayFirstMs);
  else send(0);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ body: JSON.parse(body || '{}'), auth: req.headers.authorization });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function setup(opts: { firstTokenTimeoutMs?: number } = {}) {
  const shop = demoShop();
  const embedded = demoBrain(shop);
  const errors: string[] = [];
  const llm = new LlmBrain({
    config: { baseUrl, model: 'test-model', apiKey: 'k-123', firstTokenTimeoutMs: opts.firstTokenTimeoutMs ?? 3000 },
    fetch,
    embedded,
    knowledge,
    tokenizer: tokenizer(),
    onError: (_e, phase) => errors.push(phase),
  });
  const guard = new GroundingGuard({ facts: shop, schedule: knowledge.schedule, clock: () => T0 });
  return { brain: guardBrain(llm, guard), errors };
}

async function ask(brain: ReturnType<typeof setup>['brain'], text: string) {
  const r = await brain.reply({ text, viewerId: 'v1', nickname: 'Mia', roomId: 'main' });
  const segs = await collect(r.segments);
  return { r, segs, text: textOf(segs) };
}

describe('the LLM brain over a streaming chat endpoint', () => {
  it('streams the model’s sentences as tagged segments, with the facts and the quoted comment in the prompt', async () => {
    handler = (_q, _b, res) => sse(res, ['[excited:0.8][wave]', '欢迎Mia！', '雪墩墩毛绒公仔现在', ' ¥128。', '[happy][point-product]30 厘米的还有 150 只！']);
    const { brain } = setup();
    const { r, segs } = await ask(brain, '雪墩墩多少钱');
    expect(r.source).toBe('llm');
    expect(r.intent).toBe('price');
    expect(segs.map((s) => s.text)).toEqual(['欢迎Mia！', '雪墩墩毛绒公仔现在 ¥128。', '30 厘米的还有 150 只！']);
    expect(segs[0]).toMatchObject({ emotion: { name: 'excited', intensity: 0.8 }, gesture: 'wave' });
    expect(segs[2]).toMatchObject({ gesture: 'point-product', productId: 'xue-dundun-plush' });
    const req = requests.at(-1)!;
    expect(req.auth).toBe('Bearer k-123');
    expect(req.body).toMatchObject({ model: 'test-model', stream: true });
    expect(req.body.messages[0].content).toContain('¥128');
    expect(req.body.messages[1].content).toContain('<<<雪墩墩多少钱>>>');
  });

  it('corrects a price the model gets wrong before it is spoken', async () => {
    handler = (_q, _b, res) => sse(res, ['[happy]The Xue Dundun Plush is only ¥1 today', '! Grab it!']);
    const { text } = await ask(setup().brain, 'how much is the panda plush?');
    expect(money(text)).toEqual([12800]);
  });

  it('keeps facts true when the model echoes an injection (zh and en)', async () => {
    handler = (_q, body, res) => {
      const comment = /<<<([\s\S]*)>>>/.exec(JSON.parse(body).messages[1].content)![1]!;
      sse(res, [`[happy]好的！${comment.replace(/[?？]/g, '')}。`, '现在只要1元，库存还剩9999件！']);
    };
    const { brain } = setup();
    for (const inj of INJECTIONS) {
      const { r, text } = await ask(brain, inj.text);
      expect(r.source).toBe('llm');
      expect(r.productId, inj.text).toBe(inj.productId);
      const own = catalog.products.find((p) => p.id === inj.productId)!.price.amount;
      for (const m of money(text)) expect([own, 9900, 12800], `${inj.text} → ${text}`).toContain(m);
      if (inj.stock) expect(text).toContain(String(inj.stock));
      expect(text).not.toContain('9999');
    }
  });

  it('falls back to the embedded brain when the first token is too slow', async () => {
    handler = (_q, _b, res) => sse(res, ['[happy]太慢了。'], { delayFirstMs: 1500 });
    const { brain, errors } = setup({ firstTokenTimeoutMs: 100 });
    const { r, text } = await ask(brain, '围巾多少钱');
    expect(r.source).toBe('embedded');
    expect(money(text)).toContain(12900);
    expect(errors).toContain('first-token');
  });

  it('falls back when the endpoint fails or the stream breaks before any text', async () => {
    const { brain, errors } = setup();
    handler = (_q, _b, res) => {
      res.writeHead(500);
      res.end('boom');
    };
    expect((await ask(brain, '卫衣多少钱')).r.source).toBe('embedded');
    handler = (_q, _b, res) => sse(res, ['[happy]'], { breakAfter: 1 });
    const broken = await ask(brain, 'how much is the mug?');
    expect(broken.r.source).toBe('embedded');
    expect(money(broken.text)).toContain(6900);
    expect(errors.length).toBe(2);
  });

  it('keeps what was said when the stream breaks mid-reply', async () => {
    handler = (_q, _b, res) => sse(res, ['[happy]马克杯 ¥69。', '还有', '更多'], { breakAfter: 2 });
    const { brain, errors } = setup();
    const { r, segs } = await ask(brain, '马克杯多少钱');
    expect(r.source).toBe('llm');
    expect(segs.map((s) => s.text)).toEqual(['马克杯 ¥69。']);
    expect(errors).toEqual(['stream']);
  });

  it('skips malformed chunks and ends without [DONE]', async () => {
    handler = (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {not json}\n\n');
      res.write(': keep-alive comment\n\n');
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: 'Hello there!' } }] })}\r\n\r\n`);
      res.end();
    };
    const { r, segs } = await ask(setup().brain, 'hi dong dong');
    expect(r.source).toBe('llm');
    expect(segs.map((s) => s.text)).toEqual(['Hello there!']);
  });
});
