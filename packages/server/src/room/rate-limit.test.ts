import { describe, expect, it } from 'vitest';
import { takeToken } from './rate-limit.js';

describe('token bucket', () => {
  const rule = { burst: 2, perSecond: 2 };
  it('allows the burst, refuses the next, refills at the stated rate', () => {
    let b = takeToken(undefined, rule, 0);
    expect(b.ok).toBe(true);
    b = takeToken(b.bucket, rule, 0);
    expect(b.ok).toBe(true);
    b = takeToken(b.bucket, rule, 0);
    expect(b.ok).toBe(false);
    b = takeToken(b.bucket, rule, 499);
    expect(b.ok).toBe(false);
    b = takeToken(b.bucket, rule, 500);
    expect(b.ok).toBe(true);
  });
  it('never stores more than the burst', () => {
    const b = takeToken({ tokens: 0, at: 0 }, rule, 60_000);
    expect(b.bucket.tokens).toBe(1);
  });
});
