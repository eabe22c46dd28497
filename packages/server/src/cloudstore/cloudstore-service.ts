import { randomBytes } from 'node:crypto';
import {
  blankProducts,
  blankVariantId,
  checkoutFingerprint,
  contentId,
  estimateDelivery,
  holdsStock,
  kioskBuyer,
  linePurchase,
  maskAddress,
  planFulfilment,
  TEMPLATES,
  templateOfProduct,
  validateDesign,
  type CheckoutRecord,
  type KioskLineRecord,
  type KioskLineView,
  type PurchaseResult,
} from '@snowstage/commerce';
import {
  AppError,
  DesignDoc,
  type CheckoutRequest,
  type FulfilAction,
  type KioskCheckout,
  type KioskOrder,
  type LocalizedText,
  type Product,
  type SavedDesign,
  type TimelineEntry,
} from '@snowstage/protocol';
import type { Store } from '../store/store.js';
import { newId } from '../ids.js';
import type { PrintRenderer } from './renderer.js';
import type { ImageStore } from './image-store.js';
import type { ClipartLibrary } from './clipart.js';
import type { PrintFiles } from './print-files.js';
import { generateStores } from './store-registry.js';

export interface CloudStoreServiceOptions {
  store: Store;
  renderer: PrintRenderer;
  images: ImageStore;
  clipart: ClipartLibrary;
  files: PrintFiles;
  /** The content blocklist: the first blocked word in a text, or null. */
  blocklist: { find(text: string): string | null };
  now: () => number;
  /** Stores to generate into an empty registry. @default 7200 */
  storeCount?: number;
  /** Units of every blank garment colour and size seeded once. @default 500 */
  blankStock?: number;
}

/**
 * The Cloud Store's use cases: designs (validate, render, save), kiosk checkout (atomic purchases
 * through the CommerceStore, idempotent by key), payment, fulfilment through the kiosk order
 * state machine, tracking views and the back office's reads.
 */
export class CloudStoreService {
  private readonly names = new Map<string, LocalizedText>();
  private readonly rendering = new Map<string, Promise<SavedDesign>>();

  constructor(private readonly o: CloudStoreServiceOptions) {}

  private get cs() {
    return this.o.store.cloudstore;
  }

  /** Seeds the blank garments (once: their stock is never reset) and an empty store registry. */
  async init(): Promise<void> {
    const blanks = blankProducts(this.o.blankStock ?? 500);
    const missing: Product[] = [];
    for (const b of blanks) if (!(await this.o.store.getProduct(b.id))) missing.push(b);
    if (missing.length) await this.o.store.upsertProducts(missing);
    if ((await this.cs.countStores()) === 0) await this.cs.upsertStores(generateStores(this.o.storeCount ?? 7200));
    for (const p of await this.o.store.listProducts()) this.names.set(p.id, p.name);
  }

  /** The kiosk's shelf: every catalog product except the blanks, which the designer sells. */
  async shelf(): Promise<Product[]> {
    return (await this.o.store.listProducts()).filter((p) => !templateOfProduct(p.id));
  }

  // ── designs ──────────────────────────────────────────────────────────────

