import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aPair, histogramMean, histogramQuantile } from '../../src/report/stats.js';

const hist = (values: number[]) => {
  const h: Record<string, number> = {};
  for (const v of values) h[String(v)] = (h[String(v)] ?? 0) + 1;
  return h;
};

describe('histogram statistics (type-7 quantiles, as Excel PERCENTILE.INC)', () => {
  it.each([
    // values, p, expected — hand-computed with h = (n − 1)·p
    [[5], 0.5, 5],
    [[1, 2, 3], 0.5, 2],
    [[4, 6, 10, 20], 0.5, 8], // mean of the two middle values
    [[4, 6, 10, 20], 0.1, 4.6], // h = 0.3 → 4 + 0.3·(6 − 4)
    [[4, 6, 10, 20], 0.9, 17], // h = 2.7 → 10 + 0.7·(20 − 10)
    [[1, 1, 1, 9], 0.5, 1],
    [[0, 10], 0.1, 1],
    [[3, 1, 2, 5, 4], 0.9, 4.6],
  ])('quantile of %j at %d is %d', (values, p, expected) => {
    expect(histogramQuantile(hist(values), p)).toBeCloseTo(expected, 10);
  });

  it('is null on an empty histogram', () => {
    expect(histogramQuantile({}, 0.5)).toBeNull();
    expect(histogramMean({})).toBeNull();
  });

  it('mean does not depend on key insertion order', () => {
    expect(histogramMean({ '0.1': 3, '0.2': 1, '0.7': 2 })).toBe(histogramMean({ '0.7': 2, '0.2': 1, '0.1': 3 }));
  });

  it('fnv1a is the 32-bit FNV-1a hash', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('fnv1aPair(a, b) is fnv1a of a, a NUL and b (an example keeps its rank)', () => {
    expect(fnv1aPair('irritant.attente', 'R-12')).toBe(fnv1a('irritant.attente\u0000R-12'));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => fnv1aPair(a, b) === fnv1a(`${a}\u0000${b}`)));
  });
});
