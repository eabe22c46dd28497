import { EmbeddedBrain } from './embedded/embedded-brain.js';
import { GroundingGuard, guardBrain, type Correction } from './guard/grounding.js';
import { LlmBrain, type LlmConfig } from './llm/llm-brain.js';
import type { Clock, Knowledge, ShopFacts } from './ports.js';
import { jiebaTokenizer } from './text/jieba.js';
import type { Tokenizer } from './text/tokenizer.js';
import type { Brain } from './types.js';

export interface BrainSetupOptions {
  facts: ShopFacts;
  knowledge: Knowledge;
  /** @default Date.now */
  clock?: Clock;
  /** When set, the LLM brain answers (with the embedded brain as fallback). */
  llm?: { config: LlmConfig; fetch: typeof fetch; onError?: (e: Error, phase: string) => void };
  onCorrection?: (c: Correction, roomId: string) => void;
  /** @default jieba with the bundled dictionary */
  tokenizer?: Tokenizer;
  seed?: number;
}

export interface BrainSetup {
  /** The brain to answer chat with: LLM or embedded, always behind the grounding guard. */
  brain: Brain;
  /** The embedded brain (for `classify` in the director and comment selection). */
  embedded: EmbeddedBrain;
  guard: GroundingGuard;
}

/**
 * Wires the default brain stack: embedded brain, optional LLM brain, grounding guard.
 * Use when: composing the server (one setup per process; rooms share it — memory is per viewer).
 */
export function createBrain(opts: BrainSetupOptions): BrainSetup {
  const tokenizer = opts.tokenizer ?? jiebaTokenizer();
  const embedded = new EmbeddedBrain({ facts: opts.facts, knowledge: opts.knowledge, tokenizer, clock: opts.clock, seed: opts.seed });
  const guard = new GroundingGuard({ facts: opts.facts, schedule: opts.knowledge.schedule, clock: opts.clock, onCorrection: opts.onCorrection });
  const inner: Brain = opts.llm
    ? new LlmBrain({ config: opts.llm.config, fetch: opts.llm.fetch, embedded, knowledge: opts.knowledge, tokenizer, clock: opts.clock, onError: opts.llm.onError })
    : embedded;
  return { brain: guardBrain(inner, guard), embedded, guard };
}

/** Reads LLM_BASE_URL, LLM_MODEL, LLM_API_KEY; null when no endpoint is configured. */
export function llmConfigFromEnv(env: Record<string, string | undefined>): LlmConfig | null {
  const baseUrl = env.LLM_BASE_URL?.trim();
  const model = env.LLM_MODEL?.trim();
  if (!baseUrl || !model) return null;
  return Object.freeze({ baseUrl, model, ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}) });
}
