import type { ClientMessage, ClientMessageType } from '@snowstage/protocol';
import type { LiveRoom } from '../room/live-room.js';
import type { Actor } from '../room/commands.js';

type Msg<T extends ClientMessageType> = Extract<ClientMessage, { type: T }>;
/** A handler does one message's work in a room; what it returns is the direct reply (default: ack). */
type Handler<T extends ClientMessageType> = (room: LiveRoom, actor: Actor, msg: Msg<T>) => Promise<object | void> | object | void;

/**
 * The message map: every in-room message type and what it does. Schema and role checks have
 * already run (see connection.ts), so handlers only do the work. `hello` and `ping` are handled by
 * the connection itself. Used by WebSocket connections and by the HTTP command endpoint alike.
 */
export const HANDLERS: { [T in Exclude<ClientMessageType, 'hello' | 'ping'>]: Handler<T> } = {
  chat: (room, actor, m) => room.chat(actor, m.text),
  like: (room, actor, m) => room.like(actor, m.count),
  track: (room, actor, m) => room.track(actor, m.what, m.productId),
  buy: async (room, actor, m) => {
    const { order, replayed } = await room.buy(actor, {
      productId: m.productId,
      variantId: m.variantId,
      qty: m.qty,
      key: m.key,
      ...(m.saleId !== undefined ? { saleId: m.saleId } : {}),
    });
    return { type: 'order', order, replayed };
  },
  pin: (room, _a, m) => room.pin(m.productId),
  unpin: (room, _a, m) => room.unpin(m.productId),
  markSoldOut: (room, _a, m) => room.markSoldOut(m.productId, m.variantId),
  announce: (room, _a, m) => room.announce(m.text),
  scheduleSale: (room, _a, m) => room.scheduleSale(m),
  cancelSale: (room, _a, m) => room.cancelSale(m.saleId),
  deleteChat: (room, actor, m) => room.deleteChat(actor, m.messageId),
  mute: (room, actor, m) => room.mute(actor, m.viewerId, m.durationS),
  ban: (room, actor, m) => room.ban(actor, m.viewerId),
  unmute: (room, actor, m) => room.unmute(actor, m.viewerId),
  unban: (room, actor, m) => room.unban(actor, m.viewerId),
  moderationList: async (room) => ({ type: 'moderation', ...(await room.moderation()) }),
  hostMode: (room, _a, m) => room.hostMode(m.mode),
  hostSay: (room, _a, m) => room.hostSay({ text: m.text, emotion: m.emotion, ...(m.gesture ? { gesture: m.gesture } : {}), ...(m.lang ? { lang: m.lang } : {}) }),
  queuePitch: (room, _a, m) => room.queuePitch(m.productId),
  hostPause: (room, _a, m) => room.hostPause(m.paused),
  approveComment: (room, _a, m) => room.approveComment(m.messageId),
  skipComment: (room, _a, m) => room.skipComment(m.messageId),
  hostApproval: (room, _a, m) => room.hostApproval(m.on),
};

export async function runHandler(room: LiveRoom, actor: Actor, msg: ClientMessage): Promise<object | void> {
  const handler = HANDLERS[msg.type as keyof typeof HANDLERS] as Handler<ClientMessageType> | undefined;
  if (!handler) throw new Error(`no handler for ${msg.type}`);
  return handler(room, actor, msg);
}
