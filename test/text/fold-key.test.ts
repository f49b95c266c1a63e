import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey } from '../../src/text/index.js';
import { computeFold } from '../../src/text/fold.js';

// Strings near the keys' shortcut: ASCII lowercase, digits, `'`, `-`, spaces, runs of one letter, and what folding changes.
const NEAR = ['a', 'aa', 'aaa', 'z', 'e', 'ee', '0', '9', "'", '-', ' ', 'A', '’', '`', '\u2011', 'é', 'œ', '\u00AD', '_', '.', '/', '~', '@'];
const near = fc.array(fc.constantFrom(...NEAR), { maxLength: 24 }).map((p) => p.join(''));
/** The words both properties run on. */
const WORDS: Array<[string, fc.Arbitrary<string>]> = [
  ['strings near the shortcut', near],
  ['full Unicode strings', fc.string({ unit: 'binary', maxLength: 40 })],
];

describe('foldKey', () => {
  it.each([
    ['pre-autorisation', 'pre-autorisation'],
    ["aujourd'hui", "aujourd'hui"],
    ['48h', '48h'],
    ['je suis', 'je suis'],
    ['nuuul', 'nul'],
    ['a1aa-aa', 'a1aa-aa'],
    ['Pré-autorisation', 'pre-autorisation'],
    ['l’avis', "l'avis"],
    ['', ''],
  ])('%j → %j', (word, expected) => {
    expect(foldKey(word)).toBe(expected);
  });

  it.each(WORDS)('%s: the same as the fold without shortcuts', (_name, words) => {
    fc.assert(
      fc.property(words, (word) => foldKey(word) === computeFold(word)),
      { numRuns: 3000 },
    );
  });

  // Compatibility forms whose decomposition is what an earlier step folds: an apostrophe or an uppercase ligature.
  it.each([
    ['\u0149', "'n"],
    ['\uff40', "'"],
    ['\u1fef', "'"],
    ['\u1d2d', 'ae'],
    ['l\uff40avis', "l'avis"],
  ])('%j → %j, its own key', (word, expected) => {
    expect(foldKey(word)).toBe(expected);
    expect(foldKey(expected)).toBe(expected);
  });

  it('every code point alone folds to its own key', () => {
    const notOwn: string[] = [];
    for (let point = 0; point < 0x110000; point += 1) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const key = foldKey(String.fromCodePoint(point));
      if (foldKey(key) !== key) notOwn.push(`U+${point.toString(16)}`);
    }
    expect(notOwn).toEqual([]);
  });

  it.each(WORDS)('%s: a key is its own key once folded', (_name, words) => {
    fc.assert(
      fc.property(words, (word) => foldKey(foldKey(word)) === foldKey(word)),
      { numRuns: 3000 },
    );
  });
});
