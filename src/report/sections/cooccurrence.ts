// Co-occurrence (`report.sections.insight.cooccurrence`): entries cited in the same
// verbatim, and how much more often than chance (lift).
import {
  addCooccurrence,
  emptyCooccurrenceState,
  finalizeCooccurrence,
  mergeCooccurrence,
  type CooccurrenceAccumulatorOptions,
  type CooccurrenceOptions,
  type CooccurrenceResult,
  type CooccurrenceState,
} from '../insight/cooccurrence.js';
import type { Section } from '../section.js';

export type CooccurrenceSectionOptions = CooccurrenceAccumulatorOptions & CooccurrenceOptions;

export function cooccurrenceSection(settings: CooccurrenceSectionOptions = {}): Section<CooccurrenceState, CooccurrenceResult> {
  const { kinds, keepOwnTheme, ...finalize } = settings;
  const accumulate: CooccurrenceAccumulatorOptions = { ...(kinds ? { kinds } : {}), ...(keepOwnTheme !== undefined ? { keepOwnTheme } : {}) };
  return {
    name: 'cooccurrence',
    at: ['insight', 'cooccurrence'],
    init: () => emptyCooccurrenceState(accumulate),
    add(state, analysis) {
      addCooccurrence(state, analysis);
      return state;
    },
    merge: mergeCooccurrence,
    finalize: (state) => finalizeCooccurrence(state, finalize),
  };
}
