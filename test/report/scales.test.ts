// One detection of the score scale (src/report/scales.ts): the core figures and the
// score section read a channel's scale the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, type Insight } from '../../src/report/index.js';
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
