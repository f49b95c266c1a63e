// The one set of frequency-table helpers of the report (src/report/counts.ts): only
// addCount changes its argument; every key is safe, read by own property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCount, compareStrings, copyCounts, countOf, dict, distinct, mergeAll, mergeRecords, sortedKeys, sumCounts, type Counts } from '../../src/report/counts.js';

const KEYS = ['a', 'b', '10', '2', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'é'];
/** A table as a state read back from JSON would hold it: a plain object, any key. */
const table: fc.Arbitrary<Counts> = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 9 })), { maxLength: 8 })
  .map((pairs) => JSON.parse(`{${pairs.map(([k, n]) => `${JSON.stringify(k)}: ${n}`).join(',')}}`) as Counts);
const plain = (c: Counts): Record<string, number> => Object.fromEntries(Object.entries(c));

describe('addCount', () => {
  it.each(KEYS)('adds to "%s" on a plain object and on a dictionary', (key) => {
    for (const counts of [JSON.parse('{}') as Counts, dict<number>()]) {
      addCount(counts, key);
      addCount(counts, key, 2);
      expect(Object.hasOwn(counts, key)).toBe(true);
      expect(countOf(counts, key)).toBe(3);
    }
  });

  it('takes numbers as keys (score histograms)', () => {
    const hist = dict<number>();
    addCount(hist, 9);
    addCount(hist, 9);
    addCount(hist, 4.5);
    expect(plain(hist)).toEqual({ '9': 2, '4.5': 1 });
  });
});

describe('countOf', () => {
  it('reads own properties only', () => {
    expect(countOf({}, 'constructor')).toBe(0);
    expect(countOf({}, 'toString')).toBe(0);
    expect(countOf(JSON.parse('{"__proto__": 4}') as Counts, '__proto__')).toBe(4);
  });
});

describe('sumCounts and copyCounts return new tables', () => {
  it('leave their inputs as they were', () => {
    fc.assert(
      fc.property(table, table, (a, b) => {
        const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
        const sum = sumCounts([a, b]);
        const copy = copyCounts(a);
        expect(sum).not.toBe(a);
        expect(copy).not.toBe(a);
        addCount(sum, 'a');
        addCount(copy, 'a');
        expect([JSON.stringify(a), JSON.stringify(b)]).toEqual([ja, jb]);
      }),
    );
  });

  it('sum every count, in any grouping and order', () => {
    fc.assert(
      fc.property(table, table, table, (a, b, c) => {
        const whole = plain(sumCounts([a, b, c]));
        expect(plain(sumCounts([sumCounts([a, b]), c]))).toEqual(whole);
        expect(plain(sumCounts([c, b, a]))).toEqual(whole);
        for (const key of KEYS) expect(countOf(whole, key)).toBe(countOf(a, key) + countOf(b, key) + countOf(c, key));
        expect(plain(copyCounts(a))).toEqual(plain(a));
      }),
    );
  });
});

describe('merging states', () => {
  it('mergeRecords and mergeAll leave their inputs as they were', () => {
    fc.assert(
      fc.property(fc.array(table, { maxLength: 6 }), (tables) => {
        const before = JSON.stringify(tables);
        const total = mergeAll(tables, (x, y) => sumCounts([x, y]), dict<number>());
        expect(plain(total)).toEqual(plain(sumCounts(tables)));
        const records = tables.map((t, i) => ({ [`k${i % 2}`]: t }));
        mergeAll(records, (x, y) => mergeRecords(x, y, (p, q) => sumCounts([p, q]), copyCounts), {});
        expect(JSON.stringify(tables)).toBe(before);
      }),
    );
  });

  it('sort keys by code unit, whatever the locale', () => {
    expect(sortedKeys({ b: 1, é: 1, B: 1, a: 1, '10': 1, '2': 1 })).toEqual(['10', '2', 'B', 'a', 'b', 'é']);
    expect(['é', 'e', 'f'].sort(compareStrings)).toEqual(['e', 'f', 'é']);
  });
});

describe('distinct', () => {
  it('gives the list itself when no value repeats, and a copy without repeats in first-appearance order otherwise', () => {
    const ids = ['livraison.retard', 'prix.eleve', 'sav.reponse'];
    expect(distinct(ids)).toBe(ids);
    expect(distinct(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
    expect(distinct([])).toEqual([]);
    const long = Array.from({ length: 200 }, (_, i) => `id${i % 150}`);
    expect(distinct(long)).toEqual(Array.from({ length: 150 }, (_, i) => `id${i}`));
  });

  it('property: the same values as a Set, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 90 }), (list) => {
        expect(distinct(list)).toEqual([...new Set(list)]);
      }),
    );
  });
});
