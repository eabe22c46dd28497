import { z } from 'zod';
import { LocalizedText } from './i18n.js';
import { Money } from './money.js';
import { EpochMs, IdempotencyKey, Slug } from './ids.js';
import { OrderStatus } from './commerce.js';

/**
 * The Cloud Store: kiosks in physical shops (a store registry), the merch designer's design
 * document, kiosk checkout, fulfilment timelines and delivery estimates. Shared by the server and
 * the kiosk, track and back-office pages.
 */

// ── store registry ───────────────────────────────────────────────────────────

/** A store id such as `cs-bj-0042` (city code + number). */
export const StoreId = z.string().regex(/^cs-[a-z]{2,4}-\d{4}$/, 'a store id such as cs-bj-0042');

/** A physical shop whose kiosk takes Cloud Store orders; orders are attributed to it. */
export const StoreRecord = z.object({
  id: StoreId,
  name: LocalizedText,
  city: LocalizedText,
  province: LocalizedText,
  address: LocalizedText,
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export type StoreRecord = z.infer<typeof StoreRecord>;

// ── design document ──────────────────────────────────────────────────────────

export const Hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1B2A4A');
export const GarmentKind = z.enum(['tshirt', 'tote']);
export type GarmentKind = z.infer<typeof GarmentKind>;
export const DesignSide = z.enum(['front', 'back']);
export type DesignSide = z.infer<typeof DesignSide>;
export const ShapeKind = z.enum(['rect', 'ellipse', 'triangle', 'star', 'heart', 'snowflake']);
export type ShapeKind = z.infer<typeof ShapeKind>;

/** Limits of a design; the designer and the server enforce the same numbers. */
export const DESIGN_LIMITS = {
  layersPerSide: 20,
  textChars: 40,
  /** Smallest box side, mm (before scale). */
  minBoxMm: 2,
  maxBoxMm: 600,
  minScale: 0.05,
  maxScale: 10,
  /** Uploaded images: types, bytes, and the smallest effective resolution at the printed size. */
  uploadTypes: ['image/png', 'image/jpeg'] as const,
  uploadMaxBytes: 8 * 1024 * 1024,
  uploadMaxPixels: 40_000_000,
  minPrintDpi: 150,
  /** Print files are rendered at this resolution. */
  printDpi: 300,
} as const;

/**
 * Every layer is a box `w × h` mm centred at (x, y) mm from the print area's top-left corner,
 * scaled by `scale` and rotated by `rotation` degrees (clockwise) about its centre. Layers are
 * drawn in array order: the first is at the bottom (z-order = index).
 */
const LayerBase = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().min(DESIGN_LIMITS.minBoxMm).max(DESIGN_LIMITS.maxBoxMm),
  h: z.number().min(DESIGN_LIMITS.minBoxMm).max(DESIGN_LIMITS.maxBoxMm),
  scale: z.number().min(DESIGN_LIMITS.minScale).max(DESIGN_LIMITS.maxScale),
  rotation: z.number().min(-360).max(360),
};

/** Text is drawn in Noto Sans SC, fitted (contain) into its box. */
export const TextLayer = z.object({
  ...LayerBase,
  kind: z.literal('text'),
  text: z.string().trim().min(1).max(DESIGN_LIMITS.textChars).refine((s) => !/[\n\r\u0000-\u001f]/.test(s), 'one line of printable text'),
  color: Hex,
  weight: z.union([z.literal(400), z.literal(700)]),
});
export const ClipartLayer = z.object({ ...LayerBase, kind: z.literal('clipart'), clipartId: Slug });
/** An uploaded image, by the content id the upload returned. */
export const ImageLayer = z.object({ ...LayerBase, kind: z.literal('image'), imageId: z.string().regex(/^img_[a-f0-9]{32}$/) });
export const ShapeLayer = z.object({ ...LayerBase, kind: z.literal('shape'), shape: ShapeKind, fill: Hex, stroke: Hex.nullable() });
export const Layer = z.discriminatedUnion('kind', [TextLayer, ClipartLayer, ImageLayer, ShapeLayer]);
export type Layer = z.infer<typeof Layer>;
export type TextLayer = z.infer<typeof TextLayer>;
export type ImageLayer = z.infer<typeof ImageLayer>;

/** A custom product's design: the garment, its colour, and the layers of each printed side. */
export const DesignDoc = z.object({
  v: z.literal(1),
  garment: GarmentKind,
  color: Slug,
  sides: z.object({
    front: z.array(Layer).max(DESIGN_LIMITS.layersPerSide).default([]),
    back: z.array(Layer).max(DESIGN_LIMITS.layersPerSide).default([]),
  }),
});
export type DesignDoc = z.infer<typeof DesignDoc>;

/** A print area's size in mm. */
export interface PrintArea {
  w: number;
  h: number;
}

/** A garment the designer offers (served by the API; the data lives in commerce). */
export interface GarmentTemplate {
  kind: GarmentKind;
  name: LocalizedText;
  productId: string;
  price: Money;
  sides: DesignSide[];
  colors: { id: string; hex: string; name: LocalizedText }[];
  sizes: { id: string; label: LocalizedText }[];
  printArea: Partial<Record<DesignSide, PrintArea>>;
  /** The mock-up: an outline path in mm, and where each side's print area sits on it. */
  mockup: { w: number; h: number; outline: Partial<Record<DesignSide, string>>; detail: string; area: Partial<Record<DesignSide, { x: number; y: number }>> };
}

/** The four corners of a layer's rotated, scaled box, in print-area mm. */
export function layerCorners(l: Pick<Layer, 'x' | 'y' | 'w' | 'h' | 'scale' | 'rotation'>): [number, number][] {
  const hw = (l.w * l.scale) / 2;
  const hh = (l.h * l.scale) / 2;
  const a = (l.rotation * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([px, py]) => [l.x + px! * c - py! * s, l.y + px! * s + py! * c] as [number, number]);
}

/** The axis-aligned bounds of a layer's rotated box. */
export function layerBounds(l: Pick<Layer, 'x' | 'y' | 'w' | 'h' | 'scale' | 'rotation'>): { minX: number; minY: number; maxX: number; maxY: number } {
  const pts = layerCorners(l);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Tolerance for "inside the print area", mm (rounding of client coordinates). */
export const CLAMP_EPSILON_MM = 0.01;

/**
 * The print-area rule the designer applies while dragging and the server applies on save:
 * shrinks a layer until its rotated box fits the area, then slides it fully inside.
 * Returns a new layer (the same object when nothing had to change).
 */
export function clampLayer<L extends Pick<Layer, 'x' | 'y' | 'w' | 'h' | 'scale' | 'rotation'>>(l: L, area: PrintArea): L {
  let out = l;
  let b = layerBounds(out);
  const bw = b.maxX - b.minX;
  const bh = b.maxY - b.minY;
  const fit = Math.min(1, area.w / bw, area.h / bh);
  if (fit < 1) {
    out = { ...out, scale: Math.max(DESIGN_LIMITS.minScale, out.scale * fit * 0.9999) };
    b = layerBounds(out);
  }
  let dx = 0;
  let dy = 0;
  if (b.minX < 0) dx = -b.minX;
  else if (b.maxX > area.w) dx = area.w - b.maxX;
  if (b.minY < 0) dy = -b.minY;
  else if (b.maxY > area.h) dy = area.h - b.maxY;
  if (dx !== 0 || dy !== 0) out = { ...out, x: out.x + dx, y: out.y + dy };
  return out;
}

/** True when the layer's rotated box lies inside the area (within CLAMP_EPSILON_MM). */
export function insideArea(l: Pick<Layer, 'x' | 'y' | 'w' | 'h' | 'scale' | 'rotation'>, area: PrintArea): boolean {
  const b = layerBounds(l);
  const e = CLAMP_EPSILON_MM;
  return b.minX >= -e && b.minY >= -e && b.maxX <= area.w + e && b.maxY <= area.h + e;
}

/** What saving a design returns: its content id and where its rendered files are. */
export const SavedDesign = z.object({
  designId: z.string().regex(/^d_[a-f0-9]{32}$/),
  garment: GarmentKind,
  previewUrl: z.string(),
  prints: z.array(z.object({ side: DesignSide, pngUrl: z.string(), svgUrl: z.string(), widthPx: z.number().int(), heightPx: z.number().int(), dpi: z.number().int() })),
});
export type SavedDesign = z.infer<typeof SavedDesign>;

// ── checkout ────────────────────────────────────────────────────────────────

export const DeliveryAddress = z.object({
  name: z.string().trim().min(1).max(40),
  phone: z.string().trim().regex(/^\+?[0-9 -]{6,20}$/, 'a phone number'),
  province: z.string().trim().max(40).default(''),
  city: z.string().trim().min(1).max(40),
  district: z.string().trim().max(40).default(''),
  line: z.string().trim().min(1).max(120),
});
export type DeliveryAddress = z.infer<typeof DeliveryAddress>;

/** A cart line: a catalog item from stock, or a custom item made from a saved design. */
export const CartLine = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stock'), productId: Slug, variantId: Slug, qty: z.number().int().min(1).max(20) }),
  z.object({ kind: z.literal('custom'), designId: SavedDesign.shape.designId, variantId: Slug, qty: z.number().int().min(1).max(20) }),
]);
export type CartLine = z.infer<typeof CartLine>;

