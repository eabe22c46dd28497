import { describe, expect, it } from 'vitest';
import { StoreRecord } from '@snowstage/protocol';
import { generateStores } from './store-registry.js';

describe('store registry generator', () => {
  it('makes exactly the number asked for, with valid unique records in both languages', () => {
    const stores = generateStores(7200);
    expect(stores).toHaveLength(7200);
    expect(new Set(stores.map((s) => s.id)).size).toBe(7200);
    for (const s of stores) expect(StoreRecord.safeParse(s).success).toBe(true);
    expect(new Set(stores.map((s) => s.name.zh)).size).toBe(7200);
  });

  it('is deterministic and spreads stores by city weight', () => {
    expect(generateStores(500)).toEqual(generateStores(500));
    const stores = generateStores(7200);
    const bj = stores.filter((s) => s.id.startsWith('cs-bj-')).length;
    const ls = stores.filter((s) => s.id.startsWith('cs-ls-')).length;
    expect(bj).toBeGreaterThan(500);
    expect(ls).toBeGreaterThan(10);
    expect(ls).toBeLessThan(bj / 10);
    expect(stores.find((s) => s.id === 'cs-bj-0001')!.address.zh).toMatch(/^北京市/);
  });
});
