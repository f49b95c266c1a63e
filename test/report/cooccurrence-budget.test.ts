// The co-occurrence pairs share the word tables' budget (`maxVocabulary`): a lexicon of thousands of entries
// that match often makes the distinct pairs grow with the square of the entries a verbatim carries.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, defaultSections, finalizeReport, mergeReportStates, renderReport } from '../../src/report/index.js';
import { mergeReportStatesInto } from '../../src/report/merge-into.js';
import type { ReportOptions } from '../../src/report/index.js';
import type { CooccurrenceResult, CooccurrenceState } from '../../src/report/insight/index.js';
import { analysis, meta, type MatchSpec } from './helpers.js';

// Each verbatim names two products of its own and the two irritants every verbatim has.
const analyses = Array.from({ length: 40 }, (_, i) =>
  analysis({
    id: String(i),
    channel: i % 2 === 0 ? 'chat' : 'email',
    text: `produit${i} et accessoire${i}, attente interminable, toujours pas reçu`,
    matches: [
      [`produit_${i}`, 'concept', 'produits', `produit${i}`],
      [`accessoire_${i}`, 'concept', 'produits', `accessoire${i}`],
      ['attente_excessive', 'irritant', 'joignabilite', 'attente interminable'],
      ['retard_livraison', 'irritant', 'livraison', 'toujours pas reçu'],
    ],
  }),
);

// Concepts and irritants only: six pairs a verbatim, one of them in every verbatim (a sixth of all pairs).
const optionsWith = (extra: ReportOptions): ReportOptions => ({ meta, sections: defaultSections({ cooccurrence: { minSupport: 1, top: 1000, kinds: ['concept', 'irritant'] } }), ...extra });

function build(options: ReportOptions) {
  const builder = createReportBuilder(options);
  builder.addAll(analyses);
  const state = builder.snapshot();
  return { state: state.sections.cooccurrence as CooccurrenceState, report: finalizeReport(state, options) };
}

const cooccurrenceOf = (report: ReturnType<typeof finalizeReport>) => (report.sections.insight as { cooccurrence: CooccurrenceResult }).cooccurrence;

describe('co-occurrence pairs under the report budget', () => {
  it('takes the budget of the word tables, and is exact without one', () => {
    const exact = build(optionsWith({}));
    expect(exact.state.maxPairs).toBeNull();
    expect(cooccurrenceOf(exact.report).maxUndercount).toBe(0);
    const bounded = build(optionsWith({ maxVocabulary: 6 }));
    expect(bounded.state.maxPairs).toBe(6);
    // The section's own setting wins.
    expect(build({ ...optionsWith({ maxVocabulary: 6 }), sections: defaultSections({ cooccurrence: { maxPairs: 50 } }) }).state.maxPairs).toBe(50);
  });

  it('keeps at most 2·budget pairs a channel, and says the counts are approximate in every format', async () => {
    const { state, report } = build(optionsWith({ maxVocabulary: 6 }));
    for (const ch of Object.values(state.channels)) expect((ch.pairs as { keys: string[] }).keys.length).toBeLessThanOrEqual(12);
    const c = cooccurrenceOf(report);
    expect(c.maxUndercount).toBeGreaterThan(0);
    // The pair every verbatim carries, more than N / (k + 1) of a channel's N pairs, is kept, within the stated bound.
    const both = c.pairs.find((p) => p.a.id === 'attente_excessive' && p.b.id === 'retard_livraison');
    expect(both?.count).toBeGreaterThanOrEqual(40 - (c.maxUndercount ?? 0));
    expect(both?.a.count).toBe(40);
    const md = renderReport(report, 'md');
    expect(md).toContain(`de ${c.maxUndercount} verbatims au plus`);
    expect(renderReport({ ...report, lang: 'en' }, 'md')).toContain('Approximate counts');
    expect(await renderReport(report, 'html')).toContain('Comptes approchés : trop de paires');
    expect(renderReport(report, 'csv')).toMatch(new RegExp(`cooccurrence;all;;;max_undercount;${c.maxUndercount}`));
    // Nothing said while exact.
    const exact = build(optionsWith({})).report;
    expect(renderReport(exact, 'md')).not.toContain('Comptes approchés : trop de paires');
    expect(renderReport(exact, 'csv')).not.toContain('max_undercount');
  });

  it('writes a report the schema accepts', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const { report } = build(optionsWith({ maxVocabulary: 6 }));
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('co-occurrence of a verbatim citing many entries', () => {
  // A letter naming 12 products, the first twice: 66 pairs uncapped.
  const letter = analysis({
    id: 'lettre',
    channel: 'email',
    text: `une longue lettre : ${Array.from({ length: 12 }, (_, i) => `produit${i}x`).join(', ')}`,
    matches: Array.from({ length: 12 }, (_, i): MatchSpec => [`produit_${i}`, 'concept', 'produits', `produit${i}x`]).concat([['produit_0', 'concept', 'produits', 'produit0x']]),
  });
  const capped = (extra: ReportOptions = {}) => ({ meta, sections: defaultSections({ cooccurrence: { minSupport: 1, top: 1000, kinds: ['concept'], maxEntries: 4 } }), ...extra });

  it('pairs at most 128 entries a verbatim by default, and the section takes its own cap', () => {
    const builder = createReportBuilder({ meta });
    expect((builder.snapshot().sections.cooccurrence as CooccurrenceState).maxEntries).toBe(128);
    const b = createReportBuilder(capped());
    b.add(letter);
    const state = b.snapshot().sections.cooccurrence as CooccurrenceState;
    expect((state.channels.email?.pairs as { total: number }).total).toBe(6);
    const c = cooccurrenceOf(finalizeReport(b.snapshot(), capped()));
    expect(c.maxUndercount).toBe(1);
    expect(c.pairs.every((p) => p.a.id === 'produit_0' || p.b.id === 'produit_0' || ['produit_1', 'produit_2', 'produit_3'].includes(p.a.id))).toBe(true);
    expect(renderReport(finalizeReport(b.snapshot(), capped()), 'md')).toContain('ou des verbatims qui citent trop d’éléments');
  });

  it('gives the same report merged in place as merged anew', () => {
    const part = (items: typeof analyses) => {
      const b = createReportBuilder(capped());
      b.addAll(items);
      return b.snapshot();
    };
    const a = part([letter, ...analyses.slice(0, 10)]);
    const bState = part([letter, ...analyses.slice(10)]);
    const pure = finalizeReport(mergeReportStates(a, bState), capped());
    const inPlace = finalizeReport(mergeReportStatesInto(structuredClone(a), bState), capped());
    expect(inPlace).toEqual(pure);
    expect(cooccurrenceOf(pure).maxUndercount).toBe(2);
  });
});