/** Checkout keys are shorter than other idempotency keys: each line's purchase key is derived from it. */
export const CheckoutKey = z.string().regex(/^[A-Za-z0-9_-]{8,48}$/, '8-48 chars of A-Z a-z 0-9 _ -');

export const CheckoutRequest = z.object({
  storeId: StoreId,
  lines: z.array(CartLine).min(1).max(10),
  address: DeliveryAddress,
  key: CheckoutKey,
});
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/** "Within 2–3 days" for a delivery city. */
export const DeliveryEstimate = z.object({ minDays: z.number().int().positive(), maxDays: z.number().int().positive(), text: LocalizedText, zone: z.enum(['same-city', 'near', 'national', 'remote']) });
export type DeliveryEstimate = z.infer<typeof DeliveryEstimate>;

export const TimelineEntry = z.object({ status: z.union([OrderStatus, z.literal('produced')]), at: EpochMs });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** One line of a kiosk checkout as the shopper and the back office see it. */
export const KioskOrder = z.object({
  orderId: z.string(),
  checkoutId: z.string(),
  storeId: StoreId,
  kind: z.enum(['stock', 'custom']),
  productId: Slug,
  variantId: Slug,
  name: LocalizedText,
  qty: z.number().int().positive(),
  total: Money,
  status: OrderStatus,
  designId: z.string().nullable(),
  producedAt: EpochMs.nullable(),
  timeline: z.array(TimelineEntry),
  createdAt: EpochMs,
});
export type KioskOrder = z.infer<typeof KioskOrder>;

export const KioskCheckout = z.object({
  id: z.string(),
  storeId: StoreId,
  key: CheckoutKey,
  orders: z.array(KioskOrder),
  total: Money,
  /** Name and phone masked for display (the tracking page is public to whoever holds the id). */
  address: DeliveryAddress,
  /** The link the kiosk shows as a QR code; opening it lets the shopper pay. */
  paymentUrl: z.string(),
  estimate: DeliveryEstimate,
  createdAt: EpochMs,
});
export type KioskCheckout = z.infer<typeof KioskCheckout>;

export const PayRequest = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** Back-office actions on one kiosk order. */
export const FulfilAction = z.enum(['produced', 'ship', 'deliver', 'cancel', 'refund']);
export type FulfilAction = z.infer<typeof FulfilAction>;

export const SalesPoint = z.object({ storeId: StoreId, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), orders: z.number().int(), units: z.number().int(), gmv: z.number().int() });
export type SalesPoint = z.infer<typeof SalesPoint>;
