/** A document for the index: an id and its search terms (already tokenised). */
export interface Bm25Doc<T> {
  item: T;
  terms: string[];
}

export interface Bm25Hit<T> {
  item: T;
  score: number;
}

/**
 * Okapi BM25 over small in-memory collections (FAQ entries, fun facts, product texts, description clauses).
 * Expects: pre-tokenised documents. Returns hits with score > 0, best first.
 */
export class Bm25<T> {
  private readonly docs: { item: T; tf: Map<string, number>; len: number }[];
  private readonly df = new Map<string, number>();
  private readonly avgLen: number;

  constructor(
    docs: readonly Bm25Doc<T>[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.docs = docs.map((d) => {
      const tf = new Map<string, number>();
      for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { item: d.item, tf, len: d.terms.length };
    });
    this.avgLen = this.docs.reduce((n, d) => n + d.len, 0) / Math.max(1, this.docs.length);
  }

  search(query: readonly string[], limit = 5): Bm25Hit<T>[] {
    const n = this.docs.length;
    const terms = [...new Set(query)];
    const hits: Bm25Hit<T>[] = [];
    for (const d of this.docs) {
      let score = 0;
      for (const t of terms) {
        const f = d.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * d.len) / this.avgLen));
      }
      if (score > 0) hits.push({ item: d.item, score });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
