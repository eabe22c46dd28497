import type { Lang } from '@snowstage/protocol';
import type { Rng } from './rng.js';

const REPEAT_PREFIX: Record<Lang, string[]> = {
  zh: ['再说一遍哈，', '给刚进来的朋友说下，', '没错，', '对，', '重复一下，', '划重点，'],
  en: ['Once more: ', 'For anyone just joining: ', 'Yep, ', 'Again, ', 'Quick repeat: ', 'To be clear, '],
};

/**
 * Keeps the host from saying the same line twice within a window (10 minutes by default).
 * `choose` picks a fresh option; `unique` makes a given line fresh by rewording its start.
 */
export class Variety {
  private readonly said = new Map<string, number>();
  constructor(
    private readonly windowMs = 10 * 60_000,
    private readonly rng: Rng = Math.random,
  ) {}

  isFresh(line: string, now: number): boolean {
    const at = this.said.get(line);
    return at === undefined || now - at >= this.windowMs;
  }

  remember(line: string, now: number): void {
    this.said.set(line, now);
    if (this.said.size > 5000) for (const [k, at] of this.said) if (now - at >= this.windowMs) this.said.delete(k);
  }

  /** A random option not said within the window (the least recent one if all were). Does not remember it. */
  choose(options: readonly string[], now: number): string {
    const fresh = options.filter((o) => this.isFresh(o, now));
    if (fresh.length > 0) return fresh[Math.floor(this.rng() * fresh.length)]!;
    return [...options].sort((a, b) => (this.said.get(a) ?? 0) - (this.said.get(b) ?? 0))[0]!;
  }

  /** A fresh option, or null when every option was said within the window (then say nothing). */
  fresh(options: readonly string[], now: number): string | null {
    const fresh = options.filter((o) => this.isFresh(o, now));
    return fresh.length > 0 ? fresh[Math.floor(this.rng() * fresh.length)]! : null;
  }

  /**
   * Returns `line` if fresh, else a reworded version that is (addressed to `name`, or with a lead-in);
   * remembers what it returns.
   */
  unique(line: string, lang: Lang, now: number, name = ''): string {
    let out = line;
    if (!this.isFresh(out, now)) {
      const sep = lang === 'zh' ? '，' : ', ';
      const candidates = [
        ...(name ? [`${name}${sep}${line}`] : []),
        ...REPEAT_PREFIX[lang].map((p) => p + line),
        ...(name ? REPEAT_PREFIX[lang].map((p) => `${name}${sep}${p}${line}`) : []),
      ];
      out = candidates.find((c) => this.isFresh(c, now)) ?? candidates.at(-1)!;
    }
    this.remember(out, now);
    return out;
  }
}
