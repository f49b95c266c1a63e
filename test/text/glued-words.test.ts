import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, createAnalyzer, tokenize } from '../../src/index.js';

const words = (text: string): string[] => tokenize(text).filter((t) => t.kind === 'word').map((t) => t.text);

describe('words glued by a missing space', () => {
  it.each([
    ['Rien à redire, pas déçuTout est arrivé', ['Rien', 'à', 'redire', 'pas', 'déçu', 'Tout', 'est', 'arrivé']],
    ['Livraison rapideJe recommande', ['Livraison', 'rapide', 'Je', 'recommande']],
    ['Emballage soignéÇa fait plaisir', ['Emballage', 'soigné', 'Ça', 'fait', 'plaisir']],
    ['colis reçuÉtat parfait', ['colis', 'reçu', 'État', 'parfait']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([['PayPal'], ['McDonald'], ['LeBonCoin'], ['iPhone'], ['eBay'], ['myCanal'], ['laPoste'], ['TRÈS'], ['Déçu']])(
    'camel-case names and capitals stay one word: %s',
    (name) => {
      expect(words(`payé avec ${name} hier`)).toEqual(['payé', 'avec', name, 'hier']);
    },
  );

  // The glue is a missing ". ": the capitalised word starts a sentence, and the negation stops before it.
  it.each([
    ['Pas de souciVendeur très sympa', 'Pas de souci. Vendeur très sympa'],
    ['Jamais déçuLivraison rapide, produit top', 'Jamais déçu. Livraison rapide, produit top'],
    ['Aucun problèmeTrès bon vendeur', 'Aucun problème. Très bon vendeur'],
  ])('%s reads as %s', (glued, spaced) => {
    const analyzer = createAnalyzer();
    const a = analyze(glued, analyzer);
    const b = analyze(spaced, analyzer);
    expect({ tonality: a.tonality, irritants: a.irritants, enchantments: a.enchantments }).toEqual({
      tonality: b.tonality,
      irritants: b.irritants,
      enchantments: b.enchantments,
    });
  });

  it('split tokens still slice back to the text', () => {
    const lower = fc.constantFrom(...'abcdeéèçàùôtrsu');
    const upper = fc.constantFrom(...'ABCDÉÈÇTRS');
    const piece = fc.tuple(fc.array(lower, { minLength: 0, maxLength: 6 }), fc.option(upper), fc.array(lower, { maxLength: 4 })).map(([a, b, c]) => a.join('') + (b ?? '') + c.join(''));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const text = parts.join(' ');
        for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
      }),
    );
  });
});
