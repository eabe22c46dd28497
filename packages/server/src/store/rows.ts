import { AppError, type Draw, type FlashSale, type Order, type OrderStatus, type Product, type Variant } from '@snowstage/protocol';

/**
 * Row ↔ domain mappers shared by the SQLite and PostgreSQL adapters (their tables have the same
 * columns; JSON documents arrive as text from SQLite and as objects from PostgreSQL's JSONB).
 */
export type Row = Record<string, unknown>;

export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export function toProduct(row: Row, variantRows: readonly Row[]): Product {
  const doc = json<Omit<Product, 'variants' | 'price'>>(row.doc);
  const variants = variantRows.map((v) => ({ ...json<Omit<Variant, 'stock'>>(v.doc), stock: Number(v.stock) }));
  return { ...doc, price: { amount: Number(row.price_amount), currency: row.currency as 'CNY' }, variants };
}

/** Splits a product into its row and its variant rows (stock kept in its own column). */
export function productRows(p: Product, position: number) {
  const { variants, price, ...doc } = p;
  return {
    product: { id: p.id, doc, price: price.amount, currency: price.currency, position },
    variants: variants.map(({ stock, ...vdoc }, vpos) => ({ productId: p.id, id: vdoc.id, doc: vdoc, stock, position: vpos })),
  };
}

export function toSale(r: Row): FlashSale {
  const currency = r.currency as 'CNY';
  return {
    id: r.id as string,
    roomId: r.room_id as string,
    productId: r.product_id as string,
    variantId: r.variant_id as string,
    salePrice: { amount: Number(r.sale_price), currency },
    listPrice: { amount: Number(r.list_price), currency },
    quantity: Number(r.quantity),
    sold: Number(r.sold),
    perBuyerLimit: Number(r.per_buyer_limit),
    startsAt: Number(r.starts_at),
    endsAt: Number(r.ends_at),
    status: r.status as FlashSale['status'],
  };
}

export function saleParams(s: FlashSale) {
  return {
    id: s.id,
    roomId: s.roomId,
    productId: s.productId,
    variantId: s.variantId,
    salePrice: s.salePrice.amount,
    listPrice: s.listPrice.amount,
    currency: s.salePrice.currency,
    quantity: s.quantity,
    sold: s.sold,
    perBuyerLimit: s.perBuyerLimit,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: s.status,
  };
}

export function toOrder(r: Row): Order {
  const currency = r.currency as 'CNY';
  return {
    id: r.id as string,
    buyerId: r.buyer_id as string,
    roomId: (r.room_id as string | null) ?? null,
    productId: r.product_id as string,
    variantId: r.variant_id as string,
    saleId: (r.sale_id as string | null) ?? null,
    qty: Number(r.qty),
    unitPrice: { amount: Number(r.unit_price), currency },
    total: { amount: Number(r.total), currency },
    status: r.status as OrderStatus,
    idempotencyKey: r.idempotency_key as string,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** Entries go only into a draw whose stored status is open (the close freezes it before reading entries). */
export function assertOpen(drawId: string, row: Row | undefined): void {
  if (!row) throw new AppError('DRAW_NOT_FOUND', drawId);
  const status = json<Draw>(row.doc).status;
  if (status !== 'open') throw new AppError('DRAW_NOT_OPEN', status);
}
