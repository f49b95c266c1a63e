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
