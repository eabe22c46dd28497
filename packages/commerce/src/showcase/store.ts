import type { Draw, DrawEntry } from '@snowstage/protocol';
import type { Completion } from './quests.js';

/** What the server has recorded about a fan in the showcase. */
export interface FanRecord {
  visited: string[];
  quizzes: { boothId: string; correct: boolean }[];
  completions: (Completion & { at: number })[];
  /** Tickets spent on draw entries. */
  spent: number;
}

/**
 * The showcase storage port: facts the server saw (visits, graded answers) and the quests they
 * paid. Paying is idempotent: a (fan, quest, period) row exists at most once.
 */
export interface ShowcaseStore {
  recordVisit(fanId: string, boothId: string, at: number): Promise<void>;
  /** Records the fan's one graded answer for a booth; false when they had answered before. */
  recordQuizAnswer(fanId: string, boothId: string, choice: number, correct: boolean, at: number): Promise<boolean>;
  fan(fanId: string): Promise<FanRecord>;
  /** Pays completions not paid before; returns those newly paid. */
  payQuests(fanId: string, completions: readonly Completion[], at: number): Promise<Completion[]>;
}

export interface PrizeClaim {
  drawId: string;
  fanId: string;
  prizeId: string;
  name: string;
  phone: string;
  address: string;
  city: string;
  claimedAt: number;
}

/**
 * The lucky-draw storage port. `enter` is atomic: the fan's ticket balance is checked and the
 * entries added in one unit, idempotent by the fan's key. Seeds are secret until revealed, so they
 * live apart from the published draw document.
 */
export interface DrawStore {
  saveDraw(draw: Draw): Promise<void>;
  getDraw(id: string): Promise<Draw | null>;
  listDraws(): Promise<Draw[]>;
  saveSeed(drawId: string, round: number, seedHex: string): Promise<void>;
  getSeed(drawId: string, round: number): Promise<string | null>;
  /** Spends `entries × ticketsPerEntry` tickets on entries; rejects NOT_ENOUGH_TICKETS. */
  enter(drawId: string, fanId: string, entries: number, ticketsPerEntry: number, key: string, now: number): Promise<{ replayed: boolean }>;
  /** The entries of a draw in canonical order (sorted by fanId, one row per fan). */
  entries(drawId: string): Promise<DrawEntry[]>;
  entriesOf(fanId: string): Promise<{ drawId: string; entries: number }[]>;
  /** Records a winner's shipping details; a retry with the same key returns the same claim. */
  claim(c: Omit<PrizeClaim, 'claimedAt'>, key: string, now: number): Promise<{ claim: PrizeClaim; replayed: boolean }>;
  claims(drawId: string): Promise<PrizeClaim[]>;
}
