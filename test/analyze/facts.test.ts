// A unit's facts (src/analyze/facts.ts) are its key's answers, read once from the
// tables each pass would ask: every pass must decide with them as it decides
// without them, and a pass given another table than the facts were read from
// must ask that table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, contentKeywords, createAnalyzer, defineLexicon, tokenize } from '../../src/index.js';
import { toUnits } from '../../src/analyze/analyze.js';
import { UnitFactsTable } from '../../src/analyze/facts.js';
import { findImplied } from '../../src/analyze/implied.js';
import { modalityOf } from '../../src/analyze/modality.js';
import { createNegationConfig, indexClauses, isBreak, isNegated, type Unit } from '../../src/analyze/negation.js';
import { scoreSentiment } from '../../src/analyze/sentiment.js';

const analyzer = createAnalyzer({ detectLanguage: false });

/** Words every pass asks about: negators, breaks, turns, markers, numbers written out, praise and complaint, lexicon words. */
const WORDS = [
  'je', 'ne', 'pas', 'jamais', 'rien', 'aucun', 'sans', 'plus', 'personne', 'mais', 'car', 'par', 'contre', 'en', 'cas', 'de',
  'si', 'promis', 'aurais', 'aimé', 'trois', 'deux', 'semaines', 'jours', '3', '10', 'heures', 'colis', 'livraison', 'retard',
  'reçu', 'remboursé', 'service', 'client', 'accueil', 'très', 'vraiment', 'super', 'bien', 'mal', 'déçu', 'déçue', 'génial',
  'top', 'nul', 'arnaque', 'merci', 'recommande', 'conseiller', 'attente', 'attendu', 'toujours', 'la', 'le', 'un', 'a', 'été',
  'comme', 'pour', 'éviter', 'problème', 'souci', 'prix', 'cher', 'passé', 'à', '€', '%', 'jsuis', 'bcp', 'pk', 'slt', "l'accueil",
  "j'ai", 'Très', 'DÉÇU', 'rendez-vous', 'pouvez-vous', 'du', 'des', 'ce', 'qui', 'que',
];
const PUNCT = [',', '.', '!', '?', ' :', ' (', ')'];
const texts = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...PUNCT) }), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(' '));

/** The units of a text twice: as they are, and with their facts from a table of the analyser's French layer. */
function unitsOf(text: string, table: UnitFactsTable): { plain: Unit[]; annotated: Unit[] } {
  const tokens = tokenize(text, { sms: analyzer.sms });
  const plain = toUnits(text, tokens, analyzer.negation);
  const annotated = toUnits(text, tokens, analyzer.negation);
  table.annotate(annotated);
  return { plain, annotated };
}

describe('unit facts', () => {
  it('change no decision of any pass (matching, clauses, negation, modality, sentiment, implied complaints)', () => {
    // One table for every text, as an analyser keeps it: facts asked by an earlier text are reused.
    const table = new UnitFactsTable(analyzer, analyzer.modality);
    fc.assert(
      fc.property(texts, (text) => {
        const { plain, annotated } = unitsOf(text, table);
        expect(annotated.every((u) => u.facts !== undefined)).toBe(true);
        const raw = analyzer.compiled.match(plain);
        expect(analyzer.compiled.match(annotated)).toEqual(raw);
        expect(indexClauses(annotated, analyzer.negation)).toEqual(indexClauses(plain, analyzer.negation));
        for (let k = 0; k < plain.length; k += 1) {
          expect(isBreak(annotated, k, analyzer.negation)).toBe(isBreak(plain, k, analyzer.negation));
          expect(isNegated(annotated, k, k + 1, analyzer.negation)).toBe(isNegated(plain, k, k + 1, analyzer.negation));
          expect(modalityOf(annotated, k, k + 1, analyzer.modality, analyzer.negation)).toBe(modalityOf(plain, k, k + 1, analyzer.modality, analyzer.negation));
          expect(modalityOf(annotated, k, k + 1, analyzer.sentiment.hypothetical, analyzer.negation, undefined, true)).toBe(
            modalityOf(plain, k, k + 1, analyzer.sentiment.hypothetical, analyzer.negation, undefined, true),
          );
        }
        expect(findImplied(annotated, analyzer.implied)).toEqual(findImplied(plain, analyzer.implied));
        const matches = analyze(text, analyzer).matches;
        expect(scoreSentiment(annotated, matches, analyzer.sentiment, analyzer.negation)).toEqual(scoreSentiment(plain, matches, analyzer.sentiment, analyzer.negation));
      }),
      { numRuns: 300 },
    );
  });

  it("give the content keywords contentKeywords gives for the units' tokens", () => {
    const table = new UnitFactsTable(analyzer, analyzer.modality);
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = tokenize(text, { sms: analyzer.sms });
        const { plain, annotated } = unitsOf(text, table);
        const expected = contentKeywords(tokens, analyzer.stopwords);
        expect(table.keywords(annotated)).toEqual(expected);
        expect(table.keywords(plain)).toEqual(expected);
        expect(table.keywords(annotated)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('are read from the tables they name: a pass given another table asks it', () => {
    const table = new UnitFactsTable(analyzer, analyzer.modality);
    const { annotated } = unitsOf('colis reçu, mais abîmé', table);
    // Asked once with the analyser's configuration: "colis" breaks no clause, and that answer is kept.
    expect(isBreak(annotated, 0, analyzer.negation)).toBe(false);
    expect(annotated[0]?.facts?.breaks).toBe(false);
    // Another configuration, where it does: its own answer, not the kept one.
    const breaking = createNegationConfig({ negators: [], window: 3, breaks: ['colis'] }, (phrase) => phrase.split(' '));
    expect(isBreak(annotated, 0, breaking)).toBe(true);
    // The same for negators: "colis" negates "reçu" only where it is one.
    const negating = createNegationConfig({ negators: ['colis'], window: 3, breaks: [','] }, (phrase) => phrase.split(' '));
    expect(isNegated(annotated, 1, 2, analyzer.negation)).toBe(false);
    expect(isNegated(annotated, 1, 2, negating)).toBe(true);
    // And another lexicon's matcher reads the key itself.
    const own = createAnalyzer({ includeDefault: false, lexicons: [defineLexicon({ version: 1, entries: [{ id: 'colis', kind: 'theme', terms: ['colis'] }] })] });
    expect(own.compiled.match(annotated).map((r) => own.compiled.entries[r.pattern.entry]?.id)).toEqual(['colis']);
  });

  it('are kept per analyser: two analysers taking turns tag as each does alone', () => {
    const lexicon = defineLexicon({ version: 1, entries: [{ id: 'souci_colis', kind: 'irritant', label: 'Souci de colis', terms: ['colis', 'mais'] }] });
    const sample = ['Colis reçu mais abîmé, jamais eu de réponse.', 'Très bon accueil, mais trois semaines de retard.', 'Rien à redire, livraison rapide !'];
    const alone = (make: () => ReturnType<typeof createAnalyzer>) => {
      const a = make();
      return sample.map((t) => analyze(t, a));
    };
    const makeDefault = () => createAnalyzer({ detectLanguage: false });
    const makeOwn = () => createAnalyzer({ detectLanguage: false, lexicons: [lexicon] });
    const [a, b] = [makeDefault(), makeOwn()];
    const turns = sample.map((t) => [analyze(t, a), analyze(t, b)] as const);
    expect(turns.map(([x]) => x)).toEqual(alone(makeDefault));
    expect(turns.map(([, y]) => y)).toEqual(alone(makeOwn));
    expect(turns[0]?.[1].irritants).toContain('souci_colis');
  });
});
