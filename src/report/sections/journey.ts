// Customer journey (`report.sections.insight.journey`): irritant and enchantment
// mentions by stage (before, during, after the purchase), per channel and overall.
import { addJourney, emptyJourneyState, finalizeJourney, mergeJourney, type JourneyResult, type JourneyState } from '../insight/journey.js';
import type { Section } from '../section.js';

export function journeySection(): Section<JourneyState, JourneyResult> {
  return {
    name: 'journey',
    at: ['insight', 'journey'],
    init: emptyJourneyState,
    add(state, analysis) {
      addJourney(state, analysis);
      return state;
    },
    merge: mergeJourney,
    finalize: (state, { meta }) => finalizeJourney(state, { entries: meta.entries ?? {} }),
  };
}
