import type { DeliveryEstimate } from '@snowstage/protocol';
import { findCity, type City, type Region } from './cities.js';

/** The warehouses that ship Cloud Store orders, one per region they serve best. */
export const FULFILMENT_CENTRES: Readonly<Partial<Record<Region, string>>> = {
  north: 'bj',
  northeast: 'sy',
  east: 'sh',
  central: 'wh',
  south: 'gz',
  southwest: 'cd',
  northwest: 'xa',
};

/** Days a custom item spends in production before it can ship. */
export const PRODUCTION_DAYS = 2;

const ZONES: Record<DeliveryEstimate['zone'], [number, number]> = {
  'same-city': [1, 2],
  near: [2, 3],
  national: [3, 5],
  remote: [5, 8],
};

/**
 * "Within 2–3 days" for a delivery city: same city as a fulfilment centre, same region, elsewhere
 * on the mainland, or remote. Custom items add the production days. Unknown cities count as national.
 *
 * Use when: showing the shopper when a kiosk order arrives. Expects a city name in Chinese or English.
 */
export function estimateDelivery(cityName: string, opts: { custom?: boolean } = {}): DeliveryEstimate {
  const city = findCity(cityName);
  const zone = zoneOf(city);
  const extra = opts.custom ? PRODUCTION_DAYS : 0;
  const [lo, hi] = ZONES[zone];
  const minDays = lo + extra;
  const maxDays = hi + extra;
  return {
    minDays,
    maxDays,
    zone,
    text: { zh: `预计 ${minDays}–${maxDays} 天送达`, en: `Arrives within ${minDays}–${maxDays} days` },
  };
}

function zoneOf(city: City | null): DeliveryEstimate['zone'] {
  if (!city) return 'national';
  if (city.remote) return 'remote';
  if (Object.values(FULFILMENT_CENTRES).includes(city.code)) return 'same-city';
  return FULFILMENT_CENTRES[city.region] ? 'near' : 'national';
}
