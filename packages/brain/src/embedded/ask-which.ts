import type { Product } from '@snowstage/protocol';
import { Lines, list, tr, type AnswerContext } from './context.js';
import { productName } from './facts.js';

/** No product named and none to follow up on: ask which, naming the pinned ones. */
export function askWhich(ctx: AnswerContext, out: Lines): void {
  const pinned = ctx.pinned.map((id) => ctx.byId.get(id)).filter((p): p is Product => !!p);
  const names = pinned.map((p, i) => tr(ctx.lang, `${i + 1} 号${productName(p, 'zh')}`, `number ${i + 1}, the ${productName(p, 'en')}`));
  out.say(
    ['您问的是哪一款呀？', '哪一款呢？说个名字我马上告诉您。'],
    ['Which one do you mean?', 'Which item are you asking about? Tell me the name and I will check.'],
    'calm',
    0.5,
    'thinking',
  );
  if (names.length > 0)
    out.say(`现在置顶的有${list(names, 'zh')}。`, `Pinned right now: ${list(names, 'en')}.`, 'happy', 0.5, 'point-product', pinned[0]!.id);
}

