import type { Category } from '@snowstage/protocol';

/**
 * A small vector illustration per product category, tinted with the product's card colour, so
 * product cards have a picture without shipping photos. Returns an SVG string (trusted: built here).
 */
const SHAPES: Record<Category, (c: string) => string> = {
  plush: (c) => `
    <circle cx="50" cy="54" r="30" fill="#fff" stroke="${c}" stroke-width="5"/>
    <circle cx="28" cy="28" r="10" fill="#1b2a4a"/><circle cx="72" cy="28" r="10" fill="#1b2a4a"/>
    <ellipse cx="39" cy="52" rx="8" ry="10" fill="#1b2a4a" transform="rotate(-20 39 52)"/>
    <ellipse cx="61" cy="52" rx="8" ry="10" fill="#1b2a4a" transform="rotate(20 61 52)"/>
    <circle cx="40" cy="51" r="3" fill="#fff"/><circle cx="60" cy="51" r="3" fill="#fff"/>
    <ellipse cx="50" cy="63" rx="4" ry="3" fill="#1b2a4a"/>
    <path d="M44 69 q6 5 12 0" stroke="#d7263d" stroke-width="2.5" fill="none" stroke-linecap="round"/>`,
  pin: (c) => `
    <circle cx="50" cy="50" r="32" fill="${c}" stroke="#f2c14e" stroke-width="6"/>
    <path d="M50 30 l5.9 12 13.1 1.9 -9.5 9.2 2.2 13 -11.7-6.2 -11.7 6.2 2.2-13 -9.5-9.2 13.1-1.9z" fill="#fff"/>`,
  apparel: (c) => `
    <path d="M32 20 l-20 12 8 16 10-5 v37 h40 v-37 l10 5 8-16 -20-12 q-8 8 -18 8 q-10 0 -18-8z" fill="${c}" stroke="#1b2a4a" stroke-width="2"/>
    <circle cx="50" cy="52" r="9" fill="#fff" opacity=".9"/>`,
  accessory: (c) => `
    <path d="M18 40 q32 -22 64 0 v10 q-32 -18 -64 0z" fill="${c}"/>
    <rect x="58" y="46" width="14" height="36" rx="4" fill="${c}"/>
    <path d="M60 82 v8 M65 82 v8 M70 82 v8" stroke="${c}" stroke-width="3" stroke-linecap="round"/>
    <path d="M24 44 h52" stroke="#fff" stroke-width="3" stroke-dasharray="4 5"/>`,
  homeware: (c) => `
    <rect x="24" y="28" width="42" height="50" rx="6" fill="${c}"/>
    <path d="M66 40 h8 q10 0 10 12 t-10 12 h-8" stroke="${c}" stroke-width="6" fill="none"/>
    <path d="M36 50 l6 -6 6 6 6 -6" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/>`,
  bag: (c) => `
    <path d="M36 36 q0 -18 14 -18 q14 0 14 18" stroke="#1b2a4a" stroke-width="4" fill="none"/>
    <path d="M22 36 h56 l-5 48 h-46z" fill="${c}"/>
    <path d="M50 52 l3.5 7 7.8 1.1 -5.6 5.5 1.3 7.7 -7-3.7 -7 3.7 1.3-7.7 -5.6-5.5 7.8-1.1z" fill="#fff"/>`,
  stationery: (c) => `
    <rect x="22" y="22" width="50" height="60" rx="4" fill="${c}" transform="rotate(-6 47 52)"/>
    <rect x="30" y="18" width="50" height="60" rx="4" fill="#fff" stroke="${c}" stroke-width="3"/>
    <path d="M38 34 h34 M38 44 h34 M38 54 h22" stroke="${c}" stroke-width="3" stroke-linecap="round"/>`,
  collectible: (c) => `
    <circle cx="50" cy="50" r="30" fill="#e9eef5" stroke="${c}" stroke-width="5"/>
    <circle cx="50" cy="50" r="22" fill="none" stroke="#b8c4d6" stroke-width="2"/>
    <path d="M50 32 v36 M34 41 l32 18 M34 59 l32 -18" stroke="${c}" stroke-width="3.5" stroke-linecap="round"/>`,
};

export function productArt(category: Category, color: string): string {
  const c = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#4FC3F7';
  return `<svg viewBox="0 0 100 100" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">
    <rect width="100" height="100" rx="14" fill="${c}" opacity=".12"/>${SHAPES[category](c)}</svg>`;
}
