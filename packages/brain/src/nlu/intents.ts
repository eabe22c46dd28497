import type { Intent } from '../types.js';
import { normalize } from '../text/normalize.js';

type Cue = [RegExp, number];

/**
 * Cue phrases per intent with weights, in both languages. Chinese cues are substrings; English cues
 * use word boundaries. Weights: 3 = the phrase alone decides; 2 = strong; 1 = a hint.
 */
const CUES: Record<Intent, Cue[]> = {
  greeting: [
    [/(晚上|早上|下午|中午|大家|主播|东东|宝宝们|家人们)好(?![\u4e00-\u9fff]|[呀啊哇鸭])|(晚上|主播|东东|大家)好[呀啊哇鸭]|哈喽|嗨|^(你好|您好)[呀啊哇!！~～。.,， ]*(东东|主播)?[呀啊!！~～。.]*$/, 3],
    [/来了|报到|打卡|我又来|又来啦|第一次来|新来的|新人|刚进来|老粉/, 3.5],
    [/^(hi+|hello|hey+|hiya|yo|sup|howdy|greetings)\b/, 3],
    [/\bgood (morning|evening|afternoon)\b|\bwhat'?s up\b|\bi'?m new\b|\bfirst time here\b|\bhello from\b|\bhi (everyone|all|guys)\b/, 3],
  ],
  price: [
    [/多少钱|多钱|几块|几元|几毛|什么价|啥价|价格|价位|价钱|怎么卖|多少米|贵不贵|贵吗|售价|单价|现价|原价|多少一(个|只|件|套|盒|条|顶|副|包)|要多少/, 3],
    [/秒杀价|活动价|优惠价|到手价|折后价/, 3.5],
    [/多少[?？]*$|几块[?？]*$/, 1.5],
    [/\b(how|hw|hwo|howw) much\b|\bprice[sd]?\b|\bcosts?\b|\bpricey\b|\bhow many yuan\b|\bsale price\b/, 3],
    [/[¥￥$]\s*\d|\d+(\.\d+)?\s*(元|块|yuan|rmb|kuai|bucks|dollars)/, 1.5],
    [/\bfree\b(?! shipping)|免费送|白送|0元/, 1],
  ],
  stock: [
    [/有货|还有吗|还有没有|有没有货|库存|还剩|剩几|剩多少|卖完|售罄|断货|缺货|补货|现货|到货提醒|还能买|还有多少|有吗[?？]*$|还有[吗嘛么]/, 3],
    [/有.{1,16}的吗|有没有.{1,12}的/, 1.2],
    [/有\s*(xxxl|xxl|xl|xs|[sml]|\d{2,3})\s*(码|号|的)?\s*[吗嘛么]/, 3],
    [/\bany\b.{1,30}\bin (xxl|xl|xs|s|m|l|\d{2,3})\b/, 2.5],
    [/\bin stock\b|\bstock\b|\bleft\b|\bavailable\b|\bsold out\b|\brestock|\bback in stock\b|\bstill (have|got)\b/, 3],
    [/\bgot (the|any)\b/, 1.5],
    [/\bdo you (have|still have|sell)\b|\bany .{1,30}\bleft\b|\bhow many .{0,30}\bleft\b/, 3],
    [/\bis it (still )?available\b|\bis it in stock\b/, 3],
  ],
  size: [
    [/尺码|码数|尺寸|几码|什么码|哪个码|哪码|多大码|穿多大|偏大|偏小|版型|合身|头围|掌围|多少升|几升|容量|多少毫升|大小|多高|多长|多宽|有多大|多大个|多大的|能装|装得下|装下/, 3],
    [/穿哪|选哪个码|哪个尺码|大一码|小一码|正码/, 3],
    [/\d{3}\s*(cm|厘米)?\s*[,， ]?\s*\d{2,3}\s*(kg|公斤|斤)|身高|体重|\d{2,3}\s*(公斤|斤)|\bkg\b/, 2],
    [/\bsizes?\b|\bsizing\b|\bhow (big|tall|large|wide)\b|\bhow long is (it|the)\b|\bdimensions?\b|\bfit\b|\bfits\b|\brun(s)? (small|large|big)\b|\btrue to size\b|\bcapacity\b|\bhow many ml\b|\bliters?\b|\blitres?\b|\bmeasure/, 3],
    [/\d{2,3}\s?cm\b|\d{2,3}\s?kg\b/, 1.5],
  ],
  material: [
    [/材质|材料|面料|布料|什么做的|啥做的|用什么做|纯棉|全棉|棉的|羊毛|涤纶|不锈钢|什么钢|陶瓷|纯银|塑料|硅胶|成分/, 3],
    [/机洗|水洗|手洗|洗衣机|怎么洗|能洗|清洗|可以洗|缩水|掉色|褪色|起球|掉毛|扎不扎|扎人|微波炉|洗碗机|防水|防泼水|保养|护理/, 3],
    [/\bmade of\b|\bmaterials?\b|\bfabric\b|\bcotton\b|\bwool\b|\bstainless\b|\bsteel\b|\bceramic\b|\bplastic\b|\bsilicone\b|\bpure silver\b/, 3],
    [/\bwash\w*\b|\bdishwasher\b|\bmicrowave\b|\bshrink\w*\b|\bfade\b|\bitchy\b|\bwater ?proof\b|\bwater-?resistant\b|\bthick\b|\bclean\b|\bcare\b/, 3],
  ],
  shipping: [
    [/包邮|邮费|运费|免邮|发货|几天到|多久到|几天能到|能到|送到|寄到|快递|物流|顺丰|中通|什么时候到|什么时候发|能发吗|发什么|配送|几天发|多久发|明天能发|今天能发|单号/, 3],
    [/\bship\w*\b|\bdeliver\w*\b|\bcourier\b|\bpostage\b|\barriv\w*\b|\bdispatch\w*\b|\btracking\b|\bsend (it )?to\b/, 3],
  ],
  returns: [
    [/退货|退换|换货|退款|无理由|七天|7\s*天|能退|可以退|退吗|换码|换尺码|可以换|能换|换吗|换一个|质量(有)?问题/, 3],
    [/\brefund\w*\b|\breturns?\b|\bexchange\b|\bsend (it )?back\b|\bmoney back\b|\breturn shipping\b/, 3.5],
  ],
  authenticity: [
    [/正品|正版|真的吗|假的|假货|官方|授权|防伪|真假|盗版|山寨|证书|验真/, 3],
    [/\bgenuine\b|\bauthentic\w*\b|\bofficial\b|\blicensed\b|\bfake\b|\bcounterfeit\b|\blegit\b|\bcertificate\b|\breal or\b/, 3],
  ],
  saleTiming: [
    [/秒杀|开抢|抢购|活动|优惠|折扣|打折|几折|降价|福利|倒计时|开售|满减|券/, 2.5],
    [/什么时候开始|几点开始|什么时候结束|几点结束|还有多久/, 2],
    [/\bflash sale\b|\bsales?\b|\bdeals?\b|\bdiscounts?\b|\bpromo\w*\b|\bcoupons?\b|\boffers?\b|\bcountdown\b|\bon sale\b/, 2.5],
    [/\bwhen does .{0,20}\bstart\b|\bhow long until\b|\bwhen .{0,12}\bend\b/, 1.5],
  ],
  schedule: [
    [/开播|直播吗|几点播|播到|下播|还播|下一场|什么时候播|明天.{0,4}播|有直播/, 3],
    [/每天|周末|周[一二三四五六日天]|星期|下场|夜场|哪天|亲子场/, 2],
    [/\bgo live\b|\bstream\w*\b|\blive (tomorrow|today|tonight|every)\b|\bare you live\b|\bnext show\b|\bweekends?\b|\bevery day\b|\bdaily\b|\bschedule\b|\bshow end\b|\bwhat time do you\b|\btomorrow\b/, 3],
  ],
  comparison: [
    [/哪个好|哪个更|哪个值|哪个适合|选哪个|对比|比一比|区别|差别|不同|差多少|有啥不一样|有什么不一样/, 3],
    [/还是|哪个|哪款|哪一个/, 1.5],
    [/\bvs\.?\b|\bversus\b|\bwhich (is|one) (better|cheaper|softer|warmer)\b|\bdifference\b|\bcompare\w*\b|\b(better|cheaper|warmer|softer) than\b|\bor the\b/, 3],
    [/\bwhich\b.{0,40}\bor\b|\bor\b.{0,30}\b(for|which)\b/, 2],
  ],
  recommendation: [
    [/推荐|送.{0,6}(什么|啥)|买什么|买啥|有什么适合|适合送|送人|预算|带什么|选什么好|有啥好|哪款好|值得买|卖得最好|最好卖|爆款|送礼|礼物/, 3],
    [/以内|以下|不超过/, 1.5],
    [/\brecommend\w*\b|\bsuggest\w*\b|\bgift (ideas?|for)\b|\bsomething for\b|\bwhat should i (get|buy)\b|\bbest (thing|gift|seller|item)\b|\bfavou?rite (item|product|thing)\b|\bbudget\b|\bunder \d+\b|\bideas?\b|\bwhat would you\b|\banything under\b/, 3],
  ],
  productInfo: [
    [/介绍|讲讲|讲一下|说说|说一下|看看|怎么样|是什么|颜色|款式|型号|详情|细节|特点|功能|能充电|充电|电池|隐藏款|限量|几比几|比例|会唱歌|会亮|有什么用/, 2],
    [/\btell (me|us) (about|more)\b|\bwhat'?s in\b|\bwhat is\b|\bdetails?\b|\bdescribe\b|\bcolou?rs?\b|\bmodels?\b|\bfeatures?\b|\bspecial\b|\bshow (me|us)\b|\bdoes it\b|\bcan it\b|\bwork (on|with)\b|\bbatter(y|ies)\b|\bcome in\b|\bkeep\w* .{0,20}\bhot\b|\blimited\b|\babout\b/, 2],
  ],
  purchase: [
    [/怎么买|怎么下单|怎么拍|在哪买|哪里买|链接在哪|上链接|下单了|已下单|已拍|拍了|买了|入手|冲了|我要(一|两|二|三|四|五|\d)|来(一|两|二|三|\d)(个|件|只|套)|付款|支付|花呗|信用卡|分期|发票|开票|加购物车/, 3],
    [/\bhow (do|can) i (buy|order|get|purchase)\b|\bhow to (buy|order)\b|\bordered\b|\bbought\b|\bpurchased\b|\bi'?ll take\b|\bi want (one|two|three|\d)\b|\badd(ed)? to cart\b|\bcheckout\b|\bpay (with|by)\b|\balipay\b|\bwechat pay\b|\bcredit card\b|\binvoice\b|\blink (for|to)\b|\bwhere'?s the link\b|\bhow do i order\b/, 3],
  ],
  funFact: [
    [/冷知识|趣事|小知识|科普|知识|讲个|讲一个|有多快|多快|世界纪录|历史|第一届|冬奥/, 3],
    [/花样滑冰|花滑|冰壶|雪车|雪橇|短道|速滑|冰球|跳台|单板|冬季两项|越野滑雪|\bcurling\b|\bbobsle\w*|\bluge\b|\bski jump\w*|\bfigure skating\b|\bbiathlon\b|\bshort track\b|\bspeed skating\b|\bice hockey\b/, 2],
    [/\bfun facts?\b|\btrivia\b|\bdid you know\b|\bfacts?\b|\bhow fast\b|\bhistory\b|\brecord\b/, 3],
  ],
  dance: [
    [/跳舞|跳个舞|跳一段|舞蹈|跳一下|来段舞|来一段|热舞|跳支舞|扭一扭|主题曲|跳一个/, 4],
    [/\bdanc\w*\b|\bmoves\b|\bboogie\b|\bsing\b/, 4],
  ],
  compliment: [
    [/可爱|好看|漂亮|好美|好听|声音|专业|厉害|好棒|真棒|赞|喜欢你|爱你|讲得好|讲得真|清楚|优秀|666|yyds|绝了|太会了|好有趣/, 2.5],
    [/\bcute\b|\bpretty\b|\bbeautiful\b|\blovely\b|\blove (you|your|this)\b|\bawesome\b|\bamazing\b|\bgreat (job|host)\b|\bbest host\b|\bgood job\b|\bwell done\b|\bso well\b|\benergy\b|\bnice\b|\bfunny\b/, 2.5],
    [/👍|❤|💕|😍|🥰/u, 1.5],
  ],
  complaint: [
    [/太贵|好贵|贵死|坑人|失望|生气|差评|投诉|还没发货|还没到|还没收到|没收到|没抢到|抢不到|卡了|卡死|卡顿|画面不动|太慢|退钱|缩水了|掉色了|不回|等了|都.{1,3}天了|太难了|无语|不满意/, 3.5],
    [/脏|破了|坏了|线头|开线|有味/, 2],
    [/\btoo expensive\b|\boverpriced\b|\bdisappoint\w*\b|\bupset\b|\bangry\b|\bterrible\b|\bworst\b|\bhasn'?t arrived\b|\bnot arrived\b|\bnever arrived\b|\bstill waiting\b|\bbroken\b|\bdamaged\b|\bloose thread\b|\bripped\b|\bstain(s|ed)?\b|\blag\w*\b|\bfrozen\b|\bbuffering\b|\bsold out in\b|\bcan'?t get\b|\bcouldn'?t get\b|\brip-?off\b|\bafter a week\b|\bnot happy\b/, 3.5],
  ],
  aboutHost: [
    [/你多大|几岁|年龄|你是哪|哪里人|哪儿人|家乡|老家|真人|机器人吗|虚拟|你叫什么|名字|你喜欢|你会|你爱|你平时|你自己|你是ai|你是谁/, 3.5],
    [/\bhow old\b|\byour age\b|\bwhere are you from\b|\bare you (a |an )?(real|human|ai|bot|robot|virtual)\b|\breal person\b|\byour name\b|\bwho are you\b|\bdo you (ski|skate|snowboard|like|love|play|enjoy|watch)\b|\byour favou?rite (sport|food|season)\b|\bcan you ski\b/, 3.5],
  ],
  offTopic: [
    [/天气|下雪了|降温|吃饭|吃了吗|游戏|作业|足球|篮球|明星|八卦|谁赢/, 3],
    [/股票|股市|基金|彩票|理财|政治|选举|炒股/, 4.5],
    [/\bweather\b|\bfootball\b|\bsoccer\b|\bbasketball\b|\bhomework\b|\bwho won\b|\bgame last night\b/, 3],
    [/\bstock market\b|\bstocks\b|\belection\b|\bpolitic\w*\b|\bcrypto\b|\bbitcoin\b/, 4.5],
  ],
  abusive: [
    [/丑|垃圾|骗子|滚|蠢|笨蛋|白痴|傻|废物|恶心|难听|闭嘴|去你的|有病|神经病|智障/, 4],
    [/\bugly\b|\btrash\b|\bgarbage\b|\bstupid\b|\bdumb\b|\bidiot\w*\b|\bshut up\b|\bsucks?\b|\bloser\b|\bhate you\b|\buseless\b|\bpathetic\b|\bmoron\b|\bscammer\b/, 4],
  ],
};

/** Prefer the more specific intent on equal scores. */
const PRIORITY: Intent[] = [
  'abusive',
  'complaint',
  'dance',
  'returns',
  'comparison',
  'recommendation',
  'purchase',
  'saleTiming',
  'price',
  'stock',
  'size',
  'material',
  'shipping',
  'authenticity',
  'schedule',
  'aboutHost',
  'funFact',
  'productInfo',
  'offTopic',
  'compliment',
  'greeting',
];

export interface IntentScores {
  best: Intent | null;
  score: number;
  scores: Partial<Record<Intent, number>>;
}

/** Scores every intent's cues against a comment. `best` is null when no cue matched at all. */
export function scoreIntents(text: string): IntentScores {
  const t = normalize(text);
  const scores: Partial<Record<Intent, number>> = {};
  for (const intent of PRIORITY) {
    let s = 0;
    for (const [re, w] of CUES[intent]) if (re.test(t)) s += w;
    if (s > 0) scores[intent] = s;
  }
  adjust(t, scores);
  let best: Intent | null = null;
  let score = 0;
  for (const intent of PRIORITY) {
    const s = scores[intent] ?? 0;
    if (s > score) {
      best = intent;
      score = s;
    }
  }
  return { best, score, scores };
}

/** Interactions between cues that single phrases cannot express. */
function adjust(t: string, s: Partial<Record<Intent, number>>): void {
  const add = (i: Intent, d: number) => {
    s[i] = (s[i] ?? 0) + d;
    if (s[i]! <= 0) delete s[i];
  };
  // "太贵了" is a complaint, "贵不贵" a price question.
  if (/贵不贵|贵吗/.test(t)) add('complaint', -3.5);
  // A question about a sale's price is a price question; a sold-out sale in a complaint stays a complaint.
  if (/(秒杀|活动|sale|deal)\S{0,3}(价|price)|(价|price).{0,6}(秒杀|sale)/.test(t)) add('price', 1);
  // Quality questions ("质量有问题怎么办") are about returns; reports ("收到的…脏了") are complaints.
  if (/怎么办|what (do|should) i do|\bwho pays\b/.test(t)) add('returns', 1);
  // Shipping questions ("明天能发吗", "postage cost") beat a purchase report or a price word.
  if (/能发|发货|几天到|postage|shipping|delivery|运费|邮费/.test(t) && /[吗?？]|什么时候|多久|几天|cost|how/.test(t)) add('shipping', 1.5);
  // "能到" is shipping; "还没到" a complaint already counted.
  if (/还没(发货|到|收到)/.test(t)) add('shipping', -3);
  if (/\b(hasn'?t|not|never) arrived\b|\bafter a week\b/.test(t)) add('shipping', -3);
  // "how many … left" and restock questions are stock even when the word sale appears.
  if (/\bhow many\b.{0,30}\bleft\b/.test(t)) add('saleTiming', -1);
  // "你会滑雪吗" is about her, not a fun fact; "你好专业" is a compliment, not a greeting.
  if (s.aboutHost && s.funFact) add('funFact', -2);
  if (/^(你好|您好)(专业|可爱|漂亮|厉害|美|棒)/.test(t)) add('greeting', -3);
  // "好听" is praise unless it is "难听".
  if (/难听/.test(t)) add('compliment', -2.5);
  // "主题曲" with 跳 is a dance request; a bare song question too.
  // A price stated by someone else ("is ¥5 right?") is a price question.
  if (/\bright\?|对吧|是吗|对不对/.test(t) && /[¥￥$]\s*\d|\d+\s*(元|块|yuan)/.test(t)) add('price', 2);
  // Stock words beat a bare size number ("30cm的还有吗").
  if (s.stock && s.size && s.size <= 2) add('size', -2);
  // "能开发票吗" and payment questions are purchase, not shipping.
  if (/发票|invoice/.test(t)) add('shipping', -3);
  // Comparisons need two things; "还是" alone in other phrasing is weak.
  if (/\bor\b/.test(t) && !/\bwhich\b|哪个|\bbetter\b|\bvs\b/.test(t)) add('comparison', -2);
  // "送女朋友买什么好" is a recommendation even though 好 and 什么 appear.
  if (s.recommendation && s.comparison && !/哪个|\bwhich\b|\bvs\b|\bor\b|还是/.test(t)) add('comparison', -3);
  // "下单了，等发货" is a purchase report, not a shipping question.
  if (/下单了|已下单|已拍|拍了|\bjust ordered\b/.test(t) && !/[吗?？]|什么时候|多久|几天/.test(t)) add('shipping', -3);
  // "can you dance" is a dance request, not a question about her.
  if (s.dance) add('aboutHost', -3.5);
  // Fun-fact "冬奥" alone is weak when a product question is present.
  if (s.funFact && Math.max(s.price ?? 0, s.stock ?? 0, s.material ?? 0, s.size ?? 0) >= 3) add('funFact', -2);
  // Abuse about the shop ("垃圾直播间") beats a complaint; a "scam" question is authenticity.
  if (s.abusive && s.complaint) add('complaint', -2);
}
