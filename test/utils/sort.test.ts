import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortUnlessSorted } from '../../src/_utils/sort.js';

const byStart = (a: { start: number; id: string }, b: { start: number; id: string }): number => a.start - b.start;

describe('sortUnlessSorted', () => {
  it('gives what a stable sort gives, in place', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: 0, max: 5 }), id: fc.string() }), { maxLength: 40 }), (list) => {
        const expected = [...list].sort(byStart);
        const copy = [...list];
        expect(sortUnlessSorted(copy, byStart)).toBe(copy);
        expect(copy).toEqual(expected);
      }),
    );
  });

  it('leaves a sorted list alone, ties in their order', () => {
    const list = [{ start: 1, id: 'b' }, { start: 1, id: 'a' }, { start: 2, id: 'c' }];
    const before = [...list];
    sortUnlessSorted(list, byStart);
    expect(list).toEqual(before);
  });
});
