// Hashing shared by the report's term tables and the matcher's misspelling
// index: a polynomial hash whose value for a string built from pieces follows
// from the pieces' (so a string need not be built to be hashed), the bucket of
// such a hash in an open-addressing table, and a Bloom filter over such
// hashes, two bits a value.

/** The polynomial hash of the UTF-16 code units, mod 2³². */
export const HASH_BASE = 0x01000193;
const POWERS: number[] = [1];

/** HASH_BASE^n mod 2³² (computed once per n). */
export function hashPower(n: number): number {
  while (POWERS.length <= n) POWERS.push(Math.imul(POWERS[POWERS.length - 1] as number, HASH_BASE));
  return POWERS[n] as number;
}

/** `hashOf(a + b)` is `hashOf(a) · HASH_BASE^|b| + hashOf(b)` (mod 2³²). */
export function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * A second polynomial hash, on another base: with `hashOf`, 64 bits that tell
 * two terms apart where comparing the strings would cost a cache miss (a
 * bounded word table, see src/report/terms.ts). Two strings that agree on
 * both are, for text that was not crafted to, the same string.
 */
export const SECOND_HASH_BASE = 0x9e3779b1 | 0;
const SECOND_POWERS: number[] = [1];

/** SECOND_HASH_BASE^n mod 2³². */
export function secondHashPower(n: number): number {
  while (SECOND_POWERS.length <= n) SECOND_POWERS.push(Math.imul(SECOND_POWERS[SECOND_POWERS.length - 1] as number, SECOND_HASH_BASE));
  return SECOND_POWERS[n] as number;
}

/**
 * `hashOf` on SECOND_HASH_BASE, written out: with one function taking the
 * base for both, the analysis (whose memos hash every token with `hashOf`)
 * took 5–6 % more CPU (bench/README.md).
 */
export function secondHashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, SECOND_HASH_BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/** The bucket of hash `h` in a table of `mask` + 1 (a power of two): its bits spread first (murmur3's finaliser). */
export function bucketOf(h: number, mask: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}

/** An empty Bloom filter for `values` values, 16 bits each or a little more (a power of two of 32-bit words). */
export function bloomFilter(values: number): Int32Array {
  let words = 1;
  while (words * 2 < values) words *= 2;
  return new Int32Array(words);
}

/** Whether `h` may be in the filter (false: it is not); with `add`, it is in the filter after. */
export function bloomHas(filter: Int32Array, h: number, add = false): boolean {
  const mask = filter.length * 32 - 1;
  const i = h & mask;
  const j = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) & mask;
  const had = ((filter[i >>> 5] as number) & (1 << (i & 31))) !== 0 && ((filter[j >>> 5] as number) & (1 << (j & 31))) !== 0;
  if (add) {
    filter[i >>> 5] = (filter[i >>> 5] as number) | (1 << (i & 31));
    filter[j >>> 5] = (filter[j >>> 5] as number) | (1 << (j & 31));
  }
  return had;
}
