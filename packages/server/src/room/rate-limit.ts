/** A token bucket's state: pure data, so the room reducer can keep it and tests can step the clock. */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface BucketRule {
  burst: number;
  perSecond: number;
}

/**
 * Takes one token at `now` if there is one. Returns the new bucket and whether the action may go ahead.
 * A missing bucket starts full.
 */
export function takeToken(bucket: Bucket | undefined, rule: BucketRule, now: number): { bucket: Bucket; ok: boolean } {
  const prev = bucket ?? { tokens: rule.burst, at: now };
  const refilled = Math.min(rule.burst, prev.tokens + ((now - prev.at) / 1000) * rule.perSecond);
  if (refilled < 1) return { bucket: { tokens: refilled, at: now }, ok: false };
  return { bucket: { tokens: refilled - 1, at: now }, ok: true };
}
