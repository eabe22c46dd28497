import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Quests over HTTP on a real server: tickets come only from what the server recorded and graded
 * (visits it saw, answers it checked), each quest pays once, and nothing a client claims counts.
 */
let t: TestApp;
let token: string;
const call = async (method: string, path: string, body?: unknown, auth = token) => {
  const res = await fetch(t.url + path, {
    method,
    headers: { authorization: `Bearer ${auth}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
};

beforeAll(async () => {
  t = await startTestApp();
  const res = await fetch(`${t.url}/api/viewers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nickname: 'Quester' }) });
  token = ((await res.json()) as { viewerToken: string }).viewerToken;
});
afterAll(async () => t?.close());

describe('showcase quests', () => {
  it('pays a quest once for what the server saw, and refuses forged completions, unknown booths and second answers', async () => {
    const tickets = async () => (await call('GET', '/api/showcase/passport')).body.passport.tickets as number;
    expect(await tickets()).toBe(0);
    // A client cannot declare a quest done, nor grant itself tickets, by any route or field.
    for (const [method, path, body] of [
      ['POST', '/api/showcase/quests', { questId: 'visit-3' }],
      ['POST', '/api/showcase/quests/visit-3/complete', {}],
      ['POST', '/api/showcase/visits', { boothId: 'beifeng', completed: ['visit-all'], tickets: 99 }],
    ] as const) {
      const r = await call(method, path, body);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
    }
    expect(await tickets()).toBe(0);
    expect((await call('POST', '/api/showcase/visits', { boothId: 'no-such-booth' })).status).toBe(404);

    // Three booths of three categories complete "visit 3" (2 tickets) and no stamp set; visiting again pays nothing more.
    for (const boothId of ['beifeng', 'cloudpasture', 'aurora']) await call('POST', '/api/showcase/visits', { boothId });
    expect(await tickets()).toBe(2);
    for (const boothId of ['beifeng', 'cloudpasture', 'aurora']) expect((await call('POST', '/api/showcase/visits', { boothId })).body.granted).toEqual([]);
    expect(await tickets()).toBe(2);

    // A wrong answer is graded wrong and pays nothing; the booth's quiz cannot be tried again.
    const wrong = await call('POST', '/api/showcase/quiz', { boothId: 'beifeng', choice: 0 });
    expect(wrong.body).toMatchObject({ correct: false, granted: [] });
    expect((await call('POST', '/api/showcase/quiz', { boothId: 'beifeng', choice: 1 })).status).toBe(409);
    // The public content does not give the answers away; a right answer pays the booth's quiz quest.
    expect(JSON.stringify((await call('GET', '/api/showcase')).body)).not.toMatch(/"answer"/);
    const right = await call('POST', '/api/showcase/quiz', { boothId: 'snowridge', choice: t.content.showcase.booths.find((b) => b.id === 'snowridge')!.quiz.answer });
    expect(right.body).toMatchObject({ correct: true, granted: [{ questId: 'quiz-snowridge', tickets: 2 }] });
    expect(await tickets()).toBe(4);
    // Check-in pays once a day.
    expect((await call('POST', '/api/showcase/checkin')).body.granted).toEqual([{ questId: 'checkin', tickets: 1 }]);
    expect((await call('POST', '/api/showcase/checkin')).body.granted).toEqual([]);
    // Another fan's token sees its own passport, not this one.
    expect((await call('GET', '/api/showcase/passport', undefined, 'not-a-token')).status).toBe(401);
  });
});
