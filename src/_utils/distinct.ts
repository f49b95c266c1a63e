/**
 * The values of `list`, each once, in order of first appearance: `list`
 * itself when no value repeats (an analysis' lists never do), so the report's
 * adds and the analysis, which ask this of every list of every verbatim,
 * allocate nothing in the usual case (a long list is copied through a set,
 * never compared pairwise).
 */
export function distinct<T>(list: T[]): T[];
export function distinct<T>(list: readonly T[]): readonly T[];
export function distinct<T>(list: readonly T[]): readonly T[] {
  return list.length < 64 && list.every((v, i) => list.indexOf(v) === i) ? list : [...new Set(list)];
}
