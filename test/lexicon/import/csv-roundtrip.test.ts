// Property: any CSV of valid rows converts, and every term of every row ends
// up in the layer, in the entry of its id, whatever the delimiter, quoting,
// header and line ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineLexicon, importDictionary } from '../../../src/index.js';

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** Names a header row may use: a first row of them would read as a header. */
const HEADER_WORDS = new Set(['id', 'category', 'categorie', 'concept', 'key', 'cle', 'label', 'name', 'nom']);

const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèêàçôûœ');
const word = fc.array(letter, { minLength: 1, maxLength: 9 }).map((l) => l.join(''));
/** A word, a word with an elision (d'attente), or a glob of 3+ letters. */
const position = fc.oneof(
  word,
  fc.tuple(fc.constantFrom('d', 'l', 'qu'), word).map(([e, w]) => `${e}'${w}`),
  fc.array(letter, { minLength: 3, maxLength: 7 }).map((l) => `${l.join('')}*`),
);
const phrase = fc.array(position, { minLength: 1, maxLength: 3 }).map((p) => p.join(' '));
/** A term: a phrase, alternatives, or two phrases with a gap. */
const term = fc.oneof(
  phrase,
  fc.array(phrase, { minLength: 2, maxLength: 3 }).map((a) => a.join('|')),
  fc.tuple(phrase, fc.integer({ min: 0, max: 3 }), phrase).map(([a, n, b]) => `${a} {0,${n + 1}} ${b}`),
);
const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).filter((s) => !HEADER_WORDS.has(s));
const kind = fc.constantFrom(undefined, 'theme', 'irritant', 'enchantment', 'intent');
const row = fc.record({ id, term, kind });

describe('CSV of terms', () => {
  it('every term of a CSV of valid rows ends up in the layer, under its id', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(';', ',', '\t'),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, delimiter, header, eol, quoteAll) => {
          const cell = (s: string): string => (quoteAll || s.includes(delimiter) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
          const lines = rows.map((r) => [r.id, r.term, r.kind ?? ''].map(cell).join(delimiter));
          const text = [...(header ? [['id', 'term', 'kind'].join(delimiter)] : []), ...lines].join(eol) + eol;
          const { lexicon } = importDictionary(text, { from: 'csv' });
          // A valid layer (written to a file and read back in import.test.ts).
          expect(() => defineLexicon(lexicon)).not.toThrow();
          const terms = new Map((lexicon.entries ?? []).map((e) => [e.id, new Set((e.terms ?? []).map(fold))]));
          for (const r of rows) expect(terms.get(r.id)?.has(fold(r.term)), `${r.id}: ${r.term}`).toBe(true);
          expect(terms.size).toBe(new Set(rows.map((r) => r.id)).size);
        },
      ),
      { numRuns: 60 },
    );
  });
});
