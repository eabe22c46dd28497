import type { CartLine, CheckoutRequest, DeliveryAddress, PurchaseRequest } from '@snowstage/protocol';
import { canonicalJson } from './canonical.js';

export { chinaDay } from '../showcase/quests.js';

/** The purchase key of a checkout's line: the checkout key plus the line number (fits IdempotencyKey). */
export function lineKey(checkoutKey: string, index: number): string {
  return `${checkoutKey}-${index}`;
}

/** What a retried checkout must repeat exactly for its key to replay the first one. */
export function checkoutFingerprint(r: CheckoutRequest): string {
  return canonicalJson({ storeId: r.storeId, lines: r.lines, address: r.address });
}

/** The buyer id under which a store's kiosk buys (purchase keys are unique per buyer). */
export function kioskBuyer(storeId: string): string {
  return `kiosk:${storeId}`;
}

/**
 * The catalog purchase of a cart line: stock lines buy their variant; custom lines buy the blank
 * garment (`blank` = the template's product id) in the chosen colour and size.
 */
export function linePurchase(line: CartLine, index: number, checkoutKey: string, blank: { productId: string; variantId: string } | null): PurchaseRequest {
  if (line.kind === 'stock') return { productId: line.productId, variantId: line.variantId, qty: line.qty, key: lineKey(checkoutKey, index) };
  if (!blank) throw new Error('a custom line needs its blank');
  return { productId: blank.productId, variantId: blank.variantId, qty: line.qty, key: lineKey(checkoutKey, index) };
}

/** "王**" — a name with all but its first character hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 6));
}

/** "138****1234" — a phone number with its middle digits hidden. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length < 7 ? '****' : `${d.slice(0, 3)}****${d.slice(-4)}`;
}

/** The address as the public tracking page shows it. */
export function maskAddress(a: DeliveryAddress): DeliveryAddress {
  return { ...a, name: maskName(a.name), phone: maskPhone(a.phone), line: a.line.length > 6 ? a.line.slice(0, 6) + '…' : a.line };
}
