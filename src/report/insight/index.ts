// Insight analyses: their result types, read in `report.sections.insight`, and the
// statistics they use. Each analysis is a report section (src/report/sections/).
import type { CooccurrenceResult } from './cooccurrence.js';
import type { JourneyResult } from './journey.js';
import type { KeynessResult } from './keyness.js';
import type { KeynessByResult } from '../sections/keyness-by.js';
import type { ScoresResult } from './scores.js';
import type { TrendsResult } from './trends.js';

export { detectScoreScale } from './scores.js';
export type { ChannelScore, DetectedScoreScale, EntryScore, Interval, ScaleScores, ScoreCell, ScoreFigures, ScoresOptions, ScoresResult, ScoreScaleKind, ScoresState } from './scores.js';
export type { KeyItem, KeynessChannel, KeynessChannelCounts, KeynessItemKind, KeynessOptions, KeynessResult, KeynessState, KeynessTable, KeynessTables } from './keyness.js';
export type { CooccurrenceAccumulatorOptions, CooccurrenceChannelCounts, CooccurrenceOptions, CooccurrencePair, CooccurrenceResult, CooccurrenceState, CooccurrenceTable } from './cooccurrence.js';
export type { DroppedDays, TrendDay, TrendMove, TrendPeriod, TrendSeries, TrendsAccumulatorOptions, TrendsOptions, TrendsResult, TrendsState } from './trends.js';
export type { JourneyBreakdown, JourneyChannelCounts, JourneyEntryMeta, JourneyOptions, JourneyResult, JourneyStageOrUnknown, JourneyState, StageShares } from './journey.js';
export type { LogLikelihoodFormula } from '../../_utils/log-likelihood.js';
export type { Counts as InsightCounts } from '../counts.js';
export type { InsightEntryKind } from './_shared.js';

/** `report.sections.insight`: the results of the insight sections. */
export interface Insight {
  scores: ScoresResult;
  keyness: KeynessResult;
  /** Keyness by the `groupBy` column, when there is one. */
  keynessBy?: KeynessByResult;
  cooccurrence: CooccurrenceResult;
  trends: TrendsResult;
  journey: JourneyResult;
}
