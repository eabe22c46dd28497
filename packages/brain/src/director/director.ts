import type { FlashSale, HostMode, Lang, RoomEvent } from '@snowstage/protocol';
import { initialSelectorState, markHandled, selectComment } from '../select/selector.js';
import { judgeAnswer } from '../talkshow/judge.js';
import { planEpisode, revealLines } from '../talkshow/episode.js';
import { speakable } from '../text/normalize.js';
import {
  DEFAULT_TIMINGS,
  PRIORITY_RANK,
  type DirectorAction,
  type DirectorConfig,
  type DirectorInput,
  type DirectorState,
  type Priority,
  type SpeechPlan,
  type Step,
} from './types.js';

/**
 * A fresh director for a room going live at `now` (quiet time counts from then), or taking over a
 * room on another node: `mode` is the room's mode and `liveSale` its scheduled or open flash sale.
 * A director that takes over knows the mode but not what put the room into a transient one, so it
 * hypes a sale only while one is live (already announced: no repeats), and does not wait for the end
 * of a dance it did not start.
 */
export function initialDirectorState(mode: HostMode = 'idle', now = 0, liveSale: FlashSale | null = null): DirectorState {
  const steady: HostMode = mode === 'saleHype' || mode === 'dance' ? 'idle' : mode;
  return {
    mode: liveSale && steady !== 'paused' ? 'saleHype' : steady,
    resumeMode: steady === 'paused' ? 'idle' : steady,
    speaking: null,
    queue: [],
    nextId: 1,
    lastSpeechEndAt: now,
    chat: [],
    selector: initialSelectorState(),
    pendingApproval: null,
    approved: [],
    pinned: [],
    pitchQueue: [],
    pitchCursor: 0,
    lastPitchAt: -Infinity,
    lastAskAwayAt: -Infinity,
    sale: liveSale
      ? { id: liveSale.id, productId: liveSale.productId, startsAt: liveSale.startsAt, endsAt: liveSale.endsAt, status: liveSale.status, announced: true, opened: liveSale.status === 'open', closed: false, reminders: [] }
      : null,
    thanks: null,
    welcomes: [],
    lastWelcomeAt: -Infinity,
    viewers: 0,
    likes: 0,
    milestones: { viewers: 0, likes: 0 },
    show: null,
    usedFacts: [],
    episodes: 0,
    danceAfter: null,
    lastDanceAt: -Infinity,
  };
}

/** Builds a frozen config with defaults. */
export function directorConfig(c: Partial<DirectorConfig> & Pick<DirectorConfig, 'roomId' | 'classify' | 'blocked' | 'funFacts'>): Readonly<DirectorConfig> {
  return Object.freeze({ lang: 'zh', songIds: [], tourProductIds: [], approveComments: false, seed: 1, timings: DEFAULT_TIMINGS, ...c });
}

/**
 * The show director: one call per input, `(state, input, now) → {state, actions, wakeAt}`.
 * Deterministic and free of I/O: the server runtime executes the actions (rendering speech through the
 * brain and the voice, in order, one at a time), feeds back `speechDone` / `danceDone`, and ticks at
 * `wakeAt`. The input state is not modified.
 */
