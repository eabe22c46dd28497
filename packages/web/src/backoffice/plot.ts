import type { SalesPoint } from '@snowstage/protocol';

const PALETTE = ['#4FC3F7', '#F2C14E', '#FF4D6D', '#2EC27E', '#B388FF', '#FF9F43', '#7BDFF2', '#E0E0E0'];

/**
 * Sales per day as an SVG: bars for all stores together, one line per top store. Money in fen,
 * labelled in yuan. Pure (returns a string), so it draws the same in the page and in tests.
 */
export function salesPlot(days: readonly string[], points: readonly SalesPoint[], stores: readonly { id: string; label: string }[], opts: { width?: number; height?: number } = {}): string {
  const W = opts.width ?? 760;
  const H = opts.height ?? 300;
  const pad = { l: 56, r: 12, t: 14, b: 44 };
  const total = days.map((d) => points.filter((p) => p.day === d).reduce((n, p) => n + p.gmv, 0));
  const max = Math.max(100, ...total);
  const x = (i: number) => pad.l + ((i + 0.5) * (W - pad.l - pad.r)) / days.length;
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const bw = Math.max(4, ((W - pad.l - pad.r) / days.length) * 0.6);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const parts: string[] = [];
  for (const v of ticks) parts.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#22325f"/><text x="${pad.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#9fb0d0" font-size="11">¥${Math.round(v / 100)}</text>`);
  total.forEach((v, i) => parts.push(`<rect class="bar" data-day="${days[i]}" data-gmv="${v}" x="${(x(i) - bw / 2).toFixed(1)}" y="${y(v).toFixed(1)}" width="${bw.toFixed(1)}" height="${(H - pad.b - y(v)).toFixed(1)}" fill="#22325f" stroke="#3a4f8a"/>`));
  stores.forEach((s, k) => {
    const c = PALETTE[k % PALETTE.length];
    const pts = days.map((d, i) => `${x(i).toFixed(1)},${y(points.find((p) => p.day === d && p.storeId === s.id)?.gmv ?? 0).toFixed(1)}`);
    parts.push(`<polyline class="line" data-store="${s.id}" points="${pts.join(' ')}" fill="none" stroke="${c}" stroke-width="2.5"/>`);
  });
  days.forEach((d, i) => {
    if (days.length > 10 && i % 2 === 1) return;
    parts.push(`<text x="${x(i).toFixed(1)}" y="${H - pad.b + 16}" text-anchor="middle" fill="#9fb0d0" font-size="11">${d.slice(5)}</text>`);
  });
  const legend = stores.map((s, k) => `<tspan fill="${PALETTE[k % PALETTE.length]}">■ </tspan><tspan fill="#f4f8ff">${esc(s.label)}  </tspan>`).join('');
  parts.push(`<text x="${pad.l}" y="${H - 8}" font-size="11">${legend}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" data-testid="sales-plot">${parts.join('')}</svg>`;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
