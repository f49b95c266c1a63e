// The limits of a run on files, the same for the API (`analyzeFiles`, the
// queue) and the CLI (`--vocabulary`, `--max-channels`, `--max-periods`): a
// run on files may meet any vocabulary, and exact tables grow with it
// (`verbatim discover`, which kept them exact, peaked at 2.4 GB on a 100 MB
// export whose words keep coming).
import { DEFAULT_MAX_PERIODS } from '../report/insight/trends.js';

/** Words and expressions kept per channel by default: tables of at most twice as many terms. */
export const DEFAULT_VOCABULARY = 10_000;

/**
 * Channels kept apart by default in a run on files: a channel column of
 * stores, agents or ids would otherwise give every value its own word
 * tables, examples and co-occurrences (2,000 store codes on a 20 MB export:
 * 2.75 GB, against 240 MB).
 */
export const DEFAULT_MAX_CHANNELS = 100;

/** The report option a run's `maxChannels` gives: a limit of n channels, none for `'all'`, the default when unset. */
export function channelLimit(value: number | 'all' | undefined): { maxChannels?: number } {
  const limit = value ?? DEFAULT_MAX_CHANNELS;
  return limit === 'all' ? {} : { maxChannels: limit };
}

/**
 * The report option a run's `maxPeriods` gives: n trend periods listed, all
 * of them (0) for `'all'`, none (the report's default, 120) when unset or
 * 120: a run given the default writes the same state, provenance and report
 * as one not given it.
 */
export function periodLimit(value: number | 'all' | undefined): { maxPeriods?: number } {
  return value === undefined || value === DEFAULT_MAX_PERIODS ? {} : { maxPeriods: value === 'all' ? 0 : value };
}

/** The report option a run's `maxVocabulary` gives: a budget of n terms, none for `'exact'`, the default budget when unset. */
export function vocabularyBudget(value: number | 'exact' | undefined): { maxVocabulary?: number } {
  const budget = value ?? DEFAULT_VOCABULARY;
  return budget === 'exact' ? {} : { maxVocabulary: budget };
}
