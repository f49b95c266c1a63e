// Golden fixture: test/fixtures/insight/{analyses,options}.json → expected.json.
// Regenerate after an intended change: UPDATE_FIXTURES=1 npx vitest run test/insight/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInsightBuilder, finalizeInsight, mergeInsightStates, type InsightOptions } from '../../src/report/insight/index.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { verbatim } from './_helpers.js';

const dir = new URL('../fixtures/insight/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;

describe('insight golden fixture', () => {
  const analyses = read<Array<Partial<VerbatimAnalysis> & { id: string }>>('analyses.json').map((a) => verbatim(a));
  const options = read<InsightOptions>('options.json');
  const builder = createInsightBuilder();
  for (const a of analyses) builder.add(a);
  const insight = JSON.parse(JSON.stringify(finalizeInsight(builder.state(), options))) as unknown;

  it('matches expected.json', () => {
    const expectedFile = new URL('expected.json', dir);
    if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(insight, null, 1)}\n`);
    expect(insight).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  it('is the same built in two halves merged in reverse', () => {
    const first = createInsightBuilder();
    const second = createInsightBuilder();
    analyses.forEach((a, i) => (i % 2 ? first : second).add(a));
    const merged = mergeInsightStates(second.state(), first.state());
    expect(JSON.parse(JSON.stringify(finalizeInsight(merged, options)))).toEqual(insight);
  });

  it('reads as the analyst expects', () => {
    const result = insight as ReturnType<typeof finalizeInsight>;
    // 9 scored 10, 9, 3, 6, 0, 8, 1, 5, 2: promoters 10 and 9; detractors 3, 6, 0, 1, 5, 2: NPS = (2 − 6) / 9.
    expect(result.scores.scale.kind).toBe('nps');
    expect(result.scores.overall.nps).toBeCloseTo((100 * (2 - 6)) / 9, 10);
    expect(result.scores.entries.irritant[0]?.id).toBe('retard_livraison');
    // After the purchase: retard_livraison ×4, remboursement_bloque, colis_endommage.
    expect(result.journey.overall.irritant.stages.apres.count).toBe(6);
    expect(result.keyness.channels.some((c) => c.word.over.length + c.word.under.length > 0)).toBe(true);
    expect(result.trends.compared).toEqual(['2025-01', '2025-02']);
  });
});
