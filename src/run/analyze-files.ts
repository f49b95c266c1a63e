// The corpus run: read the files, analyse every verbatim (in-process or on
// worker threads), build the report, and write the rows' annotations and
// rejects in input order.
import { inputProblem } from '../io/issue-messages.js';
import { createAnalyzer } from '../analyze/index.js';
import type { Analyzer, AnalyzerOptions } from '../analyze/index.js';
import { createDiscoverBuilder, mergeDiscoverStates } from '../discover/discover.js';
import type { DiscoverOptions, DiscoverState } from '../discover/types.js';
import { InputError } from '../io/errors.js';
import { loadLexiconFiles } from '../io/lexicon-files.js';
import { sourceOf } from '../lexicon/source.js';
import { collectCompiled, type StoredMatcher } from '../lexicon/store.js';
import { readVerbatims } from '../io/read.js';
import type { ColumnOptions, ColumnsUsed, InputSpec, ReadItem, ReadReject } from '../io/types.js';
import { rejectLang, type RejectCode } from '../io/reject-messages.js';
import { coreSection, createReportBuilder, finalizeReport, reportMeta } from '../report/index.js';
import { mergeReportStatesInto } from '../report/merge-into.js';
import type { Report, ReportOptions, ReportState, Section } from '../report/index.js';
import type { ReportProvenance as Provenance } from '../report/types.js';
import { ScoreScaleError } from '../report/scales.js';
import type { ReportTableKind } from '../report/tables.js';
import { checkGroupColumn, createDfmWriter, createIramuteqWriter, createSpansWriter, fanOut, writeReportTable, type DfmFeatures, type RowWriter } from './exports.js';
import type { VerbatimAnalysis } from '../types.js';
import { createAnnotationWriter, writeRejects, type AnnotationFormat } from './outputs.js';
import { runProvenance } from './provenance.js';
import { analyzeRows, BATCH, batches } from './batch.js';
import { startWorkers, type WorkerPool } from './pool.js';
import { thisMachine, type MachineShare } from './machine.js';
import { WORKER_KIND, type AnalyzerSummary } from './protocol.js';
import { analyzerId, runStateOf } from './run-state.js';
import type { RunState } from './state-file.js';
import { channelLimit, periodLimit, vocabularyBudget } from './vocabulary.js';

