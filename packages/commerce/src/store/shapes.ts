import type { ShapeKind } from '@snowstage/protocol';
import { num } from './svg-num.js';

/**
 * Path data of a shape filling a `w × h` box centred on the origin. Pure and deterministic, so the
 * designer's preview and the print file draw the same outline.
 */
export function shapePath(kind: ShapeKind, w: number, h: number): string {
  const hw = w / 2;
  const hh = h / 2;
  const P = (x: number, y: number) => `${num(x * hw)} ${num(y * hh)}`;
  switch (kind) {
    case 'rect':
      return `M${P(-1, -1)}H${num(hw)}V${num(hh)}H${num(-hw)}Z`;
    case 'ellipse':
      return `M${P(-1, 0)}A${num(hw)} ${num(hh)} 0 1 0 ${P(1, 0)}A${num(hw)} ${num(hh)} 0 1 0 ${P(-1, 0)}Z`;
    case 'triangle':
      return `M${P(0, -1)}L${P(1, 1)}L${P(-1, 1)}Z`;
    case 'star': {
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? 1 : 0.42;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push(P(r * Math.cos(a), r * Math.sin(a) * 1.05 + 0.05));
      }
      return `M${pts.join('L')}Z`;
    }
    case 'heart':
      return `M${P(0, 1)}C${P(-0.35, 0.7)} ${P(-1, 0.25)} ${P(-1, -0.35)}C${P(-1, -0.85)} ${P(-0.45, -1.05)} ${P(0, -0.6)}C${P(0.45, -1.05)} ${P(1, -0.85)} ${P(1, -0.35)}C${P(1, 0.25)} ${P(0.35, 0.7)} ${P(0, 1)}Z`;
    case 'snowflake': {
      // Six arms with two barbs each, as thin quads (filled, so one fill colour draws it).
      const parts: string[] = [];
      const t = 0.07;
      const arm = (a: number, r0: number, r1: number, width: number) => {
        const c = Math.cos(a);
        const s = Math.sin(a);
        const px = -s * width;
        const py = c * width;
        parts.push(`M${P(c * r0 + px, s * r0 + py)}L${P(c * r1 + px, s * r1 + py)}L${P(c * r1 - px, s * r1 - py)}L${P(c * r0 - px, s * r0 - py)}Z`);
      };
      for (let i = 0; i < 6; i++) {
        const a = (i * Math.PI) / 3;
        arm(a, 0, 1, t);
        for (const side of [-1, 1]) {
          const bx = Math.cos(a) * 0.55;
          const by = Math.sin(a) * 0.55;
          const ba = a + side * (Math.PI / 4);
          const c = Math.cos(ba);
          const s = Math.sin(ba);
          const px = -s * t * 0.8;
          const py = c * t * 0.8;
          parts.push(`M${P(bx + px, by + py)}L${P(bx + c * 0.35 + px, by + s * 0.35 + py)}L${P(bx + c * 0.35 - px, by + s * 0.35 - py)}L${P(bx - px, by - py)}Z`);
        }
      }
      return parts.join('');
    }
  }
}
