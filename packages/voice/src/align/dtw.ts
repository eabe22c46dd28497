import type { Features } from './features.js';

/**
 * Dynamic time warping between a reference and a target feature sequence, inside a band around the
 * diagonal (so a 10 s line costs a few million cell updates, not a full matrix search).
 * Returns: for each reference frame, the first target frame the best path reaches it at; i.e. a
 * monotone map from reference time to target time.
 */
export function dtwMap(ref: Features, target: Features, bandShare = 0.3): Int32Array {
  const n = ref.frames;
  const m = target.frames;
  const band = Math.max(30, Math.ceil(Math.max(n, m) * bandShare));
  const INF = Number.POSITIVE_INFINITY;
  const cost = new Float32Array(n * m).fill(INF);
  const d = ref.dims;
  const dist = (i: number, j: number) => {
    let s = 0;
    for (let k = 0; k < d; k++) {
      const x = ref.data[i * d + k]! - target.data[j * d + k]!;
      s += x * x;
    }
    return Math.sqrt(s);
  };
  for (let i = 0; i < n; i++) {
    const centre = (i * (m - 1)) / Math.max(1, n - 1);
    const lo = Math.max(0, Math.floor(centre - band));
    const hi = Math.min(m - 1, Math.ceil(centre + band));
    for (let j = lo; j <= hi; j++) {
      const c = dist(i, j);
      if (i === 0 && j === 0) {
        cost[0] = c;
        continue;
      }
      let best = INF;
      if (i > 0 && j > 0) best = cost[(i - 1) * m + j - 1]!;
      if (i > 0) best = Math.min(best, cost[(i - 1) * m + j]!);
      if (j > 0) best = Math.min(best, cost[i * m + j - 1]!);
      cost[i * m + j] = c + best;
    }
  }
  // Backtrack from the end.
  const first = new Int32Array(n).fill(-1);
  let i = n - 1;
  let j = m - 1;
  for (;;) {
    first[i] = j;
    if (i === 0 && j === 0) break;
    const diag = i > 0 && j > 0 ? cost[(i - 1) * m + j - 1]! : INF;
    const up = i > 0 ? cost[(i - 1) * m + j]! : INF;
    const left = j > 0 ? cost[i * m + j - 1]! : INF;
    if (diag <= up && diag <= left) {
      i--;
      j--;
    } else if (up <= left) i--;
    else j--;
  }
  return first;
}
