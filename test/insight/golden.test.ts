// Golden fixture: test/fixtures/insight/{analyses,options}.json → expected.json (`report.sections.insight`).
// Regenerate after an intended change: UPDATE_FIXTURES=1 npx vitest run test/insight/golden.test.ts
// (a missing expected.json fails the test: it is never written silently).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, createReportBuilder, defaultSections, finalizeReport, mergeReportStates } from '../../src/report/index.js';
import type { DefaultSectionsOptions, Insight, JourneyEntryMeta, ReportMeta, ReportOptions } from '../../src/report/index.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { verbatim } from './_helpers.js';

const dir = new URL('../fixtures/insight/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
const expectedFile = new URL('expected.json', dir);

describe('insight golden fixture', async () => {
  const analyses = read<Array<Partial<VerbatimAnalysis> & { id: string }>>('analyses.json').map((a) => verbatim(a));
  const { journey, ...settings } = read<DefaultSectionsOptions & { journey: { entries: Record<string, JourneyEntryMeta> } }>('options.json');
  const options: ReportOptions = { meta: { entries: journey.entries } as ReportMeta, sections: defaultSections(settings) };
  const report = await buildReport(analyses, options);
  const insight = JSON.parse(JSON.stringify(report.sections.insight)) as Insight;

  it('matches expected.json', () => {
    if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, `${JSON.stringify(insight, null, 1)}\n`);
    expect(existsSync(expectedFile), `${expectedFile.pathname} is missing: regenerate it with UPDATE_FIXTURES=1 and review it`).toBe(true);
    expect(insight).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  it('is the same built in two halves merged in reverse', () => {
    const [first, second] = [createReportBuilder(options), createReportBuilder(options)];
    analyses.forEach((a, i) => (i % 2 ? first : second).add(a));
    const merged = mergeReportStates(second.snapshot(), first.snapshot(), options);
    expect(JSON.parse(JSON.stringify(finalizeReport(merged, options).sections.insight))).toEqual(insight);
  });

  it('reads as the analyst expects', () => {
    // Reviews on stars (1, 5, 2) are not pooled with the survey's NPS scores (10, 9, 3, 6, 0, 8):
    // promoters 10 and 9, detractors 3, 6 and 0: NPS = (2 − 3) / 6.
    expect(insight.scores.scale.kind).toBe('nps');
    expect(insight.scores.channels.map((c) => c.channel)).toEqual(['enquete']);
    // …but get their own impacts beside the survey's, in stars and % satisfied.
    expect(insight.scores.otherScales.map((g) => [g.scale.kind, g.channels.map((c) => c.channel)])).toEqual([['stars', ['avis_en_ligne']]]);
    expect(insight.scores.overall.nps).toBeCloseTo((100 * (2 - 3)) / 6, 10);
    expect(insight.scores.entries.irritant[0]?.id).toBe('retard_livraison');
    // After the purchase: retard_livraison ×4, remboursement_bloque, colis_endommage.
    expect(insight.journey.overall.irritant.stages.apres.count).toBe(6);
    expect(insight.keyness.channels.some((c) => c.word.over.length + c.word.under.length > 0)).toBe(true);
    expect(insight.trends.compared).toEqual(['2025-01', '2025-02']);
  });
});
