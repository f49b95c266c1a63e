/**
 * Word and expression tables of the report: per channel, each word (keyword)
 * and each 2- or 3-word expression with its occurrences and the verbatims it
 * appears in.
 *
 * The state is plain JSON in columns (`keys`, `occurrences`, `verbatims`), so
 * it crosses worker threads and files as is. Adding goes through an index kept
 * beside the table (a `WeakMap`, never stored): an open-addressing hash table
 * over the slots, hashed so that an expression is looked up from its words
 * without building the string "a b c" (the string is made once, when the
 * expression enters the table), and a per-slot mark of the last verbatim that
 * counted it (no set per verbatim).
 *
 * With a budget `k` (`maxVocabulary`) a table is a Misra–Gries summary in its
 * mergeable form (Agarwal et al., "Mergeable summaries", 2012), weighted by
 * occurrences: once it holds more than 2·k terms, the (k+1)-th largest
 * occurrence count (the cut) is subtracted from every term, the terms left at
 * zero are dropped (at most k remain), and `slack` grows by the cut. From the
 * first cut on, a term the table does not hold enters on its second
 * occurrence (see `admitted`): the long tail of words and expressions seen once
 * never enters, so tables are cut far less often. Adding is O(1) amortised (a
 * cut costs O(2·k) and frees at least k slots); memory is at most 2·k terms
 * per table. Guarantees, for a table that received N occurrences (`total`),
 * whatever the split into states and the order of merges:
 * - every occurrence and verbatim count kept is a lower bound of the true one
 *   and falls short of it by at most `slack`; a term missing from the table
 *   was seen at most `slack` times;
 * - `slack` ≤ 2·N / (k + 1): the cuts add at most N / (k + 1) (each removes
 *   (k+1)·cut occurrences at least), the doorkeeper at most as much;
 * - the result does not depend on the order of keys: a cut depends on the
 *   counts only, and every term at or under it goes.
 * Until a table first holds more than 2·k terms nothing is cut: it is exact,
 * and identical to the table built without a budget (unless two of its terms
 * share both hashes, see `count`).
 */
import { compareStrings } from './counts.js';
import { bloomFilter, bloomHas, bucketOf, hashOf, hashPower, HASH_BASE, secondHashOf, secondHashPower, SECOND_HASH_BASE } from '../_utils/hash.js';

/** One word or expression table of the state (plain JSON). */
export interface TermTable {
  /** The word, or the expression's words joined by a space. */
  keys: string[];
  occurrences: number[];
  /** Verbatims holding the term (≤ its occurrences). */
  verbatims: number[];
  /** Occurrences counted into the table, kept or cut. */
  total: number;
  /** What the cuts subtracted: every kept count falls short of the truth by at most this (0: exact). */
  slack: number;
}

export function emptyTermTable(): TermTable {
  return { keys: [], occurrences: [], verbatims: [], total: 0, slack: 0 };
}

/** A table in the state's own form (v3), as opposed to a version-2 `{ key: [occurrences, verbatims] }` record. */
export function isTermTable(value: unknown): value is TermTable {
  return typeof value === 'object' && value !== null && Array.isArray((value as Partial<TermTable>).keys);
}

/**
 * A table of a version-2 state (`{ key: [occurrences, verbatims] }`, its
 * slack kept beside it) in the current form. A current table is returned as is.
 */
export function termTableOf(value: unknown, slack = 0): TermTable {
  if (isTermTable(value)) return value;
  const out = emptyTermTable();
  out.slack = slack;
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, count] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(count)) continue;
    const occurrences = Number(count[0]) || 0;
    out.keys.push(key);
    out.occurrences.push(occurrences);
    out.verbatims.push(Number(count[1]) || 0);
    out.total += occurrences;
  }
  return out;
}

// ---------------------------------------------------------------- hashing

