/**
 * The one error catalog: a stable code, its HTTP status, and a message in both languages.
 * Clients switch on `code`; messages are for people. Add codes here, never inline strings elsewhere.
 */
export const ERRORS = {
  BAD_FRAME: { status: 400, en: 'The message is not valid JSON', zh: '消息不是有效的 JSON' },
  FRAME_TOO_LARGE: { status: 413, en: 'The message is too large', zh: '消息过大' },
  BINARY_NOT_SUPPORTED: { status: 400, en: 'Binary frames are not supported', zh: '不支持二进制消息' },
  UNKNOWN_TYPE: { status: 400, en: 'Unknown message type', zh: '未知的消息类型' },
  INVALID_MESSAGE: { status: 400, en: 'The message does not match its schema', zh: '消息格式不正确' },
  NOT_JOINED: { status: 409, en: 'Send hello to join a room first', zh: '请先加入直播间' },
  ALREADY_JOINED: { status: 409, en: 'This connection has already joined a room', zh: '已经加入直播间' },
  ROOM_NOT_FOUND: { status: 404, en: 'No such room', zh: '直播间不存在' },
  UNAUTHORIZED: { status: 401, en: 'A valid token is required', zh: '需要有效的令牌' },
  FORBIDDEN: { status: 403, en: 'Your role may not do this', zh: '您没有权限执行此操作' },
  BANNED: { status: 403, en: 'You are banned from this room', zh: '您已被禁止进入此直播间' },
  MUTED: { status: 403, en: 'You are muted for now', zh: '您已被禁言' },
  CHAT_TOO_LONG: { status: 400, en: 'The message is too long', zh: '消息太长了' },
  CHAT_EMPTY: { status: 400, en: 'The message is empty', zh: '消息不能为空' },
  CHAT_BLOCKED: { status: 400, en: 'The message contains blocked words', zh: '消息包含违禁词' },
  RATE_LIMITED: { status: 429, en: 'Slow down a little', zh: '发言太快了，歇一会儿' },
  PRODUCT_NOT_FOUND: { status: 404, en: 'No such product or variant', zh: '商品或规格不存在' },
  PIN_LIMIT: { status: 409, en: 'At most 3 products can be pinned', zh: '最多只能置顶 3 件商品' },
  SALE_NOT_FOUND: { status: 404, en: 'No such flash sale', zh: '秒杀活动不存在' },
  SALE_NOT_OPEN: { status: 409, en: 'The flash sale is not open', zh: '秒杀尚未开始或已结束' },
  SALE_CONFLICT: { status: 409, en: 'A flash sale is already scheduled or running in this room', zh: '本直播间已有秒杀活动' },
  SALE_INVALID: { status: 400, en: 'The flash sale parameters are not valid', zh: '秒杀参数不正确' },
  SOLD_OUT: { status: 409, en: 'Sold out', zh: '已售罄' },
  INSUFFICIENT_STOCK: { status: 409, en: 'Not enough stock for this quantity', zh: '库存不足' },
  LIMIT_EXCEEDED: { status: 409, en: 'You have reached the per-buyer limit', zh: '已达到每人限购数量' },
  IDEMPOTENCY_MISMATCH: { status: 409, en: 'This idempotency key was used for a different request', zh: '该请求标识已用于另一笔订单' },
  ORDER_NOT_FOUND: { status: 404, en: 'No such order', zh: '订单不存在' },
  ILLEGAL_TRANSITION: { status: 409, en: 'The order cannot move to that status', zh: '订单状态无法变更' },
  MESSAGE_NOT_FOUND: { status: 404, en: 'No such chat message', zh: '消息不存在' },
  VIEWER_NOT_FOUND: { status: 404, en: 'No such viewer', zh: '观众不存在' },
  SHOW_NOT_FOUND: { status: 404, en: 'No such show', zh: '节目不存在' },
  SHOW_CONFLICT: { status: 409, en: 'Another show is live in this room', zh: '本直播间已有节目在直播' },
  SHOW_NOT_LIVE: { status: 409, en: 'That show is not live', zh: '该节目不在直播中' },
  BOOTH_NOT_FOUND: { status: 404, en: 'No such booth', zh: '展位不存在' },
  QUIZ_ANSWERED: { status: 409, en: 'You have already answered this quiz', zh: '这道题你已经答过了' },
  NOT_ENOUGH_TICKETS: { status: 409, en: 'Not enough tickets', zh: '抽奖券不足' },
  DRAW_NOT_FOUND: { status: 404, en: 'No such lucky draw', zh: '抽奖活动不存在' },
  DRAW_NOT_OPEN: { status: 409, en: 'The lucky draw is not open for entries', zh: '抽奖当前不可参与' },
  DRAW_NOT_DRAWN: { status: 409, en: 'The lucky draw has not been drawn yet', zh: '抽奖尚未开奖' },
  DRAW_INVALID: { status: 400, en: 'The lucky draw parameters are not valid', zh: '抽奖参数不正确' },
  NOT_A_WINNER: { status: 403, en: 'You did not win that prize', zh: '你没有中这个奖' },
  CLAIM_CLOSED: { status: 409, en: 'The claim period is over', zh: '领奖期已过' },
  HOST_UNAVAILABLE: { status: 503, en: 'The virtual host is not running in this room', zh: '本直播间的虚拟主播未启动' },
  AVATAR_INVALID: { status: 400, en: 'That file is not a usable VRM avatar', zh: '该文件不是可用的 VRM 形象模型' },
  STOCK_UNAVAILABLE: { status: 503, en: 'Flash-sale stock is unreachable right now; please try again in a moment', zh: '秒杀库存服务暂时不可用，请稍后再试' },
  ROOM_UNAVAILABLE: { status: 503, en: 'The room is moving to another server; please try again in a moment', zh: '直播间正在切换服务器，请稍后再试' },
  STORE_NOT_FOUND: { status: 404, en: 'No such store', zh: '门店不存在' },
  DESIGN_INVALID: { status: 400, en: 'The design is not valid', zh: '设计稿不符合要求' },
  DESIGN_NOT_FOUND: { status: 404, en: 'No such design', zh: '设计稿不存在' },
  DESIGN_TEXT_BLOCKED: { status: 400, en: 'The design text contains words we cannot print', zh: '设计中的文字包含不能印制的词语' },
  IMAGE_TOO_SMALL: { status: 400, en: 'The image has too few pixels to print sharply at that size; make it smaller or upload a larger image', zh: '图片像素不足，按此尺寸印制会模糊；请缩小图片或上传更大的图片' },
  IMAGE_NOT_FOUND: { status: 404, en: 'No such uploaded image', zh: '上传的图片不存在' },
  CLIPART_NOT_FOUND: { status: 404, en: 'No such clip-art', zh: '素材不存在' },
  UPLOAD_TYPE: { status: 415, en: 'Only PNG and JPEG images can be uploaded', zh: '只能上传 PNG 或 JPEG 图片' },
  UPLOAD_TOO_LARGE: { status: 413, en: 'The image file is too large (8 MB at most)', zh: '图片文件太大（最多 8 MB）' },
  UPLOAD_CORRUPT: { status: 400, en: 'The image file is damaged or is not the type it claims to be', zh: '图片文件已损坏或与其类型不符' },
  CHECKOUT_NOT_FOUND: { status: 404, en: 'No such kiosk order', zh: '订单不存在' },
  CHECKOUT_KEY_USED: { status: 409, en: 'This checkout attempt already failed; please start the checkout again', zh: '本次结算已失败，请重新结算' },
  PAYMENT_INVALID: { status: 403, en: 'That payment link is not valid', zh: '支付链接无效' },
  FULFILMENT_INVALID: { status: 409, en: 'That fulfilment step is not possible for this order now', zh: '该订单当前无法执行此操作' },
  INTERNAL: { status: 500, en: 'Something went wrong on our side', zh: '服务器出错了' },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** An error with a catalog code; thrown by domain and server code, turned into an error frame or HTTP reply at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: string;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${ERRORS[code].en}: ${detail}` : ERRORS[code].en);
    this.code = code;
    this.status = ERRORS[code].status;
    this.detail = detail;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
