import { describe, expect, it } from 'vitest';
import { estimateDelivery } from './delivery.js';
import { CITIES, findCity } from './cities.js';

describe('delivery estimates by city', () => {
  it('is fastest in a fulfilment-centre city, in either language', () => {
    expect(estimateDelivery('北京市')).toMatchObject({ minDays: 1, maxDays: 2, zone: 'same-city' });
    expect(estimateDelivery('Shanghai').text).toEqual({ zh: '预计 1–2 天送达', en: 'Arrives within 1–2 days' });
  });

  it('takes 2–3 days in the same region, longer for remote cities and unknown ones', () => {
    expect(estimateDelivery('天津')).toMatchObject({ minDays: 2, maxDays: 3, zone: 'near' });
    expect(estimateDelivery('Urumqi')).toMatchObject({ zone: 'remote', minDays: 5 });
    expect(estimateDelivery('Atlantis')).toMatchObject({ zone: 'national', minDays: 3, maxDays: 5 });
  });

  it('adds the production days for custom items', () => {
    expect(estimateDelivery('杭州', { custom: true })).toMatchObject({ minDays: 4, maxDays: 5 });
  });

  it('knows every city by both names, and city codes are unique', () => {
    for (const c of CITIES) {
      expect(findCity(c.name.zh)).toBe(c);
      expect(findCity(` ${c.name.en.toUpperCase()} City`)).toBe(c);
    }
    expect(new Set(CITIES.map((c) => c.code)).size).toBe(CITIES.length);
  });
});
