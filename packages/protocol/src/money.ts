import { z } from 'zod';

export const Currency = z.enum(['CNY']);
export type Currency = z.infer<typeof Currency>;

/**
 * Money is an integer count of minor units (fen for CNY) with its currency; never a float.
 * Example: ¥88.00 is `{ amount: 8800, currency: 'CNY' }`.
 */
export const Money = z.object({
  amount: z.number().int().nonnegative(),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** Multiplies a unit price by a whole quantity, staying in integer minor units. */
export function times(price: Money, qty: number): Money {
  if (!Number.isInteger(qty) || qty < 0) throw new RangeError(`qty must be a non-negative integer, got ${qty}`);
  return { amount: price.amount * qty, currency: price.currency };
}

/** "¥88" / "¥88.50": for display only; arithmetic stays in minor units. */
export function formatMoney(m: Money): string {
  const yuan = Math.floor(m.amount / 100);
  const fen = m.amount % 100;
  return `¥${yuan}${fen === 0 ? '' : '.' + String(fen).padStart(2, '0')}`;
}
