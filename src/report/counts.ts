/**
 * Frequency tables (value → count) and the merging of report states: the one
 * set of helpers the core and every section use. Tables are null-prototype
 * dictionaries read by own property, so keys taken from user text
 * (`__proto__`, `constructor`) are safe. Only `addCount` changes its
 * argument; every other function returns a new table and leaves its inputs as
 * they were.
 */

/** Frequency table: value → count. */
export type Counts = Record<string, number>;

export { distinct } from '../_utils/distinct.js';

/** An empty dictionary, safe for keys taken from user text. */
export function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** Own property lookup on a user-given record (a state read back from JSON is a plain object). */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The count of `key` in `counts` (0 when absent). */
export function countOf(counts: Readonly<Counts>, key: string): number {
  return own(counts, key) ?? 0;
}

/**
 * Adds `n` (default 1) to the count of `key`, in place: the one helper here
 * that changes its argument. Any key, `__proto__` included, even on a plain
 * object (a state read back from JSON).
 */
export function addCount(counts: Counts, key: string | number, n = 1): void {
  const k = typeof key === 'string' ? key : String(key);
  if (k === '__proto__') {
    Object.defineProperty(counts, k, { value: countOf(counts, k) + n, writable: true, enumerable: true, configurable: true });
    return;
  }
  // One lookup for the usual case: a number is an own count (Object.prototype holds none), anything
  // else (absent, or inherited on a plain object read back from JSON) is read as an own property.
  const known = counts[k];
  counts[k] = (typeof known === 'number' ? known : countOf(counts, k)) + n;
}

/** The sum of frequency tables in one pass, as a new table (keys in first-seen order). */
export function sumCounts(tables: Iterable<Readonly<Counts>>): Counts {
  const out = dict<number>();
  for (const counts of tables) for (const [k, v] of Object.entries(counts)) addCount(out, k, v);
  return out;
}

/** A new table with the counts of `counts`. */
export function copyCounts(counts: Readonly<Counts>): Counts {
  return sumCounts([counts]);
}

/** Code-unit order: locale-independent, so results do not depend on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys of a record in code-unit order. */
export function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).sort(compareStrings);
}

/** Merges two keyed records of sub-states with `mergeValue`, copying one-sided values with `copy`; a new record. */
export function mergeRecords<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  mergeValue: (x: T, y: T) => T,
  copy: (x: T) => T,
): Record<string, T> {
  const out = dict<T>();
  for (const [k, v] of Object.entries(a)) out[k] = Object.hasOwn(b, k) ? mergeValue(v, b[k] as T) : copy(v);
  for (const [k, v] of Object.entries(b)) if (!Object.hasOwn(a, k)) out[k] = copy(v);
  return out;
}

/**
 * Merges many states with an associative `merge`, pairwise in a balanced tree:
 * each value is copied O(log n) times instead of O(n) in a left fold, so
 * thousands of channels merge in near-linear time.
 */
export function mergeAll<T>(items: readonly T[], merge: (a: T, b: T) => T, empty: T): T {
  if (items.length === 0) return empty;
  let level: T[] = [...items];
  while (level.length > 1) {
    const next: T[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? merge(level[i] as T, level[i + 1] as T) : (level[i] as T));
    level = next;
  }
  return merge(empty, level[0] as T);
}

/**
 * A record of per-channel values with all of them merged under `into` (pure;
 * `merge` must not change its arguments): how a section counts every channel
 * as one once there are too many. Keys `keep` says are not channels stay.
 */
export function mergeRecordInto<T>(record: Readonly<Record<string, T>>, into: string, merge: (a: T, b: T) => T, empty: () => T, keep: (key: string) => boolean = () => false): Record<string, T> {
  const out = dict<T>();
  const ids: string[] = [];
  for (const key of Object.keys(record)) {
    if (keep(key)) out[key] = record[key] as T;
    else ids.push(key);
  }
  if (ids.length === 0) return out;
  ids.sort(compareStrings);
  out[into] = mergeAll(
    ids.map((id) => record[id] as T),
    merge,
    empty(),
  );
  return out;
}
