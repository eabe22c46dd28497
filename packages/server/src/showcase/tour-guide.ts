import { pick, type Booth, type Lang, type ShowcaseContent } from '@snowstage/protocol';
import type { HostRuntime, Line } from '../show/host-runtime.js';

/**
 * The host as tour guide in the Cloud Showcase: she walks booth to booth (a `tourStop` show event
 * moves her and every visitor's camera there) and tells each partner's story, through the same
 * voice and show events as in the live room. One tour at a time per hall.
 */
export class TourGuide {
  private running = false;

  constructor(
    private readonly content: ShowcaseContent,
    private readonly host: HostRuntime,
    private readonly onError: (err: unknown, what: string) => void = () => undefined,
    /** Booths per tour (the whole hall takes too long for one walk). @default 5 */
    private readonly stops = 5,
  ) {}

  get busy(): boolean {
    return this.running;
  }

  /** Starts a tour unless one is running; resolves true when this call started one. `onDone` runs when her last line has been heard. */
  async start(lang: Lang, onDone: () => void = () => undefined): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    const host = this.host;
    const booths = this.pickBooths();
    host.setMode('tour', 'director');
    void this.walk(host, booths, lang)
      .catch((e) => this.onError(e, 'tour'))
      .finally(() => {
        this.running = false;
        host.setMode('idle', 'director');
        onDone();
      });
    return true;
  }

  /** A different selection each tour, always in hall order. */
  private pickBooths(): Booth[] {
    const all = this.content.booths;
    if (all.length <= this.stops) return all;
    const start = Math.floor(Math.random() * all.length);
    const chosen = new Set(Array.from({ length: this.stops }, (_, i) => (start + Math.floor((i * all.length) / this.stops)) % all.length));
    return all.filter((_, i) => chosen.has(i));
  }

  private async walk(host: HostRuntime, booths: Booth[], lang: Lang): Promise<void> {
    const title = pick(this.content.title, lang);
    await host.say(
      [
        lang === 'zh'
          ? { text: `欢迎来到${title}！我是东东，今天带大家逛${booths.length}个展位，跟紧我哦！`, lang, emotion: { name: 'excited', intensity: 0.7 }, gesture: 'wave' }
          : { text: `Welcome to ${title}! I'm Dong Dong, and I'll show you ${booths.length} booths today. Stay close!`, lang, emotion: { name: 'excited', intensity: 0.7 }, gesture: 'wave' },
      ],
    );
    for (const [i, booth] of booths.entries()) {
      host.tourStop(booth.id, i, booths.length);
      await host.say(narrate(booth, i, booths.length, lang));
    }
    const { endsAt } = await host.say([
      lang === 'zh'
        ? { text: '今天的导览就到这儿啦！别忘了答题攒抽奖券，好礼等你拿！', lang, emotion: { name: 'happy', intensity: 0.8 }, gesture: 'heart-hands' }
        : { text: "That's the end of our tour! Don't forget the quizzes — every ticket is a chance to win!", lang, emotion: { name: 'happy', intensity: 0.8 }, gesture: 'heart-hands' },
    ]);
    // The tour counts as running until her last line has been heard.
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now())));
  }
}

/** What she says at one booth: a transition, the partner's story sentence by sentence, a nudge to the quiz. */
export function narrate(booth: Booth, index: number, of: number, lang: Lang): Line[] {
  const partner = pick(booth.partner, lang);
  const intro =
    lang === 'zh'
      ? index === 0 ? `第一站，${partner}！${pick(booth.tagline, lang)}` : index === of - 1 ? `最后一站，${partner}。${pick(booth.tagline, lang)}` : `下一站，${partner}。${pick(booth.tagline, lang)}`
      : index === 0 ? `First stop: ${partner}! ${pick(booth.tagline, lang)}` : index === of - 1 ? `Last stop: ${partner}. ${pick(booth.tagline, lang)}` : `Next up: ${partner}. ${pick(booth.tagline, lang)}`;
  const sentences = pick(booth.story, lang).match(lang === 'zh' ? /[^。！？!?]+[。！？!?]?/g : /[^.!?]+[.!?]?/g) ?? [];
  const lines: Line[] = [{ text: intro, lang, emotion: { name: 'happy', intensity: 0.6 }, gesture: 'point-product' }];
  for (const s of sentences.map((x) => x.trim()).filter(Boolean)) lines.push({ text: s, lang, emotion: { name: 'calm', intensity: 0.5 } });
  lines.push(
    lang === 'zh'
      ? { text: '展位上有一道小题，答对就送抽奖券！', lang, emotion: { name: 'excited', intensity: 0.5 }, gesture: 'thumbs-up' }
      : { text: 'There is a quiz at this booth — answer it right for a draw ticket!', lang, emotion: { name: 'excited', intensity: 0.5 }, gesture: 'thumbs-up' },
  );
  return lines;
}
