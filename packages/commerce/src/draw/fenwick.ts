/**
 * A Fenwick (binary indexed) tree over integer weights: O(log n) weight updates and
 * "which item holds the r-th unit of weight" lookups — weighted sampling without a linear scan.
 */
export class Fenwick {
  private readonly tree: Float64Array;
  private readonly weights: Float64Array;
  private totalWeight = 0;
  private readonly topBit: number;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.weights = Float64Array.from(weights);
    this.tree = new Float64Array(n + 1);
    // Linear-time build.
    for (let i = 1; i <= n; i++) {
      this.tree[i]! += this.weights[i - 1]!;
      const parent = i + (i & -i);
      if (parent <= n) this.tree[parent]! += this.tree[i]!;
      this.totalWeight += this.weights[i - 1]!;
    }
    let bit = 1;
    while (bit * 2 <= n) bit *= 2;
    this.topBit = n === 0 ? 0 : bit;
  }

  get total(): number {
    return this.totalWeight;
  }

  weight(i: number): number {
    return this.weights[i]!;
  }

  set(i: number, w: number): void {
    const delta = w - this.weights[i]!;
    if (delta === 0) return;
    this.weights[i] = w;
    this.totalWeight += delta;
    for (let j = i + 1; j < this.tree.length; j += j & -j) this.tree[j]! += delta;
  }

  /** The index of the item that holds unit `r` (0 ≤ r < total): the smallest i with prefix(i) > r. */
  find(r: number): number {
    let pos = 0;
    let rest = r;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = pos + bit;
      if (next < this.tree.length && this.tree[next]! <= rest) {
        pos = next;
        rest -= this.tree[next]!;
      }
    }
    return pos; // 0-based item index
  }
}
