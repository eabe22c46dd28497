import type { ChatLine, EmotionTag, FunFact, Gesture, HostMode, Lang, RoomEvent } from '@snowstage/protocol';
import type { Classified, ClassifiedLine, Selection, SelectorState } from '../select/selector.js';
import type { Episode } from '../talkshow/episode.js';
import type { Segment } from '../types.js';

/** Urgent speech interrupts what is being said; the others wait their turn. */
export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export const PRIORITY_RANK: Record<Priority, number> = { urgent: 3, high: 2, normal: 1, low: 0 };

/** A scripted line whose facts (prices, stock, times) are read from ShopFacts when it is spoken. */
export type ScriptRef =
  | { type: 'pitch'; productId: string }
  | { type: 'saleAnnounce'; saleId: string }
  | { type: 'saleReminder'; saleId: string }
  | { type: 'saleOpen'; saleId: string }
  | { type: 'saleClosed'; saleId: string }
  | { type: 'soldOut'; productId: string; variantId: string | null; saleId: string | null }
  | { type: 'thanks'; buyers: string[]; productId: string; qty: number; big: boolean }
  | { type: 'milestone'; kind: 'viewers' | 'likes'; count: number }
  | { type: 'welcome'; nicknames: string[] }
  | { type: 'askAway' }
  | { type: 'drawHype' };

/** What to say: fixed lines, an answer to chat (a brain call), or a script rendered at speaking time. */
export type SpeechPlan =
  | { kind: 'lines'; segments: Segment[] }
  | { kind: 'reply'; comment: ChatLine; also: ChatLine[]; askers: number; lang: Lang; intent: Classified['intent'] }
  | { kind: 'script'; script: ScriptRef; lang: Lang };

export type DirectorAction =
  /** Render the plan (renderSpeech), synthesise and broadcast it in order; feed back speechDone {id}. */
  | { type: 'speak'; id: string; priority: Priority; plan: SpeechPlan }
  /** Stop speech `id` now (skip its remaining segments); then feed back speechDone {id}. */
  | { type: 'stopSpeech'; id: string }
  | { type: 'gesture'; name: Gesture }
  | { type: 'expression'; emotion: EmotionTag; durationMs: number }
  /** Play a song's dance; feed back danceDone when it ends. */
  | { type: 'dance'; songId: string }
  | { type: 'mode'; mode: HostMode; by: 'director' | 'operator' }
  /** Show the operator the comment the director would answer; it waits for approve/skip. */
  | { type: 'awaitApproval'; selection: Selection };

export type OperatorCommand =
  | { type: 'setMode'; mode: HostMode }
  | { type: 'say'; text: string; lang?: Lang; emotion?: EmotionTag; gesture?: Gesture }
  | { type: 'queuePitch'; productId: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'approve'; messageId: string }
  | { type: 'skip'; messageId: string }
  | { type: 'dance'; songId?: string };

export type DirectorInput =
  | { type: 'room'; event: RoomEvent }
  | { type: 'viewerCount'; count: number }
  | { type: 'operator'; command: OperatorCommand }
  | { type: 'speechDone'; id: string }
  | { type: 'danceDone' }
  | { type: 'tick' };

export interface QueuedSpeech {
  id: string;
  priority: Priority;
  plan: SpeechPlan;
  at: number;
  /** Drop it if still waiting at this time (stale reminders, old welcomes). */
  expiresAt?: number;
}

export interface DirectorState {
  mode: HostMode;
  /** The mode to return to after a sale, a dance or a pause. */
  resumeMode: HostMode;
  speaking: { id: string; priority: Priority; since: number } | null;
  queue: QueuedSpeech[];
  nextId: number;
  lastSpeechEndAt: number;
  /** Recent chat, classified once on arrival. */
  chat: ClassifiedLine[];
  selector: SelectorState;
  pendingApproval: { messageIds: string[]; selectionAt: number } | null;
  approved: string[];
  pinned: string[];
  pitchQueue: string[];
  pitchCursor: number;
  lastPitchAt: number;
  lastAskAwayAt: number;
  sale: { id: string; productId: string; startsAt: number; endsAt: number; status: string; announced: boolean; opened: boolean; closed: boolean; reminders: number[] } | null;
  thanks: { buyers: string[]; productId: string; qty: number; firstAt: number } | null;
  welcomes: string[];
  lastWelcomeAt: number;
  viewers: number;
  likes: number;
  milestones: { viewers: number; likes: number };
  show: { episode: Episode; step: number; quizUntil: number | null; winners: string[]; answered: string[] } | null;
  usedFacts: string[];
  episodes: number;
  danceAfter: string | null;
  lastDanceAt: number;
}

export interface DirectorConfig {
  roomId: string;
  /** The room's main language (scripts, talk show). @default 'zh' */
  lang: Lang;
  funFacts: readonly FunFact[];
  /** Songs she can dance to; empty = no dancing. */
  songIds: readonly string[];
  /** Synchronous classification of chat lines, given the room's pinned products (EmbeddedBrain.classify). */
  classify: (text: string, pinned: readonly string[]) => Classified;
  /** Products the tour walks through, in order; empty = the pinned ones. */
  tourProductIds: readonly string[];
  /** The moderation blocklist. */
  blocked: (text: string) => boolean;
  /** Ask the operator before answering each selected comment. @default false */
  approveComments: boolean;
  seed: number;
  timings: DirectorTimings;
}

export interface DirectorTimings {
  /** Quiet time before the director fills it, per mode. */
  quietMs: Record<'pitch' | 'idle' | 'talkshow' | 'qa' | 'tour' | 'saleHype' | 'draw', number>;
  /** Orders within this window are thanked together. */
  thanksBatchMs: number;
  bigOrderQty: number;
  bigOrderFen: number;
  viewerMilestones: readonly number[];
  likeMilestones: readonly number[];
  danceCooldownMs: number;
  /** Seconds before a sale opens at which to remind viewers. */
  saleRemindersS: readonly number[];
  welcomeEveryMs: number;
  /** In idle mode, how many pitches between talk-show episodes. */
  pitchesPerEpisode: number;
}

export const DEFAULT_TIMINGS: DirectorTimings = Object.freeze({
  quietMs: { pitch: 5000, idle: 8000, talkshow: 2500, qa: 25_000, tour: 5000, saleHype: 12_000, draw: 20_000 },
  thanksBatchMs: 4000,
  bigOrderQty: 5,
  bigOrderFen: 100_000,
  viewerMilestones: [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 50_000, 100_000],
  likeMilestones: [1000, 10_000, 50_000, 100_000, 1_000_000],
  danceCooldownMs: 5 * 60_000,
  saleRemindersS: [60, 10],
  welcomeEveryMs: 30_000,
  pitchesPerEpisode: 3,
});

export interface Step {
  state: DirectorState;
  actions: DirectorAction[];
  /** When the director next has something due (feed a tick then); null = only on input. */
  wakeAt: number | null;
}
