import type { GarmentKind, GarmentTemplate, Product } from '@snowstage/protocol';

const COLORS = {
  white: { hex: '#F5F5F0', name: { zh: '白色', en: 'White' } },
  navy: { hex: '#1B2A4A', name: { zh: '藏青', en: 'Navy' } },
  red: { hex: '#C8102E', name: { zh: '中国红', en: 'China red' } },
  'ice-blue': { hex: '#A7D8F0', name: { zh: '冰蓝', en: 'Ice blue' } },
  black: { hex: '#1C1C1E', name: { zh: '黑色', en: 'Black' } },
  natural: { hex: '#E8DCC2', name: { zh: '本白帆布', en: 'Natural canvas' } },
} as const;
type ColorId = keyof typeof COLORS;
const colors = (...ids: ColorId[]) => ids.map((id) => ({ id, ...COLORS[id] }));

// Mock-up outlines in mm; the print areas are A4-sized (210 × 297 mm) on the shirt.
const TEE_FRONT = 'M210 20 Q300 70 390 20 L540 80 L600 250 L490 300 L470 240 L470 700 Q300 720 130 700 L130 240 L110 300 L0 250 L60 80 Z';
const TEE_BACK = 'M210 20 Q300 40 390 20 L540 80 L600 250 L490 300 L470 240 L470 700 Q300 720 130 700 L130 240 L110 300 L0 250 L60 80 Z';
const TEE_DETAIL = 'M210 20 Q300 88 390 20 M130 240 L130 700 M470 240 L470 700';
const TOTE = 'M20 170 L380 170 L395 600 L5 600 Z M110 170 Q110 10 200 10 Q290 10 290 170 L270 170 Q270 30 200 30 Q130 30 130 170 Z';

/**
 * The garments of the designer: T-shirt (front and back) and tote bag, their colours, sizes,
 * print areas and mock-ups. Each is a catalog product (`custom-*`) whose variants are the blanks
 * in stock, so custom items are bought through the same atomic purchase as everything else.
 */
export const TEMPLATES: Readonly<Record<GarmentKind, GarmentTemplate>> = {
  tshirt: {
    kind: 'tshirt',
    name: { zh: '定制 T 恤', en: 'Custom T-shirt' },
    productId: 'custom-tshirt',
    price: { amount: 15900, currency: 'CNY' },
    sides: ['front', 'back'],
    colors: colors('white', 'navy', 'red', 'ice-blue', 'black'),
    sizes: ['s', 'm', 'l', 'xl', 'xxl'].map((s) => ({ id: s, label: { zh: `${s.toUpperCase()} 码`, en: s.toUpperCase() } })),
    printArea: { front: { w: 210, h: 297 }, back: { w: 210, h: 297 } },
    mockup: { w: 600, h: 730, outline: { front: TEE_FRONT, back: TEE_BACK }, detail: TEE_DETAIL, area: { front: { x: 195, y: 150 }, back: { x: 195, y: 120 } } },
  },
  tote: {
    kind: 'tote',
    name: { zh: '定制帆布袋', en: 'Custom tote bag' },
    productId: 'custom-tote',
    price: { amount: 9900, currency: 'CNY' },
    sides: ['front'],
    colors: colors('natural', 'navy', 'black', 'red'),
    sizes: [{ id: 'one', label: { zh: '均码', en: 'One size' } }],
    printArea: { front: { w: 240, h: 270 } },
    mockup: { w: 400, h: 610, outline: { front: TOTE }, detail: '', area: { front: { x: 80, y: 240 } } },
  },
};

/** The variant id of a blank: `white-m` for a T-shirt, `natural` for a tote (one size). */
export function blankVariantId(t: GarmentTemplate, color: string, size: string): string {
  return t.sizes.length === 1 ? color : `${color}-${size}`;
}

/** The template whose product id this is, or null. */
export function templateOfProduct(productId: string): GarmentTemplate | null {
  return Object.values(TEMPLATES).find((t) => t.productId === productId) ?? null;
}

/** The blank garments as catalog products, with `stock` units of each colour and size. */
export function blankProducts(stock: number): Product[] {
  return Object.values(TEMPLATES).map((t) => ({
    id: t.productId,
    category: t.kind === 'tshirt' ? 'apparel' : 'bag',
    name: t.name,
    description: {
      zh: t.kind === 'tshirt' ? '在门店云货架上自己设计：正面和背面都能印，文字、素材、照片随心搭配。' : '自己设计的帆布托特包：印上你的名字、照片或冬运素材。',
      en: t.kind === 'tshirt' ? 'Design it yourself at the kiosk: print the front and the back with text, clip-art or your photo.' : 'A canvas tote you design yourself: your name, your photo or Winter Games clip-art.',
    },
    aliases: { zh: [t.kind === 'tshirt' ? '定制T恤' : '定制包'], en: [t.kind === 'tshirt' ? 'custom tee' : 'custom bag'] },
    price: t.price,
    color: t.colors[0]!.hex === '#F5F5F0' ? '#4FC3F7' : t.colors[0]!.hex,
    tags: ['custom'],
    variants: t.colors.flatMap((col) =>
      t.sizes.map((s) => ({
        id: blankVariantId(t, col.id, s.id),
        label: t.sizes.length === 1 ? col.name : { zh: `${col.name.zh} ${s.label.zh}`, en: `${col.name.en} ${s.label.en}` },
        ...(t.sizes.length === 1 ? {} : { size: s.id.toUpperCase() }),
        color: col.name,
        stock,
      })),
    ),
  }));
}
