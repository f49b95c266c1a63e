// Internal helpers of the insight accumulators (never re-exported): argument checks
// and entry keys. Frequency tables and merging are in ../counts.ts, shared with the core.
import { ENTRY_KINDS, ENTRY_LISTS, type EntryKind, type VerbatimAnalysis } from '../../types.js';
import { describe, expectedError } from '../../_utils/describe.js';
import { distinct } from '../counts.js';

export { describe };

/** Entry kinds tracked by the insight analyses: every kind (the public name of `EntryKind` there). */
export type InsightEntryKind = EntryKind;

/** The non-empty strings of `values`, each once, in order (`values` itself when that is all it holds). */
export function uniqueStrings(values: readonly unknown[] | undefined): readonly string[] {
  const id = (v: unknown): v is string => typeof v === 'string' && v !== '';
  // An analysis' lists hold ids only: read as they are, without a copy.
  return Array.isArray(values) ? distinct(values.every(id) ? values : values.filter(id)) : [];
}

/** An entry of a verbatim: its kind, id and `kind:id` key (one object per entry and state, shared: never changed). */
export interface EntryItem {
  readonly kind: InsightEntryKind;
  readonly id: string;
  readonly key: string;
}

/**
 * The items made by the adds to a state (a side table, never stored). The
 * analyser gives the lexicon's own id strings: an entry's item is found
 * again without building anything, and counted under a key whose hash is known.
 */
const itemTables = new WeakMap<object, Map<InsightEntryKind, Map<string, EntryItem>>>();

/** The entries a verbatim carries, deduplicated, for the kinds asked; items made once per `state`. */
export function entryItems(a: VerbatimAnalysis, kinds: readonly InsightEntryKind[], state: object): EntryItem[] {
  let table = itemTables.get(state);
  if (table === undefined) itemTables.set(state, (table = new Map()));
  const items: EntryItem[] = [];
  for (const kind of kinds) {
    let known = table.get(kind);
    if (known === undefined) table.set(kind, (known = new Map()));
    for (const id of uniqueStrings(a[ENTRY_LISTS[kind]])) {
      let item = known.get(id);
      if (item === undefined) known.set(id, (item = { kind, id, key: entryKey(kind, id) }));
      items.push(item);
    }
  }
  return items;
}

/** A state's limit (`maxPairs`, `maxDays`…): an integer of at least 1, or null for none. */
export function assertLimit(value: number | null, name: string, fn: string): void {
  if (value !== null && !(Number.isInteger(value) && value >= 1)) throw expectedError(`${name} to be an integer of at least 1, or null, in ${fn}`, String(value));
}

/**
 * A limit of the merge of two states (`maxPairs`, `maxDays`…), or
 * `undefined` when they differ. A state written before the limit (absent)
 * counted everything, which any limit can take in: the other side's is kept.
 */
export function mergedLimit(a: number | null | undefined, b: number | null | undefined): number | null | undefined {
  if (a === undefined) return b ?? null;
  if (b === undefined) return a;
  return a === b ? a : undefined;
}

/** An entry's key in the insight states (`irritant:attente_excessive`); `splitEntryKey` reads it back. */
export const entryKey = (kind: InsightEntryKind, id: string): string => `${kind}:${id}`;

export function splitEntryKey(key: string): { kind: InsightEntryKind; id: string } {
  const i = key.indexOf(':');
  return { kind: key.slice(0, i) as InsightEntryKind, id: key.slice(i + 1) };
}


export function assertAnalysis(a: unknown, fn: string): asserts a is VerbatimAnalysis {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) {
    throw expectedError(`a VerbatimAnalysis in ${fn}`, describe(a));
  }
  const v = a as Partial<VerbatimAnalysis>;
  if (typeof v.channel !== 'string') {
    throw expectedError(`a VerbatimAnalysis with a string channel in ${fn}`, describe(v.channel));
  }
}

export function assertState(state: unknown, type: string, fn: string): void {
  if (typeof state !== 'object' || state === null || (state as { type?: unknown }).type !== type) {
    throw expectedError(`a ${type} state in ${fn}`, describe(state));
  }
}

export function assertKinds(kinds: unknown, fn: string): InsightEntryKind[] {
  if (!Array.isArray(kinds) || kinds.some((k) => !(ENTRY_KINDS as readonly unknown[]).includes(k))) {
    throw expectedError(`kinds among ${ENTRY_KINDS.join(', ')} in ${fn}`, describe(kinds));
  }
  return ENTRY_KINDS.filter((k) => kinds.includes(k));
}

export function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function nonNegativeInteger(value: unknown, name: string, fn: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw expectedError(`${name} to be a non-negative integer in ${fn}`, describe(value));
  }
  return value;
}

/** Percentage of `part` in `whole`, null on an empty base. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}
