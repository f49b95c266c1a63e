// A run's state as a state file's content: the report state with what made it
// (the library version, the analyser's identity, the report options, the
// labels) and a run id. The identity is a hash of what decides the analyses
// (the composed lexicon, the analyser's options, whether agent turns are
// analysed), so that states of different analysers are never merged.
import { randomUUID } from 'node:crypto';
import type { Analyzer } from '../analyze/index.js';
import { DEFAULT_TOP_WORDS } from '../report/finalize.js';
import { DEFAULT_MAX_PERIODS } from '../report/insight/trends.js';
import { reportMeta } from '../report/meta.js';
import { DEFAULT_EXAMPLES } from '../report/state.js';
import type { ReportMeta, ReportOptions, ReportProvenance, ReportState } from '../report/types.js';
import { canonicalSha256 } from './canonical-hash.js';
import { STATE_FORMAT, STATE_VERSION, type RunState } from './state-file.js';
import { LIBRARY_VERSION } from './version.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** `sha256:` and the hex hash of the composed lexicon, the analyser's options and `allTurns`. */
export function analyzerId(analyzer: Analyzer, allTurns: boolean): string {
  // Hashing the composed lexicon takes a tenth of a second: once per analyser (a run's provenance and its state share it).
  const known = ids.get(analyzer);
  const cached = allTurns ? known?.allTurns : known?.customer;
  if (cached !== undefined) return cached;
  const id = `sha256:${canonicalSha256({ lexicon: analyzer.lexicon, options: analyzer.options, allTurns })}`;
  ids.set(analyzer, { ...known, [allTurns ? 'allTurns' : 'customer']: id });
  return id;
}
const ids = new WeakMap<Analyzer, { customer?: string; allTurns?: string }>();

/** Options of `createRunState`. */
export interface CreateRunStateOptions {
  /** Agent turns of chat transcripts were analysed too (`analyzeVerbatim`'s `allTurns`; default false). */
  allTurns?: boolean;
  /** The report options the state was built with (`meta` and `sections` aside; default: the defaults). */
  report?: Omit<ReportOptions, 'meta' | 'sections'>;
  /** How the analyser was built, said in messages when states differ (its content is in the identity anyway). */
  lexicons?: string[];
  includeDefault?: boolean;
  sectors?: string[];
  /** What made the state (`analyzeFiles` gives it): written as `provenance`, and into the report of the state. */
  provenance?: ReportProvenance;
}

/**
 * The state file's content for a report state built with `analyzer` (a
 * builder's `snapshot()`): what `analyzeFiles({ keepState: true })` returns,
 * for runs made otherwise (a queue worker's chunk of rows). Each call is a
 * new run, with its own id.
 */
export function createRunState(state: ReportState, analyzer: Analyzer, options: CreateRunStateOptions = {}): RunState {
  const allTurns = options.allTurns === true;
  return runStateOf(state, { id: analyzerId(analyzer, allTurns), defaultLanguage: analyzer.options.defaultLanguage, meta: reportMeta(analyzer) }, options);
}

/** What a state records of the analyser that made it (a worker thread's analyser, described to a run that builds none). */
export interface AnalyzerIdentity {
  /** `analyzerId(analyzer, allTurns)`. */
  id: string;
  defaultLanguage: string;
  meta: ReportMeta;
}

/** `createRunState` from the analyser's identity rather than the analyser. */
export function runStateOf(state: ReportState, analyzer: AnalyzerIdentity, options: CreateRunStateOptions = {}): RunState {
  if (typeof state !== 'object' || state === null || (state.stateVersion !== 3 && (state.stateVersion as number) !== 2)) {
    throw expectedError('a report state (createReportBuilder().snapshot())', typeName(state));
  }
  const { meta: _meta, sections: _sections, maxPeriods, ...given } = (options.report ?? {}) as ReportOptions;
  const allTurns = options.allTurns === true;
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    library: LIBRARY_VERSION,
    analyzer: {
      id: analyzer.id,
      lexicons: options.lexicons ?? [],
      includeDefault: options.includeDefault ?? true,
      sectors: options.sectors ?? [],
      defaultLanguage: analyzer.defaultLanguage,
      allTurns,
    },
    // Defaults written out: a state built with `examples: 3` merges with one built with the default.
    report: {
      ...given,
      examples: given.examples ?? DEFAULT_EXAMPLES,
      topWords: given.topWords ?? DEFAULT_TOP_WORDS,
      maskPersonalData: given.maskPersonalData ?? true,
      scoreScale: given.scoreScale ?? 'auto',
      period: given.period ?? 'month',
      // The default left out, as when not given: one way to write it.
      ...(maxPeriods !== undefined && maxPeriods !== DEFAULT_MAX_PERIODS ? { maxPeriods } : {}),
    },
    meta: analyzer.meta,
    ...(options.provenance !== undefined ? { provenance: options.provenance } : {}),
    // Random: the same run given twice to a merge is seen.
    parts: [randomUUID()],
    state,
  };
}
