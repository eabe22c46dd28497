import {
  direct,
  directorConfig,
  initialDirectorState,
  renderSpeech,
  type BrainSetup,
  type DirectorAction,
  type DirectorConfig,
  type DirectorInput,
  type DirectorState,
  type Knowledge,
  type OperatorCommand,
  type Segment,
  type ShopFacts,
} from '@snowstage/brain';
import { saleIsLive, viewSale } from '@snowstage/commerce';
import type { EmotionTag, Gesture, HostMode, Lang, QueuedComment, RoomEvent, ServerMessage, ShowcaseContent } from '@snowstage/protocol';
import type { RoomCore, HostControl } from '../room/room-core.js';
import type { LiveRoom } from '../room/live-room.js';
import type { HostRuntime, Line } from './host-runtime.js';
import type { SongLibrary } from './songs.js';
import { TourGuide } from '../showcase/tour-guide.js';

export interface DirectorRuntimeDeps {
  core: RoomCore;
  room: LiveRoom;
  host: HostRuntime;
  brain: BrainSetup;
  facts: ShopFacts;
  knowledge: Knowledge;
  songs: SongLibrary;
  showcase: ShowcaseContent;
  blocked: (text: string) => boolean;
  now: () => number;
  onError: (err: unknown, what: string) => void;
  /** Director settings beyond the defaults (language, quiet times, approvals). */
  config?: Partial<DirectorConfig>;
  /**
   * A hall rather than a show (the Cloud Showcase): she stays quiet between guided tours instead of
   * filling the silence with talk shows and pitches.
   */
  quietBetweenTours?: boolean;
}

/**
 * The show director of one room, on the node that owns the room: feeds the pure state machine
 * (`direct` in @snowstage/brain) with room events, counts, operator commands and its own timers,
 * and carries out what it decides — speech through the brain and the voice (one speech at a time,
 * placed on the room clock), gestures, expressions, dances, mode changes, the comment queue for staff.
 */
export class DirectorRuntime implements HostControl {
  private state: DirectorState;
  private cfg: Readonly<DirectorConfig>;
  private wake: NodeJS.Timeout | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly speeches = new Map<string, AbortController>();
  private readonly unobserve: () => void;
  private readonly counts: NodeJS.Timeout;
  private readonly tours: TourGuide;
  private stopped = false;
  private lastViewers = -1;

  constructor(private readonly deps: DirectorRuntimeDeps) {
    const { brain, knowledge, songs, blocked, core } = deps;
    this.cfg = directorConfig({
      roomId: core.id,
      classify: (text) => brain.embedded.classify(text, core.pinnedIds),
      blocked,
      funFacts: knowledge.funFacts,
      songIds: songs.ids(),
      seed: hashSeed(core.id),
      ...deps.config,
    });
    const sale = core.sale;
    const liveSale = sale && saleIsLive(sale, deps.now()) ? viewSale(sale, deps.now()) : null;
    // The room's mode from its log: a host the operator paused stays paused on a restart or a takeover.
    this.state = initialDirectorState(core.hostMode, deps.now(), liveSale);
    // Taking over a room that was dancing or hyping a sale that has ended: say so to every viewer.
    if (core.hostMode !== this.state.mode) deps.host.setMode(this.state.mode, 'director');
    this.tours = new TourGuide(deps.showcase, deps.host, deps.onError);
    this.unobserve = deps.room.observe((events) => {
      for (const event of events) {
        if (event.kind === 'draw') this.onDraw(event);
        this.input({ type: 'room', event });
      }
    });
    this.counts = setInterval(() => {
      if (core.viewerCount !== this.lastViewers) {
        this.lastViewers = core.viewerCount;
        this.input({ type: 'viewerCount', count: core.viewerCount });
      }
    }, 2000);
    this.counts.unref();
    core.attachHost(this);
    if (deps.quietBetweenTours) this.input({ type: 'operator', command: { type: 'pause' } });
    this.input({ type: 'tick' });
  }

  // ── the loop ───────────────────────────────────────────────────────────────

  private input(i: DirectorInput): void {
    if (this.stopped) return;
    let step;
    try {
      step = direct(this.state, i, this.deps.now(), this.cfg);
    } catch (e) {
      this.deps.onError(e, `director input ${i.type}`);
      return;
    }
    this.state = step.state;
    for (const a of step.actions) this.run(a);
    if (this.wake) clearTimeout(this.wake);
    this.wake = null;
    if (step.wakeAt !== null) {
      this.wake = setTimeout(() => this.input({ type: 'tick' }), Math.max(20, step.wakeAt - this.deps.now()));
      this.wake.unref();
    }
  }

