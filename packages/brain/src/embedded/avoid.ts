import type { AvoidTopic, Persona } from '@snowstage/protocol';

/**
 * Finds the persona's avoided topic a comment is about, from each topic's keywords: Chinese words as
 * substrings, Latin words and phrases as whole words ("war" is not "warm"). Checked before anything
 * else, so "你怎么看台湾问题" is not read as a shipping question nor "I hurt my knee skiing" as a pitch.
 */
export function avoidedTopicMatcher(persona: Persona): (text: string) => AvoidTopic | null {
  const topics = persona.avoidTopics.map((t) => ({
    topic: t,
    zh: t.keywords.zh.map((k) => k.toLowerCase()),
    en: t.keywords.en.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${t.keywords.en.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu') : null,
  }));
  return (text) => {
    const t = text.normalize('NFKC').toLowerCase();
    for (const x of topics) if (x.zh.some((k) => t.includes(k)) || x.en?.test(t)) return x.topic;
    return null;
  };
}

function escape(s: string): string {
  return s.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
