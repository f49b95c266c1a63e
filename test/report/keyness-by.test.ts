// Keyness by an input column (`groupBy`, the CLI's --by): word tables per value
// of the column, "(vide)" for the missing ones, a bounded number of values,
// an exact merge, and the section in every renderer. Hand-built analyses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createReportBuilder,
  finalizeReport,
  mergeReportStates,
  renderReport,
  type KeynessByResult,
  type ReportOptions,
  type ReportState,
} from '../../src/report/index.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysis, meta } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');
const schema = (name: string): object => JSON.parse(readFileSync(join(root, 'schema', name), 'utf8')) as object;

/** 40 verbatims a brand: Alpha speaks of late deliveries, Beta of a kind welcome, some rows have no brand. */
function corpus(): VerbatimAnalysis[] {
  const out: VerbatimAnalysis[] = [];
  for (let i = 0; i < 120; i++) {
    const brand = i % 3 === 0 ? 'Alpha' : i % 3 === 1 ? 'Beta' : i % 12 === 2 ? '  ' : 'Gamma';
    const late = brand === 'Alpha';
    const text = late ? `colis en retard encore, livraison lente ${i}` : `accueil aimable et souriant ${i}`;
    const a = analysis({
      id: `v${i}`,
      channel: i % 2 === 0 ? 'avis_en_ligne' : 'enquete',
      text,
      keywords: late ? ['colis', 'retard', 'livraison', 'lente'] : ['accueil', 'aimable', 'souriant'],
      matches: late ? [['retard_livraison', 'irritant', 'livraison', 'retard']] : [['amabilite', 'enchantment', 'accueil', 'aimable']],
      score: late ? 1 : 5,
      date: `2025-0${1 + (i % 3)}-1${i % 9}`,
    });
    // Every fourth verbatim of Gamma has no field at all (a JSON record without it); the blank ones above, an empty cell.
    if (!(brand === 'Gamma' && i % 4 === 3)) a.meta = { marque: brand, region: `R${i % 7}` };
    out.push(a);
  }
  return out;
}

const options = (extra: ReportOptions = {}): ReportOptions => ({ meta, groupBy: 'marque', ...extra });

function stateOf(items: readonly VerbatimAnalysis[], extra: ReportOptions = {}): ReportState {
  const b = createReportBuilder(options(extra));
  for (const a of items) b.add(a);
  return b.snapshot();
}

const keynessBy = (state: ReportState, extra: ReportOptions = {}): KeynessByResult | undefined =>
  (finalizeReport(state, options(extra)).sections.insight as { keynessBy?: KeynessByResult }).keynessBy;

