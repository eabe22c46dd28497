import type { DeliveryAddress, DesignDoc, DesignSide, Money, OrderStatus, SalesPoint, StoreRecord, TimelineEntry } from '@snowstage/protocol';

/** A saved design's rendered print file of one side (the files themselves live in a file store). */
export interface PrintFileRecord {
  designId: string;
  side: DesignSide;
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** SHA-256 of the PNG bytes (the renderer is deterministic, so it identifies the render). */
  pngSha256: string;
}

export interface CheckoutRecord {
  id: string;
  storeId: string;
  key: string;
  fingerprint: string;
  address: DeliveryAddress;
  total: Money;
  payToken: string;
  createdAt: number;
}

/** One kiosk order line: a catalog order (by id) with what only the kiosk knows about it. */
export interface KioskLineRecord {
  orderId: string;
  checkoutId: string;
  storeId: string;
  lineNo: number;
  kind: 'stock' | 'custom';
  designId: string | null;
  producedAt: number | null;
  createdAt: number;
}

/** A kiosk line joined with its catalog order's live facts. */
export interface KioskLineView extends KioskLineRecord {
  productId: string;
  variantId: string;
  qty: number;
  total: Money;
  status: OrderStatus;
  updatedAt: number;
}

export interface StoreQuery {
  /** Matches name, city, province or address (either language) as a substring; also a store id. */
  text?: string;
  /** A city code (`bj`) to list one city's stores. */
  city?: string;
  limit: number;
  offset?: number;
}

/**
 * The Cloud Store's storage port: the store registry, saved designs and their print files,
 * kiosk checkouts and their lines (linked to catalog orders by id), fulfilment timelines, and
 * back-office reads (orders by store, production queue, sales per store and day). Catalog stock
 * and order status stay in the CommerceStore; adapters may join with its tables.
 */
export interface CloudStoreStore {
  countStores(): Promise<number>;
  /** Inserts or replaces stores (seeding; batches of thousands). */
  upsertStores(stores: readonly StoreRecord[]): Promise<void>;
  getStore(id: string): Promise<StoreRecord | null>;
  searchStores(q: StoreQuery): Promise<{ stores: StoreRecord[]; total: number }>;
  /** Cities with their store counts, most stores first. */
  cities(): Promise<{ code: string; city: StoreRecord['city']; count: number }[]>;

  /** Saves a design under its content id (a second save of the same id is a no-op). */
  saveDesign(id: string, doc: DesignDoc, at: number): Promise<void>;
  getDesign(id: string): Promise<DesignDoc | null>;
  savePrint(p: PrintFileRecord): Promise<void>;
  prints(designId: string): Promise<PrintFileRecord[]>;

  /** Records a checkout and its lines at once; when the key exists already, returns that checkout unchanged. */
  insertCheckout(c: CheckoutRecord, lines: readonly KioskLineRecord[]): Promise<{ checkout: CheckoutRecord; created: boolean }>;
  checkoutByKey(storeId: string, key: string): Promise<CheckoutRecord | null>;
  getCheckout(id: string): Promise<CheckoutRecord | null>;
  linesOf(checkoutId: string): Promise<KioskLineView[]>;
  line(orderId: string): Promise<KioskLineView | null>;

  /** Appends a timeline entry (once per order and status). */
  recordStatus(orderId: string, status: TimelineEntry['status'], at: number): Promise<void>;
  timelines(orderIds: readonly string[]): Promise<Map<string, TimelineEntry[]>>;
  /** Stamps a custom line as produced; false when it already was. */
  markProduced(orderId: string, at: number): Promise<boolean>;

  /** A store's kiosk lines, newest first. */
  linesByStore(storeId: string, opts: { limit: number; before?: number }): Promise<KioskLineView[]>;
  /** Custom lines in production (produced or not), oldest first; optionally one store's. */
  productionQueue(opts: { limit: number; storeId?: string }): Promise<KioskLineView[]>;
  /** Paid sales (not cancelled or refunded) per store and China day within [from, to). */
  salesByStoreDay(opts: { from: number; to: number; storeId?: string; limit?: number }): Promise<SalesPoint[]>;
}
