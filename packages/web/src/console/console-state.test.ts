import { describe, expect, it } from 'vitest';
import type { RoomSnapshot } from '@snowstage/protocol';
import { applyConsoleEvent, applyQueue, consoleFromSnapshot } from './console-state.js';
import { MUG, SCARF, T0 } from '../replay/replay-fixture.js';

const snapshot: RoomSnapshot = {
  roomId: 'main', title: { zh: '直播间', en: 'Room' }, seq: 5, pinned: [SCARF], sale: null, chat: [], viewers: 3, likes: 0,
  announcement: null, show: null, host: { mode: 'idle', playing: [], avatarUrl: '/avatars/dongdong.vrm' },
};

describe('console state', () => {
  it('follows the host mode, the show on air and the avatar', () => {
    const s = consoleFromSnapshot(snapshot);
    expect(applyConsoleEvent(s, { seq: 6, at: T0, kind: 'hostMode', mode: 'paused', by: 'operator' })).toEqual(['host']);
    expect(s.paused).toBe(true);
    applyConsoleEvent(s, { seq: 7, at: T0, kind: 'showStarted', showId: 'show_1', title: 'Night', present: [] });
    expect(s.show).toEqual({ id: 'show_1', title: 'Night', startedAt: T0 });
    applyConsoleEvent(s, { seq: 8, at: T0 + 5, kind: 'showEnded', showId: 'show_1' });
    expect(s.show).toBeNull();
    applyConsoleEvent(s, { seq: 9, at: T0 + 6, kind: 'avatar', url: '/api/avatars/abc.vrm' });
    expect(s.avatarUrl).toBe('/api/avatars/abc.vrm');
  });

  it('shares the viewer page fold for pins and chat', () => {
    const s = consoleFromSnapshot(snapshot);
    expect(applyConsoleEvent(s, { seq: 6, at: T0, kind: 'pinned', products: [SCARF, MUG] })).toEqual(['commerce']);
    expect(s.pinned.map((p) => p.id)).toEqual(['scarf', 'mug']);
    const line = { id: 'm1', viewerId: 'v1', nickname: 'A', role: 'viewer' as const, text: 'hi', at: T0 };
    expect(applyConsoleEvent(s, { seq: 7, at: T0, kind: 'chat', line })).toEqual(['chat']);
    expect(applyConsoleEvent(s, { seq: 8, at: T0, kind: 'chatDeleted', messageId: 'm1', by: 'mod' })).toEqual(['chat']);
    expect(s.chat).toEqual([]);
  });

  it('takes the comment queue, pause and mode from the staff frame', () => {
    const s = consoleFromSnapshot(snapshot);
    const item = { messageId: 'm1', viewerId: 'v1', nickname: 'A', text: '多少钱', intent: 'price', productId: 'mug', score: 0.9, merged: 2 };
    applyQueue(s, { type: 'commentQueue', items: [item], paused: true, mode: 'qa', approval: true });
    expect(s).toMatchObject({ queue: [item], paused: true, mode: 'qa', approval: true });
  });
});
