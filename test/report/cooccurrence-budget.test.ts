// The co-occurrence pairs share the word tables' budget (`maxVocabulary`): a lexicon of thousands of entries
// that match often makes the distinct pairs grow with the square of the entries a verbatim carries.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, defaultSections, finalizeReport, renderReport } from '../../src/report/index.js';
import type { ReportOptions } from '../../src/report/index.js';
import type { CooccurrenceResult, CooccurrenceState } from '../../src/report/insight/index.js';
import { analysis, meta } from './helpers.js';

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