export function direct(prev: DirectorState, input: DirectorInput, now: number, cfg: Readonly<DirectorConfig>): Step {
  const s = structuredClone(prev);
  const actions: DirectorAction[] = [];
  const t = cfg.timings;
  const enqueue = (priority: Priority, plan: SpeechPlan, expiresInMs?: number) => {
    s.queue.push({ id: `${cfg.roomId}-s${s.nextId++}`, priority, plan, at: now, ...(expiresInMs ? { expiresAt: now + expiresInMs } : {}) });
  };
  const setMode = (mode: HostMode, by: 'director' | 'operator') => {
    if (s.mode === mode) return;
    if (!['saleHype', 'dance', 'paused'].includes(mode) && !['saleHype', 'dance', 'paused'].includes(s.mode)) s.resumeMode = mode;
    if (['saleHype', 'dance', 'paused'].includes(mode) && !['saleHype', 'dance', 'paused'].includes(s.mode)) s.resumeMode = s.mode;
    s.mode = mode;
    actions.push({ type: 'mode', mode, by });
  };
  const script = (priority: Priority, sc: Extract<SpeechPlan, { kind: 'script' }>['script'], lang: Lang = cfg.lang, expiresInMs?: number) =>
    enqueue(priority, { kind: 'script', script: sc, lang }, expiresInMs);

  switch (input.type) {
    case 'room':
      onRoomEvent(s, input.event, now, cfg, { enqueue, script, setMode, actions });
      break;
    case 'viewerCount':
      s.viewers = input.count;
      milestones(s, cfg, script);
      break;
    case 'speechDone':
      if (s.speaking?.id === input.id) {
        s.speaking = null;
        s.lastSpeechEndAt = now;
        if (s.danceAfter === input.id) {
          s.danceAfter = null;
          startDance(s, cfg, now, actions, setMode);
        }
        // A quiz question just finished: start listening for answers.
        if (s.show) {
          const step = s.show.episode.steps[s.show.step - 1];
          if (step?.kind === 'quiz' && s.show.quizUntil === null) s.show.quizUntil = now + step.listenMs;
        }
      }
      break;
    case 'danceDone':
      if (s.mode === 'dance') setMode(s.resumeMode, 'director');
      s.lastSpeechEndAt = now;
      break;
    case 'operator': {
      const c = input.command;
      switch (c.type) {
        case 'setMode':
          if (c.mode === 'talkshow' && !s.show) s.show = null;
          setMode(c.mode, 'operator');
          break;
        case 'say':
          enqueue('urgent', {
            kind: 'lines',
            segments: [{ text: speakable(c.text, c.lang ?? cfg.lang), lang: c.lang ?? cfg.lang, emotion: c.emotion ?? { name: 'happy', intensity: 0.6 }, ...(c.gesture ? { gesture: c.gesture } : {}) }],
          });
          break;
        case 'queuePitch':
          s.pitchQueue = [c.productId, ...s.pitchQueue.filter((x) => x !== c.productId)];
          break;
        case 'pause':
          setMode('paused', 'operator');
          if (s.speaking) actions.push({ type: 'stopSpeech', id: s.speaking.id });
          s.queue = s.queue.filter((q) => q.priority === 'urgent');
          break;
        case 'resume':
          if (s.mode === 'paused') setMode(s.resumeMode, 'operator');
          break;
        case 'approve':
          s.approved.push(c.messageId);
          if (s.pendingApproval?.messageIds.includes(c.messageId)) s.pendingApproval = null;
          break;
        case 'skip':
          s.selector.handled.add(c.messageId);
          if (s.pendingApproval?.messageIds.includes(c.messageId)) {
            for (const id of s.pendingApproval.messageIds) s.selector.handled.add(id);
            s.pendingApproval = null;
          }
          break;
        case 'dance':
          startDance(s, cfg, now, actions, setMode, c.songId, true);
          break;
      }
      break;
    }
    case 'tick':
      break;
  }

  const wakeAt = decide(s, now, cfg, { enqueue, script, setMode, actions });
  return { state: s, actions, wakeAt };
}

interface Tools {
  enqueue: (priority: Priority, plan: SpeechPlan, expiresInMs?: number) => void;
  script: (priority: Priority, sc: Extract<SpeechPlan, { kind: 'script' }>['script'], lang?: Lang, expiresInMs?: number) => void;
  setMode: (mode: HostMode, by: 'director' | 'operator') => void;
  actions: DirectorAction[];
}

