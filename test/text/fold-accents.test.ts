// foldAccents: the one light accent fold (labels, cell values, names), beside foldKey.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldAccents, foldKey } from '../../src/text/fold.js';

/** What the five copies it replaced wrote by hand. */
const reference = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");

const PIECES = ['É', 'é', 'e\u0301', 'Ç', 'Œ', 'ß', 'İ', 'ﬁ', '’', "'", 'NUUUL', ' ', '\u00A0', '\uFEFF', 'Réseaux', 'Conseillère', 'Σ', '👍🏽', 'A', 'z', '~'];
const texts = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 20 }).map((p) => p.join(''));

describe('foldAccents', () => {
  it.each([
    ['Réseaux sociaux', 'reseaux sociaux'],
    ['Conseillère (chat)', 'conseillere (chat)'],
    ['L’ACCUEIL', "l'accueil"],
    ['Service Client', 'service client'],
    // Lighter than foldKey: stretched letters, ligatures and compatibility forms stay.
    ['NUUUL', 'nuuul'],
    ['Cœur', 'cœur'],
    ['ﬁn', 'ﬁn'],
  ])('%s → %s', (input, expected) => {
    expect(foldAccents(input)).toBe(expected);
  });

  it('equals the hand-written fold it replaced, ASCII fast path included', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(foldAccents(text)).toBe(reference(text));
    }), { numRuns: 500 });
  });

  it('is idempotent, and agrees with foldKey on accented French words', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(foldAccents(foldAccents(text))).toBe(foldAccents(text));
    }), { numRuns: 300 });
    for (const word of ['élève', 'Noël', 'ÇA', 'où', 'déçu', 'Hôtel']) expect(foldAccents(word)).toBe(foldKey(word));
  });
});
