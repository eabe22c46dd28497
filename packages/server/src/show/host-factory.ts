import { createBrain, DEFAULT_TIMINGS, type BrainSetup, type Knowledge } from '@snowstage/brain';
import type { SpeechSynthesizer } from '@snowstage/voice';
import type { AppDeps, AppServices } from '../app.js';
import { HostRuntime } from './host-runtime.js';
import { voicePort } from './voice-port.js';
import { shopFacts } from './shop-facts.js';
import { DirectorRuntime } from './director-runtime.js';
import { SHOWCASE_ROOM } from '../http/showcase-routes.js';

/**
 * Brings each room's host to life where its core runs: one brain for the process (embedded, or an
 * LLM behind the grounding guard), a host runtime over the voice, and a show director per room.
 */
export function hostFactory(synth: SpeechSynthesizer): NonNullable<AppDeps['host']> {
  let brain: BrainSetup | null = null;
  const brainFor = (s: AppServices): BrainSetup => {
    if (brain) return brain;
    const { config, content } = s;
    const knowledge: Knowledge = { persona: content.persona, faq: content.faq, funFacts: content.funFacts.facts, schedule: content.schedule };
    brain = createBrain({
      facts: shopFacts(s.store, s.hub, s.now),
      knowledge,
      clock: s.now,
      onCorrection: (c, roomId) => s.log.info({ correction: c, roomId }, 'grounding guard corrected a line'),
      ...(config.llmBaseUrl && config.llmModel
        ? {
            llm: {
              config: { baseUrl: config.llmBaseUrl, model: config.llmModel, firstTokenTimeoutMs: config.llmFirstTokenMs, ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}) },
              fetch: globalThis.fetch,
              onError: (e: Error, phase: string) => s.log.warn({ err: e, phase }, 'LLM brain failed; the embedded brain answered'),
            },
          }
        : {}),
    });
    return brain;
  };

  return (core, room, s) => {
    const onError = (err: unknown, what: string) => s.log.error({ err, room: core.id }, what);
    const b = brainFor(s);
    const host = new HostRuntime(core, voicePort(synth), s.now, { onError });
    let runtime: DirectorRuntime | null = null;
    let stopped = false;
    // The embedded brain learns the catalog's names first, so the director can classify chat at once.
    b.embedded
      .warm(core.id)
      .catch((e) => onError(e, 'brain warm-up'))
      .then(() => {
        if (stopped) return;
        runtime = new DirectorRuntime({
          core,
          room,
          host,
          brain: b,
          facts: shopFacts(s.store, s.hub, s.now),
          knowledge: { persona: s.content.persona, faq: s.content.faq, funFacts: s.content.funFacts.facts, schedule: s.content.schedule },
          songs: s.songs,
          showcase: s.content.showcase,
          blocked: (t) => s.blocklist.find(t) !== null,
          now: s.now,
          onError,
          config: { timings: { ...DEFAULT_TIMINGS, quietMs: { ...DEFAULT_TIMINGS.quietMs, idle: s.config.hostIdleMs } } },
          quietBetweenTours: core.id === SHOWCASE_ROOM,
        });
      });
    return () => {
      stopped = true;
      runtime?.stop();
    };
  };
}