function onRoomEvent(s: DirectorState, e: RoomEvent, now: number, cfg: Readonly<DirectorConfig>, tools: Tools): void {
  const { script, setMode, actions } = tools;
  const t = cfg.timings;
  switch (e.kind) {
    case 'chat': {
      s.chat.push({ line: e.line, c: cfg.classify(e.line.text, s.pinned) });
      if (s.chat.length > 100) s.chat.splice(0, s.chat.length - 100);
      // Quiz answers while the talk show listens.
      const show = s.show;
      const step = show?.episode.steps[show.step - 1];
      if (show && show.quizUntil !== null && now <= show.quizUntil && step?.kind === 'quiz' && !show.answered.includes(e.line.viewerId)) {
        if (judgeAnswer(e.line.text, step.answer)) {
          show.answered.push(e.line.viewerId);
          show.winners.push(e.line.nickname);
          s.selector.handled.add(e.line.id);
        }
      }
      break;
    }
    case 'viewerJoined':
      s.viewers++;
      if (s.welcomes.length < 5) s.welcomes.push(e.nickname);
      milestones(s, cfg, script);
      break;
    case 'viewerLeft':
      s.viewers = Math.max(0, s.viewers - 1);
      break;
    case 'likes':
      s.likes = e.total;
      milestones(s, cfg, script);
      break;
    case 'pinned':
      s.pinned = e.products.map((p) => p.id);
      break;
    case 'sale': {
      const sale = e.sale;
      if (sale.roomId !== cfg.roomId) break;
      const known = s.sale?.id === sale.id ? s.sale : null;
      s.sale = known ?? { id: sale.id, productId: sale.productId, startsAt: sale.startsAt, endsAt: sale.endsAt, status: sale.status, announced: false, opened: false, closed: false, reminders: [] };
      s.sale.status = sale.status;
      s.sale.startsAt = sale.startsAt;
      s.sale.endsAt = sale.endsAt;
      if ((sale.status === 'scheduled' || sale.status === 'open') && !s.sale.closed) setMode('saleHype', 'director');
      if (sale.status === 'scheduled' && !s.sale.announced) {
        s.sale.announced = true;
        script('high', { type: 'saleAnnounce', saleId: sale.id });
        actions.push({ type: 'expression', emotion: { name: 'excited', intensity: 0.9 }, durationMs: 3000 });
      }
      if (sale.status === 'open' && !s.sale.opened) openSale(s, tools);
      if ((sale.status === 'closed' || sale.status === 'cancelled') && !s.sale.closed) closeSale(s, cfg, tools);
      break;
    }
    case 'soldOut':
      script('high', { type: 'soldOut', productId: e.productId, variantId: e.variantId, saleId: e.saleId });
      actions.push({ type: 'expression', emotion: { name: 'sad', intensity: 0.8 }, durationMs: 4000 });
      if (e.saleId && s.sale?.id === e.saleId && !s.sale.closed) {
        s.sale.closed = true;
        if (s.mode === 'saleHype') setMode(s.resumeMode, 'director');
      }
      break;
    case 'orderPlaced': {
      const big = e.qty >= t.bigOrderQty || e.total.amount >= t.bigOrderFen;
      if (big) {
        script('high', { type: 'thanks', buyers: [e.nickname], productId: e.productId, qty: e.qty, big: true });
        actions.push({ type: 'gesture', name: 'heart-hands' });
      } else if (s.thanks && !s.thanks.buyers.includes(e.nickname)) {
        s.thanks.buyers.push(e.nickname);
        s.thanks.qty += e.qty;
      } else if (!s.thanks) s.thanks = { buyers: [e.nickname], productId: e.productId, qty: e.qty, firstAt: now };
      break;
    }
    default:
      break;
  }
}

function openSale(s: DirectorState, tools: Tools): void {
  if (!s.sale) return;
  s.sale.opened = true;
  tools.setMode('saleHype', 'director');
  // The sale opening interrupts anything less urgent.
  tools.script('urgent', { type: 'saleOpen', saleId: s.sale.id });
  tools.actions.push({ type: 'gesture', name: 'cheer' });
}

function closeSale(s: DirectorState, cfg: Readonly<DirectorConfig>, tools: Tools): void {
  if (!s.sale) return;
  s.sale.closed = true;
  s.queue = s.queue.filter((q) => !(q.plan.kind === 'script' && q.plan.script.type === 'saleReminder'));
  tools.script('high', { type: 'saleClosed', saleId: s.sale.id });
  if (s.mode === 'saleHype') tools.setMode(s.resumeMode, 'director');
}

function milestones(s: DirectorState, cfg: Readonly<DirectorConfig>, script: Tools['script']): void {
  const v = [...cfg.timings.viewerMilestones].reverse().find((m) => s.viewers >= m && m > s.milestones.viewers);
  if (v) {
    s.milestones.viewers = v;
    script('normal', { type: 'milestone', kind: 'viewers', count: v }, cfg.lang, 60_000);
  }
  const l = [...cfg.timings.likeMilestones].reverse().find((m) => s.likes >= m && m > s.milestones.likes);
  if (l) {
    s.milestones.likes = l;
    script('normal', { type: 'milestone', kind: 'likes', count: l }, cfg.lang, 60_000);
  }
}