  /**
   * Validates a design, clamps it into its print areas, renders its print files and preview once,
   * and saves it under its content id. Throws the first problem's code with every problem listed.
   */
  async saveDesign(raw: unknown): Promise<SavedDesign & { clamped: number }> {
    const parsed = DesignDoc.safeParse(raw);
    if (!parsed.success) throw new AppError('DESIGN_INVALID', parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const doc = parsed.data;
    const template = TEMPLATES[doc.garment];
    const verdict = validateDesign(doc, {
      template,
      hasClipart: (id) => this.o.clipart.has(id),
      imageSize: (id) => this.o.images.get(id),
      blocked: (text) => this.o.blocklist.find(text),
    });
    if (!verdict.ok) {
      const first = verdict.problems[0]!;
      throw new AppError(first.code, verdict.problems.map((p) => `${p.side ?? ''}${p.layerId ? '/' + p.layerId : ''} ${p.detail}`.trim()).join('; '));
    }
    const id = await contentId('d', verdict.doc);
    let pending = this.rendering.get(id);
    if (!pending) {
      pending = this.render(id, verdict.doc).finally(() => this.rendering.delete(id));
      this.rendering.set(id, pending);
    }
    return { ...(await pending), clamped: verdict.clamped };
  }

  private async render(id: string, doc: DesignDoc): Promise<SavedDesign> {
    const known = await this.cs.prints(id);
    const sides = (['front', 'back'] as const).filter((s) => doc.sides[s].length > 0);
    if (known.length !== sides.length || !sides.every((s) => this.o.files.has(id, `${s}.png`))) {
      const assets = this.o.renderer.assets(doc);
      for (const side of sides) {
        const p = await this.o.renderer.print(doc, side, assets);
        this.o.files.write(id, `${side}.png`, p.png);
        this.o.files.write(id, `${side}.svg`, p.svg);
        this.o.files.write(id, `preview-${side}.png`, await this.o.renderer.preview(doc, side, 600, assets));
        await this.cs.savePrint({ designId: id, side, widthPx: p.widthPx, heightPx: p.heightPx, dpi: p.dpi, pngSha256: p.pngSha256 });
      }
      await this.cs.saveDesign(id, doc, this.o.now());
    }
    return this.describe(id, doc);
  }

  async describe(id: string, doc?: DesignDoc | null): Promise<SavedDesign> {
    const d = doc ?? (await this.cs.getDesign(id));
    if (!d) throw new AppError('DESIGN_NOT_FOUND', id);
    const prints = await this.cs.prints(id);
    const base = `/api/cloudstore/designs/${id}`;
    return {
      designId: id,
      garment: d.garment,
      previewUrl: `${base}/preview-${prints[0]?.side ?? 'front'}.png`,
      prints: prints.map((p) => ({ side: p.side, pngUrl: `${base}/${p.side}.png`, svgUrl: `${base}/${p.side}.svg`, widthPx: p.widthPx, heightPx: p.heightPx, dpi: p.dpi })),
    };
  }

  // ── checkout ─────────────────────────────────────────────────────────────

  /**
   * Buys every line through the catalog's atomic purchase (stock stays exact), then records the
   * kiosk checkout. Idempotent: a retry with the same key and request returns the same checkout;
   * the same key with another request is refused. When a line cannot be bought, the lines bought
   * before it are cancelled (their stock goes back) and the error is reported.
   */
  async checkout(req: CheckoutRequest): Promise<{ checkout: KioskCheckout; replayed: boolean }> {
    const now = this.o.now();
    if (!(await this.cs.getStore(req.storeId))) throw new AppError('STORE_NOT_FOUND', req.storeId);
    const fingerprint = checkoutFingerprint(req);
    const seen = await this.cs.checkoutByKey(req.storeId, req.key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_MISMATCH');
      return { checkout: await this.view(seen.id), replayed: true };
    }
    const blanks = await Promise.all(req.lines.map((l) => this.blankFor(l)));
    const bought: PurchaseResult[] = [];
    const buyer = kioskBuyer(req.storeId);
    try {
      for (const [i, line] of req.lines.entries()) {
        const r = await this.o.store.purchase(buyer, null, linePurchase(line, i, req.key, blanks[i]!), now);
        // A key whose earlier attempt failed has its orders cancelled: the shopper must start again.
        if (r.replayed && !holdsStock(r.order.status)) throw new AppError('CHECKOUT_KEY_USED');
        bought.push(r);
      }
    } catch (e) {
      for (const r of bought) if (!r.replayed && r.order.status === 'created') await this.o.store.setOrderStatus(r.order.id, 'cancelled', now).catch(() => undefined);
      throw e;
    }
    const id = newId('ko');
    const record: CheckoutRecord = {
      id,
      storeId: req.storeId,
      key: req.key,
      fingerprint,
      address: req.address,
      total: { amount: bought.reduce((n, r) => n + r.order.total.amount, 0), currency: 'CNY' },
      payToken: randomBytes(18).toString('base64url'),
      createdAt: now,
    };
    const lines: KioskLineRecord[] = bought.map((r, i) => {
      const line = req.lines[i]!;
      return { orderId: r.order.id, checkoutId: id, storeId: req.storeId, lineNo: i, kind: line.kind, designId: line.kind === 'custom' ? line.designId : null, producedAt: null, createdAt: now };
    });
    const { checkout, created } = await this.cs.insertCheckout(record, lines);
    if (created) for (const l of lines) await this.cs.recordStatus(l.orderId, 'created', now);
    return { checkout: await this.view(checkout.id), replayed: !created };
  }

  private async blankFor(line: CheckoutRequest['lines'][number]): Promise<{ productId: string; variantId: string } | null> {
    if (line.kind === 'stock') return null;
    const doc = await this.cs.getDesign(line.designId);
    if (!doc) throw new AppError('DESIGN_NOT_FOUND', line.designId);
    const t = TEMPLATES[doc.garment];
    if (!t.sizes.some((s) => s.id === line.variantId)) throw new AppError('PRODUCT_NOT_FOUND', `${t.productId} has no size ${line.variantId}`);
    return { productId: t.productId, variantId: blankVariantId(t, doc.color, line.variantId) };
  }

  /** A checkout as the kiosk and the tracking page show it (name, phone and street masked). */
  async view(checkoutId: string, opts: { unmasked?: boolean } = {}): Promise<KioskCheckout> {
    const c = await this.cs.getCheckout(checkoutId);
    if (!c) throw new AppError('CHECKOUT_NOT_FOUND', checkoutId);
    const orders = await this.orders(await this.cs.linesOf(c.id));
    return {
      id: c.id,
      storeId: c.storeId,
      key: c.key,
      orders,
      total: c.total,
      address: opts.unmasked ? c.address : maskAddress(c.address),
      paymentUrl: `/track/${c.id}?pay=${c.payToken}`,
      estimate: estimateDelivery(c.address.city, { custom: orders.some((o) => o.kind === 'custom') }),
      createdAt: c.createdAt,
    };
  }

  private async orders(lines: readonly KioskLineView[]): Promise<KioskOrder[]> {
    const timelines = await this.cs.timelines(lines.map((l) => l.orderId));
    return lines.map((l) => ({
      orderId: l.orderId,
      checkoutId: l.checkoutId,
      storeId: l.storeId as KioskOrder['storeId'],
      kind: l.kind,
      productId: l.productId,
      variantId: l.variantId,
      name: this.names.get(l.productId) ?? { zh: l.productId, en: l.productId },
      qty: l.qty,
      total: l.total,
      status: l.status,
      designId: l.designId,
      producedAt: l.producedAt,
      timeline: timelines.get(l.orderId) ?? [],
      createdAt: l.createdAt,
    }));
  }

  /** Records the payment of a checkout (no real provider): every unpaid line is paid; custom ones enter production. */
  async pay(checkoutId: string, token: string): Promise<KioskCheckout> {
    const c = await this.cs.getCheckout(checkoutId);
    if (!c) throw new AppError('CHECKOUT_NOT_FOUND', checkoutId);
    if (token !== c.payToken) throw new AppError('PAYMENT_INVALID');
    for (const l of await this.cs.linesOf(c.id)) {
      if (l.status !== 'created') continue;
      await this.apply(l, 'pay');
    }
    return this.view(c.id);
  }

  /** A back-office step on one kiosk order: produced, ship, deliver, cancel or refund. */
  async fulfil(orderId: string, action: FulfilAction): Promise<KioskOrder> {
    const l = await this.cs.line(orderId);
    if (!l) throw new AppError('ORDER_NOT_FOUND', orderId);
    await this.apply(l, action);
    return (await this.orders([(await this.cs.line(orderId))!]))[0]!;
  }

  private async apply(l: KioskLineView, action: FulfilAction | 'pay'): Promise<void> {
    const plan = planFulfilment(action, { status: l.status, kind: l.kind, producedAt: l.producedAt });
    if (!plan.ok) throw new AppError(plan.code, plan.detail);
    const now = this.o.now();
    if (plan.produced) {
      if (!(await this.cs.markProduced(l.orderId, now))) throw new AppError('FULFILMENT_INVALID', 'already produced');
      await this.cs.recordStatus(l.orderId, 'produced', now);
    }
    for (const to of plan.steps) {
      await this.o.store.setOrderStatus(l.orderId, to, now);
      await this.cs.recordStatus(l.orderId, to as TimelineEntry['status'], now);
    }
  }

  // ── back office ──────────────────────────────────────────────────────────

  /** A store's kiosk orders, newest first, with the shipping address in full. */
  async storeOrders(storeId: string, limit = 100): Promise<(KioskOrder & { address: CheckoutRecord['address'] })[]> {
    const lines = await this.cs.linesByStore(storeId, { limit });
    const orders = await this.orders(lines);
    const addresses = new Map<string, CheckoutRecord['address']>();
    for (const id of new Set(lines.map((l) => l.checkoutId))) addresses.set(id, (await this.cs.getCheckout(id))!.address);
    return orders.map((o) => ({ ...o, address: addresses.get(o.checkoutId)! }));
  }

  /** Custom items in production (waiting first, oldest payment first), with their print files. */
  async queue(opts: { storeId?: string; limit?: number } = {}): Promise<(KioskOrder & { prints: SavedDesign['prints'] })[]> {
    const orders = await this.orders(await this.cs.productionQueue({ limit: opts.limit ?? 200, ...(opts.storeId ? { storeId: opts.storeId } : {}) }));
    const prints = new Map<string, SavedDesign['prints']>();
    for (const id of new Set(orders.flatMap((o) => (o.designId ? [o.designId] : [])))) prints.set(id, (await this.describe(id)).prints);
    return orders.map((o) => ({ ...o, prints: (o.designId && prints.get(o.designId)) || [] }));
  }
}
