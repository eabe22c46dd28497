import { sha256Hex } from '../draw/hash.js';

/**
 * JSON with object keys sorted at every level, so equal values give equal strings (and hashes)
 * whatever order their keys were built in. Numbers keep JavaScript's shortest round-trip form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A content id: `prefix_` + the first 32 hex digits of SHA-256 over the canonical JSON. */
export async function contentId(prefix: string, value: unknown): Promise<string> {
  return `${prefix}_${(await sha256Hex(canonicalJson(value))).slice(0, 32)}`;
}
