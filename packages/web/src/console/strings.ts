import type { Emotion, Gesture, HostMode, Lang, ShowStatus } from '@snowstage/protocol';

/** Strings of the host console and the report page, both languages side by side. */
const S = {
  console: { zh: '主播控制台', en: 'Host console' },
  report: { zh: '直播数据报告', en: 'Show report' },
  // login
  login: { zh: '运营登录', en: 'Operator sign-in' },
  token: { zh: '运营令牌', en: 'Operator token' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  tokenHint: { zh: '令牌只保存在本标签页（sessionStorage）。', en: 'The token is kept in this tab only (sessionStorage).' },
  connected: { zh: '已连接', en: 'Connected' },
  connecting: { zh: '连接中…', en: 'Connecting…' },
  offline: { zh: '连接中断，正在重连…', en: 'Connection lost — reconnecting…' },
  // shows
  shows: { zh: '节目', en: 'Shows' },
  schedule: { zh: '排期新节目', en: 'Schedule a show' },
  title: { zh: '标题', en: 'Title' },
  startTime: { zh: '开播时间', en: 'Start time' },
  lineup: { zh: '商品排序（按勾选顺序）', en: 'Line-up (in the order ticked)' },
  scheduleIt: { zh: '排期', en: 'Schedule' },
  goLive: { zh: '开播', en: 'Go live' },
  end: { zh: '下播', en: 'End' },
  reportLink: { zh: '报告', en: 'Report' },
  replayLink: { zh: '回放', en: 'Replay' },
  noShows: { zh: '还没有节目', en: 'No shows yet' },
  endConfirm: { zh: '确定结束这场直播？', en: 'End this show now?' },
  // host
  host: { zh: '主播', en: 'Host' },
  mode: { zh: '模式', en: 'Mode' },
  pitchNow: { zh: '讲解商品', en: 'Queue a pitch' },
  pitch: { zh: '排队讲解', en: 'Pitch' },
  sayNow: { zh: '让主播说', en: 'Say now' },
  sayPlaceholder: { zh: '输入一句话，主播马上说出来', en: 'Type a line for the host to say now' },
  say: { zh: '说', en: 'Say' },
  emotion: { zh: '情绪', en: 'Emotion' },
  intensity: { zh: '强度', en: 'Intensity' },
  gesture: { zh: '动作', en: 'Gesture' },
  none: { zh: '无', en: 'None' },
  language: { zh: '语言', en: 'Language' },
  auto: { zh: '自动', en: 'Auto' },
  pause: { zh: '暂停主播', en: 'Pause host' },
  resume: { zh: '恢复主播', en: 'Resume host' },
  paused: { zh: '已暂停', en: 'Paused' },
  // commerce
  commerce: { zh: '商品与秒杀', en: 'Commerce' },
  onStage: { zh: '讲解中（最多 3 个）', en: 'On stage (max 3)' },
  pin: { zh: '上架讲解', en: 'Pin' },
  unpin: { zh: '下架', en: 'Unpin' },
  soldOut: { zh: '售罄', en: 'Sold out' },
  markSoldOut: { zh: '标记售罄', en: 'Mark sold out' },
  allVariants: { zh: '全部规格', en: 'All variants' },
  stock: { zh: '库存', en: 'Stock' },
  nothingPinned: { zh: '没有讲解中的商品', en: 'Nothing pinned' },
  flashSale: { zh: '限时秒杀', en: 'Flash sale' },
  product: { zh: '商品', en: 'Product' },
  variant: { zh: '规格', en: 'Variant' },
  salePrice: { zh: '秒杀价（元）', en: 'Sale price (¥)' },
  listPrice: { zh: '原价', en: 'List price' },
  countdown: { zh: '倒计时（秒）', en: 'Countdown (s)' },
  duration: { zh: '时长（秒）', en: 'Duration (s)' },
  quantity: { zh: '数量', en: 'Quantity' },
  perBuyer: { zh: '每人限购', en: 'Per buyer' },
  startSale: { zh: '开始秒杀', en: 'Start sale' },
  cancelSale: { zh: '取消秒杀', en: 'Cancel sale' },
  noSale: { zh: '没有进行中的秒杀', en: 'No sale running' },
  sold: { zh: '已售', en: 'sold' },
  startsIn: { zh: '距开抢', en: 'Starts in' },
  endsIn: { zh: '距结束', en: 'Ends in' },
  announce: { zh: '公告', en: 'Announcement' },
  push: { zh: '推送', en: 'Push' },
  // draws
  draw: { zh: '幸运抽奖', en: 'Lucky draw' },
  titleZh: { zh: '标题（中文）', en: 'Title (Chinese)' },
  titleEn: { zh: '标题（英文）', en: 'Title (English)' },
  prize: { zh: '奖品', en: 'Prize' },
  prizeZh: { zh: '奖品名（中文）', en: 'Prize (Chinese)' },
  prizeEn: { zh: '奖品名（英文）', en: 'Prize (English)' },
  addPrize: { zh: '添加奖品', en: 'Add prize' },
  remove: { zh: '删除', en: 'Remove' },
  openFor: { zh: '开放时长（分钟）', en: 'Open for (min)' },
  ticketsPerEntry: { zh: '每次参与消耗抽奖券', en: 'Tickets per entry' },
  maxWins: { zh: '每人最多中奖', en: 'Max wins per fan' },
  startDraw: { zh: '开始抽奖', en: 'Start draw' },
  closeDraw: { zh: '截止并开奖', en: 'Close and draw' },
  winners: { zh: '中奖名单', en: 'Winners' },
  noWinners: { zh: '没有中奖者（无人参与）', en: 'No winners (nobody entered)' },
  drawStatus: { zh: '状态', en: 'Status' },
  // moderation
  moderation: { zh: '互动管理', en: 'Moderation' },
  chat: { zh: '实时评论', en: 'Live chat' },
  del: { zh: '删除', en: 'Delete' },
  mute: { zh: '禁言10分钟', en: 'Mute 10 min' },
  ban: { zh: '封禁', en: 'Ban' },
  muted: { zh: '已禁言', en: 'Muted' },
  banned: { zh: '已封禁', en: 'Banned' },
  banConfirm: { zh: '确定把这位观众移出直播间？', en: 'Remove this viewer from the room?' },
  moderatedList: { zh: '禁言与封禁', en: 'Muted and banned' },
  moderatedNone: { zh: '没有被禁言或封禁的观众', en: 'Nobody is muted or banned' },
  mutedUntil: { zh: '禁言至', en: 'muted until' },
  unmute: { zh: '解除禁言', en: 'Unmute' },
  unban: { zh: '解除封禁', en: 'Unban' },
  queue: { zh: '待回答评论', en: 'Comment queue' },
  queueEmpty: { zh: '暂时没有待回答的评论', en: 'No comments waiting' },
  approval: { zh: '回答前先由我审核', en: 'Ask me before she answers' },
  approve: { zh: '优先回答', en: 'Approve' },
  skip: { zh: '跳过', en: 'Skip' },
  merged: { zh: '条相似', en: 'similar' },
  blocklist: { zh: '屏蔽词', en: 'Blocklist' },
  wordsZh: { zh: '中文屏蔽词（每行一个）', en: 'Chinese words (one per line)' },
  wordsEn: { zh: '英文屏蔽词（每行一个）', en: 'English words (one per line)' },
  reload: { zh: '重新载入', en: 'Reload' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  words: { zh: '个词', en: 'words' },
  // preview
  preview: { zh: '舞台预览', en: 'Stage preview' },
  avatarFile: { zh: '载入 .vrm 形象', en: 'Load a .vrm avatar' },
  useForAll: { zh: '设为所有观众的形象', en: 'Use for everyone' },
  uploaded: { zh: '新形象已发布', en: 'The new avatar is live for everyone' },
  soundOn: { zh: '打开声音', en: 'Sound on' },
  // analytics
  analytics: { zh: '实时数据', en: 'Live analytics' },
  noShowLive: { zh: '当前没有直播中的节目。开播后这里实时显示数据。', en: 'No show on air. Numbers appear here once a show goes live.' },
  viewersNow: { zh: '在线人数', en: 'Watching now' },
  peak: { zh: '峰值在线', en: 'Peak viewers' },
  unique: { zh: '累计观众', en: 'Unique viewers' },
  commentsPerMin: { zh: '每分钟评论', en: 'Comments / min' },
  comments: { zh: '评论', en: 'Comments' },
  likes: { zh: '点赞', en: 'Likes' },
  cardClicks: { zh: '商品点击', en: 'Card clicks' },
  cartAdds: { zh: '加购', en: 'Cart adds' },
  buyAttempts: { zh: '下单尝试', en: 'Buy attempts' },
  orders: { zh: '订单', en: 'Orders' },
  units: { zh: '件数', en: 'Units' },
  gmv: { zh: '成交额', en: 'GMV' },
  buyers: { zh: '买家', en: 'Buyers' },
  conversion: { zh: '转化率', en: 'Conversion' },
  replayViews: { zh: '回放观看', en: 'Replay views' },
  replayOrders: { zh: '回放订单', en: 'Replay orders' },
  replayGmv: { zh: '回放成交额', en: 'Replay GMV' },
  chartViewers: { zh: '在线人数', en: 'Viewers' },
  chartEngagement: { zh: '评论与点赞', en: 'Comments & likes' },
  chartSales: { zh: '订单与成交额', en: 'Orders & GMV' },
  perProduct: { zh: '商品数据', en: 'Per product' },
  noProducts: { zh: '还没有商品数据', en: 'No product activity yet' },
  // report
  download: { zh: '下载', en: 'Download' },
  bucket: { zh: '统计粒度', en: 'Bucket' },
  started: { zh: '开播', en: 'Started' },
  ended: { zh: '下播', en: 'Ended' },
  length: { zh: '时长', en: 'Length' },
  backToConsole: { zh: '返回控制台', en: 'Back to console' },
  // errors
  required: { zh: '请填写', en: 'Please fill in' },
  badNumber: { zh: '数值不对：', en: 'Not a valid number: ' },
  tooManyPinned: { zh: '最多同时讲解 3 个商品', en: 'At most 3 products can be pinned' },
  done: { zh: '已完成', en: 'Done' },
  sent: { zh: '已发送', en: 'Sent' },
} as const;

const MODES: Record<HostMode, { zh: string; en: string }> = {
  idle: { zh: '闲聊', en: 'Idle chat' },
  pitch: { zh: '商品讲解', en: 'Product pitch' },
  qa: { zh: '问答', en: 'Q&A' },
  talkshow: { zh: '冬奥趣闻', en: 'Talk show' },
  dance: { zh: '跳舞', en: 'Dance' },
  tour: { zh: '导览', en: 'Tour guide' },
  saleHype: { zh: '秒杀预热', en: 'Sale hype' },
  draw: { zh: '抽奖', en: 'Lucky draw' },
  paused: { zh: '已暂停', en: 'Paused' },
};

const EMOTIONS: Record<Emotion, { zh: string; en: string }> = {
  neutral: { zh: '平静', en: 'Neutral' },
  happy: { zh: '开心', en: 'Happy' },
  excited: { zh: '兴奋', en: 'Excited' },
  calm: { zh: '温和', en: 'Calm' },
  sad: { zh: '难过', en: 'Sad' },
  surprised: { zh: '惊讶', en: 'Surprised' },
  angry: { zh: '生气', en: 'Angry' },
};

const GESTURES: Record<Gesture, { zh: string; en: string }> = {
  'thumbs-up': { zh: '点赞', en: 'Thumbs up' },
  'heart-hands': { zh: '比心', en: 'Heart hands' },
  'wipe-tears': { zh: '擦眼泪', en: 'Wipe tears' },
  wave: { zh: '挥手', en: 'Wave' },
  clap: { zh: '鼓掌', en: 'Clap' },
  bow: { zh: '鞠躬', en: 'Bow' },
  'point-product': { zh: '指向商品', en: 'Point at product' },
  cheer: { zh: '欢呼', en: 'Cheer' },
  thinking: { zh: '思考', en: 'Thinking' },
  shrug: { zh: '耸肩', en: 'Shrug' },
  nod: { zh: '点头', en: 'Nod' },
  'shake-head': { zh: '摇头', en: 'Shake head' },
};

const STATUS: Record<ShowStatus | 'open' | 'closed' | 'drawn' | 'scheduledSale' | 'cancelled', { zh: string; en: string }> = {
  scheduled: { zh: '待开播', en: 'Scheduled' },
  live: { zh: '直播中', en: 'Live' },
  ended: { zh: '已结束', en: 'Ended' },
  open: { zh: '进行中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
  drawn: { zh: '已开奖', en: 'Drawn' },
  scheduledSale: { zh: '倒计时', en: 'Counting down' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export type ConsoleKey = keyof typeof S;

/** "per minute" / "每分钟", "per 10 s" / "每10秒" for a chart bucket. */
export function perBucket(lang: Lang, ms: number): string {
  const s = Math.round(ms / 1000);
  if (s % 60 === 0) return lang === 'zh' ? (s === 60 ? '每分钟' : `每${s / 60}分钟`) : s === 60 ? 'per minute' : `per ${s / 60} min`;
  return lang === 'zh' ? `每${s}秒` : `per ${s} s`;
}

/** A console string: `tc('en', 'goLive')`. */
export function tc(lang: Lang, key: ConsoleKey): string {
  return S[key][lang];
}
export const modeLabel = (lang: Lang, m: HostMode): string => MODES[m][lang];
export const emotionLabel = (lang: Lang, e: Emotion): string => EMOTIONS[e][lang];
export const gestureLabel = (lang: Lang, g: Gesture): string => GESTURES[g][lang];
export const statusLabel = (lang: Lang, s: keyof typeof STATUS): string => STATUS[s][lang];
