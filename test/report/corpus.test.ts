import { describe, expect, it } from 'vitest';
import { createReportBuilder, finalizeReport, mergeReportStates } from '../../src/index.js';
import type { Insight, VerbatimAnalysis } from '../../src/index.js';

function analysis(id: string, channel: string, score: number, irritants: string[] = []): VerbatimAnalysis {
  return {
    id, channel, score, text: 'x', language: 'fra', tokenCount: 1, wordCount: 1, contentWordCount: 1, keywords: ['x'], matches: [],
    themes: [], concepts: [], irritants, enchantments: [], intents: [], tonality: 'neutre', sentiment: { positive: 0, negative: 0 },
  };
}

// Stars on reviews, NPS on the survey: pooling them would read 3 stars as an NPS detractor.
const reviews = [5, 4, 4, 1, 2].map((s, i) => analysis(`r${i}`, 'avis_en_ligne', s, s <= 2 ? ['retard_livraison'] : []));
const survey = [10, 9, 3].map((s, i) => analysis(`s${i}`, 'enquete', s));
const insightOf = (state: ReturnType<ReturnType<typeof createReportBuilder>['snapshot']>, scoreScale?: 'nps') =>
  finalizeReport(state, scoreScale ? { scoreScale } : {}).sections.insight as Insight;

describe('the default report over a corpus', () => {
  it('scores the channels of the dominant scale only, unless a scale is declared', () => {
    const builder = createReportBuilder();
    for (const a of [...reviews, ...survey]) builder.add(a);
    const { scores } = insightOf(builder.snapshot());
    expect(scores.scale.kind).toBe('stars');
    expect(scores.overall.scored).toBe(5);
    expect(insightOf(builder.snapshot(), 'nps').scores.overall.scored).toBe(8);
  });

  it('gives the same report however the verbatims are split and merged', () => {
    const all = [...reviews, ...survey];
    const whole = createReportBuilder();
    for (const a of all) whole.add(a);
    const parts = [createReportBuilder(), createReportBuilder(), createReportBuilder()];
    all.forEach((a, i) => parts[i % 3]!.add(a));
    const [p0, p1, p2] = parts.map((p) => JSON.parse(JSON.stringify(p.snapshot())));
    const leftFirst = mergeReportStates(mergeReportStates(p0, p1), p2);
    const rightFirst = mergeReportStates(p2, mergeReportStates(p1, p0));
    expect(finalizeReport(leftFirst)).toEqual(finalizeReport(whole.snapshot()));
    expect(finalizeReport(rightFirst)).toEqual(finalizeReport(whole.snapshot()));
  });

  it('keeps brand and agent messages out of every section but the core count', () => {
    const builder = createReportBuilder();
    builder.add(reviews[0]!);
    builder.add({ ...analysis('a1', 'avis_en_ligne', 1, ['retard_livraison']), author: 'agent' });
    const report = finalizeReport(builder.snapshot());
    expect(report.all.agentMessages).toBe(1);
    expect(report.all.verbatims).toBe(1);
    const insight = report.sections.insight as Insight;
    expect(insight.scores.overall.verbatims).toBe(1);
    expect(insight.cooccurrence.verbatims).toBe(1);
    expect(insight.journey.overall.irritant.mentions).toBe(0);
  });
});
