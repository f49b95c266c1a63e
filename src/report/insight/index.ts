// Insight analyses: pure, mergeable accumulators over VerbatimAnalysis records.
// Each has `create*Accumulator(options?)` → `{ add, state }`, `merge*(a, b)`
// (associative, commutative, JSON-serialisable states) and `finalize*(state, options?)`.
import type { VerbatimAnalysis } from '../../types.js';
import { describe } from './_shared.js';
import {
  createCooccurrenceAccumulator,
  finalizeCooccurrence,
  mergeCooccurrence,
  type CooccurrenceAccumulatorOptions,
  type CooccurrenceOptions,
  type CooccurrenceResult,
  type CooccurrenceState,
} from './cooccurrence.js';
import {
  createJourneyAccumulator,
  finalizeJourney,
  mergeJourney,
  type JourneyOptions,
  type JourneyResult,
  type JourneyState,
} from './journey.js';
import {
  createKeynessAccumulator,
  finalizeKeyness,
  mergeKeyness,
  type KeynessAccumulatorOptions,
  type KeynessOptions,
  type KeynessResult,
  type KeynessState,
} from './keyness.js';
import {
  createScoresAccumulator,
  finalizeScores,
  mergeScores,
  type ScoresAccumulatorOptions,
  type ScoresOptions,
  type ScoresResult,
  type ScoresState,
} from './scores.js';
import {
  createTrendsAccumulator,
  finalizeTrends,
  mergeTrends,
  type TrendsAccumulatorOptions,
  type TrendsOptions,
  type TrendsResult,
  type TrendsState,
} from './trends.js';

export * from './scores.js';
export * from './keyness.js';
export * from './cooccurrence.js';
export * from './trends.js';
export * from './journey.js';
export { chiSquarePValue, logLikelihood, logRatio, type LogLikelihoodFormula } from './stats.js';
export type { Counts as InsightCounts, InsightEntryKind } from './_shared.js';

/** Options fixed when accumulating (they shape the state). */
export interface InsightBuilderOptions {
  scores?: ScoresAccumulatorOptions;
  keyness?: KeynessAccumulatorOptions;
  cooccurrence?: CooccurrenceAccumulatorOptions;
  trends?: TrendsAccumulatorOptions;
}

/** Options read when finalizing (they do not change the state). */
export interface InsightOptions {
  scores?: ScoresOptions;
  keyness?: KeynessOptions;
  cooccurrence?: CooccurrenceOptions;
  trends?: TrendsOptions;
  journey?: JourneyOptions;
}

export interface InsightState {
  type: 'insight';
  version: 1;
  scores: ScoresState;
  keyness: KeynessState;
  cooccurrence: CooccurrenceState;
  trends: TrendsState;
  journey: JourneyState;
}

export interface Insight {
  scores: ScoresResult;
  keyness: KeynessResult;
  cooccurrence: CooccurrenceResult;
  trends: TrendsResult;
  journey: JourneyResult;
}

export interface InsightBuilder {
  add(analysis: VerbatimAnalysis): void;
  state(): InsightState;
}

/** All five insight accumulators fed at once. */
export function createInsightBuilder(options: InsightBuilderOptions = {}): InsightBuilder {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`verbatim-fr: expected an options object in createInsightBuilder, got ${describe(options)}`);
  }
  const scores = createScoresAccumulator(options.scores);
  const keyness = createKeynessAccumulator(options.keyness);
  const cooccurrence = createCooccurrenceAccumulator(options.cooccurrence);
  const trends = createTrendsAccumulator(options.trends);
  const journey = createJourneyAccumulator();
  return {
    add(analysis) {
      scores.add(analysis);
      keyness.add(analysis);
      cooccurrence.add(analysis);
      trends.add(analysis);
      journey.add(analysis);
    },
    state() {
      return {
        type: 'insight',
        version: 1,
        scores: scores.state(),
        keyness: keyness.state(),
        cooccurrence: cooccurrence.state(),
        trends: trends.state(),
        journey: journey.state(),
      };
    },
  };
}

function assertInsightState(state: unknown, fn: string): asserts state is InsightState {
  if (typeof state !== 'object' || state === null || (state as { type?: unknown }).type !== 'insight') {
    throw new TypeError(`verbatim-fr: expected an insight state in ${fn}, got ${describe(state)}`);
  }
}

export function mergeInsightStates(a: InsightState, b: InsightState): InsightState {
  assertInsightState(a, 'mergeInsightStates');
  assertInsightState(b, 'mergeInsightStates');
  return {
    type: 'insight',
    version: 1,
    scores: mergeScores(a.scores, b.scores),
    keyness: mergeKeyness(a.keyness, b.keyness),
    cooccurrence: mergeCooccurrence(a.cooccurrence, b.cooccurrence),
    trends: mergeTrends(a.trends, b.trends),
    journey: mergeJourney(a.journey, b.journey),
  };
}

export function finalizeInsight(state: InsightState, options: InsightOptions = {}): Insight {
  assertInsightState(state, 'finalizeInsight');
  return {
    scores: finalizeScores(state.scores, options.scores),
    keyness: finalizeKeyness(state.keyness, options.keyness),
    cooccurrence: finalizeCooccurrence(state.cooccurrence, options.cooccurrence),
    trends: finalizeTrends(state.trends, options.trends),
    journey: finalizeJourney(state.journey, options.journey),
  };
}
