import type { FunFact, Lang, LocalizedText } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { SPORT_NAMES } from '../embedded/funfact-picker.js';
import { seededRng, shuffle, pickOne } from '../rng.js';
import { speakable } from '../text/normalize.js';
import type { Segment } from '../types.js';

/** One beat of a talk-show episode. `reveal` lines are written when the answers are in (see revealLines). */
export type EpisodeStep =
  | { kind: 'intro'; lines: Segment[] }
  | { kind: 'fact'; factId: string; lines: Segment[] }
  | { kind: 'quiz'; factId: string; question: LocalizedText; answer: LocalizedText; lines: Segment[]; listenMs: number }
  | { kind: 'reveal'; factId: string; answer: LocalizedText; fact: LocalizedText }
  | { kind: 'outro'; lines: Segment[] };

export interface Episode {
  id: string;
  lang: Lang;
  factIds: string[];
  steps: EpisodeStep[];
}

export interface EpisodeOptions {
  lang: Lang;
  seed: number;
  /** 3–5 facts. @default 4 */
  factCount?: number;
  /** Facts told in earlier episodes, avoided while others remain. */
  exclude?: ReadonlySet<string>;
  /** How long to read the chat for quiz answers. @default 20000 */
  listenMs?: number;
  hostName?: LocalizedText;
}

const seg = (text: string, lang: Lang, emotion: Segment['emotion']['name'], intensity: number, gesture?: Segment['gesture']): Segment => ({
  text: speakable(text, lang),
  lang,
  emotion: { name: emotion, intensity },
  ...(gesture ? { gesture } : {}),
});

const INTROS: Record<Lang, string[]> = {
  zh: ['欢迎来到{name}的冰雪小课堂！今天给大家讲几个冬奥冷知识，听完保准您涨知识！', '冰雪小课堂开课啦！{name}今天准备了几个冷知识，最后还有抢答题哦！', '趁现在不忙，{name}给大家来段冰雪脱口秀！'],
  en: ["Welcome to {name}'s Winter Sports Corner! I've got some fun facts for you, and a quiz at the end!", "Class is in session! {name}'s snow-and-ice fun facts, with a quiz for you at the end!", "Quiet moment? Perfect time for {name}'s winter-sports talk show!"],
};
const TRANSITIONS: Record<Lang, string[]> = {
  zh: ['再来一个！', '接下来这个更神奇：', '还有呢，', '您再听这个：', '下一个冷知识：'],
  en: ['Here comes another!', 'This next one is even wilder:', "And there's more:", 'Listen to this one:', 'Next fun fact:'],
};
const OUTROS: Record<Lang, string[]> = {
  zh: ['今天的冰雪小课堂就到这儿，喜欢的话点个赞，有问题随时问东东！', '下课啦！谢谢大家陪我聊冰雪，商品有问题尽管问！'],
  en: ["That's it for today's Winter Sports Corner! Hit like if you enjoyed it, and ask me anything!", 'Class dismissed! Thanks for hanging out, and ask me about the goodies anytime!'],
};

/**
 * Plans a talk-show episode from fun facts (seeded, so a seed replays the same show): an intro, 3–5
 * facts with transitions, a quiz question to the audience (a fact with a quiz, asked before its answer
 * is revealed), then an outro. No fact appears twice in one episode.
 */
export function planEpisode(facts: readonly FunFact[], opts: EpisodeOptions): Episode {
  const rng = seededRng(opts.seed);
  const lang = opts.lang;
  const count = Math.min(5, Math.max(3, opts.factCount ?? 4), facts.length);
  const fresh = facts.filter((f) => !opts.exclude?.has(f.id));
  const pool = shuffle(rng, fresh.length >= count ? fresh : facts);
  const quiz = pool.find((f) => f.quiz) ?? null;
  const told = pool.filter((f) => f !== quiz).slice(0, quiz ? count - 1 : count);
  const name = pick(opts.hostName ?? { zh: '东东', en: 'Dong Dong' }, lang);
  const steps: EpisodeStep[] = [{ kind: 'intro', lines: [seg(pickOne(rng, INTROS[lang]).replace('{name}', name), lang, 'excited', 0.8, 'wave')] }];
  told.forEach((f, i) => {
    const sport = SPORT_NAMES[f.sport];
    const lead = i === 0 ? (lang === 'zh' ? '第一个：' : 'First up: ') : pickOne(rng, TRANSITIONS[lang]);
    const about = sport ? (lang === 'zh' ? `说到${sport.zh}，` : `In ${sport.en}, `) : '';
    steps.push({
      kind: 'fact',
      factId: f.id,
      lines: [seg(lead + (about && lang === 'zh' ? about : ''), lang, 'excited', 0.6, i === 0 ? 'point-product' : 'thinking'), seg(pick(f.fact, lang), lang, 'surprised', 0.7, 'clap')].filter((s) => /\p{L}/u.test(s.text)),
    });
  });
  if (quiz?.quiz) {
    steps.push({
      kind: 'quiz',
      factId: quiz.id,
      question: quiz.quiz.question,
      answer: quiz.quiz.answer,
      listenMs: opts.listenMs ?? 20_000,
      lines: [
        seg(lang === 'zh' ? '抢答时间到！' : 'Quiz time!', lang, 'excited', 0.9, 'cheer'),
        seg(pick(quiz.quiz.question, lang), lang, 'happy', 0.7, 'thinking'),
        seg(lang === 'zh' ? '把答案打在公屏上，我看看谁最快！' : 'Type your answer in the chat, let us see who is fastest!', lang, 'excited', 0.7, 'point-product'),
      ],
    });
    steps.push({ kind: 'reveal', factId: quiz.id, answer: quiz.quiz.answer, fact: quiz.fact });
  }
  steps.push({ kind: 'outro', lines: [seg(pickOne(rng, OUTROS[lang]), lang, 'happy', 0.8, 'heart-hands')] });
  return { id: `ep-${opts.seed}`, lang, factIds: [...told, ...(quiz ? [quiz] : [])].map((f) => f.id), steps };
}

/** The reveal: the answer, who got it right (first few), and the fact behind it. */
export function revealLines(step: Extract<EpisodeStep, { kind: 'reveal' }>, winners: readonly string[], lang: Lang): Segment[] {
  const names = winners.slice(0, 3).map((n) => speakable(n, lang)).filter(Boolean);
  const answer = pick(step.answer, lang);
  const out: Segment[] = [seg(lang === 'zh' ? `公布答案：${answer}！` : `The answer: ${answer}!`, lang, 'excited', 0.8, 'cheer')];
  if (names.length > 0) {
    const more = winners.length > names.length ? (lang === 'zh' ? `等 ${winners.length} 位朋友` : ` and ${winners.length - names.length} more`) : '';
    out.push(seg(lang === 'zh' ? `恭喜${names.join('、')}${more}答对了，倍儿棒！` : `Congratulations ${names.join(', ')}${more}, you got it!`, lang, 'happy', 0.9, 'clap'));
  } else out.push(seg(lang === 'zh' ? '这题有点难，没人答对，下次加油！' : 'A tough one, nobody got it this time!', lang, 'surprised', 0.6, 'shrug'));
  out.push(seg(pick(step.fact, lang), lang, 'surprised', 0.6));
  return out;
}