describe('keyness by a column', () => {
  it('compares each value of the column with the others, missing values in "(vide)"', () => {
    const items = corpus();
    const result = keynessBy(stateOf(items))!;
    expect(result.column).toBe('marque');
    expect(result.verbatims).toBe(120);
    const missing = items.filter((a) => (a.meta?.['marque'] ?? '').trim() === '').length;
    expect(missing).toBeGreaterThan(0);
    expect(result.missing).toBe(missing);
    expect(Object.fromEntries(result.groups.map((g) => [g.group, g.verbatims]))).toEqual({ Alpha: 40, Beta: 40, Gamma: 40 - missing, '(vide)': missing });
    const alpha = result.groups.find((g) => g.group === 'Alpha')!;
    expect(alpha.word.over.map((i) => i.key)).toEqual(expect.arrayContaining(['retard', 'livraison']));
    expect(alpha.concept.over.map((i) => `${i.entryKind}:${i.key}`)).toContain('irritant:retard_livraison');
    expect(alpha.word.under.map((i) => i.key)).toContain('accueil');
    // The channel keyness is untouched beside it.
    expect((finalizeReport(stateOf(items), options()).sections.insight as { keyness: { channels: unknown[] } }).keyness.channels).toHaveLength(2);
  });

  it('keeps nothing without groupBy: no state, no result, the report as before', () => {
    const items = corpus();
    const b = createReportBuilder({ meta });
    for (const a of items) b.add(a);
    const state = b.snapshot();
    expect(Object.keys(state.sections)).not.toContain('keynessBy');
    const report = finalizeReport(state, { meta });
    expect(Object.keys(report.sections.insight as object)).not.toContain('keynessBy');
    expect(renderReport(report, 'md')).not.toMatch(/Spécificités par (?!canal)/);
  });

  it('merges exactly: any split of the verbatims, in any order, gives the one-pass result', () => {
    const items = corpus();
    const whole = keynessBy(stateOf(items));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: items.length, maxLength: items.length }), (parts) => {
        const states = [0, 1, 2, 3].map((p) => stateOf(items.filter((_, i) => parts[i] === p)));
        const merged = [...states].reverse().reduce((a, b) => mergeReportStates(a, b));
        expect(keynessBy(merged)).toEqual(whole);
      }),
      { numRuns: 8 },
    );
  });

  it('compares at most maxGroups values: beyond, whatever the order or the split, none (overflow)', () => {
    const items = corpus();
    // Four values with "(vide)": three are too many, four are not.
    expect(keynessBy(stateOf(items, { maxGroups: 4 }), { maxGroups: 4 })!.overflow).toBe(false);
    const over = keynessBy(stateOf(items, { maxGroups: 3 }), { maxGroups: 3 })!;
    expect(over).toMatchObject({ overflow: true, groups: [], verbatims: 120, maxGroups: 3 });
    // Two parts of three values each, four in all: the merge overflows too.
    const a = stateOf(items.filter((x) => x.meta?.['marque'] !== 'Alpha'), { maxGroups: 3 });
    const b = stateOf(items.filter((x) => x.meta?.['marque'] !== 'Beta'), { maxGroups: 3 });
    expect(keynessBy(a, { maxGroups: 3 })!.overflow).toBe(false);
    expect(keynessBy(mergeReportStates(a, b), { maxGroups: 3 })!.overflow).toBe(true);
    expect(renderReport(finalizeReport(stateOf(items, { maxGroups: 3 }), options({ maxGroups: 3 })), 'md')).toContain('marque a plus de 3 valeurs distinctes');
  });

  it('refuses to merge states grouped by different columns', () => {
    const items = corpus();
    expect(() => mergeReportStates(stateOf(items), stateOf(items, { groupBy: 'region' }))).toThrow(/same column/);
  });

  it('a state without the section (written before it, or without --by) still finalizes and merges', () => {
    const items = corpus();
    const withGroups = stateOf(items.slice(0, 60));
    const b = createReportBuilder({ meta });
    for (const a of items.slice(60)) b.add(a);
    const before = JSON.parse(JSON.stringify(b.snapshot())) as ReportState;
    expect(Object.keys(before.sections)).not.toContain('keynessBy');
    const merged = mergeReportStates(withGroups, before);
    expect(keynessBy(merged)!.verbatims).toBe(60);
    expect(finalizeReport(before, { meta }).summary.analysed).toBe(60);
  });

  it('the state and the report with keyness by a column follow their schemas', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const state = JSON.parse(JSON.stringify(stateOf(corpus()))) as ReportState;
    const report = JSON.parse(JSON.stringify(finalizeReport(state, options()))) as object;
    const stateSchema = schema('state.schema.json') as { $defs: Record<string, object> };
    const validateSection = ajv.compile({ $defs: stateSchema.$defs, $ref: '#/$defs/keynessBy' });
    expect(validateSection(state.sections['keynessBy']), JSON.stringify(validateSection.errors)).toBe(true);
    const reportSchema = schema('report.schema.json') as { $defs: Record<string, object> };
    const validateResult = ajv.compile({ $defs: reportSchema.$defs, $ref: '#/$defs/keynessByResult' });
    const result = (report as { sections: { insight: { keynessBy: unknown } } }).sections.insight.keynessBy;
    expect(validateResult(result), JSON.stringify(validateResult.errors?.slice(0, 3))).toBe(true);
  });

  it.each([
    ['md', 'Spécificités par marque', '### marque : Alpha'],
    ['html', 'id="specificites-par-groupe"', 'id="key-by-'],
    ['table', 'Spécificités par marque', 'Alpha (40)'],
    ['csv', 'keyness_by_word;marque=Alpha;retard', 'keyness_by;;missing;(vide);verbatims;'],
  ] as const)('%s shows keyness by the column', async (format, first, second) => {
    const text = await renderReport(finalizeReport(stateOf(corpus()), options()), format);
    expect(text).toContain(first);
    expect(text).toContain(second);
  });
});
