import type { Lang, PublicBooth } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { h } from '../../shared/dom.js';
import { forwardOf, inRect, type HallLayout, type Vec2 } from '../hall/layout.js';
import { BRAND, FONT, isLight } from '../hall/paint.js';
import { st } from '../strings.js';

const W = 170;
const H = 250;
const PAD = 8;

export type MapTarget = { kind: 'booth'; boothId: string } | { kind: 'point'; point: Vec2 };

/**
 * The hall seen from above, north up: avenue, plaza, booths in their colours (stamped ones with a
 * tick), the timeline rotunda, the guide and the fan. Clicking a booth travels there; clicking
 * elsewhere walks to that spot.
 */
export class Minimap {
  readonly el: HTMLElement;
  private readonly canvas = h('canvas', { class: 'minimap-canvas', 'data-testid': 'minimap', width: W, height: H });
  private readonly base = document.createElement('canvas');
  private readonly scale: number;
  private readonly ox: number;
  private readonly oz: number;
  private stamps = new Set<string>();
  private dirty = true;

  constructor(
    private lang: Lang,
    private readonly layout: HallLayout,
    private readonly booths: PublicBooth[],
    onPick: (t: MapTarget) => void,
  ) {
    const b = layout.bounds;
    this.scale = Math.min((W - 2 * PAD) / (b.x1 - b.x0), (H - 2 * PAD) / (b.z1 - b.z0));
    this.ox = W / 2 - ((b.x0 + b.x1) / 2) * this.scale;
    this.oz = H / 2 - ((b.z0 + b.z1) / 2) * this.scale;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    for (const c of [this.canvas, this.base]) {
      c.width = W * dpr;
      c.height = H * dpr;
    }
    this.canvas.style.width = `${W}px`;
    this.canvas.style.height = `${H}px`;
    this.canvas.title = st(lang, 'minimap');
    this.el = h('div', { class: 'minimap' }, this.canvas);
    this.canvas.addEventListener('click', (e) => {
      const r = this.canvas.getBoundingClientRect();
      const p = this.toWorld(((e.clientX - r.left) / r.width) * W, ((e.clientY - r.top) / r.height) * H);
      const booth = layout.booths.find((s) => inRect(p, s.area, 1));
      onPick(booth ? { kind: 'booth', boothId: booth.id } : { kind: 'point', point: p });
    });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.canvas.title = st(lang, 'minimap');
    this.dirty = true;
  }

  setStamps(stamps: string[]): void {
    const next = new Set(stamps);
    if (next.size !== this.stamps.size || [...next].some((s) => !this.stamps.has(s))) {
      this.stamps = next;
      this.dirty = true;
    }
  }

  /** Map pixel (CSS px) of a world point. */
  toMap(p: Vec2): { x: number; y: number } {
    return { x: this.ox + p.x * this.scale, y: this.oz + p.z * this.scale };
  }

  toWorld(x: number, y: number): Vec2 {
    return { x: (x - this.ox) / this.scale, z: (y - this.oz) / this.scale };
  }

  private drawBase(): void {
    const dpr = this.base.width / W;
    const ctx = this.base.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = 'rgba(12, 21, 48, 0.82)';
    ctx.beginPath();
    ctx.roundRect(0, 0, W, H, 12);
    ctx.fill();
    const L = this.layout;
    const s = this.scale;
    const a0 = this.toMap({ x: L.avenue.x0, z: L.avenue.z0 });
    ctx.fillStyle = '#33466f';
    ctx.fillRect(a0.x, a0.y, (L.avenue.x1 - L.avenue.x0) * s, (L.avenue.z1 - L.avenue.z0) * s);
    ctx.fillStyle = BRAND.red;
    ctx.fillRect(this.toMap({ x: -2.4, z: 0 }).x, a0.y, 4.8 * s, (L.avenue.z1 - L.avenue.z0) * s);
    const circle = (c: Vec2, r: number, fill: string) => {
      const m = this.toMap(c);
      ctx.fillStyle = fill;
      ctx.beginPath();
      ctx.arc(m.x, m.y, r * s, 0, Math.PI * 2);
      ctx.fill();
    };
    circle(L.plaza.c, L.plaza.r, '#3d5588');
    circle(L.monument.c, L.monument.r, BRAND.ice);
    circle(L.rotunda.center, L.rotunda.radius, '#3d5588');
    // Timeline panels as ticks on the arc.
    ctx.strokeStyle = BRAND.gold;
    ctx.lineWidth = 3;
    for (const p of L.rotunda.panels) {
      const m = this.toMap(p.pos);
      const f = forwardOf(p.yaw);
      ctx.beginPath();
      ctx.moveTo(m.x - f.z * 1.4 * s, m.y + f.x * 1.4 * s);
      ctx.lineTo(m.x + f.z * 1.4 * s, m.y - f.x * 1.4 * s);
      ctx.stroke();
    }
    ctx.font = `700 9px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const slot of L.booths) {
      const booth = this.booths.find((b) => b.id === slot.id);
      if (!booth) continue;
      const m0 = this.toMap({ x: slot.area.x0, z: slot.area.z0 });
      const w = (slot.area.x1 - slot.area.x0) * s;
      const hgt = (slot.area.z1 - slot.area.z0) * s;
      ctx.fillStyle = booth.color;
      ctx.beginPath();
      ctx.roundRect(m0.x + 1, m0.y + 1, w - 2, hgt - 2, 3);
      ctx.fill();
      ctx.fillStyle = isLight(booth.color) ? BRAND.navy : '#fff';
      const label = pick(booth.partner, this.lang);
      ctx.fillText(this.lang === 'zh' ? label.slice(0, 2) : booth.logoText.slice(0, 4), m0.x + w / 2, m0.y + hgt / 2 - (this.stamps.has(slot.id) ? 5 : 0));
      if (this.stamps.has(slot.id)) {
        ctx.fillStyle = BRAND.gold;
        ctx.fillText('✓', m0.x + w / 2, m0.y + hgt / 2 + 7);
      }
    }
    this.dirty = false;
  }

  /** Redraws: the base when it changed, then the guide and the fan on top. */
  draw(fan: Vec2, fanYaw: number, guide: Vec2 | null): void {
    if (this.dirty) this.drawBase();
    const dpr = this.canvas.width / W;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.base, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (guide) {
      const g = this.toMap(guide);
      ctx.fillStyle = BRAND.red;
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(g.x, g.y, 4.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
    const m = this.toMap(fan);
    const f = forwardOf(fanYaw);
    ctx.save();
    ctx.translate(m.x, m.y);
    ctx.rotate(Math.atan2(f.z, f.x) + Math.PI / 2);
    ctx.fillStyle = BRAND.gold;
    ctx.strokeStyle = BRAND.navy;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(0, -7);
    ctx.lineTo(5, 5);
    ctx.lineTo(0, 2.5);
    ctx.lineTo(-5, 5);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  }
}
