import { z } from 'zod';
import { Money } from './money.js';
import { EpochMs, IdempotencyKey, Slug } from './ids.js';

export const SaleStatus = z.enum(['scheduled', 'open', 'closed', 'cancelled']);
export type SaleStatus = z.infer<typeof SaleStatus>;

/** Limits that bound what an operator may schedule. */
export const SALE_LIMITS = {
  countdownS: { min: 10, max: 300 },
  durationS: { min: 10, max: 3600 },
  quantity: { min: 1, max: 1_000_000 },
  perBuyerLimit: { min: 1, max: 100 },
} as const;

/** A flash sale on one product variant, as stored and as shown to viewers. */
export const FlashSale = z.object({
  id: z.string(),
  roomId: Slug,
  productId: Slug,
  variantId: Slug,
  salePrice: Money,
  listPrice: Money,
  quantity: z.number().int().positive(),
  sold: z.number().int().nonnegative(),
  perBuyerLimit: z.number().int().positive(),
  startsAt: EpochMs,
  endsAt: EpochMs,
  status: SaleStatus,
});
export type FlashSale = z.infer<typeof FlashSale>;

export const OrderStatus = z.enum(['created', 'paid', 'in_production', 'shipped', 'delivered', 'cancelled', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const Order = z.object({
  id: z.string(),
  buyerId: z.string(),
  roomId: Slug.nullable(),
  productId: Slug,
  variantId: Slug,
  saleId: z.string().nullable(),
  qty: z.number().int().positive(),
  unitPrice: Money,
  total: Money,
  status: OrderStatus,
  idempotencyKey: IdempotencyKey,
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Order = z.infer<typeof Order>;

/** What a buyer asks for. `saleId` buys at the sale price under the sale's rules; without it, at list price. */
export const PurchaseRequest = z.object({
  productId: Slug,
  variantId: Slug,
  qty: z.number().int().min(1).max(20),
  saleId: z.string().max(64).optional(),
  key: IdempotencyKey,
});
export type PurchaseRequest = z.infer<typeof PurchaseRequest>;