  /** Feeds an input later (speech or dance end, on the room clock). */
  private at(time: number, i: DirectorInput): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.input(i);
    }, Math.max(0, time - this.deps.now()));
    t.unref();
    this.timers.add(t);
  }

  private run(a: DirectorAction): void {
    const { host } = this.deps;
    switch (a.type) {
      case 'speak':
        void this.speak(a.id, a.plan);
        break;
      case 'stopSpeech':
        // Done at once: the director may speak again now, without waiting for the aborted render to unwind.
        this.speeches.get(a.id)?.abort();
        this.speeches.delete(a.id);
        host.interrupt();
        queueMicrotask(() => this.input({ type: 'speechDone', id: a.id }));
        break;
      case 'gesture':
        host.gesture(a.name);
        break;
      case 'expression':
        host.express(a.emotion, a.durationMs);
        break;
      case 'dance':
        void this.dance(a.songId);
        break;
      case 'mode':
        host.setMode(a.mode, a.by);
        break;
      case 'awaitApproval':
        this.deps.core.toStaff(this.queue());
        break;
    }
  }

  /** Renders a speech plan (brain + facts read now), places its lines, and reports when it has been heard. */
  private async speak(id: string, plan: Parameters<typeof renderSpeech>[0]): Promise<void> {
    const abort = new AbortController();
    this.speeches.set(id, abort);
    let endsAt = this.deps.now();
    try {
      const r = await renderSpeech(plan, { brain: this.deps.brain.brain, facts: this.deps.facts, guard: this.deps.brain.guard, knowledge: this.deps.knowledge, roomId: this.deps.core.id, clock: this.deps.now, variety: this.deps.brain.embedded.variety }, abort.signal);
      const placed = await this.deps.host.say(toLines(r.segments, r.replyTo, r.productId), abort.signal);
      endsAt = placed.endsAt;
      if (plan.kind === 'reply') this.deps.core.toStaff(this.queue());
    } catch (e) {
      if (!abort.signal.aborted) this.deps.onError(e, `speech ${plan.kind}`);
    } finally {
      // A stopped speech was reported done when it was stopped.
      if (!abort.signal.aborted) {
        this.speeches.delete(id);
        // Reported a little before the last line ends, so the next speech is synthesised and placed in time.
        this.at(endsAt - NEXT_LINE_HEADSTART_MS, { type: 'speechDone', id });
      }
    }
  }

  private async dance(songId: string): Promise<void> {
    const ready = this.deps.songs.get(songId);
    if (!ready) {
      this.input({ type: 'danceDone' });
      return;
    }
    try {
      const s = await ready;
      const e = this.deps.host.dance({
        songId,
        title: s.song.title,
        audio: { url: this.deps.songs.url(songId), durationMs: s.durationMs, sampleRate: s.sampleRate },
        bpm: s.bpm,
        beatsMs: s.beatsMs,
        moves: s.moves,
      });
      this.at((e.kind === 'dance' ? e.startAt : this.deps.now()) + s.durationMs, { type: 'danceDone' });
    } catch (err) {
      this.deps.onError(err, `dance ${songId}`);
      this.input({ type: 'danceDone' });
    }
  }

  /**
   * A lucky draw in this room: she announces it with the prizes and the closing time (excited, cheer),
   * and when it is drawn congratulates the winners (happy, heart hands), naming those she knows from chat.
   */
  private onDraw(e: Extract<RoomEvent, { kind: 'draw' }>): void {
    const lang = this.cfg.lang;
    const d = e.draw;
    const title = lang === 'zh' ? d.title.zh : d.title.en;
    const prizes = d.prizes.map((p) => `${lang === 'zh' ? p.name.zh : p.name.en}${lang === 'zh' ? ` ${p.quantity}份` : ` ×${p.quantity}`}`).join(lang === 'zh' ? '、' : ', ');
    if (e.phase === 'open') {
      const mins = Math.max(1, Math.round((d.closesAt - this.deps.now()) / 60_000));
      this.operator({ type: 'setMode', mode: 'draw' });
      this.operator({
        type: 'say',
        lang,
        emotion: { name: 'excited', intensity: 0.9 },
        gesture: 'cheer',
        text: lang === 'zh' ? `抽奖开始啦！「${title}」，奖品有${prizes}，${mins}分钟后开奖，用抽奖券参与，祝大家好运！` : `Lucky draw time! "${title}": ${prizes}. The draw closes in ${mins} minute${mins > 1 ? 's' : ''} — enter with your tickets and good luck!`,
      });
      return;
    }
    const round = [...d.rounds].reverse().find((r) => r.winners !== null);
    if (!round?.winners) return;
    const known = new Map(this.state.chat.map(({ line }) => [line.viewerId, line.nickname]));
    const named = [...new Set(round.winners.map((w) => known.get(w.fanId)).filter((n): n is string => !!n))].slice(0, 3);
    const count = round.winners.length;
    const names = named.length ? (lang === 'zh' ? `，有${named.join('、')}` : `, including ${named.join(', ')}`) : '';
    this.operator({
      type: 'say',
      lang,
      emotion: { name: 'happy', intensity: 0.9 },
      gesture: 'heart-hands',
      text:
        count === 0
          ? lang === 'zh' ? `「${title}」开奖啦，这次没有人参与，下次一起来！` : `"${title}" is drawn — nobody entered this time. Join us next time!`
          : lang === 'zh' ? `开奖啦！恭喜${count}位幸运儿${names}！中奖的朋友记得在护照里填写收货地址哦，比心！` : `And the winners are in! Congratulations to our ${count} lucky fan${count > 1 ? 's' : ''}${names}! Winners, add your address in your passport to claim. Love you all!`,
    });
    this.operator({ type: 'setMode', mode: this.state.resumeMode === 'draw' ? 'idle' : this.state.resumeMode });
  }

  // ── staff (HostControl) ────────────────────────────────────────────────────

  private operator(command: OperatorCommand): void {
    this.input({ type: 'operator', command });
    this.deps.core.toStaff(this.queue());
  }

  setMode(mode: HostMode): void {
    if (mode === 'paused') return this.operator({ type: 'pause' });
    if (this.state.mode === 'paused') this.operator({ type: 'resume' });
    if (mode === 'dance') return this.operator({ type: 'dance' });
    this.operator({ type: 'setMode', mode });
  }

  async say(line: { text: string; emotion: EmotionTag; gesture?: Gesture; lang?: Lang }): Promise<void> {
    this.operator({ type: 'say', text: line.text, emotion: line.emotion, ...(line.gesture ? { gesture: line.gesture } : {}), ...(line.lang ? { lang: line.lang } : {}) });
  }

  async queuePitch(productId: string): Promise<void> {
    if (!(await this.deps.facts.getProduct(productId))) throw Object.assign(new Error('no such product'), { code: 'PRODUCT_NOT_FOUND' });
    this.operator({ type: 'queuePitch', productId });
  }

  setApproval(on: boolean): void {
    this.cfg = Object.freeze({ ...this.cfg, approveComments: on });
    this.input({ type: 'tick' });
    this.deps.core.toStaff(this.queue());
  }

  pause(paused: boolean): void {
    this.operator({ type: paused ? 'pause' : 'resume' });
  }

  approve(messageId: string): void {
    this.operator({ type: 'approve', messageId });
  }

  skip(messageId: string): void {
    this.operator({ type: 'skip', messageId });
  }

  /** The comments waiting for approval, then the answers queued to be spoken. */
  queue(): Extract<ServerMessage, { type: 'commentQueue' }> {
    const s = this.state;
    const items: QueuedComment[] = [];
    const byId = new Map(s.chat.map(({ line }) => [line.id, line]));
    for (const id of s.pendingApproval?.messageIds.slice(0, 1) ?? []) {
      const l = byId.get(id);
      if (l) items.push({ messageId: l.id, viewerId: l.viewerId, nickname: l.nickname, text: l.text, intent: 'pending', productId: null, score: 1, merged: (s.pendingApproval?.messageIds.length ?? 1) - 1 });
    }
    for (const q of s.queue) {
      if (q.plan.kind !== 'reply') continue;
      const c = q.plan.comment;
      items.push({ messageId: c.id, viewerId: c.viewerId, nickname: c.nickname, text: c.text, intent: q.plan.intent, productId: null, score: 0.5, merged: q.plan.also.length });
    }
    return { type: 'commentQueue', items, paused: s.mode === 'paused', mode: s.mode, approval: this.cfg.approveComments };
  }

  /** Leads a showcase tour: the director steps aside (paused) while the guide talks. */
  async tour(lang: Lang): Promise<boolean> {
    if (this.tours.busy) return false;
    this.input({ type: 'operator', command: { type: 'pause' } });
    const resume = () => {
      if (!this.deps.quietBetweenTours) this.input({ type: 'operator', command: { type: 'resume' } });
    };
    const started = await this.tours.start(lang, resume);
    if (!started) resume();
    return started;
  }

  stop(): void {
    this.stopped = true;
    this.unobserve();
    clearInterval(this.counts);
    if (this.wake) clearTimeout(this.wake);
    for (const t of this.timers) clearTimeout(t);
    for (const a of this.speeches.values()) a.abort();
    this.deps.core.attachHost(null);
  }
}

/** Brain segments as lines for the host, carrying whom she answers and what product it is about. */
async function* toLines(segments: AsyncIterable<Segment>, replyTo: Line['replyTo'], productId: string | null): AsyncIterable<Line> {
  let first = true;
  for await (const s of segments) {
    yield { text: s.text, lang: s.lang, emotion: s.emotion, ...(s.gesture ? { gesture: s.gesture } : {}), productId: s.productId ?? productId, replyTo: first ? replyTo : null };
    first = false;
  }
}

/** How long before a speech ends the director may prepare the next one (render + synthesis time). */
const NEXT_LINE_HEADSTART_MS = 400;

function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
