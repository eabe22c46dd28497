import { describe, expect, it } from 'vitest';
import { canTransition, holdsStock } from './order-status.js';

describe('order lifecycle', () => {
  it('moves forward through payment, production and delivery', () => {
    expect(canTransition('created', 'paid')).toBe(true);
    expect(canTransition('paid', 'in_production')).toBe(true);
    expect(canTransition('in_production', 'shipped')).toBe(true);
    expect(canTransition('shipped', 'delivered')).toBe(true);
  });
  it('refuses illegal jumps and anything after a terminal state', () => {
    expect(canTransition('created', 'shipped')).toBe(false);
    expect(canTransition('delivered', 'paid')).toBe(false);
    expect(canTransition('cancelled', 'paid')).toBe(false);
    expect(canTransition('paid', 'cancelled')).toBe(false);
  });
  it('releases stock only for cancelled and refunded orders', () => {
    expect(holdsStock('created')).toBe(true);
    expect(holdsStock('cancelled')).toBe(false);
    expect(holdsStock('refunded')).toBe(false);
  });
});
