import { z } from 'zod';
import { EpochMs, Slug } from './ids.js';

/** A show: one scheduled broadcast in a room, with its product line-up. Analytics and replay are per show. */
export const ShowStatus = z.enum(['scheduled', 'live', 'ended']);
export type ShowStatus = z.infer<typeof ShowStatus>;

export const Show = z.object({
  id: z.string(),
  roomId: Slug,
  title: z.string().min(1).max(80),
  scheduledAt: EpochMs,
  /** Products the show plans to present, in order. */
  lineup: z.array(Slug).max(50),
  status: ShowStatus,
  startedAt: EpochMs.nullable(),
  endedAt: EpochMs.nullable(),
  /** Log positions: the show is the room's events with startSeq ≤ seq ≤ endSeq. */
  startSeq: z.number().int().nonnegative().nullable(),
  endSeq: z.number().int().nonnegative().nullable(),
});
export type Show = z.infer<typeof Show>;

/** What an operator sends to schedule a show. */
export const ShowPlan = z.object({
  roomId: Slug,
  title: z.string().trim().min(1).max(80),
  scheduledAt: EpochMs,
  lineup: z.array(Slug).max(50).default([]),
});
export type ShowPlan = z.infer<typeof ShowPlan>;

/** Viewer interactions worth counting that change nothing (analytics only). */
export const TrackWhat = z.enum(['cardClick', 'cartAdd']);
export type TrackWhat = z.infer<typeof TrackWhat>;