export interface AnalyzeFilesOptions {
  /** Compiled lexicons (default: built from `lexicons` and `includeDefault`). Workers need `lexicons` instead. */
  analyzer?: Analyzer;
  /** Lexicon files or folders layered over the default (what `--lexicon` gives). */
  lexicons?: string[];
  /** Start from the default French lexicons (default true). */
  includeDefault?: boolean;
  /** Optional sector layers over the default lexicons (`['banque']`; see `sectorNames()`). */
  sectors?: string[];
  /** Language of the report's labels and of the reject reasons: `fr` (default) or `en`. Not part of the run's state: parts in two languages merge. */
  lang?: string;
  /** The corpus' language, for texts too short to tell (default `fra`). */
  defaultLanguage?: string;
  columns?: ColumnOptions;
  examples?: number;
  topWords?: number;
  /**
   * Word and expression tables of at most 2·n terms per channel
   * (`ReportOptions.maxVocabulary`; the CLI's `--vocabulary`): exact until a
   * table holds 2·n, then within `summary.maxUndercount`. `'exact'` keeps
   * every word and expression, and memory then grows with the input's
   * vocabulary. Default: 10,000, as the CLI.
   */
  maxVocabulary?: number | 'exact';
  /**
   * Channels kept apart at most (`ReportOptions.maxChannels`; the CLI's
   * `--max-channels`): past that many, every channel is counted in one and
   * the report says so. `'all'` keeps every channel apart, and memory then
   * grows with the channels. Default: 100, as the CLI.
   */
  maxChannels?: number | 'all';
  /**
   * Trend periods listed at most (`ReportOptions.maxPeriods`; the CLI's
   * `--max-periods`): the last of the span followed, the verbatims dated
   * before them counted in the trends' `earlier`. `'all'` lists every
   * period. Default: 120.
   */
  maxPeriods?: number | 'all';
  maskPersonalData?: boolean;
  /** Analyse agent turns of chat transcripts too (default false: customer turns only). */
  allTurns?: boolean;
  period?: 'month' | 'week';
  scale?: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  /**
   * Write one row per input row here: its coding, or `skipped` with the
   * reason. A path (.csv or .jsonl, written whole at the end) or a stream
   * (standard output: rows as they come, in input order).
   */
  annotate?: string | NodeJS.WritableStream;
  /** Format of `annotate` (default: `jsonl` for a path ending in .jsonl/.ndjson and for a stream, else `csv`). */
  annotateFormat?: AnnotationFormat;
  /** Write the verbatim's text into `annotate` too (masked when `maskPersonalData` is not false); default false. */
  annotateText?: boolean;
  /**
   * A document-feature matrix of the analysed rows (`--export dfm FILE`): a
   * path ending in `.mtx` gets Matrix Market with `NAME.rows.csv` and
   * `NAME.cols.csv`; another path or a stream the long CSV `doc_id;feature;count`.
   */
  dfm?: string | NodeJS.WritableStream;
  /** What the matrix counts: content words (default), lemmas, or the lexicon entries coded. */
  dfmFeatures?: DfmFeatures;
  /** The matched spans, one CSV line each: `doc_id;kind;id;theme;start;end;text;negated` (`--export spans FILE`). */
  spans?: string | NodeJS.WritableStream;
  /** An IRaMuTeQ corpus of the analysed rows (`--export iramuteq FILE`). */
  iramuteq?: string | NodeJS.WritableStream;
  /** Its starred variables: input columns, or channel, score, date, id, tonality, language, author (`--iramuteq-vars`). */
  iramuteqVariables?: string[];
  /**
   * Tidy CSV tables of the report (`--export keyness|cooccurrence|trends|drivers FILE`):
   * by kind, a path (written whole at the end) or a stream.
   */
  tables?: Partial<Record<ReportTableKind, string | NodeJS.WritableStream>>;
  /**
   * An input column whose values group the verbatims for a keyness by value
   * (`ReportOptions.groupBy`, `--by`): a column no role reads (not the text,
   * id, channel, date, score or author). A tabular input without it is an
   * `InputError` at its first row; a JSON input none of whose records has it,
   * at the end.
   */
  groupBy?: string;
  /** Values of `groupBy` compared at most (`ReportOptions.maxGroups`, default 50). */
  maxGroups?: number;
  /** Told, for each input, which columns were mapped to which role, before its first row (the CLI prints it). */
  onColumns?: (used: ColumnsUsed) => void;
  /** Write skipped rows here (CSV): a path, or a stream. */
  rejects?: string | NodeJS.WritableStream;
  /**
   * A file that cannot be read at all (missing, damaged, not a table) is one
   * reject and the other files are still analysed (default true); false
   * throws an `InputError` naming it instead, and nothing is written.
   */
  allowFileRejects?: boolean;
  /** Bytes an XLSX file may inflate to before it is refused as a zip bomb (default 256 MiB). */
  maxXlsxSize?: number;
  /** Characters of one record (a CSV row, a JSON element, a JSON Lines line, an XLSX row's cells) read before it is a reject (default 1 MiB). */
  maxRecordSize?: number;
  /** What `-` reads (default `process.stdin`), as it comes: no copy on disk (XLSX aside). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Bytes of a stream input held in memory before they wait in a temporary file (default 64 MiB; see `ReadOptions`). */
  maxStreamMemory?: number;
  /**
   * Return the run's mergeable state too (`result.state`, what `verbatim
   * analyze --format state` writes); default false.
   */
  keepState?: boolean;
  /**
   * The report's sections, the core first (default `defaultSections()`).
   * Worker threads run the core section alone (`[coreSection()]`, what
   * `verbatim discover` reports on); with any other section the run stays in
   * this thread, since a section is code and cannot be sent to a worker.
   */
  sections?: readonly Section[];
  /**
   * Analyse on this many worker threads (default 1: in-process). Needs
   * `workerScript`, a module that calls `runAnalysisWorker()` when it starts
   * in a worker (the `verbatim` CLI's bin does). The report is the same whatever the
   * number of workers: states merge exactly. With `maxVocabulary` the word
   * tables are summaries whose small undercounts depend on how rows were
   * split: the same input on the same number of workers still gives the same
   * report (batches go to the workers in turn, whatever their speed).
   */
  workers?: number;
  workerScript?: string | URL;
  onProgress?: (rows: number) => void;
  /**
   * Called with every analysis, in input order, before it is counted (what
   * `verbatim discover` and `verbatim kwic` read). Runs in-process: `workers`
   * is then ignored.
   */
  onAnalysis?: (analysis: VerbatimAnalysis) => void;
  /**
   * Keep a discovery state of the run (`result.discover`, what `verbatim
   * discover` finalizes), on the workers too: their states merge exactly.
   */
  discover?: DiscoverOptions;
}

