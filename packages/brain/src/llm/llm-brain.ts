import type { EmbeddedBrain, Analysis } from '../embedded/embedded-brain.js';
import { cleanNickname, fromArray } from '../embedded/embedded-brain.js';
import { FaqSearch } from '../knowledge/faq-search.js';
import type { Knowledge } from '../ports.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Brain, BrainInput, BrainReply, Segment } from '../types.js';
import { detectLang } from '../text/normalize.js';
import { buildMessages } from './prompt.js';
import { chatDeltas } from './sse.js';
import { TagParser } from './tags.js';

/** An OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp server, DashScope …). */
export interface LlmConfig {
  /** e.g. http://127.0.0.1:11434/v1 — `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** No first token by then: answer with the embedded brain instead. @default 2000 */
  firstTokenTimeoutMs?: number;
  /** A stall between tokens this long ends the reply. @default 8000 */
  idleTimeoutMs?: number;
  /** @default 0.7 */
  temperature?: number;
  /** @default 240 */
  maxTokens?: number;
}

export interface LlmBrainOptions {
  config: LlmConfig;
  /** Injected so tests (and the server) control the network. */
  fetch: typeof fetch;
  /** Understands the comment, reads the facts, and answers when the model cannot. */
  embedded: EmbeddedBrain;
  knowledge: Knowledge;
  tokenizer: Tokenizer;
  /** @default Date.now */
  clock?: () => number;
  /** Told about every fallback and broken stream (for logs and metrics). */
  onError?: (e: Error, phase: 'connect' | 'first-token' | 'stream') => void;
}

class Timeout extends Error {
  override name = 'Timeout';
}

/**
 * The LLM brain: the embedded brain understands the comment and reads the live facts, the model writes
 * the reply in character with inline emotion/gesture tags, streamed sentence by sentence. Errors and a
 * slow first token fall back to the embedded brain, so the host never goes silent. Wrap it in
 * `guardBrain` like every brain: a model may still state a wrong price.
 */
export class LlmBrain implements Brain {
  readonly name = 'llm';
  private readonly faq: FaqSearch;

  constructor(private readonly opts: LlmBrainOptions) {
    this.faq = new FaqSearch(opts.knowledge.faq, opts.tokenizer);
  }

  async reply(input: BrainInput, signal?: AbortSignal): Promise<BrainReply> {
    const a = await this.opts.embedded.analyze(input, signal);
    const base = { intent: a.u.intent, productId: a.u.products[0] ?? null, products: a.u.products, lang: a.u.lang };
    const fallback = (): BrainReply => ({ ...base, source: 'embedded', segments: fromArray(this.opts.embedded.compose(a, input)) });
    // Abuse gets the embedded brain's calm line; no need to spend a model call on it.
    if (a.u.intent === 'abusive') return fallback();
    const ctrl = new AbortController();
    const onAbort = () => ctrl.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const cfg = this.opts.config;
    let stream: AsyncIterator<Segment>;
    let first: IteratorResult<Segment>;
    try {
      const deadline = withTimeout(cfg.firstTokenTimeoutMs ?? 2000, ctrl);
      try {
        stream = this.segments(a, input, ctrl.signal)[Symbol.asyncIterator]();
        first = await Promise.race([stream.next(), deadline.promise]);
      } finally {
        deadline.clear();
      }
      if (first.done) throw new Error('the model returned no text');
    } catch (e) {
      ctrl.abort();
      signal?.removeEventListener('abort', onAbort);
      this.opts.onError?.(e as Error, e instanceof Timeout ? 'first-token' : 'connect');
      return fallback();
    }
    const variety = this.opts.embedded.variety;
    const onError = this.opts.onError;
    const clock = this.opts.clock ?? Date.now;
    async function* rest(): AsyncIterable<Segment> {
      try {
        yield { ...first.value, text: variety.unique(first.value.text, first.value.lang, clock()) };
        for (;;) {
          const r = await stream.next();
          if (r.done) return;
          yield { ...r.value, text: variety.unique(r.value.text, r.value.lang, clock()) };
        }
      } catch (e) {
        // A stream that breaks after the first sentence just ends: what was said stays said.
        onError?.(e as Error, 'stream');
      } finally {
        ctrl.abort();
        signal?.removeEventListener('abort', onAbort);
      }
    }
    return { ...base, source: 'llm', segments: rest() };
  }

  private async *segments(a: Analysis, input: BrainInput, signal: AbortSignal): AsyncIterable<Segment> {
    const cfg = this.opts.config;
    const res = await this.opts.fetch(`${cfg.baseUrl.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}) },
      body: JSON.stringify({
        model: cfg.model,
        stream: true,
        temperature: cfg.temperature ?? 0.7,
        max_tokens: cfg.maxTokens ?? 240,
        messages: buildMessages(a, this.opts.knowledge, this.faq, cleanNickname(input.nickname, a.u.lang)),
      }),
      signal,
    });
    if (!res.ok || !res.body) throw new Error(`LLM endpoint answered ${res.status}`);
    const parser = new TagParser(a.u.lang);
    // Each sentence: the product it names (else the one asked about), and its own language.
    const productOf = (s: Segment): Segment => {
      const named = this.opts.embedded.linkProducts(s.text);
      const productId = named[0] ?? a.u.products[0];
      const lang = detectLang(s.text) ?? s.lang;
      return { ...s, lang, ...(productId ? { productId } : {}) };
    };
    const idleMs = cfg.idleTimeoutMs ?? 8000;
    const deltas = chatDeltas(res.body, signal)[Symbol.asyncIterator]();
    for (;;) {
      const idle = withTimeout(idleMs, null);
      let r: IteratorResult<string>;
      try {
        r = await Promise.race([deltas.next(), idle.promise]);
      } finally {
        idle.clear();
      }
      if (r.done) break;
      for (const s of parser.push(r.value)) yield productOf(s);
    }
    for (const s of parser.end()) yield productOf(s);
  }
}

function withTimeout(ms: number, ctrl: AbortController | null): { promise: Promise<never>; clear: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctrl?.abort();
      reject(new Timeout(`no answer within ${ms} ms`));
    }, ms);
  });
  promise.catch(() => {});
  return { promise, clear: () => clearTimeout(timer) };
}
