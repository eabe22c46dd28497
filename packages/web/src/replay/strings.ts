import type { Lang } from '@snowstage/protocol';

/** Strings of the replay page, both languages side by side. */
const S = {
  replay: { zh: '直播回放', en: 'Replay' },
  play: { zh: '播放', en: 'Play' },
  pause: { zh: '暂停', en: 'Pause' },
  playReplay: { zh: '播放回放', en: 'Play the replay' },
  products: { zh: '回放中的商品', en: 'On stage at this moment' },
  timeline: { zh: '商品时间线（点击跳转）', en: 'Product timeline (click to jump)' },
  chat: { zh: '当时的互动', en: 'Chat as it happened' },
  noChat: { zh: '这时还没有评论', en: 'No comments yet at this point' },
  saleThen: { zh: '当时的限时秒杀', en: 'Flash sale during the show' },
  saleOverNote: { zh: '秒杀已结束，回放按原价购买', en: 'The sale is over: replays buy at the normal price' },
  startsIn: { zh: '距开抢', en: 'Starts in' },
  endsIn: { zh: '距结束', en: 'Ends in' },
  saleEnded: { zh: '秒杀结束', en: 'Sale ended' },
  soldOutThen: { zh: '已抢光', en: 'Sold out' },
  bought: { zh: '买了', en: 'bought' },
  ordered: { zh: '下单成功（原价）', en: 'Order placed (normal price)' },
  notFound: { zh: '找不到这场回放', en: 'This replay could not be found' },
  host: { zh: '主播', en: 'Host' },
  recorded: { zh: '录制于', en: 'Recorded' },
  toLive: { zh: '去直播间', en: 'Go to the live room' },
  offline: { zh: '网络不稳定，请重试', en: 'Network trouble — please try again' },
} as const;

export type ReplayKey = keyof typeof S;

export function tr(lang: Lang, key: ReplayKey): string {
  return S[key][lang];
}
