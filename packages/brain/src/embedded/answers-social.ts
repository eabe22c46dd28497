import { pick } from '@snowstage/protocol';
import type { Product } from '@snowstage/protocol';
import { FunFactPicker, SPORT_NAMES } from './funfact-picker.js';
import { Lines, list, type AnswerContext } from './context.js';
import { price, productName } from './facts.js';
import { answerFaq } from './answers-shop.js';

export function answerGreeting(ctx: AnswerContext, out: Lines): void {
  const n = ctx.nickname;
  out.say(
    [`欢迎${n}！来得正好！`, `${n}晚上好呀，欢迎欢迎！`, `哈喽${n}，欢迎来到东东的直播间！`, `${n}来啦！快坐快坐！`],
    [`Welcome, ${n}! Perfect timing!`, `Hi ${n}, great to see you!`, `Hey ${n}, welcome to the show!`, `${n} is here! Make yourself at home!`],
    'happy',
    0.8,
    'wave',
  );
  const first = ctx.pinned.map((id) => ctx.byId.get(id)).find((p): p is Product => !!p);
  if (ctx.sale && ctx.sale.status !== 'closed' && ctx.sale.status !== 'cancelled') {
    const sp = ctx.byId.get(ctx.sale.productId);
    if (sp) out.say(`今晚有${productName(sp, 'zh')}秒杀，别走开！`, `There's a flash sale on the ${productName(sp, 'en')} tonight, stick around!`, 'excited', 0.7, 'cheer', sp.id);
  } else if (first) {
    out.say(`今天主推${productName(first, 'zh')}，${price(first.price)}，有问题尽管问我！`, `Today's star is the ${productName(first, 'en')} at ${price(first.price)}. Ask me anything!`, 'happy', 0.6, 'point-product', first.id);
  }
}

export function answerCompliment(ctx: AnswerContext, out: Lines): void {
  out.say(
    ['哎呦，被您夸得我都不好意思了！比心！', '谢谢夸奖！东东今天更有劲儿了！', '您嘴真甜！给您比个心！', '嘿嘿，谢谢！我会继续努力的！'],
    ["Aww, you're making me blush! Thank you!", "Thank you! That gives me so much energy!", "You're too kind! Sending you a heart!", "Hehe, thanks! I'll keep it up!"],
    'happy',
    0.9,
    'heart-hands',
  );
}

export function answerDance(ctx: AnswerContext, out: Lines): void {
  out.say(
    ['想看跳舞？得嘞，音乐准备！', '好嘞！给大家跳一段，走起！', '跳舞我可太爱了，来！'],
    ['You want a dance? You got it, music please!', "Okay, let's dance! Here we go!", 'I love dancing, here we go!'],
    'excited',
    0.9,
    'cheer',
  );
}

export function answerFunFact(ctx: AnswerContext, out: Lines): void {
  const fact = ctx.funFacts.pickFor(ctx.u.text, ctx.now);
  if (!fact) {
    out.say('冷知识库正在更新，下次给您讲！', "My fun-fact book is being updated, next time!", 'calm', 0.5, 'shrug');
    return;
  }
  const sport = SPORT_NAMES[fact.sport];
  if (sport) out.say([`说到${sport.zh}，有个冷知识！`, `${sport.zh}冷知识来了：`], [`A ${sport.en} fun fact for you!`, `Here's some ${sport.en} trivia:`], 'excited', 0.7, 'thinking');
  else out.say(['来个冷知识！', '说个您可能不知道的：', '冷知识时间到！'], ['Fun fact time!', "Here's one you might not know:", 'Did you know?'], 'excited', 0.7, 'thinking');
  out.say(FunFactPicker.text(fact, 'zh'), FunFactPicker.text(fact, 'en'), 'surprised', 0.7, 'clap');
}

export function answerComplaint(ctx: AnswerContext, out: Lines, products: Product[]): void {
  const norm = ctx.u.norm;
  out.say(
    ['真不好意思，让您闹心了。', '抱歉抱歉，这事儿我记下了。', '您别着急，我来帮您看看。'],
    ["I'm really sorry about that.", "Sorry! I hear you, let me help.", "Don't worry, let's sort it out."],
    'sad',
    0.5,
    'bow',
    products[0]?.id,
  );
  if (/贵|expensive|overpriced|rip/.test(norm)) {
    const s = ctx.sale;
    const sp = s ? ctx.byId.get(s.productId) : undefined;
    if (s && sp && s.status !== 'closed' && s.status !== 'cancelled')
      out.say(`想省钱就等今晚秒杀：${productName(sp, 'zh')}只要 ${price(s.salePrice)}！`, `Want a bargain? Tonight's flash sale has the ${productName(sp, 'en')} for ${price(s.salePrice)}!`, 'excited', 0.7, 'cheer', sp.id);
    else out.say('咱们都是官方授权正品，用料实在，不过我理解，看看贴纸、明信片这些小物件也很不错！', "Everything is officially licensed with honest materials, but I get it: the stickers and postcards are great value too!", 'calm', 0.5, 'nod');
    return;
  }
  if (/没抢到|抢不到|sold out in|can'?t get|couldn'?t get/.test(norm)) {
    const show = ctx.knowledge.schedule.shows.find((x) => /秒杀|flash sale/i.test(`${x.highlight.zh} ${x.highlight.en}`));
    out.say('没抢到别灰心，', "Don't give up, ", 'sad', 0.4, 'wipe-tears');
    if (show) out.say(`${show.title.zh}${show.highlight.zh}，下次早点准备！`, `${show.title.en} has ${show.highlight.en}, be ready next time!`, 'happy', 0.6, 'cheer');
    return;
  }
  if (/卡|不动|lag|frozen|buffer/.test(norm)) {
    out.say('试试刷新一下或者切换一下网络，马上就好！', 'Try refreshing or switching networks, it should come right back!', 'calm', 0.5, 'nod');
    return;
  }
  if (/发货|没到|没收到|arriv|waiting|物流/.test(norm)) {
    answerFaq(ctx, out, ['shipping'], products);
    out.say('超时没到的话，把订单号私信给客服，我们马上帮您查！', 'If it is late, send your order number to customer service and we will track it right away!', 'calm', 0.5, 'nod');
    return;
  }
  if (/客服|不回|customer service|no reply/.test(norm)) {
    out.say('我这就让后台同事优先处理您的消息！', "I'll ask the team to get to your message first!", 'calm', 0.6, 'nod');
    return;
  }
  // Quality problems: the guarantee.
  const e = ctx.faq.byId('returns-policy');
  if (e) out.say(pick(e.answer, 'zh'), pick(e.answer, 'en'), 'calm', 0.6, 'nod', products[0]?.id);
}

