import type { Faq, FlashSale, FunFact, Persona, Product, Schedule } from '@snowstage/protocol';

/**
 * The live shop, read at answer time (never cached by the brain): the server implements it over the
 * commerce store and the room state. Every method takes an AbortSignal so a cancelled reply stops reading.
 */
export interface ShopFacts {
  listProducts(signal?: AbortSignal): Promise<Product[]>;
  getProduct(id: string, signal?: AbortSignal): Promise<Product | null>;
  /** The room's newest sale that is scheduled or open, with its status as of now; null when none. */
  currentSale(roomId: string, signal?: AbortSignal): Promise<FlashSale | null>;
  /** Ids of the products pinned in the room, in display order ("link 1, 2, 3"). */
  pinned(roomId: string, signal?: AbortSignal): Promise<string[]>;
}

/** Static content loaded and validated at start-up (content/*.json). */
export interface Knowledge {
  persona: Persona;
  faq: Faq;
  funFacts: FunFact[];
  schedule: Schedule;
}

/** Milliseconds since the epoch; injected so tests and replays control time. */
export type Clock = () => number;
