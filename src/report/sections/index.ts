// The sections of a report, in the order they are shown: the one list to add a section to.
import type { Section } from '../section.js';
import { chatSection } from './chat.js';
import { cooccurrenceSection, type CooccurrenceSectionOptions } from './cooccurrence.js';
import { coreSection } from './core.js';
import { journeySection } from './journey.js';
import { keynessSection, type KeynessSectionOptions } from './keyness.js';
import { keynessBySection } from './keyness-by.js';
import { scoresSection, type ScoresSectionOptions } from './scores.js';
import { trendsSection, type TrendsSectionOptions } from './trends.js';

export { coreSection } from './core.js';
export { chatSection, type ChatFigures, type ChatSectionState, type ChatWording } from './chat.js';
export { scoresSection, type ScoresSectionOptions, type ScoresSectionState, type ScoresWording } from './scores.js';
export { keynessSection, type KeynessSectionOptions, type KeynessWording } from './keyness.js';
export { keynessBySection, type KeynessByResult, type KeynessBySectionOptions, type KeynessByState, type KeynessByWording, type KeynessGroup } from './keyness-by.js';
export { cooccurrenceSection, type CooccurrenceSectionOptions, type CooccurrenceWording } from './cooccurrence.js';
export { trendsSection, type TrendsSectionOptions, type TrendsWording } from './trends.js';
export { journeySection, type JourneyWording } from './journey.js';

/** Settings of the default sections' analyses (thresholds, sizes of the rankings). */
export interface DefaultSectionsOptions {
  scores?: ScoresSectionOptions;
  keyness?: KeynessSectionOptions;
  cooccurrence?: CooccurrenceSectionOptions;
  trends?: TrendsSectionOptions;
}

/**
 * Every section of the default report, the core figures first (a new list
 * each call): core, chat, then the insight analyses (`report.sections.insight`):
 * scores, keyness (by channel, and by the `groupBy` column when there is
 * one), co-occurrence, trends, journey.
 */
export function defaultSections(settings: DefaultSectionsOptions = {}): Section[] {
  return [
    coreSection(),
    chatSection(),
    scoresSection(settings.scores),
    keynessSection(settings.keyness),
    keynessBySection(settings.keyness),
    cooccurrenceSection(settings.cooccurrence),
    trendsSection(settings.trends),
    journeySection(),
  ];
}
