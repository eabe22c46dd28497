import type { WebSocket } from 'ws';
import { AppError, CLIENT_ROLES, ERRORS, isAppError, roleAllows, type ClientMessage, type Lang } from '@snowstage/protocol';
import type { RoomHub } from '../room/hub.js';
import type { LiveRoom, Member } from '../room/live-room.js';
import type { Actor } from '../room/commands.js';
import { anonymousNickname, newViewerId, type Auth } from '../auth.js';
import { parseFrame, ridOf } from './parse.js';
import { runHandler } from './handlers.js';

export interface ConnectionDeps {
  hub: RoomHub;
  auth: Auth;
  now: () => number;
  blocklist: { find(text: string): string | null };
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * One viewer's WebSocket. Each frame is checked (size, JSON, known type, schema, role) before any
 * handler runs; a bad frame gets an error frame naming the problem and the connection goes on.
 * Frames are processed one at a time, in order, so a viewer's buy and chat never overtake each other.
 */
export class Connection implements Member {
  private room: LiveRoom | null = null;
  private actorValue: Actor | null = null;
  private lang: Lang = 'zh';
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      this.queue = this.queue.then(() => this.onFrame(data, isBinary));
    });
    ws.on('close', () => this.onClose());
    ws.on('error', () => this.onClose());
  }

  get actor(): Actor {
    if (!this.actorValue) throw new Error('not joined');
    return this.actorValue;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(frame: Buffer): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(frame, { binary: false });
  }

  sendDirect(message: object): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }

  terminate(): void {
    this.ws.terminate();
  }

  private sendError(err: AppError, rid: string | undefined): void {
    const message = ERRORS[err.code][this.lang];
    this.sendDirect({ type: 'error', ...(rid !== undefined ? { rid } : {}), code: err.code, message, ...(err.detail ? { detail: err.detail } : {}) });
  }

  private async onFrame(data: Buffer, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    const msg = parseFrame(data, isBinary);
    if (isAppError(msg)) return this.sendError(msg, isBinary ? undefined : ridOf(data));
    try {
      const reply = await this.handle(msg);
      if (msg.type === 'ping') return;
      this.sendDirect({ ...(reply ?? { type: 'ack' }), ...(msg.rid !== undefined ? { rid: msg.rid } : {}) });
    } catch (e) {
      if (isAppError(e)) return this.sendError(e, msg.rid);
      this.deps.log.error({ err: e, type: msg.type }, 'handler failed');
      this.sendError(new AppError('INTERNAL'), msg.rid);
    }
  }

  private async handle(msg: ClientMessage): Promise<object | void> {
    if (msg.type === 'ping') return this.sendDirect({ type: 'pong', t: msg.t, serverTime: this.deps.now() });
    if (msg.type === 'hello') return this.hello(msg);
    if (!this.room || !this.actorValue) throw new AppError('NOT_JOINED');
    if (!roleAllows(this.actorValue.role, CLIENT_ROLES[msg.type])) throw new AppError('FORBIDDEN', msg.type);
    return runHandler(this.room, this.actorValue, msg);
  }

  private async hello(msg: Extract<ClientMessage, { type: 'hello' }>): Promise<object> {
    if (this.room) throw new AppError('ALREADY_JOINED');
    if (msg.lang) this.lang = msg.lang;
    let role: Actor['role'] = 'viewer';
    if (msg.authToken !== undefined) {
      const staff = this.deps.auth.staffRole(msg.authToken);
      if (!staff) throw new AppError('UNAUTHORIZED', 'unknown operator or moderator token');
      role = staff;
    }
    const known = this.deps.auth.verifyViewerToken(msg.viewerToken);
    const wanted = msg.nickname && !this.deps.blocklist.find(msg.nickname) ? msg.nickname : undefined;
    const identity = {
      viewerId: known?.viewerId ?? newViewerId(),
      nickname: wanted ?? known?.nickname ?? anonymousNickname(this.lang),
    };
    const room = await this.deps.hub.get(msg.room);
    if (this.closed) return { type: 'ack' };
    this.actorValue = { ...identity, role };
    const snapshot = await room.join(this);
    if (this.closed) {
      room.leave(this);
      return { type: 'ack' };
    }
    this.room = room;
    return {
      type: 'welcome',
      you: { ...identity, role, viewerToken: this.deps.auth.issueViewerToken(identity) },
      snapshot,
      serverTime: this.deps.now(),
    };
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.room?.leave(this);
  }
}
