import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '@snowstage/protocol';
import { RoomFanout, type Peer } from './fanout.js';

class FakePeer implements Peer {
  frames: { events: RoomEvent[]; stats?: { viewers: number; likes: number } }[] = [];
  bytes: Buffer[] = [];
  bufferedAmount = 0;
  terminated = false;
  send(frame: Buffer): void {
    this.bytes.push(frame);
    this.frames.push(JSON.parse(frame.toString()));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const chat = (seq: number, text: string) => ({ kind: 'chat', seq, at: seq, line: { id: `m${seq}`, viewerId: 'v', nickname: 'n', role: 'viewer', text, at: seq } }) as unknown as RoomEvent;
const likes = (seq: number, total: number) => ({ kind: 'likes', seq, at: seq, total, delta: 1 }) as unknown as RoomEvent;

describe('room fan-out', () => {
  it('sends one frame per window, the same bytes to every peer, in seq order, with every chat line and only the newest of a state', () => {
    const f = new RoomFanout({ intervalMs: 1000, maxBacklogBytes: 1 << 20 });
    const a = new FakePeer(), b = new FakePeer();
    f.peers.add(a).add(b);
    f.enqueue([chat(1, 'one'), likes(2, 10)]);
    f.enqueue([chat(3, 'two'), likes(4, 11), chat(5, 'three')]);
    f.setCounts({ viewers: 2, likes: 11 });
    f.flush();
    expect(a.frames).toHaveLength(1);
    expect(a.bytes[0]).toBe(b.bytes[0]); // serialised once
    const kinds = a.frames[0]!.events.map((e) => (e.kind === 'chat' ? e.line.text : `${e.kind}:${(e as { total: number }).total}`));
    expect(kinds).toEqual(['one', 'two', 'likes:11', 'three']);
    const seqs = a.frames[0]!.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(a.frames[0]!.stats).toEqual({ viewers: 2, likes: 11 });
    expect(f.stats).toMatchObject({ frames: 1, events: 4, coalesced: 1, droppedPeers: 0 });
    f.flush();
    expect(a.frames).toHaveLength(1); // nothing pending, nothing sent
  });

  it('cuts off a peer whose backlog is full instead of buffering without bound, and counts it', () => {
    const f = new RoomFanout({ intervalMs: 1000, maxBacklogBytes: 1000 });
    const slow = new FakePeer(), ok = new FakePeer();
    slow.bufferedAmount = 5000;
    f.peers.add(slow).add(ok);
    f.enqueue([chat(1, 'hi')]);
    f.flush();
    expect(slow.terminated).toBe(true);
    expect(slow.frames).toHaveLength(0);
    expect(ok.frames).toHaveLength(1);
    expect(f.peers.has(slow)).toBe(false);
    expect(f.stats.droppedPeers).toBe(1);
  });
});