export interface AnalyzeFilesResult {
  /** The per-channel report, with `sections.chat` and `sections.insight`. */
  report: Report;
  /** With `discover`: the discovery state of the run. */
  discover?: DiscoverState;
  /** With `keepState`: the state of the run, to merge with the states of the other parts of the input. */
  state?: RunState;
  /** What made the report (also in `report.provenance`): the version, lexicon layers, options and columns. */
  provenance: Provenance;
}

/**
 * The report options of a run that reads only its report's summary (rows
 * analysed, rejected and why), as `verbatim discover` and `verbatim kwic` do:
 * the core section alone, no examples, and word tables at the smallest
 * budget, so that memory stays bounded whatever the input's vocabulary.
 */
export function summaryOnly(): Pick<AnalyzeFilesOptions, 'sections' | 'examples' | 'maxVocabulary'> {
  return { sections: [coreSection()], examples: 0, maxVocabulary: 1 };
}

/**
 * Reads exported files (CSV/TSV/JSON/JSONL/XLSX), analyses every verbatim and
 * builds the report: what `verbatim analyze` does, for Node scripts and
 * notebooks. Every input row ends analysed or rejected (`report.summary`).
 */
export async function analyzeFiles(files: Array<string | InputSpec>, options: AnalyzeFilesOptions = {}): Promise<AnalyzeFilesResult> {
  const analyzerOptions: AnalyzerOptions = {
    lexicons: options.lexicons?.length ? await loadLexiconFiles(options.lexicons) : [],
    includeDefault: options.includeDefault ?? true,
    sectors: options.sectors ?? [],
    defaultLanguage: options.defaultLanguage ?? 'fra',
  };
  // An onAnalysis hook (kwic) sees every analysis: the run stays in this thread.
  // So do sections other than the core: they are code, and a worker builds its report from the default ones.
  const coreOnly = options.sections !== undefined && options.sections.length === 1;
  const threads = options.analyzer === undefined && options.workerScript !== undefined && options.onAnalysis === undefined && (options.sections === undefined || coreOnly);
  const workers = threads ? Math.max(1, Math.floor(options.workers ?? 1)) : 1;
  const allTurns = options.allTurns === true;
  const reportOptions: Omit<ReportOptions, 'meta' | 'sections'> = {
    ...(options.examples !== undefined ? { examples: options.examples } : {}),
    ...(options.topWords !== undefined ? { topWords: options.topWords } : {}),
    ...vocabularyBudget(options.maxVocabulary),
    ...channelLimit(options.maxChannels),
    ...periodLimit(options.maxPeriods),
    ...(options.maskPersonalData !== undefined ? { maskPersonalData: options.maskPersonalData } : {}),
    ...(options.scale !== undefined ? { scoreScale: options.scale } : {}),
    ...(options.period !== undefined ? { period: options.period } : {}),
    ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}),
    ...(options.maxGroups !== undefined ? { maxGroups: options.maxGroups } : {}),
  };
  // On worker threads the analysis happens there, and the run builds no analyser of its own (it would hold
  // its compiled lexicons for nothing): the first worker says what the run needs to know of it. Lexicon
  // layers are still composed here first, so that a conflict between them is a lexicon error, not a worker's.
  let analyzer: Analyzer | undefined = options.analyzer;
  // The tries this thread compiles (layers, sectors: the build stores the default ones only) go to the
  // workers, which then compile nothing: a user layer costs one compilation per run, not one per thread.
  let compiled: StoredMatcher[] | undefined;
  if (analyzer === undefined && workers === 1) analyzer = createAnalyzer(analyzerOptions);
  else if (analyzer === undefined && analyzerOptions.lexicons?.length !== 0) {
    compiled = collectCompiled(() => {
      analyzer = createAnalyzer(analyzerOptions);
    });
  }
  let pool: WorkerPool | undefined;
  if (workers > 1 && options.workerScript !== undefined) {
    pool = startWorkers(workers, options.workerScript, {
      kind: WORKER_KIND,
      lexicons: (analyzerOptions.lexicons ?? []).map((data) => ({ file: sourceOf(data).file, data })),
      includeDefault: options.includeDefault ?? true,
      sectors: options.sectors ?? [],
      defaultLanguage: options.defaultLanguage ?? 'fra',
      allTurns,
      corpus: reportOptions,
      // Analyses come back for every file of rows: --annotate and the exports.
      returnAnalyses: Boolean(options.annotate || options.dfm || options.spans || options.iramuteq),
      ...(coreOnly ? { coreOnly } : {}),
      ...(options.discover !== undefined ? { discover: options.discover } : {}),
      ...(compiled !== undefined && compiled.length > 0 ? { matchers: compiled } : {}),
    });
  }
  let described: AnalyzerSummary;
  try {
    described = analyzer === undefined ? await (pool as WorkerPool).ready : summarise(analyzer, allTurns);
  } catch (error) {
    await pool?.terminate();
    throw error;
  }
  const corpus: ReportOptions = { meta: described.meta, ...reportOptions };
  const local = createReportBuilder({ ...corpus, ...(options.sections ? { sections: options.sections } : {}) });
  const discovery = options.discover === undefined ? undefined : createDiscoverBuilder(options.discover);
  let discovered: DiscoverState | undefined;
  const inputs: InputSpec[] = files.map((f) => (typeof f === 'string' ? { path: f, ...options.columns } : { ...options.columns, ...f }));
  // Standard input is read as it comes (the readers hold what they may read again).
  for (const input of inputs) if (input.path === '-' && input.stream === undefined) input.stream = options.stdin ?? process.stdin;
  const mask = options.maskPersonalData !== false;
  const columnsUsed: ColumnsUsed[] = [];
  // The roles' headers, for IRaMuTeQ variables that name them: filled before the first row.
  const roleColumns: Partial<Record<'channel' | 'score' | 'date' | 'id', string>> = {};
  const writers: RowWriter[] = [];
  if (options.annotate) writers.push(createAnnotationWriter(options.annotate, options.annotateFormat, { maskPersonalData: mask, keepText: options.annotateText === true }));
  if (options.dfm) writers.push(createDfmWriter(options.dfm, { maskPersonalData: mask, ...(options.dfmFeatures ? { features: options.dfmFeatures } : {}) }));
  if (options.spans) writers.push(createSpansWriter(options.spans, { maskPersonalData: mask }));
  if (options.iramuteq) writers.push(createIramuteqWriter(options.iramuteq, { maskPersonalData: mask, variables: options.iramuteqVariables ?? [], columns: roleColumns }));
  // Every file of rows is fed the same way, in input order (workers send their analyses back for them).
  const annotations = writers.length === 0 ? undefined : writers.length === 1 ? writers[0] : fanOut(writers);
  // Rejects stream to their file as they come: a badly mapped file can reject millions of rows.
  const rejects = options.rejects ? queue<ReadReject>() : undefined;
  const rejectsWritten = rejects && options.rejects ? writeRejects(rejects, options.rejects, { maskPersonalData: options.maskPersonalData !== false }) : undefined;
  rejectsWritten?.catch(() => undefined); // awaited below; a failure is reported there
  const read = readVerbatims(inputs, {
    channels: described.channels,
    ...(options.lang !== undefined ? { lang: rejectLang(options.lang) } : {}),
    ...(options.maxXlsxSize !== undefined ? { maxXlsxSize: options.maxXlsxSize } : {}),
    ...(options.maxRecordSize !== undefined ? { maxRecordSize: options.maxRecordSize } : {}),
    ...(options.maxStreamMemory !== undefined ? { maxStreamMemory: options.maxStreamMemory } : {}),
    onColumns: (used) => {
      columnsUsed.push(used);
      for (const role of ['channel', 'score', 'date', 'id'] as const) if (used[role] !== undefined) roleColumns[role] ??= used[role];
      options.onColumns?.(used);
    },
  });
  const checked = options.allowFileRejects === false ? strict(read) : read;
  // --by: a column the inputs have, and that no role reads (the worker threads' states read the same meta).
  const items = options.groupBy !== undefined ? checkGroupColumn(checked, options.groupBy, columnsUsed) : checked;
  let rejected = 0;
  const onReject = async (item: ReadReject): Promise<void> => {
    rejected += 1;
    local.reject(reportedReject(item));
    rejects?.push(item);
    if (annotations) await annotations.skip(item);
  };
  let state: ReportState;
  let failed = false;
  try {
    if (pool !== undefined) {
      const parts = await pool.run(items, onReject, annotations, options.onProgress);
      // The workers' states, then this thread's rejects if any.
      const states = parts.map((p) => p.state);
      const [first, ...others] = rejected > 0 ? [...states, local.snapshot()] : states;
      // Every other state is added into the first: read from its worker's bytes, it is this run's own
      // (no copy of it, nor of any table of it, before the first merge).
      state = others.reduce((a, b) => mergeReportStatesInto(a, b), first as ReportState);
      if (discovery !== undefined) discovered = parts.reduce((a, p) => mergeDiscoverStates(a, p.discover as DiscoverState), discovery.snapshot());
    } else {
      if (analyzer === undefined) throw new Error('verbatim-fr: no analyser and no worker');
      // Rows go by batches, as to the workers: the batch's verbatims are analysed, then added to the report
      // (`analyzeRows`), then every row is taken in input order (rejects, hooks, annotations). A batch
      // waits for no slow writer (`batches`): piped rows come out as they come in.
      const flush = async (rows: readonly ReadItem[]): Promise<void> => {
        const { analyses, byRow } = analyzeRows(rows, (item) => (item.type === 'reject' ? undefined : item.verbatim), analyzer as Analyzer, { allTurns });
        local.addAll(analyses);
        for (const [i, item] of rows.entries()) {
          if (item.type === 'reject') {
            await onReject(item);
            continue;
          }
          const analysis = byRow[i] as VerbatimAnalysis;
          options.onAnalysis?.(analysis);
          discovery?.add(analysis);
          if (annotations) await annotations.write(analysis, item.source);
        }
        options.onProgress?.(rows.length);
      };
      for await (const rows of batches(items, BATCH)) await flush(rows);
      state = local.snapshot();
      discovered = discovery?.snapshot();
    }
  } catch (error) {
    failed = true;
    await pool?.terminate();
    // Nothing half-written: the annotation and reject files stay as they were before the run.
    rejects?.fail(error);
    await annotations?.abort();
    await rejectsWritten?.catch(() => undefined);
    throw error;
  } finally {
    if (!failed) {
      rejects?.end();
      await annotations?.close();
      await rejectsWritten;
    }
  }
  let report: Report;
  try {
    report = finalizeReport(state, { ...corpus, ...(options.lang !== undefined ? { lang: options.lang } : {}), ...(options.sections ? { sections: options.sections } : {}) });
  } catch (error) {
    // A declared scale that does not fit: name the score column the user mapped.
    throw error instanceof ScoreScaleError ? error.withColumn(roleColumns.score) : error;
  }
  const provenance = await runProvenance(
    described,
    { allTurns, includeDefault: analyzerOptions.includeDefault !== false, sectors: options.sectors ?? [], lexicons: options.lexicons ?? [], analyzerGiven: options.analyzer !== undefined },
    reportOptions,
    columnsUsed,
  );
  report.provenance = provenance;
  for (const [kind, target] of Object.entries(options.tables ?? {}) as Array<[ReportTableKind, string | NodeJS.WritableStream | undefined]>) {
    if (target !== undefined) await writeReportTable(report, kind, target);
  }
  const withDiscover = discovered === undefined ? {} : { discover: discovered };
  if (options.keepState !== true) return { report, provenance, ...withDiscover };
  return {
    report,
    provenance,
    ...withDiscover,
    state: runStateOf(state, described, {
      allTurns,
      report: reportOptions,
      lexicons: options.lexicons ?? [],
      includeDefault: options.includeDefault ?? true,
      sectors: options.sectors ?? [],
      provenance,
    }),
  };
}