function startDance(s: DirectorState, cfg: Readonly<DirectorConfig>, now: number, actions: DirectorAction[], setMode: Tools['setMode'], songId?: string, byOperator = false): void {
  const song = songId ?? cfg.songIds[(s.episodes + s.nextId) % Math.max(1, cfg.songIds.length)];
  if (!song || s.mode === 'paused' || s.mode === 'dance') return;
  if (!byOperator && (s.mode === 'saleHype' || now - s.lastDanceAt < cfg.timings.danceCooldownMs)) return;
  if (s.speaking) actions.push({ type: 'stopSpeech', id: s.speaking.id });
  s.lastDanceAt = now;
  setMode('dance', byOperator ? 'operator' : 'director');
  actions.push({ type: 'dance', songId: song });
}

/** After every input: due events, then the next speech if the host is free. Returns the next wake time. */
function decide(s: DirectorState, now: number, cfg: Readonly<DirectorConfig>, tools: Tools): number | null {
  const { script, enqueue, actions } = tools;
  const t = cfg.timings;
  const wakes: number[] = [];
  if (s.mode === 'paused') {
    startNext(s, now, actions, true);
    return null;
  }

  // Sale clock: reminders, the opening and the end follow the room clock even without events.
  const sale = s.sale;
  if (sale && !sale.closed) {
    for (const sec of t.saleRemindersS) {
      const at = sale.startsAt - sec * 1000;
      if (now >= at && now < sale.startsAt && !sale.reminders.includes(sec)) {
        sale.reminders.push(sec);
        script('high', { type: 'saleReminder', saleId: sale.id }, cfg.lang, sec * 1000);
      } else if (now < at) wakes.push(at);
    }
    if (now >= sale.startsAt && !sale.opened && sale.status !== 'cancelled') openSale(s, tools);
    else if (now < sale.startsAt) wakes.push(sale.startsAt);
    if (now >= sale.endsAt) closeSale(s, cfg, tools);
    else wakes.push(sale.endsAt);
  }

  // Thanks for small orders, batched.
  if (s.thanks) {
    if (now - s.thanks.firstAt >= t.thanksBatchMs) {
      script('high', { type: 'thanks', buyers: s.thanks.buyers.slice(0, 5), productId: s.thanks.productId, qty: s.thanks.qty, big: false }, cfg.lang, 30_000);
      s.thanks = null;
    } else wakes.push(s.thanks.firstAt + t.thanksBatchMs);
  }

  // The quiz: when listening ends, reveal the answer and the winners.
  if (s.show?.quizUntil != null) {
    const show = s.show;
    const step = show.episode.steps[show.step];
    if (now >= show.quizUntil! && step?.kind === 'reveal') {
      enqueue('normal', { kind: 'lines', segments: revealLines(step, show.winners, show.episode.lang) });
      show.step++;
      show.quizUntil = null;
    } else if (now < show.quizUntil!) wakes.push(show.quizUntil!);
  }

  startNext(s, now, actions, false);
  if (s.speaking || s.mode === 'dance') return minWake(wakes);

  // Free to talk: a comment first, at the mode's pace.
  const listening = s.show?.quizUntil != null && now < s.show.quizUntil;
  if (!listening) {
    const sel = s.pendingApproval
      ? null
      : selectComment(s.selector, s.chat, s.mode, now, { blocked: cfg.blocked, pinned: s.pinned });
    if (sel) {
      const approved = sel.lines.some((l) => s.approved.includes(l.id));
      if (cfg.approveComments && !approved) {
        s.pendingApproval = { messageIds: sel.lines.map((l) => l.id), selectionAt: now };
        actions.push({ type: 'awaitApproval', selection: sel });
      } else {
        markHandled(s.selector, sel, now);
        s.approved = s.approved.filter((id) => !sel.lines.some((l) => l.id === id));
        enqueue('normal', { kind: 'reply', comment: sel.primary, also: sel.lines.slice(1), askers: sel.askers, lang: sel.lang, intent: sel.intent });
        if (sel.intent === 'dance' && cfg.songIds.length > 0) s.danceAfter = s.queue.at(-1)!.id;
        startNext(s, now, actions, false);
        if (s.speaking) return minWake(wakes);
      }
    }
  }

  // Welcome newcomers now and then.
  if (s.welcomes.length > 0 && now - s.lastWelcomeAt >= t.welcomeEveryMs && s.mode !== 'saleHype') {
    script('low', { type: 'welcome', nicknames: s.welcomes.splice(0, 3) }, cfg.lang, 20_000);
    s.welcomes = [];
    s.lastWelcomeAt = now;
    startNext(s, now, actions, false);
    if (s.speaking) return minWake(wakes);
  }

  // Quiet: fill it the way the mode wants.
  const quietKey = s.mode as keyof typeof t.quietMs;
  const quietMs = t.quietMs[quietKey];
  if (quietMs === undefined) return minWake(wakes);
  const quietAt = s.lastSpeechEndAt + quietMs;
  if (now < quietAt) {
    wakes.push(quietAt);
    return minWake(wakes);
  }
  if (!listening) fillQuiet(s, now, cfg, tools);
  startNext(s, now, actions, false);
  if (s.speaking) return minWake(wakes);
  return minWake([...wakes, now + Math.max(1000, quietMs)]);
}

