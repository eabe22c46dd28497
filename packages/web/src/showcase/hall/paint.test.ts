import { describe, expect, it } from 'vitest';
import { wrap } from './paint.js';

/** A stand-in context: every character is 10 px wide. */
const ctx = { measureText: (t: string) => ({ width: t.length * 10 }) } as unknown as CanvasRenderingContext2D;

describe('wrap', () => {
  it('breaks Latin text between words and keeps every word when it fits', () => {
    expect(wrap(ctx, 'A courtyard workshop', 120, 2)).toEqual(['A courtyard', 'workshop']);
  });

  it('breaks Chinese between characters', () => {
    expect(wrap(ctx, '院子里的作坊开张了', 40)).toEqual(['院子里的', '作坊开张', '了']);
  });

  it('ends a text that does not fit in the lines with an ellipsis', () => {
    const lines = wrap(ctx, 'one two three four five six', 90, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines.every((l) => l.length * 10 <= 90)).toBe(true);
  });
});
