/** Easing curves on [0, 1] → [0, 1] (outBack overshoots a little) and small scalar helpers. */

export type Ease = (t: number) => number;

export const clamp = (x: number, lo = 0, hi = 1): number => (x < lo ? lo : x > hi ? hi : x);
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

export const EASES = {
  linear: (t: number) => t,
  inOutSine: (t: number) => 0.5 - 0.5 * Math.cos(Math.PI * t),
  inOutCubic: (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2),
  outCubic: (t: number) => 1 - (1 - t) ** 3,
  inCubic: (t: number) => t * t * t,
  outBack: (t: number) => {
    const c1 = 1.4;
    const c3 = c1 + 1;
    return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2;
  },
} satisfies Record<string, Ease>;
export type EaseName = keyof typeof EASES;

/** Smooth 0→1 ramp between `a` and `b` (either order gives a ramp up from a to b). */
export function smoothstep(a: number, b: number, x: number): number {
  const t = clamp((x - a) / (b - a));
  return t * t * (3 - 2 * t);
}

/**
 * A fade-in/fade-out envelope for something that runs from 0 to `total` ms:
 * rises over `inMs`, falls over the last `outMs`, 0 outside. Smooth at both ends.
 */
export function envelope(t: number, total: number, inMs: number, outMs: number): number {
  if (t <= 0 || t >= total) return 0;
  const up = inMs > 0 ? EASES.inOutSine(clamp(t / inMs)) : 1;
  const down = outMs > 0 ? EASES.inOutSine(clamp((total - t) / outMs)) : 1;
  return Math.min(up, down);
}
