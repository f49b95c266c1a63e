// A term whose alternatives mix plain and negated spellings (`fuite|pas de
// retour`) keeps negation handling per alternative: the plain spelling is
// still cancelled when negated around it; only the spelling that holds a
// negation word itself is taken as written.
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, defineLexicon } from '../../src/index.js';

function analyzerFor(terms: string[]) {
  const doc = defineLexicon({
    version: 1,
    entries: [
      { id: 't', kind: 'theme', terms: ['zzzthemezzz'] },
      { id: 'x', kind: 'irritant', theme: 't', onNegation: 'cancel', terms },
    ],
  });
  return createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [doc] });
}

const hits = (text: string, terms: string[]): string[] => analyze(text, analyzerFor(terms)).matches.map((m) => m.text);

// Many one-word alternatives: the position joins a private node instead of the shared trie.
const many = Array.from({ length: 70 }, (_, i) => `objet${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join('|');

describe('negation is decided per alternative, not per term', () => {
  it.each([
    ['plain alternative negated around it', 'fuite|pas de retour', 'pas de fuite', []],
    ['plain alternative, not negated', 'fuite|pas de retour', 'une fuite sous l’évier', ['fuite']],
    ['negated alternative taken as written', 'fuite|pas de retour', 'toujours pas de retour', ['pas de retour']],
    ['negated alternative first in the list', 'pas répondu|répondu en retard', 'ils ont jamais répondu en retard', []],
    ['negated alternative first, written form', 'pas répondu|répondu en retard', 'ils ont pas répondu', ['pas répondu']],
    ['rien before a plain verb', 'se casse|aucune solidité', 'rien ne se casse', []],
    ['plain verb alone', 'se casse|aucune solidité', 'la poignée se casse', ['se casse']],
    ['inner negation on a gapped plain path', 'colis {0,2} abîmé|jamais arrivé', 'colis pas abîmé', []],
    ['gapped negated path', 'colis {0,2} abîmé|jamais arrivé', 'colis jamais arrivé', ['colis jamais arrivé']],
    ['gapped plain path', 'colis {0,2} abîmé|jamais arrivé', 'colis très abîmé', ['colis très abîmé']],
    ['private join nodes: plain path negated', `${many} {0,1} cassé|jamais livré`, 'objetab pas cassé', []],
    ['private join nodes: negated path', `${many} {0,1} cassé|jamais livré`, 'objetab jamais livré', ['objetab jamais livré']],
    ['private join nodes: plain path', `${many} {0,1} cassé|jamais livré`, 'objetab cassé', ['objetab cassé']],
    ['private join nodes, negation in the first position', `${many}|sans objet {0,1} cassé`, 'objetab pas cassé', []],
  ])('%s', (_name, term, text, expected) => {
    expect(hits(text, [term])).toEqual(expected);
  });

  it('keeps the negated flag on the matches that hold the negation word', () => {
    const r = analyze('pas de retour, une fuite', analyzerFor(['fuite|pas de retour']));
    expect(r.matches.map((m) => [m.text, m.negated])).toEqual([
      ['pas de retour', false],
      ['fuite', false],
    ]);
  });
});

describe('default lexicons: mixed lines no longer fire on their negated plain words', () => {
  const a = createAnalyzer();
  it.each([
    ["Le vendeur n'était pas désagréable du tout.", 'personnel_desagreable', false],
    ['Vendeur désagréable.', 'personnel_desagreable', true],
    ['Vendeuse pas aimable.', 'personnel_desagreable', true],
    ['Aucune fuite depuis six mois.', 'produit_defectueux', false],
    ['Robuste, rien ne se casse.', 'produit_defectueux', false],
    ['Le robinet fuit depuis une semaine.', 'produit_defectueux', true],
  ])('%j -> %s %s', (text, id, expected) => {
    expect(analyze(text, a).irritants.includes(id)).toBe(expected);
  });
});