/** What the run needs of an analyser it built itself (as the first worker describes its own). */
function summarise(analyzer: Analyzer, allTurns: boolean): AnalyzerSummary {
  return { channels: [...analyzer.lexicon.channels], meta: reportMeta(analyzer), id: analyzerId(analyzer, allTurns), defaultLanguage: analyzer.options.defaultLanguage };
}

/**
 * A reader's reject as the report counts it: by reason, so that "wrong column
 * count: 5 instead of 3" groups under "wrong column count" (the rest goes to
 * the hint). Shared with the queue's workers, whose reports must be the same.
 */
export function reportedReject(item: ReadReject): { source: ReadReject['source']; reason: string; hint: string; code?: RejectCode } {
  const colon = item.reason.indexOf(': ');
  // "nombre de colonnes incorrect : 5 au lieu de 3" groups under "nombre de colonnes incorrect".
  const reason = colon > 0 ? item.reason.slice(0, colon).trimEnd() : item.reason;
  const hint = colon > 0 ? `${item.reason.slice(colon + 2)} — ${item.hint}` : item.hint;
  return { source: item.source, reason, hint, ...(item.code !== undefined ? { code: item.code } : {}) };
}

/**
 * Memory a worker thread is counted for when choosing their number: an
 * analysis thread holds up to about 200 MB at its word budget (bench/README.md),
 * and the run keeps half the memory for everything else.
 */
