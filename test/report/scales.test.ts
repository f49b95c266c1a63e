// One detection of the score scale (src/report/scales.ts): the core figures and the
// score section read a channel's scale the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, createReportBuilder, type Insight } from '../../src/report/index.js';
import { scoreKey } from '../../src/report/scales.js';
import { analysis } from './helpers.js';

async function scalesOf(scores: readonly number[]): Promise<{ core: string | undefined; insight: string | undefined }> {
  const report = await buildReport(scores.map((score, i) => analysis({ id: String(i), channel: 'enquete', text: 'ok', score })));
  const insight = report.sections.insight as Insight;
  return { core: report.channels[0]?.score?.scale, insight: insight.scores.channels.find((c) => c.channel === 'enquete')?.scale.kind };
}

describe('score scale of a channel', () => {
  it.each([
    [[1, 2, 5, 4], 'stars', 'stars'],
    [[0, 9, 10, 6], 'nps', 'nps'],
    [[8, 9, 10], 'nps', 'nps'],
    // 1–7 on a small base reads as NPS; on 30 scores or more, as a 1–7 CSAT: a mean in the core.
    [[1, 6, 7, 3], 'nps', 'nps'],
    [Array.from({ length: 30 }, (_, i) => 1 + (i % 7)), 'unknown', 'csat'],
    [[12, 55, 90], 'unknown', 'csat'],
    [[-3, 250], 'unknown', 'unknown'],
  ])('%j: core %s, score section %s', async (scores, core, insight) => {
    expect(await scalesOf(scores)).toEqual({ core, insight });
  });

  it('the core says NPS or stars exactly when the score section does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom(4.5, 20, 100)), { minLength: 1, maxLength: 40 }), async (scores) => {
        const { core, insight } = await scalesOf(scores);
        expect(core).toBe(insight === 'nps' || insight === 'stars' ? insight : 'unknown');
      }),
      { numRuns: 60 },
    );
  });
});

describe('scoreKey: the histograms count scores to 3 significant digits', () => {
  it('keeps every rating as it is', () => {
    for (let v = 0; v <= 999; v++) expect(scoreKey(v)).toBe(String(v));
    for (let v = 0; v < 100; v += 0.5) expect(Number(scoreKey(v))).toBe(v);
    for (const v of [4.1, 4.2, 4.3, 4.7, 9.9, 99.9, -3, -2.5]) expect(Number(scoreKey(v))).toBe(v);
    expect(scoreKey(-0)).toBe('0');
  });

  it('property: a key is within 0.5 % of its score, and a power of ten holds at most 900 keys', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        const k = Number(scoreKey(v));
        expect(Math.abs(k - v)).toBeLessThanOrEqual(Math.abs(v) * 0.005 + Number.EPSILON);
      }),
    );
    const keys = new Set<string>();
    // [100, 999.5): the keys 100 to 999.
    for (let i = 0; i < 100_000; i++) keys.add(scoreKey(100 + (899.4 * i) / 100_000));
    expect(keys.size).toBeLessThanOrEqual(900);
  });

  it('a column of decimals fills the report with a bounded number of values', () => {
    const b = createReportBuilder();
    for (let i = 0; i < 5000; i++) b.add(analysis({ id: String(i), text: 'Bien.', score: 10 + (i * 990.123) / 5000 }));
    const scores = b.snapshot().sections.core.channels.avis_en_ligne!.scores;
    expect(Object.values(scores).reduce((s, n) => s + n, 0)).toBe(5000);
    expect(Object.keys(scores).length).toBeLessThanOrEqual(1800);
  });
});