function fillQuiet(s: DirectorState, now: number, cfg: Readonly<DirectorConfig>, tools: Tools): void {
  const { script, enqueue } = tools;
  const pitch = () => {
    const queued = s.pitchQueue.shift();
    const pool = s.mode === 'tour' && cfg.tourProductIds.length > 0 ? cfg.tourProductIds : s.pinned;
    const id = queued ?? pool[s.pitchCursor++ % Math.max(1, pool.length)];
    if (!id) return false;
    s.lastPitchAt = now;
    script('low', { type: 'pitch', productId: id });
    return true;
  };
  const talk = () => {
    if (!s.show || s.show.step >= s.show.episode.steps.length) {
      if (cfg.funFacts.length === 0) return false;
      const episode = planEpisode(cfg.funFacts, { lang: cfg.lang, seed: cfg.seed + s.episodes, exclude: new Set(s.usedFacts) });
      s.episodes++;
      s.usedFacts = [...s.usedFacts, ...episode.factIds].slice(-200);
      s.show = { episode, step: 0, quizUntil: null, winners: [], answered: [] };
    }
    const step = s.show.episode.steps[s.show.step]!;
    if (step.kind === 'reveal') return false; // waits for the quiz window
    s.show.step++;
    enqueue('low', { kind: 'lines', segments: step.lines });
    if (s.show.step >= s.show.episode.steps.length) s.show = null;
    return true;
  };
  switch (s.mode) {
    case 'pitch':
    case 'tour':
      if (!pitch()) talk();
      break;
    case 'talkshow':
      if (!talk()) pitch();
      break;
    case 'idle': {
      // Alternate: a few pitches, then a talk-show episode (played through once started).
      if (s.show) talk();
      else if (s.pitchQueue.length > 0 || (s.pitchCursor % (cfg.timings.pitchesPerEpisode + 1) !== cfg.timings.pitchesPerEpisode && s.pinned.length > 0)) {
        if (!pitch()) talk();
      } else {
        s.pitchCursor++;
        if (!talk()) pitch();
      }
      break;
    }
    case 'qa':
      if (now - s.lastAskAwayAt >= 60_000) {
        s.lastAskAwayAt = now;
        script('low', { type: 'askAway' });
      } else pitch();
      break;
    case 'draw':
      script('low', { type: 'drawHype' });
      break;
    case 'saleHype':
      if (s.sale && !s.sale.closed) script('low', { type: s.sale.opened ? 'saleOpen' : 'saleAnnounce', saleId: s.sale.id });
      break;
    default:
      break;
  }
}

/**
 * Starts the most urgent queued speech if the host is free, or interrupts a less urgent one for an
 * urgent speech (never two at once: the stop comes first). Returns true when a speech was started.
 */
function startNext(s: DirectorState, now: number, actions: DirectorAction[], paused: boolean): boolean {
  s.queue = s.queue.filter((q) => q.expiresAt === undefined || q.expiresAt > now);
  if (s.queue.length === 0) return false;
  const best = [...s.queue].sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.at - b.at)[0]!;
  if (paused && best.priority !== 'urgent') return false;
  if (s.speaking) {
    if (best.priority !== 'urgent' || PRIORITY_RANK[s.speaking.priority] >= PRIORITY_RANK.urgent) return false;
    actions.push({ type: 'stopSpeech', id: s.speaking.id });
  }
  s.queue = s.queue.filter((q) => q !== best);
  s.speaking = { id: best.id, priority: best.priority, since: now };
  actions.push({ type: 'speak', id: best.id, priority: best.priority, plan: best.plan });
  return true;
}

function minWake(w: number[]): number | null {
  return w.length ? Math.min(...w) : null;
}
