import type { DrawEntry, DrawPrize, DrawWinner } from '@snowstage/protocol';
import { fromHex, sha256Hex } from './hash.js';
import { Xoshiro128 } from './prng.js';
import { Fenwick } from './fenwick.js';

/**
 * The lucky-draw algorithm, "snowstage-draw-v1". Everything here is deterministic and public, so
 * anyone holding the published data can recompute the winners:
 *
 * 1. At creation the server picks a secret 32-byte seed and publishes `commitment = SHA-256(seed bytes)`.
 * 2. At close the entry list is frozen: one line per fan, sorted by fanId (UTF-16 code-unit order),
 *    `fanId TAB entries LF`, UTF-8; `entriesHash = SHA-256(that text)` is published with the list.
 * 3. The seed is revealed. The PRNG key for round r is `SHA-256("snowstage-draw-v1|" + seedHex + "|" + entriesHash + "|" + r)`;
 *    its first 16 bytes seed xoshiro128** (four little-endian uint32 words).
 * 4. Prize units are given out in the listed order (prize 1 × its quantity, then prize 2, …). For each
 *    unit: pick an entry uniformly among the entries of fans still eligible (`below(total)` with
 *    rejection sampling, then the fan holding that entry in sorted order); the fan wins that unit; a
 *    fan who reaches the max wins (counting wins of earlier rounds) drops out. Stop early when nobody
 *    is eligible. So a fan's chance is proportional to their entries, and nobody exceeds the limit.
 * 5. Redraws of unclaimed prizes are new rounds (r = 1, 2, …) with a new seed and commitment, over the
 *    same frozen entries; earlier winners' wins count towards the limit.
 */
export const DRAW_ALGORITHM = 'snowstage-draw-v1';

/** The largest total number of entries a draw may hold (the PRNG's bound). */
export const MAX_TOTAL_ENTRIES = 2 ** 32 - 1;

/**
 * Sorts entries into their canonical order; throws on a repeated fan, a fanId outside printable
 * ASCII (so byte, code-point and UTF-16 orders agree), or a total over the bound. An already
 * canonical list (as a database returns it with ORDER BY) is checked in one pass and kept.
 */
export function canonicalEntries(entries: readonly DrawEntry[]): DrawEntry[] {
  let total = 0;
  for (const e of entries) {
    if (!FAN_ID.test(e.fanId)) throw new RangeError(`fanId must be 1-64 printable ASCII characters: ${JSON.stringify(e.fanId).slice(0, 80)}`);
    total += e.entries;
  }
  if (total > MAX_TOTAL_ENTRIES) throw new RangeError('too many entries for one draw');
  if (isCanonical(entries)) return [...entries];
  // Sorting "fanId TAB n" strings with the engine's native default sort orders them exactly by fanId
  // (TAB sorts below every printable character) and is several times faster than a comparator.
  const lines = entries.map((e) => `${e.fanId}\t${e.entries}`).sort();
  const sorted: DrawEntry[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    sorted[i] = { fanId: line.slice(0, tab), entries: Number(line.slice(tab + 1)) };
    if (i > 0 && sorted[i]!.fanId === sorted[i - 1]!.fanId) throw new RangeError(`fan ${sorted[i]!.fanId} appears twice`);
  }
  return sorted;
}

const FAN_ID = /^[\x21-\x7e]{1,64}$/;

/** True when entries are in canonical order with no fan twice. */
export function isCanonical(entries: readonly DrawEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (!(entries[i - 1]!.fanId < entries[i]!.fanId)) return false;
  return true;
}

/**
 * SHA-256 of the canonical entry text. Expects canonical (sorted) entries. Fan ids are printable
 * ASCII (checked by canonicalEntries and the schema), so the UTF-8 text is written byte by byte
 * straight into one buffer — a million entries hash in well under a second.
 */
export function hashEntries(sorted: readonly DrawEntry[]): Promise<string> {
  let size = 0;
  for (const e of sorted) size += e.fanId.length + 2 + digits(e.entries);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const e of sorted) {
    const id = e.fanId;
    for (let i = 0; i < id.length; i++) bytes[at++] = id.charCodeAt(i);
    bytes[at++] = 9; // TAB
    at = writeDecimal(bytes, at, e.entries);
    bytes[at++] = 10; // LF
  }
  return sha256Hex(bytes);
}

function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

function writeDecimal(out: Uint8Array, at: number, n: number): number {
  const d = digits(n);
  for (let i = d - 1; i >= 0; i--) {
    out[at + i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return at + d;
}

/** The public commitment to a secret seed (64 hex chars = 32 bytes). */
export function commitmentOf(seedHex: string): Promise<string> {
  return sha256Hex(fromHex(seedHex));
}

async function prngFor(seedHex: string, entriesHash: string, round: number): Promise<Xoshiro128> {
  return new Xoshiro128(fromHex(await sha256Hex(`${DRAW_ALGORITHM}|${seedHex}|${entriesHash}|${round}`)));
}

export interface RoundInput {
  seedHex: string;
  /** Canonical entries (see canonicalEntries). */
  entries: readonly DrawEntry[];
  entriesHash: string;
  round: number;
  prizes: readonly DrawPrize[];
  maxWinsPerFan: number;
  /** Winners of earlier rounds: their wins count towards the limit. */
  earlierWinners?: readonly DrawWinner[];
}

/** Computes one round's winners, in draw order (rank 0 first). */
export async function drawRound(input: RoundInput): Promise<DrawWinner[]> {
  const prng = await prngFor(input.seedHex, input.entriesHash, input.round);
  const { entries, maxWinsPerFan } = input;
  const prior = new Map<string, number>();
  for (const w of input.earlierWinners ?? []) prior.set(w.fanId, (prior.get(w.fanId) ?? 0) + 1);
  const weights = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    weights[i] = prior.size > 0 && (prior.get(e.fanId) ?? 0) >= maxWinsPerFan ? 0 : e.entries;
  }
  const tree = new Fenwick(weights);
  const wins = new Map<string, number>(prior);
  const winners: DrawWinner[] = [];
  for (const prize of input.prizes) {
    for (let unit = 0; unit < prize.quantity; unit++) {
      if (tree.total === 0) return winners;
      const i = tree.find(prng.below(tree.total));
      const fanId = entries[i]!.fanId;
      const n = (wins.get(fanId) ?? 0) + 1;
      wins.set(fanId, n);
      winners.push({ fanId, prizeId: prize.id, rank: winners.length });
      if (n >= maxWinsPerFan) tree.set(i, 0);
    }
  }
  return winners;
}

/** A fresh secret seed as hex, from a source of random bytes (crypto.getRandomValues or node:crypto). */
export function newSeed(randomBytes: (n: number) => Uint8Array): string {
  const b = randomBytes(32);
  if (b.length !== 32) throw new RangeError('need 32 random bytes');
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}
