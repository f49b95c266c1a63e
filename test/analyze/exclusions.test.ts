import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, parseLexicon } from '../../src/index.js';

// An exclusion with a gap speaks for its own clause only.
const lexicon = parseLexicon(
  `version: 1
negation:
  breaks: [",", ";", "(", ")", ":", car, mais]
entries:
  - id: livraison
    kind: theme
    label: Livraison
    terms: [ "commande" ]
  - id: non_recu
    kind: irritant
    theme: livraison
    label: Non reçu
    terms: [ "non reçu|pas reçu|jamais reçu" ]
    exclude: [ "reçu {0,3} code", "objet : jamais reçu" ]
`,
  { file: 'exclusions.yml' },
);
const analyzer = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [lexicon] });

describe('exclusions', () => {
  it.each([
    ['commande non reçu car pas de code', ['non_recu']],
    ['commande pas reçu mais code promo bien reçu', ['non_recu']],
    ['pas reçu, le code', []],
    ['commande jamais reçu ; le code arrive demain', ['non_recu']],
    ['toujours pas reçu le code de validation', []],
    ['pas reçu mon code', []],
    ['pas reçu (le code) hier', []],
    ['Objet : jamais reçu', []],
  ])('%j → %j', (text, irritants) => {
    expect(analyze(text, analyzer).irritants).toEqual(irritants);
  });
});

describe('a break word the exclusion writes itself', () => {
  const written = createAnalyzer({
    includeDefault: false,
    includeBaseSentiment: false,
    lexicons: [
      parseLexicon(
        `version: 1
negation:
  breaks: [",", mais]
entries:
  - id: prix
    kind: theme
    label: Prix
    terms: [ "prix" ]
  - id: cher
    kind: irritant
    theme: prix
    label: Cher
    terms: [ "cher" ]
    exclude: [ "cher {0,2} mais {0,3} vaut le prix", "cher {0,3} vaut le prix" ]
`,
        { file: 'written-break.yml' },
      ),
    ],
  });
  it.each([
    ['un peu cher mais ça vaut le prix', []],
    ['cher, mais il vaut le prix', []],
    ['cher car il vaut le prix', []],
    ['trop cher mais livré vite', ['cher']],
    ['cher mais pas vraiment ce que vaut le prix', ['cher']],
  ])('%j → %j', (text, irritants) => {
    expect(analyze(text, written).irritants).toEqual(irritants);
  });
});
