import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, sentences, tokenize } from '../../src/text/index.js';

// What may lie between tokens: whitespace, control and invisible format characters.
const SKIPPABLE_RE = /^[\s\p{Cc}\p{Cf}]*$/u;

/** First broken invariant of `tokenize(text)`, or null (plain loop: a 1 MB text has 200k tokens). */
function brokenInvariant(text: string): string | null {
  const tokens = tokenize(text);
  let previousEnd = 0;
  for (const [i, token] of tokens.entries()) {
    if (token.start < previousEnd) return `token ${i} overlaps the previous one`;
    if (token.end <= token.start) return `token ${i} is empty`;
    if (text.slice(token.start, token.end) !== token.text) return `token ${i} text is not original.slice(start, end)`;
    if (!SKIPPABLE_RE.test(text.slice(previousEnd, token.start))) return `characters lost before token ${i}`;
    if (typeof token.norm !== 'string') return `token ${i} has no norm`;
    previousEnd = token.end;
  }
  if (!SKIPPABLE_RE.test(text.slice(previousEnd))) return 'characters lost after the last token';
  return null;
}

function checkTokens(text: string): void {
  expect(brokenInvariant(text), JSON.stringify(text)).toBeNull();
}

// Fragments that exercise every rule, so random strings hit the hard cases.
const FRAGMENTS = [
  "l'", 'l’', 'aujourd’hui', 'pouvez-vous', '-t-il', 'a-t-', "c'est-à-dire", '12,50', ' €', '1 250', '1\u202F250',
  '06 12 34 56 78', '+33 6', 'n°12', 'N° ', '#A-1', '#sav', '@x', 'x@y.fr', 'www.', 'site.fr', 'http://', '👍🏽',
  '👨‍👩‍👧', '🇫🇷', '1️⃣', '\u200D', '\uFE0F', '!!!', '?!', '…', '...', ':)', '<3', '\n', '\t', '\u00A0', 'NUUUL',
  'pk', 'jsuis', '\uD800', '\uDC00', '\u0000', '\u0301', 'é', 'œ', '-', "'", '’', '°', '%', '10h42', '12/03/2025',
];
const fragmentString = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));
const mixedString = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom(' ', 'a', '1')), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

describe('tokenize invariants', () => {
  it.each([
    ['full Unicode strings', fc.string({ unit: 'binary', maxLength: 200 })],
    ['strings with lone surrogates and controls', fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 })],
    ['French-looking fragments', fragmentString],
    ['fragments mixed with random graphemes', mixedString],
  ])('%s: ordered, non-overlapping, offsets round-trip, nothing but whitespace lost', (_name, arbitrary) => {
    fc.assert(fc.property(arbitrary as fc.Arbitrary<string>, (text) => checkTokens(text)), { numRuns: 400 });
  });

  it('never throws on a ~1 MB string, and keeps its invariants', () => {
    const unit = "Bonjour, l’accueil était NUUUL !!! pk ? 12,50 € le 12/03, n°123 👨‍👩‍👧 x@y.fr\n\uD800\u0000 ";
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(200_000);
    checkTokens(text);
  });

  it.each([
    ['a.', 500_000],
    ["l'", 500_000],
    ['a-', 500_000],
    ['a@', 500_000],
    ['#a-', 300_000],
    ['www.', 250_000],
    ['😀\u200D', 300_000],
    ['12 ', 300_000],
  ])('stays linear on %j repeated %i times (correctness only)', (unit, times) => {
    checkTokens(unit.repeat(times));
  });

  it('sentences round-trip offsets', () => {
    fc.assert(
      fc.property(mixedString, (text) => {
        let previousEnd = 0;
        for (const s of sentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalize invariants', () => {
  it.each([
    ['full Unicode strings', fc.string({ unit: 'binary', maxLength: 200 })],
    ['code units with lone surrogates', fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 })],
    ['French-looking fragments', fragmentString],
  ])('%s: idempotent', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<string>, (text) => {
        const once = normalize(text);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
