import type { Lang, LocalizedText } from '@snowstage/protocol';

/** UI strings, both languages side by side so neither can fall behind. */
const STRINGS = {
  viewers: { zh: '人在看', en: 'watching' },
  likes: { zh: '点赞', en: 'likes' },
  chatPlaceholder: { zh: '说点什么…', en: 'Say something…' },
  send: { zh: '发送', en: 'Send' },
  like: { zh: '点赞', en: 'Like' },
  buy: { zh: '购买', en: 'Buy' },
  grab: { zh: '立即抢购', en: 'Grab it' },
  soldOut: { zh: '已售罄', en: 'Sold out' },
  stock: { zh: '库存', en: 'In stock' },
  left: { zh: '剩余', en: 'left' },
  flashSale: { zh: '限时秒杀', en: 'Flash sale' },
  startsIn: { zh: '距开抢', en: 'Starts in' },
  endsIn: { zh: '距结束', en: 'Ends in' },
  saleOver: { zh: '秒杀已结束', en: 'Flash sale over' },
  limitPer: { zh: '每人限购', en: 'Limit per person' },
  myOrders: { zh: '我的订单', en: 'My orders' },
  addToCart: { zh: '加购', en: 'Add to cart' },
  addedToCart: { zh: '已加入购物车', en: 'Added to your cart' },
  cart: { zh: '购物车', en: 'Cart' },
  cartEmpty: { zh: '购物车是空的', en: 'Your cart is empty' },
  remove: { zh: '移除', en: 'Remove' },
  noOrders: { zh: '还没有订单，快去逛逛吧', en: 'No orders yet — go find something you like' },
  pay: { zh: '去支付', en: 'Pay' },
  cancel: { zh: '取消订单', en: 'Cancel' },
  close: { zh: '关闭', en: 'Close' },
  ordered: { zh: '下单成功！', en: 'Order placed!' },
  bought: { zh: '买了', en: 'bought' },
  offline: { zh: '连接中断，正在重连…', en: 'Connection lost — reconnecting…' },
  connecting: { zh: '正在进入直播间…', en: 'Joining the live room…' },
  muted: { zh: '你已被禁言', en: 'You have been muted' },
  unmuted: { zh: '你可以继续发言了', en: 'You can chat again' },
  banned: { zh: '你已被移出直播间', en: 'You have been removed from this room' },
  nickname: { zh: '昵称', en: 'Nickname' },
  products: { zh: '正在讲解', en: 'On stage now' },
  chat: { zh: '互动', en: 'Chat' },
  qty: { zh: '数量', en: 'Qty' },
  host: { zh: '主播', en: 'Host' },
  replyingTo: { zh: '回复', en: 'Replying to' },
  live: { zh: '直播中', en: 'LIVE' },
  status: {
    created: { zh: '待支付', en: 'Awaiting payment' },
    paid: { zh: '已支付', en: 'Paid' },
    in_production: { zh: '制作中', en: 'In production' },
    shipped: { zh: '已发货', en: 'Shipped' },
    delivered: { zh: '已送达', en: 'Delivered' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
    refunded: { zh: '已退款', en: 'Refunded' },
  },
} as const;

type Leaf = { zh: string; en: string };
type Strings = typeof STRINGS;

const LANG_KEY = 'snowstage.lang';

/** The language of the UI: a saved choice, else the browser's, else Chinese. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'zh' || q === 'en') return q;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** A UI string in `lang`: `t('en', 'buy')`, `t('zh', 'status', 'paid')`. */
export function t<K extends keyof Strings>(lang: Lang, key: K, sub?: K extends 'status' ? keyof Strings['status'] : never): string {
  const node = STRINGS[key] as unknown as Leaf | Record<string, Leaf>;
  const leaf = (sub ? (node as Record<string, Leaf>)[sub as string] : node) as Leaf;
  return leaf[lang];
}

/** Picks a data text (product names and the like) in `lang`. */
export function loc(text: LocalizedText | { zh: string; en: string }, lang: Lang): string {
  return text[lang] || text[lang === 'zh' ? 'en' : 'zh'];
}