export function answerAboutHost(ctx: AnswerContext, out: Lines): void {
  const p = ctx.knowledge.persona;
  const norm = ctx.u.norm;
  if (/多大|几岁|年龄|how old|your age/.test(norm))
    out.say(`我今年 ${p.age} 岁，正是爱玩雪的年纪！`, `I'm ${p.age}, the perfect age for playing in the snow!`, 'happy', 0.7, 'wave');
  else if (/哪里人|哪儿人|家乡|老家|哪的|where are you from/.test(norm))
    out.say(`我是土生土长的${p.hometown.zh}人！`, `I'm from ${p.hometown.en}, born and raised!`, 'happy', 0.7, 'thumbs-up');
  else if (/真人|机器人|ai|虚拟|real|human|bot|robot|virtual/.test(norm))
    out.say(
      `我是虚拟主播${p.name.zh}，由 AI 驱动；不过我说的价格和库存都是系统里的实时数据，放心问！`,
      `I'm ${p.name.en}, a virtual host powered by AI. The prices and stock I tell you come live from the shop system, so ask away!`,
      'happy',
      0.6,
      'wave',
    );
  else if (/名字|叫什么|你是谁|your name|who are you/.test(norm))
    out.say(`我叫${p.name.zh}！${p.age} 岁，${p.hometown.zh}人。`, `I'm ${p.name.en}! ${p.age}, from ${p.hometown.en}.`, 'happy', 0.7, 'wave');
  else {
    const likes = p.likes.slice(0, 3).map((l) => pick(l, ctx.lang));
    out.say(`我最爱${list(likes, 'zh')}！`, `I love ${list(likes.map((l) => l.charAt(0).toLowerCase() + l.slice(1)), 'en')}!`, 'excited', 0.7, 'cheer');
  }
}

export function answerOffTopic(ctx: AnswerContext, out: Lines): void {
  const avoided = ctx.u.avoided;
  if (avoided) {
    out.say(avoided.reply.zh, avoided.reply.en, 'calm', 0.5, 'shake-head');
    return;
  }
  const norm = ctx.u.norm;
  if (/股票|股市|基金|彩票|理财|stock market|stocks|crypto|bitcoin|invest|政治|选举|politic|election|病|药|medical/.test(norm)) {
    out.say(
      ['这个话题东东就不乱说啦，咱们聊点冰雪的！', '这个我可不敢瞎说，还是聊聊冬奥好物吧！'],
      ["That's not something I give opinions on. Let's talk winter sports instead!", "I'll stay out of that one! Back to the fun stuff?"],
      'calm',
      0.5,
      'shake-head',
    );
    return;
  }
  if (/天气|下雪|降温|冷|weather|snow/.test(norm)) {
    out.say('北京这几天冷得够劲儿，正适合戴围巾帽子！', "It's properly cold in Beijing, perfect scarf-and-beanie weather!", 'happy', 0.6, 'nod');
    return;
  }
  if (/吃饭|吃了|eat|food|dinner/.test(norm)) {
    out.say('吃了吃了！冬天就想来顿涮羊肉，再来串糖葫芦！', 'I did! Winter means lamb hotpot and candied hawthorn for me!', 'happy', 0.7, 'heart-hands');
    return;
  }
  out.say(
    ['哈哈，这个东东不太懂，咱们聊聊冰雪好物吧！', '这题超纲啦！有商品的问题尽管问我！', '哈哈有意思，不过我更懂冬奥好物！'],
    ["Haha, that's outside my expertise! Ask me about the merch!", 'Ooh, off-topic! Any questions about the goodies?', "Fun! But I'm better at winter-sports merch!"],
    'happy',
    0.5,
    'shrug',
  );
}

export function answerAbusive(ctx: AnswerContext, out: Lines): void {
  out.say(
    ['咱们文明聊天哈，有问题随时问我。', '大家友好交流哦，东东继续给大家介绍好物！'],
    ["Let's keep it friendly here. I'm happy to help with any question.", "Let's be kind to each other. Back to the goodies!"],
    'calm',
    0.6,
  );
}
