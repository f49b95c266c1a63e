// Modality scope (docs/lexicon-format.md § Modality): an enchantment the customer
// was promised, asked for, hoped for or refused did not happen; a problem
// named under a condition or a precaution ("en cas de retard", "pour éviter
// la casse") did not happen either. Read like negation, on the unit stream,
// inside the match's clause.
import type { Lexicon } from '../lexicon/types.js';
import { clauseStartOf, isBreak, type ClauseIndex, type NegationConfig, type Unit } from './negation.js';

export type Modality = 'promise' | 'unreal' | 'hypothetical';
type MarkerKind = Modality | 'kept';

interface Marker {
  keys: readonly string[];
  kind: MarkerKind;
}

export interface ModalityConfig {
  /** Markers by their last key, so a position is checked with one lookup. */
  byLast: ReadonlyMap<string, readonly Marker[]>;
  /** Words before a match where a marker still governs it. */
  window: number;
  /** Entry counted instead of a match cancelled by a promise. */
  promiseAs: string | undefined;
}

/** Words after a match where a marker still governs it ("un geste m'avait été promis"). */
const AFTER = 4;

export function createModalityConfig(lexicon: Lexicon, keysOf: (phrase: string) => string[]): ModalityConfig {
  const byLast = new Map<string, Marker[]>();
  const add = (phrases: readonly string[], kind: MarkerKind): void => {
    for (const phrase of phrases) {
      const keys = keysOf(phrase);
      const last = keys[keys.length - 1];
      if (last === undefined) continue;
      const list = byLast.get(last);
      if (list === undefined) byLast.set(last, [{ keys, kind }]);
      else list.push({ keys, kind });
    }
  };
  const m = lexicon.modality;
  add(m.promise, 'promise');
  add(m.unreal, 'unreal');
  add(m.hypothetical, 'hypothetical');
  add(m.kept, 'kept');
  // Longest first: "comme promis" (kept) wins over "promis" (promise).
  for (const list of byLast.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { byLast, window: m.window, promiseAs: m.promiseAs ?? undefined };
}

/** The marker ending at unit `k` (and starting at or after `from`), if any. */
function markerAt(units: readonly Unit[], k: number, from: number, config: ModalityConfig): Marker | undefined {
  const u = units[k];
  const f = u?.facts;
  let list: readonly Marker[] | undefined;
  if (u !== undefined && f !== undefined && f.table.modality === config) {
    f.markers ??= config.byLast.get(u.key) ?? false;
    list = (f.markers || undefined) as readonly Marker[] | undefined;
  } else list = config.byLast.get(u?.key ?? '');
  if (list === undefined) return undefined;
  for (const marker of list) {
    const first = k - marker.keys.length + 1;
    if (first < from) continue;
    let ok = true;
    for (let s = 0; s < marker.keys.length && ok; s += 1) if (units[first + s]?.key !== marker.keys[s]) ok = false;
    if (ok) return marker;
  }
  return undefined;
}

/**
 * The modality governing units [start, end): the nearest marker among the
 * `window` words before the match in its clause, else among the few words
 * after it. `kept` markers ("comme promis") mean none. `inside`: a marker
 * may also end inside the span (a sentiment word that closes a marker:
 * "pour éviter").
 */
export function modalityOf(
  units: readonly Unit[],
  start: number,
  end: number,
  config: ModalityConfig,
  negation: NegationConfig,
  clauses?: ClauseIndex,
  inside = false,
): Modality | undefined {
  if (config.byLast.size === 0) return undefined;
  const sentence = units[start]?.sentence;
  const clauseStart = clauseStartOf(units, start, negation, clauses);
  let words = 0;
  for (let k = inside ? end - 1 : start - 1; k >= clauseStart && words <= config.window; k -= 1) {
    const marker = markerAt(units, k, clauseStart, config);
    if (marker !== undefined) return marker.kind === 'kept' ? undefined : marker.kind;
    if (units[k]?.kind === 'word') words += 1;
  }
  for (let k = end, seen = 0; k < units.length && seen < AFTER; k += 1) {
    if (isBreak(units, k, negation) || units[k]?.sentence !== sentence) break;
    const marker = markerAt(units, k, end, config);
    // A condition governs what follows it ("en cas de retard"), not what stands before it.
    if (marker !== undefined && marker.kind !== 'hypothetical') return marker.kind === 'kept' ? undefined : marker.kind;
    if (units[k]?.kind === 'word') seen += 1;
  }
  return undefined;
}
