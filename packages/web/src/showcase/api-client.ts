import type { Draw, DrawPublication, Lang, LocalizedText, Passport, PublicBooth, Quest, TimelineExhibit } from '@snowstage/protocol';
import { newKey } from '../shared/dom.js';
import { api as request, ApiError } from '../shared/api.js';

/** GET /api/showcase: the hall's content as browsers get it (quizzes without answers). */
export interface PublicShowcase {
  title: LocalizedText;
  booths: PublicBooth[];
  timeline: TimelineExhibit;
  quests: Quest[];
}

/** Tickets a request earned: one entry per quest it completed. */
export interface Granted {
  questId: string;
  tickets: number;
}

export interface PassportReply {
  passport: Passport;
  granted: Granted[];
}

export interface QuizReply extends PassportReply {
  correct: boolean;
  answer: number;
}

export interface Claim {
  drawId?: string;
  prizeId: string;
  name?: string;
  city?: string;
}

const TOKEN_KEY = 'snowstage.viewerToken';

/**
 * The Cloud Showcase's HTTP API, as the fan's browser uses it. The viewer identity is the same
 * token the live room uses (localStorage 'snowstage.viewerToken'); a page without one asks
 * POST /api/viewers for it, and a token the server no longer accepts is replaced once.
 */
export class ShowcaseApi {
  private token: string | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private lang: () => Lang,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage,
  ) {}

  /** The viewer token (the live room may have stored a newer one), asking the server for one the first time. */
  async viewerToken(): Promise<string> {
    this.token = this.storage.getItem(TOKEN_KEY) ?? this.token;
    if (this.token) return this.token;
    this.pending ??= request<{ viewerId: string; nickname: string; viewerToken: string }>('/api/viewers', { method: 'POST', body: { lang: this.lang() } })
      .then((r) => {
        this.token = r.viewerToken;
        this.storage.setItem(TOKEN_KEY, r.viewerToken);
        return r.viewerToken;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  private async call<T>(path: string, opts: { method?: string; body?: unknown } = {}): Promise<T> {
    const token = await this.viewerToken();
    try {
      return await request<T>(path, { ...opts, token, lang: this.lang() });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      // A token from an older server secret: forget it and become a new viewer once.
      this.token = null;
      this.storage.removeItem(TOKEN_KEY);
      return request<T>(path, { ...opts, token: await this.viewerToken(), lang: this.lang() });
    }
  }

  showcase(): Promise<PublicShowcase> {
    return request<PublicShowcase>('/api/showcase', { lang: this.lang() });
  }

  visit(boothId: string): Promise<PassportReply> {
    return this.call('/api/showcase/visits', { method: 'POST', body: { boothId } });
  }

  quiz(boothId: string, choice: number): Promise<QuizReply> {
    return this.call('/api/showcase/quiz', { method: 'POST', body: { boothId, choice } });
  }

  checkin(): Promise<PassportReply> {
    return this.call('/api/showcase/checkin', { method: 'POST', body: {} });
  }

  async passport(): Promise<Passport> {
    return (await this.call<{ passport: Passport }>('/api/showcase/passport')).passport;
  }

  async draws(): Promise<Draw[]> {
    return (await this.call<{ draws: Draw[] }>('/api/draws')).draws;
  }

  /** Enters a draw; retries with the same idempotency key, so a flaky network never spends twice. */
  async enter(drawId: string, entries: number): Promise<Passport> {
    const key = newKey();
    return (await this.retry(() => this.call<{ passport: Passport }>(`/api/draws/${encodeURIComponent(drawId)}/enter`, { method: 'POST', body: { entries, key } }))).passport;
  }

  async claim(drawId: string, form: { prizeId: string; name: string; phone: string; address: string; city: string }): Promise<Claim> {
    const key = newKey();
    return (await this.retry(() => this.call<{ claim: Claim }>(`/api/draws/${encodeURIComponent(drawId)}/claim`, { method: 'POST', body: { ...form, key } }))).claim;
  }

  publication(drawId: string): Promise<DrawPublication> {
    return request<DrawPublication>(`/api/draws/${encodeURIComponent(drawId)}/publication`, { lang: this.lang() });
  }

  /** Asks the host to start a guided tour, narrated in the fan's language. */
  async startTour(): Promise<boolean> {
    return (await this.call<{ started: boolean }>('/api/showcase/tour', { method: 'POST', body: { lang: this.lang() } })).started;
  }

  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        // Only a lost request is retried; an answer from the server (any ApiError) is final.
        if (e instanceof ApiError || attempt >= 2) throw e;
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    }
  }
}
