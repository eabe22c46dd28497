/** A key fact the reply must state, and how to check it in the reply text. */
export type Fact =
  | { price: number[] }
  | { numbers: number[][] }
  | { text: string[] }
  | { all: string[] }
  | { re: string }
  | { maxPrice: number }
  | { products: string[] };

/** Money amounts in fen spoken in a text: "¥128", "¥88.50", "128元", "128 yuan". */
export function moneyIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[¥￥]\s?(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s?(?:元|块|yuan\b|rmb\b)/gi)) {
    out.push(Math.round(Number(m[1] ?? m[2]) * 100));
  }
  return out;
}

/** Standalone numbers (not inside money amounts or longer numbers). */
export function numbersIn(text: string): number[] {
  const stripped = text.replace(/[¥￥]\s?\d+(?:\.\d{1,2})?/g, ' ');
  return [...stripped.matchAll(/(?<![\d.])\d+(?![\d.]\d)/g)].map((m) => Number(m[0]));
}

export function checkFact(fact: Fact, text: string, linked: Set<string>): boolean {
  const lower = text.toLowerCase();
  if ('price' in fact) {
    const spoken = moneyIn(text);
    return fact.price.every((p) => spoken.includes(p));
  }
  if ('numbers' in fact) {
    const nums = numbersIn(text);
    return fact.numbers.some((group) => group.every((n) => nums.includes(n)));
  }
  if ('text' in fact) return fact.text.some((t) => lower.includes(t.toLowerCase()));
  if ('all' in fact) return fact.all.every((t) => lower.includes(t.toLowerCase()));
  if ('re' in fact) return new RegExp(fact.re, 'i').test(text);
  if ('maxPrice' in fact) {
    const spoken = moneyIn(text);
    return spoken.length > 0 && spoken.every((p) => p <= fact.maxPrice);
  }
  return fact.products.some((p) => linked.has(p));
}
