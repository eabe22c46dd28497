/**
 * What the hall's signs look like: canvas painters for logos, name signs, exhibit plaques,
 * timeline panels and banners (in the current language), and SVG pictures rasterised for textures.
 */
export const FONT = `'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', system-ui, sans-serif`;
export const BRAND = { red: '#D7263D', ice: '#4FC3F7', navy: '#1B2A4A', gold: '#F2C14E', snow: '#F4F8FF' } as const;

type Ctx = CanvasRenderingContext2D;

/** Splits text into lines that fit `maxWidth`: by words for Latin text, by characters for CJK; an ellipsis ends a cut text. */
export function wrap(ctx: Ctx, text: string, maxWidth: number, maxLines = 99): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = line + tok;
    if (line.trim() && ctx.measureText(next.trimEnd()).width > maxWidth) {
      lines.push(line.trimEnd());
      if (lines.length === maxLines) break;
      line = tok.trimStart();
    } else line = next;
  }
  if (lines.length < maxLines && line.trim()) lines.push(line.trim());
  const cut = i < tokens.length && tokens.slice(i).some((t) => t.trim());
  if (cut) {
    let last = lines[lines.length - 1]!;
    while (last.length > 1 && ctx.measureText(last + '…').width > maxWidth) last = last.slice(0, -1).trimEnd();
    lines[lines.length - 1] = last + '…';
  }
  return lines;
}

/** Sets the largest bold font (≤ max px) in which `text` fits `width` (text width grows linearly with size). */
function fitFont(ctx: Ctx, text: string, width: number, max: number, weight = 800): number {
  ctx.font = `${weight} ${max}px ${FONT}`;
  const w = ctx.measureText(text).width;
  const size = w <= width ? max : Math.max(10, Math.floor((max * width) / w));
  if (size !== max) ctx.font = `${weight} ${size}px ${FONT}`;
  return size;
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** A small six-armed snowflake, the hall's emblem. */
export function snowflake(ctx: Ctx, cx: number, cy: number, r: number, color: string, width = r / 5): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.translate(cx, cy);
  for (let i = 0; i < 6; i++) {
    ctx.rotate(Math.PI / 3);
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.lineTo(0, -r);
    ctx.moveTo(0, -r * 0.55);
    ctx.lineTo(r * 0.25, -r * 0.8);
    ctx.moveTo(0, -r * 0.55);
    ctx.lineTo(-r * 0.25, -r * 0.8);
    ctx.stroke();
  }
  ctx.restore();
}

/** The partner's wordmark on its brand colour (fascia and back wall). */
export function paintLogo(ctx: Ctx, w: number, h: number, logoText: string, color: string): void {
  const g = ctx.createLinearGradient(0, 0, 0, h);
  g.addColorStop(0, shade(color, 0.18));
  g.addColorStop(1, shade(color, -0.12));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(0, h - h * 0.06, w, h * 0.06);
  const textColor = isLight(color) ? BRAND.navy : '#FFFFFF';
  snowflake(ctx, h * 0.55, h * 0.47, h * 0.28, textColor, h * 0.05);
  const size = fitFont(ctx, logoText, w - h * 1.4, h * 0.62, 900);
  ctx.fillStyle = textColor;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillText(logoText, w / 2 + h * 0.35, h * 0.5 + size * 0.04);
}

/** The partner's name and tagline in the current language. */
export function paintNameSign(ctx: Ctx, w: number, h: number, name: string, tagline: string, color: string): void {
  ctx.fillStyle = BRAND.snow;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, h * 0.1, h);
  ctx.fillRect(0, h - h * 0.05, w, h * 0.05);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  fitFont(ctx, name, w - h * 0.5, h * 0.42);
  ctx.fillStyle = isLight(color) ? BRAND.navy : color;
  ctx.fillText(name, h * 0.28, h * 0.5);
  fitFont(ctx, tagline, w - h * 0.5, h * 0.24, 600);
  ctx.fillStyle = BRAND.navy;
  ctx.fillText(tagline, h * 0.28, h * 0.83);
}

/** A plaque with the exhibit's title, in front of its plinth. */
export function paintPlaque(ctx: Ctx, w: number, h: number, title: string, color: string): void {
  ctx.fillStyle = BRAND.navy;
  roundRect(ctx, 0, 0, w, h, h * 0.2);
  ctx.fill();
  ctx.fillStyle = color;
  ctx.fillRect(h * 0.2, h - h * 0.14, w - h * 0.4, h * 0.08);
  ctx.fillStyle = '#FFFFFF';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  fitFont(ctx, title, w - h * 0.4, h * 0.5, 700);
  ctx.fillText(title, w / 2, h * 0.45);
}