/** The hash of `x + sep + y` (sep a space unless given) from the hash of x, and y with its hash. */
const joinHash = (hx: number, y: string, hy: number, sep = SPACE): number => (Math.imul((Math.imul(hx, HASH_BASE) + sep) | 0, hashPower(y.length)) + hy) | 0;
/** The same for the second hash. */
const joinSecondHash = (hx: number, y: string, hy: number, sep = SPACE): number => (Math.imul((Math.imul(hx, SECOND_HASH_BASE) + sep) | 0, secondHashPower(y.length)) + hy) | 0;

const SPACE = 32;
/** Joins the two entry keys of a pair key (`kind:id\tkind:id`, see `addPairs`): no entry id holds a tab. */
export const PAIR_SEPARATOR = '\t';
const TAB = PAIR_SEPARATOR.charCodeAt(0);

/** `key` holds `word` at `at` (compared in place: words are short, and a builtin call per word cost more). */
function holds(key: string, word: string, at: number): boolean {
  for (let i = 0; i < word.length; i++) if (key.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  return true;
}
/** `key` is `a b`, or `a`, `sep`, `b` (no string built). */
const isPair = (key: string, a: string, b: string, sep = SPACE): boolean =>
  key.length === a.length + 1 + b.length && key.charCodeAt(a.length) === sep && holds(key, a, 0) && holds(key, b, a.length + 1);
/** `key` is `a b c`. */
const isTriple = (key: string, a: string, b: string, c: string): boolean =>
  key.length === a.length + b.length + c.length + 2 &&
  key.charCodeAt(a.length) === 32 &&
  key.charCodeAt(a.length + 1 + b.length) === 32 &&
  holds(key, a, 0) &&
  holds(key, b, a.length + 1) &&
  holds(key, c, a.length + b.length + 2);

// ---------------------------------------------------------------- the index

/** The lookup side of a table while analyses are added (never stored). */
class TermIndex {
  /** Slots indexed: the table's length when the index is current. */
  size = 0;
  /**
   * Three numbers a slot, side by side so that a lookup reads one cache line:
   * the term's hash, its second hash, and the verbatim (`serial`) that last
   * counted it.
   */
  records: Int32Array;
  /**
   * Open addressing: slot + 1, 0 when empty. At least twice the slots; two
   * bytes a bucket while the slots fit (a table of the default budget: half
   * the memory, and fewer cache lines to probe).
   */
  buckets: Uint16Array | Int32Array;
  mask: number;
  serial = 0;
  /** Doorkeeper: a Bloom filter (two bits a term) of the terms seen once since it was last emptied. */
  door: Int32Array | undefined;
  /** Terms it holds. */
  doorTerms = 0;

  constructor(table: TermTable) {
    const n = table.keys.length;
    let capacity = 16;
    while (capacity < n) capacity *= 2;
    this.records = new Int32Array(RECORD * capacity);
    this.buckets = bucketArray(bucketsFor(capacity));
    this.mask = this.buckets.length - 1;
    for (let i = 0; i < n; i++) {
      const key = table.keys[i] as string;
      this.records[RECORD * i] = hashOf(key);
      this.records[RECORD * i + 1] = secondHashOf(key);
    }
    this.size = n;
    this.rehash();
  }

  rehash(): void {
    this.buckets.fill(0);
    for (let slot = 0; slot < this.size; slot++) {
      let b = bucketOf(this.records[RECORD * slot] as number, this.mask);
      while (this.buckets[b] !== 0) b = (b + 1) & this.mask;
      this.buckets[b] = slot + 1;
    }
  }

  /**
   * Room for one more slot: the slots doubled when full, up to `most` (a
   * table with a budget k never holds more than 2·k + 1 terms: sized to that,
   * its index is a third smaller than at the next power of two); the buckets
   * stay a power of two, at least twice the slots.
   */
  reserve(most: number): void {
    const slots = this.records.length / RECORD;
    if (this.size < slots) return;
    const capacity = Math.max(this.size + 1, Math.min(slots * 2, most));
    const records = new Int32Array(RECORD * capacity);
    records.set(this.records);
    this.records = records;
    const buckets = bucketsFor(capacity);
    if (buckets !== this.buckets.length) {
      this.buckets = bucketArray(buckets);
      this.mask = buckets - 1;
      this.rehash();
    }
  }
}

/** Numbers a slot of `TermIndex.records`. */
const RECORD = 3;

/**
 * `size` empty buckets: of two bytes up to 65,536 of them, which index at
 * most 32,768 slots (at least twice as many buckets as slots), so that
 * slot + 1 fits.
 */
function bucketArray(size: number): Uint16Array | Int32Array {
  return size <= 0x10000 ? new Uint16Array(size) : new Int32Array(size);
}

/** Buckets for `slots` slots: the power of two at least twice as many. */
function bucketsFor(slots: number): number {
  let n = 32;
  while (n < 2 * slots) n *= 2;
  return n;
}

const indexes = new WeakMap<TermTable, TermIndex>();

function indexOf(table: TermTable): TermIndex {
  let index = indexes.get(table);
  // A table changed by hand (or read back from JSON) is indexed again.
  if (index === undefined || index.size !== table.keys.length) {
    index = new TermIndex(table);
    indexes.set(table, index);
  }
  return index;
}

// ---------------------------------------------------------------- adding

/**
 * Adds one verbatim's keywords and their 2- and 3-word expressions. A `null`
 * (a masked word) breaks the expressions, so none spans personal data;
 * expressions of one word repeated ("nul nul nul") say nothing a word does
 * not, and are skipped.
 */
export function addKeywords(words: TermTable, expressions: TermTable, keywords: ReadonlyArray<string | null>, budget: number | null): void {
  const w = indexOf(words);
  const e = indexOf(expressions);
  w.serial = (w.serial + 1) | 0;
  e.serial = (e.serial + 1) | 0;
  // Each keyword hashed once; a masked word's hash is never read (nor a slot left from another verbatim).
  // The second hash is read with a budget only (see `count`): without one, `seconds` hold 0, what is joined
  // from them is passed and ignored, and a new term's second hash is made at insertion (hashing every
  // keyword twice cost exact counting 9–15 % more on growing rows).
  reserveScratch(keywords.length);
  const hashes = hashScratch;
  const seconds = secondScratch;
  for (let i = 0; i < keywords.length; i++) {
    const k = keywords[i];
    if (k == null) continue;
    const h = hashOf(k);
    const h2 = budget === null ? 0 : secondHashOf(k);
    hashes[i] = h;
    seconds[i] = h2;
    count(words, w, h, h2, k, null, null, budget);
  }
  for (let i = 0; i + 1 < keywords.length; i++) {
    const a = keywords[i];
    const b = keywords[i + 1];
    if (a != null && b != null && a !== b) {
      count(expressions, e, joinHash(hashes[i] as number, b, hashes[i + 1] as number), joinSecondHash(seconds[i] as number, b, seconds[i + 1] as number), a, b, null, budget);
    }
  }
  for (let i = 0; i + 2 < keywords.length; i++) {
    const a = keywords[i];
    const b = keywords[i + 1];
    const c = keywords[i + 2];
    if (a == null || b == null || c == null || (a === b && b === c)) continue;
    const h = joinHash(joinHash(hashes[i] as number, b, hashes[i + 1] as number), c, hashes[i + 2] as number);
    const h2 = joinSecondHash(joinSecondHash(seconds[i] as number, b, seconds[i + 1] as number), c, seconds[i + 2] as number);
    count(expressions, e, h, h2, a, b, c, budget);
  }
}

/**
 * Adds one verbatim's pairs of entries: each `keys[i]` with each later
 * `keys[j]` that `skip` lets through, counted once, as the key
 * `keys[i]\tkeys[j]` (built only when the table first holds it). A pair table
 * is a word table whose occurrences are its verbatims, and is cut to its
 * budget the same way.
 */
export function addPairs(table: TermTable, keys: readonly string[], skip: ((i: number, j: number) => boolean) | null, budget: number | null): void {
  const index = indexOf(table);
  index.serial = (index.serial + 1) | 0;
  reserveScratch(keys.length);
  const hashes = hashScratch;
  const seconds = secondScratch;
  for (let i = 0; i < keys.length; i++) {
    hashes[i] = hashOf(keys[i] as string);
    seconds[i] = budget === null ? 0 : secondHashOf(keys[i] as string);
  }
  for (let i = 0; i < keys.length; i++) {
    const a = keys[i] as string;
    const ha = hashes[i] as number;
    const ha2 = seconds[i] as number;
    for (let j = i + 1; j < keys.length; j++) {
      if (skip !== null && skip(i, j)) continue;
      const b = keys[j] as string;
      count(table, index, joinHash(ha, b, hashes[j] as number, TAB), joinSecondHash(ha2, b, seconds[j] as number, TAB), a, b, null, budget, TAB);
    }
  }
}

/** The keywords' hashes, reused from verbatim to verbatim (the adds are synchronous): a typed array a verbatim cost more than its hashing. */
let hashScratch = new Int32Array(256);
let secondScratch = new Int32Array(256);

function reserveScratch(n: number): void {
  if (hashScratch.length >= n) return;
  hashScratch = new Int32Array(n * 2);
  secondScratch = new Int32Array(n * 2);
}

/**
 * Counts one occurrence of `a`, `a b` or `a b c` (hashes `h` and `h2`; a pair
 * joined by `sep`) in the current verbatim. Without a budget the term is
 * compared with the table's key, string to string: exact. With one, the table
 * is a summary with an error bound, and a term is told apart by its two
 * hashes, without reading the key (a cache miss a lookup, about half of a
 * lookup's cost): two different terms are counted as one only if they agree
 * on 64 bits of hash. Among n distinct terms passing through a table, the
 * chance that any two do is at most n²/2⁶⁵: one in 37 million for a million
 * terms, one in 10,000 for 60 million.
 */
function count(table: TermTable, index: TermIndex, h: number, h2: number, a: string, b: string | null, c: string | null, budget: number | null, sep = SPACE): void {
  table.total += 1;
  const { buckets, records, mask } = index;
  for (let bucket = bucketOf(h, mask); buckets[bucket] !== 0; bucket = (bucket + 1) & mask) {
    const slot = (buckets[bucket] as number) - 1;
    const at = RECORD * slot;
    if (records[at] !== h) continue;
    if (budget !== null) {
      if (records[at + 1] !== h2) continue;
    } else {
      const key = table.keys[slot] as string;
      if (b === null ? key !== a : c === null ? !isPair(key, a, b, sep) : !isTriple(key, a, b, c)) continue;
    }
    table.occurrences[slot] = (table.occurrences[slot] as number) + 1;
    if (records[at + 2] !== index.serial) {
      records[at + 2] = index.serial;
      table.verbatims[slot] = (table.verbatims[slot] as number) + 1;
    }
    return;
  }
  if (budget !== null && table.slack > 0 && !admitted(table, index, h, budget)) return;
  const key = b === null ? a : c === null ? a + String.fromCharCode(sep) + b : `${a} ${b} ${c}`;
  insert(table, index, budget === null ? Infinity : 2 * budget + 1, h, budget === null ? secondHashOf(key) : h2, key);
  if (budget !== null && table.keys.length > 2 * budget) cut(table, budget, index);
}

/**
 * Once a table has been cut, a term it does not hold enters on its second
 * occurrence only: the first is remembered in the doorkeeper (a Bloom filter,
 * two bits a term, 16 bits per term it holds), not counted. Most terms of a
 * long tail are seen once: they never enter, so the table is cut far less
 * often and holds the terms that come back. A term loses at most one
 * occurrence (and verbatim) each time the doorkeeper is emptied, which
 * happens after it has remembered 4·budget terms: each emptying adds 1 to the
 * slack, so the slack still bounds every count's shortfall, and the emptyings
 * add at most N / (4·budget) + 1 ≤ N / (budget + 1) to it (a table is cut
 * only after 2·budget + 1 terms entered it). The doorkeeper lives beside the
 * table, never in the state; a filter's false positive only lets a term in early.
 */
function admitted(table: TermTable, index: TermIndex, h: number, budget: number): boolean {
  const terms = 4 * budget;
  if (index.door === undefined || index.doorTerms >= terms) {
    // Emptied by a new one: once per 4·budget terms remembered.
    index.door = bloomFilter(terms);
    index.doorTerms = 0;
    table.slack += 1;
  }
  if (bloomHas(index.door, h, true)) return true;
  index.doorTerms++;
  return false;
}

function insert(table: TermTable, index: TermIndex, most: number, h: number, h2: number, key: string): void {
  index.reserve(most);
  const slot = table.keys.length;
  table.keys.push(key);
  table.occurrences.push(1);
  table.verbatims.push(1);
  index.records[RECORD * slot] = h;
  index.records[RECORD * slot + 1] = h2;
  index.records[RECORD * slot + 2] = index.serial;
  index.size = slot + 1;
  let bucket = bucketOf(h, index.mask);
  while (index.buckets[bucket] !== 0) bucket = (bucket + 1) & index.mask;
  index.buckets[bucket] = slot + 1;
}

// ---------------------------------------------------------------- cutting

/**
 * The n-th largest of non-negative integer counts (1-based; 0 when there are
 * fewer), in linear time: a histogram of the counts up to the table's length,
 * the larger ones sorted apart (there are few of them).
 */
export function nthLargest(values: readonly number[], n: number): number {
  const cap = values.length;
  const histogram = new Int32Array(cap + 1);
  const heavy: number[] = [];
  for (const v of values) {
    if (v > cap) heavy.push(v);
    else if (v > 0) histogram[v] = (histogram[v] as number) + 1;
  }
  if (heavy.length >= n) return heavy.sort((x, y) => y - x)[n - 1] as number;
  let seen = heavy.length;
  for (let v = cap; v > 0; v--) {
    seen += histogram[v] as number;
    if (seen >= n) return v;
  }
  return 0;
}

/** Subtracts the (k+1)-th largest occurrence count from every term and drops those left at 0 (in place). */
function cut(table: TermTable, k: number, index?: TermIndex): void {
  const c = nthLargest(table.occurrences, k + 1);
  if (c <= 0) return;
  const { keys, occurrences, verbatims } = table;
  let j = 0;
  for (let i = 0; i < keys.length; i++) {
    const left = (occurrences[i] as number) - c;
    if (left <= 0) continue;
    keys[j] = keys[i] as string;
    occurrences[j] = left;
    // A verbatim count never exceeds the occurrences, and loses at most the cut.
    verbatims[j] = Math.min(verbatims[i] as number, left);
    if (index !== undefined) index.records.copyWithin(RECORD * j, RECORD * i, RECORD * i + RECORD);
    j++;
  }
  keys.length = j;
  occurrences.length = j;
  verbatims.length = j;
  table.slack += c;
  if (index !== undefined) {
    index.size = j;
    index.rehash();
  }
}

// ---------------------------------------------------------------- merging

const copyOf = (t: TermTable): TermTable => ({
  keys: t.keys.slice(),
  occurrences: t.occurrences.slice(),
  verbatims: t.verbatims.slice(),
  total: t.total,
  slack: t.slack,
});

/** The sum of tables, as a new table (keys in first-seen order); no cut. */
export function sumTermTables(tables: readonly TermTable[]): TermTable {
  const nonEmpty = tables.filter((t) => t.keys.length > 0);
  const out = nonEmpty.length === 1 ? copyOf(nonEmpty[0] as TermTable) : emptyTermTable();
  out.total = 0;
  out.slack = 0;
  for (const t of tables) {
    out.total += t.total;
    out.slack += t.slack;
  }
  if (nonEmpty.length <= 1) return out;
  const at = new Map<string, number>();
  for (const t of nonEmpty) {
    for (let i = 0; i < t.keys.length; i++) {
      const key = t.keys[i] as string;
      const slot = at.get(key);
      if (slot === undefined) {
        at.set(key, out.keys.length);
        out.keys.push(key);
        out.occurrences.push(t.occurrences[i] as number);
        out.verbatims.push(t.verbatims[i] as number);
      } else {
        out.occurrences[slot] = (out.occurrences[slot] as number) + (t.occurrences[i] as number);
        out.verbatims[slot] = (out.verbatims[slot] as number) + (t.verbatims[i] as number);
      }
    }
  }
  return out;
}

/**
 * Merges two tables into a new one: the sum, cut back as an add would when it
 * holds more than 2·budget terms. Commutative, and associative within the
 * bound stated above (exactly, without a budget or while nothing is cut).
 */
export function mergeTermTables(a: TermTable, b: TermTable, budget: number | null): TermTable {
  const out = sumTermTables([a, b]);
  if (budget !== null && out.keys.length > 2 * budget) cut(out, budget);
  return out;
}

/**
 * `mergeTermTables(into, b, budget)` computed in `into` itself (keys in the
 * same order, the same cut): `b`'s terms are looked up through `into`'s index,
 * so a merge costs what `b` holds, not what the sum does. For a merge of many
 * states into one it made (`into` must be no table the caller gave); `b` is
 * left as it was.
 */
export function mergeTermTableInto(into: TermTable, b: TermTable, budget: number | null): TermTable {
  const index = indexOf(into);
  into.total += b.total;
  into.slack += b.slack;
  for (let i = 0; i < b.keys.length; i++) {
    const key = b.keys[i] as string;
    const h = hashOf(key);
    let slot = -1;
    for (let bucket = bucketOf(h, index.mask); index.buckets[bucket] !== 0; bucket = (bucket + 1) & index.mask) {
      const at = (index.buckets[bucket] as number) - 1;
      if (index.records[RECORD * at] === h && into.keys[at] === key) {
        slot = at;
        break;
      }
    }
    if (slot < 0) {
      insert(into, index, Infinity, h, secondHashOf(key), key);
      slot = into.keys.length - 1;
      into.occurrences[slot] = 0;
      into.verbatims[slot] = 0;
    }
    into.occurrences[slot] = (into.occurrences[slot] as number) + (b.occurrences[i] as number);
    into.verbatims[slot] = (into.verbatims[slot] as number) + (b.verbatims[i] as number);
  }
  if (budget !== null && into.keys.length > 2 * budget) cut(into, budget, index);
  return into;
}

// ---------------------------------------------------------------- reading

/**
 * Slots of the `max` first terms by verbatims, then occurrences, then key
 * (code-unit order), among those `keep` accepts: one pass, no sort of the table.
 */
export function topTerms(table: TermTable, max: number, keep: (key: string, verbatims: number) => boolean): number[] {
  const { keys, occurrences: o, verbatims: v } = table;
  const top: number[] = [];
  if (max <= 0) return top;
  const before = (i: number, j: number): boolean => {
    const vi = v[i] as number;
    const vj = v[j] as number;
    if (vi !== vj) return vi > vj;
    const oi = o[i] as number;
    const oj = o[j] as number;
    if (oi !== oj) return oi > oj;
    return compareStrings(keys[i] as string, keys[j] as string) < 0;
  };
  for (let i = 0; i < keys.length; i++) {
    if (top.length === max && !before(i, top[max - 1] as number)) continue;
    if (!keep(keys[i] as string, v[i] as number)) continue;
    let p = top.length < max ? top.push(i) - 1 : max - 1;
    while (p > 0 && before(i, top[p - 1] as number)) {
      top[p] = top[p - 1] as number;
      p--;
    }
    top[p] = i;
  }
  return top;
}
