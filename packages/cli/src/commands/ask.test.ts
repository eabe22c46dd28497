import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './ask.js';

afterEach(() => vi.restoreAllMocks());

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void lines.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void lines.push(String(s)));
  const code = await run(argv);
  return { code, out: lines.join('\n') };
}

describe('snowstage ask', () => {
  it('prints one JSON object with intent, product and tagged segments', async () => {
    const { code, out } = await capture(['灯宝多少钱', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ intent: 'price', productId: 'deng-bao-plush', lang: 'zh', source: 'embedded' });
    expect(r.segments[0].text).toContain('¥108');
    expect(r.segments[0].emotion.name).toBeTruthy();
  });

  it('prints readable lines, answering in English when asked in English', async () => {
    const { code, out } = await capture(['is', 'the', 'thermos', 'in', 'stock?', '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toMatch(/^intent: stock · product: thermos-bottle/);
    expect(out).toMatch(/\b610\b/);
  });

  it('refuses an empty comment or an unknown language', async () => {
    expect((await capture([])).code).toBe(2);
    expect((await capture(['hi', '--lang', 'fr'])).code).toBe(2);
  });
});