/** One dated panel of the timeline wall. */
export function paintPanel(ctx: Ctx, w: number, h: number, m: { date: string; title: string; text: string }, color: string, index: number, total: number): void {
  ctx.fillStyle = BRAND.snow;
  ctx.fillRect(0, 0, w, h);
  const band = h * 0.3;
  const g = ctx.createLinearGradient(0, 0, w, band);
  g.addColorStop(0, color);
  g.addColorStop(1, shade(color, -0.25));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, band);
  const [year, month] = m.date.split('-');
  ctx.fillStyle = '#FFFFFF';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `900 ${Math.round(band * 0.62)}px ${FONT}`;
  ctx.fillText(year!, w * 0.08, band * 0.72);
  if (month) {
    const yw = ctx.measureText(year!).width;
    ctx.font = `700 ${Math.round(band * 0.3)}px ${FONT}`;
    ctx.fillStyle = BRAND.gold;
    ctx.fillText(`.${month}`, w * 0.08 + yw + 4, band * 0.72);
  }
  // The thread of the timeline: a dot on a line that runs through every panel.
  ctx.fillStyle = BRAND.gold;
  ctx.fillRect(0, band, w, h * 0.025);
  ctx.beginPath();
  ctx.arc(w * 0.12, band + h * 0.0125, h * 0.03, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = BRAND.navy;
  ctx.font = `800 ${Math.round(h * 0.075)}px ${FONT}`;
  let y = band + h * 0.15;
  for (const line of wrap(ctx, m.title, w * 0.84, 2)) {
    ctx.fillText(line, w * 0.08, y);
    y += h * 0.09;
  }
  ctx.fillStyle = '#3A4A6B';
  ctx.font = `500 ${Math.round(h * 0.052)}px ${FONT}`;
  y += h * 0.02;
  for (const line of wrap(ctx, m.text, w * 0.84, 4)) {
    ctx.fillText(line, w * 0.08, y);
    y += h * 0.068;
  }
  ctx.fillStyle = color;
  ctx.font = `700 ${Math.round(h * 0.04)}px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.fillText(`${index + 1} / ${total}`, w * 0.92, h * 0.95);
}

/** A festive banner: title in gold on red with snowflakes (gate, rotunda). */
export function paintBanner(ctx: Ctx, w: number, h: number, title: string, sub: string, bg: string = BRAND.red): void {
  const g = ctx.createLinearGradient(0, 0, 0, h);
  g.addColorStop(0, shade(bg, 0.12));
  g.addColorStop(1, shade(bg, -0.18));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = BRAND.gold;
  ctx.lineWidth = h * 0.04;
  ctx.strokeRect(h * 0.06, h * 0.06, w - h * 0.12, h - h * 0.12);
  snowflake(ctx, h * 0.5, h * 0.5, h * 0.26, BRAND.snow, h * 0.045);
  snowflake(ctx, w - h * 0.5, h * 0.5, h * 0.26, BRAND.snow, h * 0.045);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = BRAND.gold;
  fitFont(ctx, title, w - h * 2.2, sub ? h * 0.5 : h * 0.62, 900);
  ctx.fillText(title, w / 2, sub ? h * 0.58 : h * 0.7);
  if (sub) {
    ctx.fillStyle = BRAND.snow;
    fitFont(ctx, sub, w - h * 2.2, h * 0.2, 600);
    ctx.fillText(sub, w / 2, h * 0.84);
  }
}

/** Rasterises a self-contained SVG (drawn through an <img>, so nothing in it can run). */
export async function loadSvg(svg: string, size: number): Promise<HTMLImageElement> {
  const sized = /<svg[^>]*\swidth=/.test(svg) ? svg : svg.replace('<svg', `<svg width='${size}' height='${size}'`);
  const img = new Image(size, size);
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(sized);
  await img.decode();
  return img;
}

/** A colour lightened (amount > 0) or darkened (< 0). */
export function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (v: number) => Math.round(amount >= 0 ? v + (255 - v) * amount : v * (1 + amount));
  const r = ch((n >> 16) & 255);
  const g = ch((n >> 8) & 255);
  const b = ch(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

export function isLight(hex: string): boolean {
  const n = parseInt(hex.slice(1), 16);
  const lum = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return lum > 165;
}
