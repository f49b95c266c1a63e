// Trends over time (`report.sections.insight.trends`): verbatims per month or ISO week,
// per channel and entry, and the entries that rose or fell most between the last two periods.
import {
  addTrends,
  emptyTrendsState,
  finalizeTrends,
  mergeTrends,
  type TrendsAccumulatorOptions,
  type TrendsOptions,
  type TrendsResult,
  type TrendsState,
} from '../insight/trends.js';
import type { Section } from '../section.js';

/** Settings of the trends (the period is the report's `period`). */
export type TrendsSectionOptions = TrendsAccumulatorOptions & Omit<TrendsOptions, 'period'>;

export function trendsSection(settings: TrendsSectionOptions = {}): Section<TrendsState, TrendsResult> {
  const { kinds, ...finalize } = settings;
  return {
    name: 'trends',
    at: ['insight', 'trends'],
    init: () => emptyTrendsState(kinds ? { kinds } : {}),
    add(state, analysis) {
      addTrends(state, analysis);
      return state;
    },
    merge: mergeTrends,
    finalize: (state, { options }) => finalizeTrends(state, { ...finalize, period: options.period ?? 'month' }),
  };
}
