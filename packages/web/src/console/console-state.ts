import type { Draw, HostMode, QueuedComment, RoomEvent, RoomSnapshot, ServerMessage } from '@snowstage/protocol';
import { applyEvent, fromSnapshot, type ViewState } from '../viewer/view-state.js';

/**
 * What the console shows of its room, folded from the welcome snapshot, the broadcast events and
 * the staff-only comment-queue frames. The viewer page's fold does the shared part (chat, pins,
 * sale, likes, announcement); this adds the host, the show on air, draws and the avatar.
 */
export interface ConsoleState extends ViewState {
  mode: HostMode;
  paused: boolean;
  queue: QueuedComment[];
  /** Whether the host waits for approval before answering a comment. */
  approval: boolean;
  show: RoomSnapshot['show'];
  draw: { draw: Draw; phase: 'open' | 'drawn' | 'redrawn' } | null;
  avatarUrl: string;
}

/** The parts of the page an event changes, so only those re-render. */
export type Area = 'chat' | 'commerce' | 'host' | 'show' | 'draw' | 'avatar' | 'counts';

export function consoleFromSnapshot(s: RoomSnapshot): ConsoleState {
  return { ...fromSnapshot(s), mode: s.host.mode, paused: s.host.mode === 'paused', queue: [], approval: false, show: s.show, draw: null, avatarUrl: s.host.avatarUrl };
}

/** Applies one broadcast event; returns the areas that changed. */
export function applyConsoleEvent(s: ConsoleState, e: RoomEvent): Area[] {
  switch (e.kind) {
    case 'chat':
    case 'chatDeleted':
      return applyEvent(s, e) ? ['chat'] : [];
    case 'likes':
      applyEvent(s, e);
      return ['counts'];
    case 'pinned':
    case 'productUpdated':
    case 'sale':
    case 'announcement':
      applyEvent(s, e);
      return ['commerce'];
    case 'soldOut':
      return ['commerce'];
    case 'hostMode':
      s.mode = e.mode;
      s.paused = e.mode === 'paused';
      return ['host'];
    case 'showStarted':
      s.show = { id: e.showId, title: e.title, startedAt: e.at };
      return ['show'];
    case 'showEnded':
      if (s.show?.id === e.showId) s.show = null;
      return ['show'];
    case 'draw':
      if (!s.draw || s.draw.draw.id === e.draw.id || e.phase === 'open') s.draw = { draw: e.draw, phase: e.phase };
      return ['draw'];
    case 'avatar':
      s.avatarUrl = e.url;
      return ['avatar'];
    default:
      return [];
  }
}

/** Applies a staff-only comment-queue frame. */
export function applyQueue(s: ConsoleState, q: Extract<ServerMessage, { type: 'commentQueue' }>): void {
  s.queue = q.items;
  s.paused = q.paused;
  s.mode = q.mode;
  s.approval = q.approval;
}
