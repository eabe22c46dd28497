import { z } from 'zod';

/** Slug-like ids for content (products, variants, rooms): stable, URL-safe, human-readable. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes, 1-64 chars');

/** An idempotency key chosen by the client; a retry with the same key never doubles an effect. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8-64 chars of A-Z a-z 0-9 _ -');

export const ViewerId = z.string().regex(/^v_[A-Za-z0-9_-]{6,40}$/, 'a viewer id such as v_abc123');
export type ViewerId = z.infer<typeof ViewerId>;

/** Milliseconds since the Unix epoch on the server's clock (the room clock). */
export const EpochMs = z.number().int().nonnegative();
