// Internal helpers of the insight accumulators (never re-exported).
import { ENTRY_KINDS, ENTRY_LISTS, type EntryKind, type VerbatimAnalysis } from '../../types.js';

/** Frequency table. States use null-prototype dictionaries so any key is safe. */
export type Counts = Record<string, number>;

/** Entry kinds tracked by the insight analyses: every kind (the public name of `EntryKind` there). */
export type InsightEntryKind = EntryKind;

export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Own-property read: states may be plain objects (after JSON) with keys like `constructor`. */
export function get(counts: Counts, key: string): number {
  return Object.hasOwn(counts, key) ? (counts[key] as number) : 0;
}

export function addTo(counts: Counts, key: string, n = 1): void {
  counts[key] = (Object.hasOwn(counts, key) ? (counts[key] as number) : 0) + n;
}

export function mergeCounts(a: Counts, b: Counts): Counts {
  const out = dict<number>();
  for (const [k, v] of Object.entries(a)) addTo(out, k, v);
  for (const [k, v] of Object.entries(b)) addTo(out, k, v);
  return out;
}

/** The sum of many frequency tables in one pass (folding with mergeCounts copies the running total each time). */
export function sumCounts(list: Iterable<Counts>): Counts {
  const out = dict<number>();
  for (const counts of list) for (const [k, v] of Object.entries(counts)) addTo(out, k, v);
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

export function copyCounts(a: Counts): Counts {
  return mergeCounts(a, {});
}

/** Merges two keyed records of sub-states with `mergeValue`, copying one-sided values with `copy`. */
export function mergeRecords<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  mergeValue: (x: T, y: T) => T,
  copy: (x: T) => T,
): Record<string, T> {
  const out = dict<T>();
  for (const [k, v] of Object.entries(a)) out[k] = Object.hasOwn(b, k) ? mergeValue(v, b[k] as T) : copy(v);
  for (const [k, v] of Object.entries(b)) if (!Object.hasOwn(a, k)) out[k] = copy(v);
  return out;
}

export function sortedKeys(rec: Record<string, unknown>): string[] {
  return Object.keys(rec).sort(compareStrings);
}

/** Code-unit order: locale-independent, so results do not depend on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function uniqueStrings(values: readonly unknown[] | undefined): string[] {
  if (!Array.isArray(values)) return [];
  const seen = new Set<string>();
  for (const v of values) if (typeof v === 'string' && v !== '') seen.add(v);
  return [...seen];
}

/** `kind:id` keys of the entries a verbatim carries, deduplicated, for the kinds asked. */
export function entryKeys(a: VerbatimAnalysis, kinds: readonly InsightEntryKind[]): string[] {
  const keys: string[] = [];
  for (const kind of kinds) {
    for (const id of uniqueStrings(a[ENTRY_LISTS[kind]])) keys.push(`${kind}:${id}`);
  }
  return keys;
}

export function splitEntryKey(key: string): { kind: InsightEntryKind; id: string } {
  const i = key.indexOf(':');
  return { kind: key.slice(0, i) as InsightEntryKind, id: key.slice(i + 1) };
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export function assertAnalysis(a: unknown, fn: string): asserts a is VerbatimAnalysis {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) {
    throw new TypeError(`verbatim-fr: expected a VerbatimAnalysis in ${fn}, got ${describe(a)}`);
  }
  const v = a as Partial<VerbatimAnalysis>;
  if (typeof v.channel !== 'string') {
    throw new TypeError(`verbatim-fr: expected a VerbatimAnalysis with a string channel in ${fn}, got ${describe(v.channel)}`);
  }
}

export function assertState(state: unknown, type: string, fn: string): void {
  if (typeof state !== 'object' || state === null || (state as { type?: unknown }).type !== type) {
    throw new TypeError(`verbatim-fr: expected a ${type} state in ${fn}, got ${describe(state)}`);
  }
}

export function assertKinds(kinds: unknown, fn: string): InsightEntryKind[] {
  if (!Array.isArray(kinds) || kinds.some((k) => !(ENTRY_KINDS as readonly unknown[]).includes(k))) {
    throw new TypeError(`verbatim-fr: expected kinds among ${ENTRY_KINDS.join(', ')} in ${fn}, got ${describe(kinds)}`);
  }
  return ENTRY_KINDS.filter((k) => kinds.includes(k));
}

export function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function nonNegativeInteger(value: unknown, name: string, fn: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`verbatim-fr: expected ${name} to be a non-negative integer in ${fn}, got ${describe(value)}`);
  }
  return value;
}

/** Percentage of `part` in `whole`, null on an empty base. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}
