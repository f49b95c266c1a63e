// What every section of the list promises (src/report/section.ts), checked on each default
// section as the builder runs it: states survive JSON, merges are associative and
// commutative, and any split merged in any order finalizes like a single pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreSection, createReportBuilder, defaultSections, finalizeReport, mergeReportStates } from '../../src/report/index.js';
import type { ReportOptions, ReportState } from '../../src/report/index.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysisArb, chunks } from '../insight/_helpers.js';

// Low thresholds so that small random samples give non-empty rankings.
const all = () => defaultSections({ scores: { minScored: 1 }, keyness: { maxP: 0.5, minFrequency: 1 }, cooccurrence: { minSupport: 1 }, trends: { minCount: 1 } });
const meta = { entries: { joignabilite: { label: 'Joignabilité', kind: 'theme' as const, stage: 'pendant' as const }, livraison: { label: 'Livraison', kind: 'theme' as const, stage: 'apres' as const } } };
const sample = fc.array(analysisArb, { maxLength: 25 });
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe.each(all().map((s) => [s.name] as const))('section %s', (name) => {
  // Each section with the core before it (keyness reads the core's tables).
  const options: ReportOptions = { meta, examples: 2, sections: name === 'core' ? [coreSection()] : [coreSection(), all().find((s) => s.name === name)!] };
  const build = (items: readonly VerbatimAnalysis[]): ReportState => {
    const builder = createReportBuilder(options);
    for (const item of items) builder.add(item);
    return builder.snapshot();
  };
  const merge = (a: ReportState, b: ReportState) => mergeReportStates(a, b, options);
  const own = (s: ReportState): unknown => s.sections[name];
  const result = (s: ReportState): unknown => {
    const report = finalizeReport(s, options);
    return name === 'core' ? { ...report, sections: {} } : report.sections;
  };

  it('keeps a JSON state that finalizes the same after a round trip', () => {
    fc.assert(
      fc.property(sample, (items) => {
        const s = build(items);
        expect(json(s)).toEqual(s);
        expect(result(json(s))).toEqual(result(s));
      }),
      { numRuns: 30 },
    );
  });

  it('merges associatively and commutatively, without changing its inputs', () => {
    fc.assert(
      fc.property(sample, sample, sample, (x, y, z) => {
        const [sx, sy, sz] = [build(x), build(y), build(z)];
        const before = JSON.stringify([sx, sy, sz]);
        expect(own(merge(merge(sx, sy), sz))).toEqual(own(merge(sx, merge(sy, sz))));
        expect(result(merge(sx, sy))).toEqual(result(merge(sy, sx)));
        expect(JSON.stringify([sx, sy, sz])).toBe(before);
      }),
      { numRuns: 30 },
    );
  });

  it('finalizes any split, merged in any order, like one pass over all', () => {
    fc.assert(
      fc.property(sample, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (items, cuts, reverse) => {
        const parts = chunks(items, cuts).map((c) => json(build(c)));
        if (reverse) parts.reverse();
        expect(result(parts.reduce(merge))).toEqual(result(build(items)));
      }),
      { numRuns: 40 },
    );
  });
});
