/**
 * Exact statistics over histograms (value → number of verbatims).
 *
 * Quantiles use linear interpolation between closest ranks (Hyndman–Fan
 * type 7, as Excel's PERCENTILE.INC and numpy's default): for n sorted values
 * x[0..n-1], q(p) = x[h] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n−1)·p.
 * The median is q(0.5): the middle value, or the mean of the two middle ones.
 */
import type { Histogram } from './types.js';

/** Histogram entries as numbers, ascending. */
function sortedBins(hist: Histogram): Array<[value: number, count: number]> {
  return Object.entries(hist)
    .map(([k, c]): [number, number] => [Number(k), c])
    .filter(([, c]) => c > 0)
    .sort((a, b) => a[0] - b[0]);
}

export function histogramCount(hist: Histogram): number {
  let n = 0;
  for (const c of Object.values(hist)) n += c;
  return n;
}

/** Mean over a histogram, summed in ascending value order so the float result never depends on insertion order. */
export function histogramMean(hist: Histogram): number | null {
  let n = 0;
  let sum = 0;
  for (const [v, c] of sortedBins(hist)) {
    n += c;
    sum += v * c;
  }
  return n === 0 ? null : sum / n;
}

/** The value at 0-based rank `i` of the sorted multiset. */
function valueAt(bins: Array<[number, number]>, i: number): number {
  let seen = 0;
  for (const [v, c] of bins) {
    seen += c;
    if (i < seen) return v;
  }
  return bins[bins.length - 1]?.[0] ?? Number.NaN;
}

/** Type-7 quantile (see module comment); null when empty. */
export function histogramQuantile(hist: Histogram, p: number): number | null {
  const bins = sortedBins(hist);
  let n = 0;
  for (const [, c] of bins) n += c;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = valueAt(bins, lo);
  if (h === lo) return a;
  const b = valueAt(bins, lo + 1);
  return a + (h - lo) * (b - a);
}

export const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Rounded value, or null. */
export const roundOrNull = (x: number | null, digits: number): number | null => (x === null ? null : round(x, digits));

/** Share of a total (0–1, 4 decimals), null when the total is 0. */
export const shareOf = (count: number, total: number): number | null => (total === 0 ? null : round(count / total, 4));

/** FNV-1a 32-bit hash of a string's UTF-16 code units (from state `h`): a stable rank for examples. */
export function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `fnv1a(a + '\u0000' + b)`, without building the string (an example's rank: entry id, then verbatim id). */
export const fnv1aPair = (a: string, b: string): number => fnv1a(b, Math.imul(fnv1a(a), 0x01000193));
