import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowcaseApi } from './api-client.js';

/** A stand-in server: records requests, answers from a script. */
function fakeServer(answer: (path: string, init: RequestInit, n: number) => { status: number; body: unknown } | 'network') {
  const calls: { path: string; auth: string | null; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ path, auth: headers.authorization ?? null, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const a = answer(path, init, calls.length);
    if (a === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), map: m };
}

const passport = { fanId: 'v_x', stamps: [], quizzes: [], quests: [], tickets: 0, entries: [], prizes: [] };

afterEach(() => vi.unstubAllGlobals());

describe('showcase API client', () => {
  it('gets a viewer token once and sends it with every call', async () => {
    const calls = fakeServer((path) => (path === '/api/viewers' ? { status: 200, body: { viewerId: 'v_1', nickname: 'Fan', viewerToken: 'tok-1' } } : { status: 200, body: { passport } }));
    const storage = memoryStorage();
    const api = new ShowcaseApi(() => 'en', storage);
    await Promise.all([api.passport(), api.passport()]);
    expect(calls.filter((c) => c.path === '/api/viewers')).toHaveLength(1);
    expect(calls.filter((c) => c.path !== '/api/viewers').every((c) => c.auth === 'Bearer tok-1')).toBe(true);
    expect(storage.map.get('snowstage.viewerToken')).toBe('tok-1');
  });

  it('uses the live room token already stored, and replaces it once when the server refuses it', async () => {
    const calls = fakeServer((path, init) => {
      if (path === '/api/viewers') return { status: 200, body: { viewerId: 'v_2', nickname: 'Fan', viewerToken: 'fresh' } };
      const auth = (init.headers as Record<string, string>).authorization;
      return auth === 'Bearer stale' ? { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'A valid token is required' } } } : { status: 200, body: { passport, granted: [] } };
    });
    const storage = memoryStorage({ 'snowstage.viewerToken': 'stale' });
    const api = new ShowcaseApi(() => 'zh', storage);
    const r = await api.visit('beifeng');
    expect(r.passport.fanId).toBe('v_x');
    expect(calls.map((c) => [c.path, c.auth])).toEqual([
      ['/api/showcase/visits', 'Bearer stale'],
      ['/api/viewers', null],
      ['/api/showcase/visits', 'Bearer fresh'],
    ]);
    expect(storage.map.get('snowstage.viewerToken')).toBe('fresh');
  });

  it('retries a lost draw entry with the same idempotency key, but never a refused one', async () => {
    let lost = 1;
    const calls = fakeServer((path) => {
      if (path.endsWith('/enter') && lost-- > 0) return 'network';
      if (path.endsWith('/claim')) return { status: 409, body: { error: { code: 'NOT_A_WINNER', message: 'Not a winner' } } };
      return { status: 200, body: { passport } };
    });
    const api = new ShowcaseApi(() => 'en', memoryStorage({ 'snowstage.viewerToken': 't' }));
    await api.enter('draw_1', 2);
    const enters = calls.filter((c) => c.path === '/api/draws/draw_1/enter');
    expect(enters).toHaveLength(2);
    expect((enters[0]!.body as { key: string }).key).toBe((enters[1]!.body as { key: string }).key);
    expect(enters[0]!.body).toMatchObject({ entries: 2 });
    await expect(api.claim('draw_1', { prizeId: 'pin', name: 'A', phone: '123456', address: '1 Road', city: 'X' })).rejects.toMatchObject({ code: 'NOT_A_WINNER' });
    expect(calls.filter((c) => c.path.endsWith('/claim'))).toHaveLength(1);
  });
});
