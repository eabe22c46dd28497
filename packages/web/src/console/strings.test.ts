import { describe, expect, it } from 'vitest';
import { perBucket } from './strings.js';

describe('console strings', () => {
  it('names chart buckets in both languages', () => {
    expect(perBucket('en', 60_000)).toBe('per minute');
    expect(perBucket('zh', 60_000)).toBe('每分钟');
    expect(perBucket('en', 10_000)).toBe('per 10 s');
    expect(perBucket('zh', 300_000)).toBe('每5分钟');
  });
});
