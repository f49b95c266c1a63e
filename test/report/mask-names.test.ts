// Names and their other mentions (src/report/mask-names.ts): whatever the text
// around them, a surname masked once is masked wherever it is written again,
// and a name span never cuts a word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/report/mask.js';
import { isFirstName } from '../../src/report/mask-names.js';

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
const SURNAMES = ['Kerbrat', 'Nguyen', 'Lemoine', 'Dufour', 'Benali', 'Ferrière'];

// Texts made of name cues, surnames, ordinary words and their accented or capitalised forms.
const piece = fc.oneof(
  fc.constantFrom(...SURNAMES),
  fc.constantFrom(
    'Madame', 'mme', 'M.', 'Mr', 'Dr', 'conseillère', 'Conseiller', 'agent', 'Cordialement', 'bien', 'à', 'vous', 'Bonjour', 'merci',
    "je m'appelle", 'je m’appelle', 'me nomme', 'Julie', 'Hélène', 'Jean-Pierre', 'Émilie', 'de', 'La', 'le', 'la', 'colis', 'reçu',
    'très', 'déçu', 'Orange', 'livreur', 'Chronopost', 'A.', 'J.-P.', 'Saint', 'nguyen', 'KERBRAT', 'Kerbrat-Nguyen', 'l’Agence',
  ),
  fc.stringMatching(/^[a-zéèêàç]{2,9}$/u),
);
const gap = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '.\n', ' : ', '\n', ' (', ') ', '\u00a0', ' ! ');
const text = fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([p, g]) => p + g).join(''));

describe('names and their mentions', () => {
  it('property: a surname masked in a name is masked wherever else it is written as a word', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = findPersonalData(t);
        const covered = (s: number, e: number): boolean => found.some((f) => f.start <= s && e <= f.end);
        const words = [...t.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
        const masked = new Set(words.filter((w) => SURNAMES.includes(w.text) && found.some((f) => f.kind === 'name' && f.start <= w.start && w.end <= f.end)).map((w) => w.text));
        for (const w of words) if (masked.has(w.text)) expect(covered(w.start, w.end), `${w.text} at ${w.start} in ${JSON.stringify(t)}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a name span starts and ends on a word boundary', () => {
    fc.assert(
      fc.property(text, (t) => {
        const starts = new Set<number>();
        const ends = new Set<number>();
        for (const m of t.matchAll(WORD)) {
          starts.add(m.index);
          ends.add(m.index + m[0].length);
        }
        for (const f of findPersonalData(t)) {
          if (f.kind !== 'name') continue;
          // A name may end on an initial's dot ("A.", "J.-P.").
          expect(starts.has(f.start), JSON.stringify([t, f])).toBe(true);
          expect(ends.has(f.end) || t[f.end - 1] === '.', JSON.stringify([t, f])).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['Mme Kerbrat a appelé. Kerbrat attend toujours.', ['Kerbrat', 'Kerbrat']],
    ['Votre conseillère Hélène Dufour. Dufour ne répond plus, dufour non plus.', ['Hélène Dufour', 'Dufour']],
    // A name written in lower case is masked where it comes back capitalised; a lower-case word is no mention.
    ['Je m’appelle julie nguyen et Nguyen est mon nom', ['julie nguyen', 'Nguyen']],
    ['Madame Rose Dufour a offert une rose. Rose Dufour, DUFOUR.', ['Rose Dufour', 'Rose', 'Dufour', 'DUFOUR']],
    ['Cordialement,\nJean-Pierre Lemoine', ['Jean-Pierre Lemoine']],
    // A first name of three parts, and elided names spelled again.
    ['Marie-Jean-Pierre a rappelé', ['Marie-Jean-Pierre']],
    ['Merci Émilie-Marc-Antoine !', ['Émilie-Marc-Antoine']],
    ['Mme d’Estienne a appelé, d’Estienne attend', ['d’Estienne', 'd’Estienne']],
  ])('%j: the names masked are %j', (input, names) => {
    expect(findPersonalData(input).filter((f) => f.kind === 'name').map((f) => input.slice(f.start, f.end))).toEqual(names);
  });

  it.each([
    ['julie', true],
    ['jean-pierre', true],
    ['marie-jean-pierre', true],
    ['marine-laure', true],
    ['emma-marine-laure', true],
    ['marine', false],
    ['jean-', false],
    ['-jean', false],
    ['jean--pierre', false],
    ['jean-dupont', false],
  ])('isFirstName(%j) is %s', (folded, expected) => {
    expect(isFirstName(folded)).toBe(expected);
  });

  it('reads a long chain of first names part by part', () => {
    expect(isFirstName(`${'jean-'.repeat(20_000)}x`)).toBe(false);
    expect(isFirstName(`${'jean-'.repeat(20_000)}paul`)).toBe(true);
  });
});
