/**
 * The report section: the one unit a report is made of. A section adds up
 * analyses into a JSON state, merges two states, turns a state into its part
 * of the report, and shows that part in each format, in its own words. The
 * core figures per channel are the first section; chat exchanges and the
 * insight analyses are the others (`defaultSections()`).
 */
import type { VerbatimAnalysis } from '../types.js';
import type { ReportLang } from './messages.js';
import type { CsvContext, CsvRow, HtmlBlock, HtmlContext, MarkdownContext, TableContext, TextBlock } from './renderers/view.js';
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
 * How a section shows in each format, given its result read from the report
 * (`undefined` when the report lacks it: say so, or show nothing). A format
 * without a function shows nothing of the section. JSON needs none: the
 * result is written as is, at `at`.
 */
export interface SectionRender<R, M> {
  /** Terminal table: lines. */
  table?(result: R | undefined, context: TableContext<M>): TextBlock[];
  /** Markdown: lines. */
  md?(result: R | undefined, context: MarkdownContext<M>): TextBlock[];
  /** HTML: page sections, each listed in the table of contents. */
  html?(result: R | undefined, context: HtmlContext<M>): HtmlBlock[] | Promise<HtmlBlock[]>;
  /** CSV: one row per figure (`section;channel;key;label;metric;value`). */
  csv?(result: R | undefined, context: CsvContext<M>): CsvRow[];
}

/**
 * A report section. `S` is its state, `R` its result in the report, `M` its
 * own wording.
 *
 * - The state is plain JSON (it crosses worker threads and may be stored).
 * - `merge` is associative and commutative, and does not change `a` or `b`:
 *   merging the states of any split of the analyses, in any order, then
 *   finalizing gives what one pass over all of them gives.
 * - Brand or agent messages (`author: 'agent'`) reach the core section only.
 */
export interface Section<S = unknown, R = unknown, M = unknown> {
  /** Unique name: key of its state in `ReportState.sections`. */
  name: string;
  /**
   * Where the result sits in the JSON report: a path under `report.sections`
   * (default `[name]`). The core section alone has `[]`: its result is the
   * top of the report (`summary`, `channels`, `all`).
   */
  at?: readonly string[];
  /** Empty state; `undefined` when the section has nothing to keep with these options (it then writes no state). */
  init(context: SectionContext): S;
  /** Adds one analysis; may change `state` and returns the state to keep. */
  add(state: S, analysis: VerbatimAnalysis, context: SectionContext): S;
  /** Adds one input row that could not be analysed (only the core counts them). */
  reject?(state: S, reject: ReportReject, context: SectionContext): S;
  /** Combines two states into a new one. */
  merge(a: S, b: S): S;
  /**
   * The state with every channel's figures counted in the one channel `into`
   * (pure). Called once more than `maxChannels` channels were met; every
   * analysis added afterwards comes with `channel: into`. A section that
   * keeps nothing per channel needs none; one that does should have it, or
   * its memory grows with the channels.
   */
  mergeChannels?(state: S, into: string): S;
  /** The section's result (pure: the state is not changed); `undefined` leaves no key in the report. */
  finalize(state: S, context: SectionFinalizeContext): R;
  /**
   * Reads the result back from a report, which may come from JSON written by
   * another version: `undefined` when it is absent or unusable (default: the
   * value at `at`, unchecked).
   */
  read?(value: unknown): R | undefined;
  /** The section's own wording, by language (renderers pick the report's). */
  messages?: Record<ReportLang, M>;
  render?: SectionRender<R, M>;
}

/** Types a section definition (returns it as is). */
export function defineSection<S, R, M = unknown>(section: Section<S, R, M>): Section<S, R, M> {
  return section;
}
