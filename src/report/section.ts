/**
 * The report section: the one unit a report is made of. A section adds up
 * analyses into a JSON state, merges two states, and turns a state into its
 * part of the report. The core figures per channel are the first section;
 * chat exchanges and the insight analyses are the others (`defaultSections()`).
 */
import type { VerbatimAnalysis } from '../types.js';
import type { CoreReport, CoreState, ReportMeta, ReportOptions, ReportReject } from './types.js';

/** What every hook of a section is given. */
export interface SectionContext {
  /** The options given to the builder or to `finalizeReport`, as given (defaults not filled in). */
  options: ReportOptions;
  /** Labels, kinds, themes and stages of entries and channels (`options.meta`, or `{}`). */
  meta: ReportMeta;
  /** Masks personal data when the report does (`maskPersonalData`, default on). */
  mask(text: string): string;
}

/** What `finalize` is given besides the state. */
export interface SectionFinalizeContext extends SectionContext {
  /** Language of the report's labels (`options.lang`, default `fr`). */
  lang: string;
  /** The core state: word tables and entry counts per channel, for sections that need not count them again. */
  core: CoreState;
  /** The finalized core report (summary, channels, all). Readable by every section after the core. */
  report: CoreReport;
}

/**
 * A report section. `S` is its state, `R` its result in the report.
 *
 * - The state is plain JSON (it crosses worker threads and may be stored).
 * - `merge` is associative and commutative, and does not change `a` or `b`:
 *   merging the states of any split of the analyses, in any order, then
 *   finalizing gives what one pass over all of them gives.
 * - Brand or agent messages (`author: 'agent'`) reach the core section only.
 */
export interface Section<S = unknown, R = unknown> {
  /** Unique name: key of its state in `ReportState.sections`. */
  name: string;
  /**
   * Where the result sits in the JSON report: a path under `report.sections`
   * (default `[name]`). The core section alone has `[]`: its result is the
   * top of the report (`summary`, `channels`, `all`).
   */
  at?: readonly string[];
  /** Empty state. */
  init(context: SectionContext): S;
  /** Adds one analysis; may change `state` and returns the state to keep. */
  add(state: S, analysis: VerbatimAnalysis, context: SectionContext): S;
  /** Adds one input row that could not be analysed (only the core counts them). */
  reject?(state: S, reject: ReportReject, context: SectionContext): S;
  /** Combines two states into a new one. */
  merge(a: S, b: S): S;
  /** The section's result (pure: the state is not changed). */
  finalize(state: S, context: SectionFinalizeContext): R;
}

/** Types a section definition (returns it as is). */
export function defineSection<S, R>(section: Section<S, R>): Section<S, R> {
  return section;
}
