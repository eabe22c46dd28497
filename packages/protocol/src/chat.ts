import { z } from 'zod';
import { EpochMs } from './ids.js';

export const Role = z.enum(['viewer', 'moderator', 'operator']);
export type Role = z.infer<typeof Role>;

/** Chat limits shared by the server's checks and the client's send box. */
export const CHAT_LIMITS = { maxChars: 120, maxFrameBytes: 8 * 1024 } as const;

/** One danmaku line as broadcast. */
export const ChatLine = z.object({
  id: z.string(),
  viewerId: z.string(),
  nickname: z.string(),
  role: Role,
  text: z.string(),
  at: EpochMs,
});
export type ChatLine = z.infer<typeof ChatLine>;
