import type { Intent } from '../types.js';

export interface ViewerTurn {
  productId: string | null;
  intent: Intent;
  at: number;
}

/**
 * Each viewer's last turn, so "how much is it?" after "tell me about the thermos" means the thermos.
 * Bounded: entries expire after `ttlMs` and the oldest are evicted past `capacity`.
 */
export class ViewerMemory {
  private readonly turns = new Map<string, ViewerTurn>();
  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly capacity = 10_000,
  ) {}

  get(viewerId: string, now: number): ViewerTurn | null {
    const t = this.turns.get(viewerId);
    if (!t) return null;
    if (now - t.at > this.ttlMs) {
      this.turns.delete(viewerId);
      return null;
    }
    return t;
  }

  set(viewerId: string, turn: ViewerTurn): void {
    this.turns.delete(viewerId);
    this.turns.set(viewerId, turn);
    if (this.turns.size > this.capacity) this.turns.delete(this.turns.keys().next().value!);
  }

  get size(): number {
    return this.turns.size;
  }
}
