import { bloomFilter, bloomHas, bucketOf, hashOf } from '../_utils/hash.js';

/**
 * Bounded memo for pure string → value functions (fold, stem). Two
 * generations: lookups hit `young` then `old`; when `young` is full it becomes
 * `old` and the previous `old` is emptied to be the new `young`. Memory stays
 * under 2 × `half` entries while frequent keys survive, without the per-hit
 * bookkeeping of a strict LRU. Module-level instances are fine: they only
 * memoise pure results. The lexicon's matcher uses it too, for its per-key
 * tables: a vocabulary that keeps growing no longer grows them.
 *
 * Each generation is an open-addressing table, grown once to what its
 * entries need and then emptied in place: a `Map` per generation grew by
 * doubling to its last tables (large objects) at every turn and was dropped
 * whole, most of the large objects a worker made, freed only by full
 * collections (bench/README.md).
 *
 * Once the memo has turned over, a key enters on its second `set` only: the
 * first is remembered in a doorkeeper (two Bloom filters of `half` keys
 * each, the older emptied when the newer is full), not stored. On a
 * vocabulary that keeps growing most keys are seen once (in a growing
 * export, five in six of the facts memo's misses): stored, they outlived
 * the young generation, were promoted, and turned the memo over, old-space
 * garbage until the next full collection. Kept out, they die young, and the
 * memo keeps the keys that come back. Until the first turn every key enters:
 * a short run, whose words are all new, computes none twice.
 */
export class Memo<V> {
  private young: Generation<V> | undefined;
  private old: Generation<V> | undefined;
  /** The key of the last miss and its hash: a miss is most often followed by the set of its key (no second hashing). */
  private missed: string | undefined;
  private missedHash = 0;
  /** The doorkeeper's filters: keys set once, the newer one in `door`; `doorKeys`: keys `door` holds. */
  private door: Int32Array | undefined;
  private doorBefore: Int32Array | undefined;
  private doorKeys = 0;
  /** `half`: entries per generation (internal budgets, all constants of at least 1). */
  constructor(private readonly half: number) {}

  get(key: string): V | undefined {
    const young = this.young;
    if (young === undefined) return undefined;
    const h = hashOf(key);
    const hit = young.get(key, h);
    if (hit !== undefined) return hit;
    const aged = (this.old as Generation<V>).get(key, h);
    if (aged !== undefined) this.put(key, h, aged);
    else {
      this.missed = key;
      this.missedHash = h;
    }
    return aged;
  }

  set(key: string, value: V): void {
    // The key just missed is in neither generation; any other may hold an older value, replaced even when not let in.
    const absent = key === this.missed;
    const h = absent ? this.missedHash : hashOf(key);
    this.missed = undefined;
    if (!this.turned || this.admitted(h) || (!absent && this.holds(key, h))) this.put(key, h, value);
  }

  /** The memo has turned over (its old generation, empty until then, is the last full one): the doorkeeper is on. */
  private get turned(): boolean {
    return this.old !== undefined && this.old.count > 0;
  }

  /** Whether `key` is stored (with its hash `h`). */
  private holds(key: string, h: number): boolean {
    return this.young !== undefined && (this.young.get(key, h) !== undefined || (this.old as Generation<V>).get(key, h) !== undefined);
  }

  /** Whether a key of hash `h` was set before (or a filter's false positive says so); remembers it either way. */
  private admitted(h: number): boolean {
    if (this.door === undefined) {
      this.door = bloomFilter(this.half);
      this.doorBefore = bloomFilter(this.half);
    }
    if (bloomHas(this.door, h, true) || bloomHas(this.doorBefore as Int32Array, h)) return true;
    if (++this.doorKeys >= this.half) {
      const emptied = (this.doorBefore as Int32Array).fill(0);
      this.doorBefore = this.door;
      this.door = emptied;
      this.doorKeys = 0;
    }
    return false;
  }

  get size(): number {
    return (this.young?.count ?? 0) + (this.old?.count ?? 0);
  }

  private put(key: string, h: number, value: V): void {
    let young = this.young;
    if (young === undefined) {
      young = this.young = new Generation(this.half);
      this.old = new Generation(this.half);
    } else if (young.count >= this.half) {
      const emptied = this.old as Generation<V>;
      emptied.clear();
      this.old = young;
      young = this.young = emptied;
    }
    young.set(key, h, value);
  }
}

/**
 * One generation: linear probing over a power-of-two table, grown by doubling
 * while it fills (a memo that sees few keys keeps a small table) up to twice
 * its entries, so at most half full; never a deletion: emptied whole, its
 * size kept.
 */
class Generation<V> {
  keys: Array<string | undefined>;
  values: Array<V | undefined>;
  hashes: Int32Array;
  mask: number;
  count = 0;
  /** Entries before the table doubles (half its size). */
  private room: number;

  constructor(private readonly entries: number) {
    const size = Math.min(64, tableSize(entries));
    this.mask = size - 1;
    this.room = size >>> 1;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
  }

  get(key: string, h: number): V | undefined {
    const { keys, hashes, mask } = this;
    for (let slot = bucketOf(h, mask); ; slot = (slot + 1) & mask) {
      const k = keys[slot];
      if (k === undefined) return undefined;
      if (hashes[slot] === h && k === key) return this.values[slot];
    }
  }

  set(key: string, h: number, value: V): void {
    const { keys, hashes, mask } = this;
    let slot = bucketOf(h, mask);
    for (; ; slot = (slot + 1) & mask) {
      const k = keys[slot];
      if (k === undefined) break;
      if (hashes[slot] === h && k === key) {
        this.values[slot] = value;
        return;
      }
    }
    keys[slot] = key;
    hashes[slot] = h;
    this.values[slot] = value;
    if (++this.count >= this.room) this.grow();
  }

  clear(): void {
    if (this.count === 0) return;
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.count = 0;
  }

  /** Doubles the table while it is smaller than its entries need. */
  private grow(): void {
    const size = this.keys.length * 2;
    if (size > tableSize(this.entries)) {
      // At its full size: never more than half full (a memo turns over at `entries`).
      this.room = Infinity;
      return;
    }
    const { keys, values, hashes } = this;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.room = size >>> 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined) this.set(k, hashes[i] as number, values[i] as V);
    }
  }
}

/** The size of a generation's full table: a power of two, at least twice its entries. */
function tableSize(entries: number): number {
  let size = 2;
  while (size < 2 * entries) size *= 2;
  return size;
}
