// Everything a corpus run accumulates — the report state and the insight
// accumulators — behind one add/merge/finalize, so a corpus can be split over
// workers or machines and merged back exactly.
import { createReportBuilder, mergeReportStates } from './state.js';
import { finalizeReport } from './finalize.js';
import { chatSection, keynessStateFromReport } from './sections.js';
import { createCooccurrenceAccumulator, finalizeCooccurrence, mergeCooccurrence, type CooccurrenceState } from './insight/cooccurrence.js';
import { createJourneyAccumulator, finalizeJourney, mergeJourney, type JourneyState } from './insight/journey.js';
import { finalizeKeyness } from './insight/keyness.js';
import { createScoresAccumulator, finalizeScores, mergeScores, type ScoresState } from './insight/scores.js';
import { createTrendsAccumulator, finalizeTrends, mergeTrends, type TrendsState } from './insight/trends.js';
import type { Insight } from './insight/index.js';
import type { Report, ReportOptions, ReportReject, ReportSection, ReportState } from './types.js';
import type { VerbatimAnalysis } from '../types.js';

export interface CorpusOptions extends ReportOptions {
  /** Score scale for the insight scores (default `auto`). */
  scale?: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  /** Trend period (default `month`). */
  period?: 'month' | 'week';
}

/** JSON state of a corpus run; merge two with `mergeCorpusStates`. */
export interface CorpusState {
  report: ReportState;
  scores: ScoresState;
  cooccurrence: CooccurrenceState;
  trends: TrendsState;
  journey: JourneyState;
}

export interface CorpusAccumulator {
  add(analysis: VerbatimAnalysis): void;
  reject(reject: ReportReject): void;
  state(): CorpusState;
}

function reportOptionsOf(options: CorpusOptions): ReportOptions & { sections: readonly ReportSection[] } {
  const { scale, period, ...rest } = options;
  void period;
  return {
    ...rest,
    scoreScale: scale === 'nps' || scale === 'stars' ? scale : (rest.scoreScale ?? 'auto'),
    sections: [chatSection(), ...(options.sections ?? [])],
  };
}

/** The per-channel report plus the insight analyses (`sections.insight`) and chat figures (`sections.chat`). */
export function createCorpusAccumulator(options: CorpusOptions = {}): CorpusAccumulator {
  const builder = createReportBuilder(reportOptionsOf(options));
  const scores = createScoresAccumulator();
  const cooccurrence = createCooccurrenceAccumulator();
  const trends = createTrendsAccumulator();
  const journey = createJourneyAccumulator();
  return {
    add(analysis) {
      builder.add(analysis);
      scores.add(analysis);
      cooccurrence.add(analysis);
      trends.add(analysis);
      journey.add(analysis);
    },
    reject: (r) => builder.reject(r),
    state: () => ({ report: builder.snapshot(), scores: scores.state(), cooccurrence: cooccurrence.state(), trends: trends.state(), journey: journey.state() }),
  };
}

/** Associative and commutative, like the states it combines. */
export function mergeCorpusStates(a: CorpusState, b: CorpusState, options: CorpusOptions = {}): CorpusState {
  return {
    report: mergeReportStates(a.report, b.report, { sections: reportOptionsOf(options).sections }),
    scores: mergeScores(a.scores, b.scores),
    cooccurrence: mergeCooccurrence(a.cooccurrence, b.cooccurrence),
    trends: mergeTrends(a.trends, b.trends),
    journey: mergeJourney(a.journey, b.journey),
  };
}

/** The report, with `sections.insight`; keyness is read off the report's own word tables. */
export function finalizeCorpus(state: CorpusState, options: CorpusOptions = {}): Report {
  const report = finalizeReport(state.report, reportOptionsOf(options));
  const insight: Insight = {
    scores: finalizeScores(state.scores, { scale: options.scale ?? 'auto' }),
    keyness: finalizeKeyness(keynessStateFromReport(state.report)),
    cooccurrence: finalizeCooccurrence(state.cooccurrence),
    trends: finalizeTrends(state.trends, { period: options.period ?? 'month' }),
    journey: finalizeJourney(state.journey, { entries: options.meta?.entries ?? {} }),
  };
  report.sections.insight = insight;
  return report;
}
