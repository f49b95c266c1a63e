// Long verbatims: the per-verbatim indexes that keep scope lookups O(1) must give
// what the plain scans give, and a long text must read like its sentences.
// (Their cost is measured in bench/long-text.bench.mjs, not here.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/index.js';
import { clauseStartOf, createNegationConfig, indexClauses, isNegated, type Unit } from '../../src/analyze/negation.js';

const config = createNegationConfig(
  { negators: ['ne', 'pas', 'plus', 'jamais', 'rien', 'aucun', 'sans', 'non', 'personne'], window: 4, breaks: [',', 'mais', 'car', 'par contre'] },
  (phrase) => phrase.split(' '),
);

const KEYS = ['ne', 'pas', 'plus', 'de', 'jamais', 'rien', 'aucun', 'sans', 'non', 'personne', 'la', 'je', 'colis', 'retard', 'mais', 'car', 'par', 'contre', 'que', ',', 'et', 'a', 'dire'];
const unitStream = fc
  .array(fc.record({ key: fc.constantFrom(...KEYS), kind: fc.constantFrom('word', 'word', 'word', 'emoji', 'punct'), newSentence: fc.boolean() }), { maxLength: 60 })
  .map((parts) => {
    let sentence = 0;
    return parts.map((p, token): Unit => {
      if (p.newSentence && token > 0 && token % 7 === 0) sentence += 1;
      const kind = p.key === ',' ? 'punct' : (p.kind as Unit['kind']);
      return { key: p.key, token, kind, sentence };
    });
  });

describe('clause index', () => {
  it('gives every unit the clause start the backward scan finds', () => {
    fc.assert(
      fc.property(unitStream, (units) => {
        const clauses = indexClauses(units, config);
        for (let k = 0; k < units.length; k += 1) expect(clauseStartOf(units, k, config, clauses)).toBe(clauseStartOf(units, k, config));
      }),
    );
  });

  it('decides negation as the plain scans do, for every span', () => {
    fc.assert(
      fc.property(unitStream, (units) => {
        const clauses = indexClauses(units, config);
        for (let start = 0; start < units.length; start += 1) {
          for (let end = start + 1; end <= Math.min(units.length, start + 3); end += 1) {
            expect(isNegated(units, start, end, config, clauses)).toBe(isNegated(units, start, end, config));
          }
        }
      }),
    );
  });

  it('finds the clause start across a long clause without breaks', () => {
    const units: Unit[] = Array.from({ length: 5000 }, (_, token) => ({ key: token === 10 ? 'mais' : 'mot', token, kind: 'word', sentence: 0 }));
    const clauses = indexClauses(units, config);
    expect(clauseStartOf(units, 4999, config, clauses)).toBe(11);
    expect(clauseStartOf(units, 5, config, clauses)).toBe(0);
  });
});

describe('a long verbatim reads like its sentences', () => {
  const analyzer = createAnalyzer({ detectLanguage: false });
  const SENTENCES = [
    "Le colis est arrivé avec dix jours de retard.",
    "Personne ne répond au téléphone, c'est scandaleux !",
    'Pas de souci avec la livraison, vendeur très aimable.',
    "On m'avait promis un geste commercial.",
    'Bravo, encore un retard 👏',
    "Le remboursement n'est jamais arrivé mais le conseiller était sympa.",
    'Produit conforme, rien à redire.',
    "Je ne recommande plus cette enseigne.",
  ];
  const view = (text: string) => analyze(text, analyzer).matches.map((m) => `${m.id}${m.negated ? '(neg)' : ''}@${m.start}`);

  it('tags the concatenation as the sentences one by one (negation, modality and exclusions stay in their clause)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 40 }), (picked) => {
        let offset = 0;
        const expected: string[] = [];
        for (const s of picked) {
          for (const m of analyze(s, analyzer).matches) expected.push(`${m.id}${m.negated ? '(neg)' : ''}@${m.start + offset}`);
          offset += s.length + 1;
        }
        expect(view(picked.join(' '))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps every match of a 2,000-sentence verbatim', () => {
    const text = Array.from({ length: 2000 }, (_, i) => SENTENCES[i % SENTENCES.length]).join(' ');
    const perRound = SENTENCES.reduce((n, s) => n + analyze(s, analyzer).matches.length, 0);
    expect(analyze(text, analyzer).matches).toHaveLength(perRound * (2000 / SENTENCES.length));
  });
});
