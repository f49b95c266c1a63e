import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey } from '../../src/text/index.js';
import { charFold, foldText } from '../../src/text/fold.js';

/** What foldText promises: the whole text folded at once, whitespace runs as one space. */
const reference = (text: string): string => foldKey(text).replace(/\s+/g, ' ');

// Characters where folding word by word could part from folding the whole text.
const PIECES = [
  ' ', '  ', '\n', '\t', '\u00A0', '\u202F', '\u2003', '\u3000', '\u2028', '\uFEFF', '\u200B', '\u00AD', '\u00A8', '\u0301',
  'É', 'é', 'e\u0301', 'Œ', 'ß', 'ΑΣ', 'Σ', 'α', '\u{1D6BA}', '\uD800', '\uDC00', '👍🏽', '\uFE0F', 'İ', 'ﬁ', '℡', 'NUUUL', 'aa', 'a', '’', '`', 'ʼ', '\u2011', 'Nous', 'équipe',
];
const pieces = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 40 }).map((p) => p.join(''));

describe('foldText', () => {
  it.each([
    ['Nous  SOMMES\u00A0désolés', 'nous sommes desoles'],
    ['a \uFEFF b', 'a b'],
    ['ΟΔΟΣ ΑΣ', 'οδος ας'],
    ['α\u{1D6BA} x', 'ας x'],
    ['x \u00A8 y', 'x y'],
    ['  Merciii ', ' merci '],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(foldText(text)).toBe(expected);
    expect(foldText(text)).toBe(reference(text));
  });

  it.each([
    ['full Unicode strings', fc.string({ unit: 'binary', maxLength: 120 })],
    ['folding edge cases', pieces],
  ])('%s: the same as folding the whole text', (_name, arbitrary) => {
    fc.assert(fc.property(arbitrary as fc.Arbitrary<string>, (text) => foldText(text) === reference(text)), { numRuns: 2000 });
  });

  it('texts longer than its buffer and than one string conversion (8,192 units): the same', () => {
    const long = fc.array(fc.constantFrom('Très ', 'déçu ', 'Œuvre ', 'nuuuul ', '👍👍👍 ', '\u2003', 'ß', '… ', '!!! '), { minLength: 2000, maxLength: 4000 }).map((p) => p.join(''));
    fc.assert(
      fc.property(long, (text) => {
        expect(foldText(text)).toBe(reference(text));
      }),
      { numRuns: 20 },
    );
  });

  it('the fold of any character it reads alone holds no whitespace but a space (foldText writes folds as they are)', () => {
    const otherSpace = /[^\S ]/u;
    let read = 0;
    for (let point = 0; point < 0x110000; point += 1) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const folded = charFold(point);
      if (folded === undefined) continue;
      read += 1;
      expect(otherSpace.test(folded), `U+${point.toString(16)} folds to ${JSON.stringify(folded)}`).toBe(false);
    }
    expect(read).toBeGreaterThan(5000);
  });
});