const MEMORY_PER_WORKER = 512 * 1024 * 1024;

/**
 * Workers to use by default: in-process for inputs up to 20 MB; else one per
 * core, at most 8, and at most one per 512 MB of the memory the process may
 * use (a container of 2 GB gets 4, not one per core of its host).
 */
export function defaultWorkers(totalBytes: number, machine: MachineShare = thisMachine()): number {
  if (totalBytes <= 20e6) return 1;
  return Math.max(1, Math.min(8, machine.cores, Math.floor(machine.memory / MEMORY_PER_WORKER)));
}

/** The items of `items`; a whole-file reject (row 0: missing, damaged, not a table) throws an `InputError` naming the file instead. */
async function* strict(items: AsyncGenerator<ReadItem>): AsyncGenerator<ReadItem> {
  for await (const item of items) {
    if (item.type === 'reject' && item.source.row === 0) {
      throw new InputError([{ file: item.source.file, ...inputProblem('rejected_file', { reject: item.code ?? 'cannot_read_file', reason: item.reason, hint: item.hint }) }]);
    }
    yield item;
  }
}

/** A push-fed async iterable: the consumer drains it while the producer goes on; `fail` makes it throw. */
function queue<T>(): AsyncIterable<T> & { push(item: T): void; end(): void; fail(error: unknown): void } {
  const items: T[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(item) {
      items.push(item);
      signal();
    },
    end() {
      ended = true;
      signal();
    },
    fail(error) {
      failure = { error };
      signal();
    },
    async *[Symbol.asyncIterator]() {
      const check = (): void => {
        if (failure) throw failure.error;
      };
      for (;;) {
        check();
        while (items.length > 0) yield items.shift() as T;
        check();
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
