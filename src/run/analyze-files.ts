// The corpus run: read the files, analyse every verbatim (in-process or on
// worker threads), build the report, and write the rows' annotations and
// rejects in input order.
import { availableParallelism } from 'node:os';
import { analyzeVerbatim, createAnalyzer } from '../analyze/index.js';
import type { Analyzer, AnalyzerOptions } from '../analyze/index.js';
import { InputError } from '../io/errors.js';
import { loadLexiconFiles } from '../io/lexicon-files.js';
import { readVerbatims } from '../io/read.js';
import { spoolInputs } from '../io/spool.js';
import type { ColumnOptions, InputSpec, ReadItem, ReadReject } from '../io/types.js';
import { createReportBuilder, finalizeReport, mergeReportStates, reportMeta } from '../report/index.js';
import type { Report, ReportOptions, ReportState, Section } from '../report/index.js';
import { createAnnotationWriter, writeRejects } from './outputs.js';
import { runOnWorkers } from './pool.js';
import { WORKER_KIND, type WorkerSetup } from './protocol.js';

export interface AnalyzeFilesOptions {
  /** Compiled lexicons (default: built from `lexicons` and `includeDefault`). Workers need `lexicons` instead. */
  analyzer?: Analyzer;
  /** Lexicon files or folders layered over the default (what `--lexicon` gives). */
  lexicons?: string[];
  /** Start from the default French lexicons (default true). */
  includeDefault?: boolean;
  /** Optional sector layers over the default lexicons (`['banque']`; see `sectorNames()`). */
  sectors?: string[];
  /** The corpus' language, for texts too short to tell (default `fra`). */
  defaultLanguage?: string;
  columns?: ColumnOptions;
  examples?: number;
  topWords?: number;
  /** Word and expression tables of at most 2·n terms per channel (`ReportOptions.maxVocabulary`; the CLI's `--vocabulary`). Default: none, exact. */
  maxVocabulary?: number;
  maskPersonalData?: boolean;
  /** Analyse agent turns of chat transcripts too (default false: customer turns only). */
  allTurns?: boolean;
  period?: 'month' | 'week';
  scale?: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  /** Write one row per input row here (.csv or .jsonl): its coding, or `skipped` with the reason. */
  annotate?: string;
  /** Write skipped rows here (CSV). */
  rejects?: string;
  /**
   * A file that cannot be read at all (missing, damaged, not a table) is one
   * reject and the other files are still analysed (default true); false
   * throws an `InputError` naming it instead, and nothing is written.
   */
  allowFileRejects?: boolean;
  /** Bytes an XLSX file may inflate to before it is refused as a zip bomb (default 256 MiB). */
  maxXlsxSize?: number;
  /** What `-` reads (default `process.stdin`); it is copied to a temporary file, removed at the end. */
  stdin?: NodeJS.ReadableStream;
  /** The report's sections, the core first (default `defaultSections()`; in-process runs only). */
  sections?: readonly Section[];
  /**
   * Analyse on this many worker threads (default 1: in-process). Needs
   * `workerScript`, a module that calls `runAnalysisWorker()` when it starts
   * in a worker (the `verbatim` CLI's bin does). The report is the same whatever the
   * number of workers: states merge exactly.
   */
  workers?: number;
  workerScript?: string | URL;
  onProgress?: (rows: number) => void;
}

export interface AnalyzeFilesResult {
  /** The per-channel report, with `sections.chat` and `sections.insight`. */
  report: Report;
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
  const analyzer = options.analyzer ?? createAnalyzer(analyzerOptions);
  const corpus: ReportOptions = {
    meta: reportMeta(analyzer),
    ...(options.examples !== undefined ? { examples: options.examples } : {}),
    ...(options.topWords !== undefined ? { topWords: options.topWords } : {}),
    ...(options.maxVocabulary !== undefined ? { maxVocabulary: options.maxVocabulary } : {}),
    ...(options.maskPersonalData !== undefined ? { maskPersonalData: options.maskPersonalData } : {}),
    ...(options.scale !== undefined ? { scoreScale: options.scale } : {}),
    ...(options.period !== undefined ? { period: options.period } : {}),
  };
  const local = createReportBuilder({ ...corpus, ...(options.sections ? { sections: options.sections } : {}) });
  const inputs: InputSpec[] = files.map((f) => (typeof f === 'string' ? { path: f, ...options.columns } : { ...options.columns, ...f }));
  const spooled = await spoolInputs(inputs, options.stdin);
  const annotations = options.annotate ? createAnnotationWriter(options.annotate, undefined, { maskPersonalData: options.maskPersonalData !== false }) : undefined;
  // Rejects stream to their file as they come: a badly mapped file can reject millions of rows.
  const rejects = options.rejects ? queue<ReadReject>() : undefined;
  const rejectsWritten = rejects && options.rejects ? writeRejects(rejects, options.rejects, { maskPersonalData: options.maskPersonalData !== false }) : undefined;
  rejectsWritten?.catch(() => undefined); // awaited below; a failure is reported there
  const items = named(
    readVerbatims(spooled.specs, { channels: analyzer.lexicon.channels, ...(options.maxXlsxSize !== undefined ? { maxXlsxSize: options.maxXlsxSize } : {}) }),
    spooled.names,
    options.allowFileRejects !== false,
  );
  const workers = options.analyzer === undefined && options.workerScript !== undefined ? Math.max(1, Math.floor(options.workers ?? 1)) : 1;
  const onReject = async (item: ReadReject): Promise<void> => {
    // The report counts rejects by reason: "wrong column count: 5 instead of 3" groups under "wrong column count".
    const colon = item.reason.indexOf(': ');
    const reason = colon > 0 ? item.reason.slice(0, colon) : item.reason;
    const hint = colon > 0 ? `${item.reason.slice(colon + 2)} — ${item.hint}` : item.hint;
    local.reject({ source: item.source, reason, hint });
    rejects?.push(item);
    if (annotations) await annotations.skip(item);
  };
  let state: ReportState;
  let failed = false;
  try {
    if (workers > 1 && options.workerScript !== undefined) {
      const setup: WorkerSetup = {
        kind: WORKER_KIND,
        lexicons: options.lexicons ?? [],
        includeDefault: options.includeDefault ?? true,
        sectors: options.sectors ?? [],
        defaultLanguage: options.defaultLanguage ?? 'fra',
        allTurns: options.allTurns === true,
        corpus,
        returnAnalyses: annotations !== undefined,
      };
      const parts = await runOnWorkers(items, workers, options.workerScript, setup, onReject, annotations, options.onProgress);
      state = parts.reduce((a, b) => mergeReportStates(a, b), local.snapshot());
    } else {
      let pending = 0;
      for await (const item of items) {
        if (item.type === 'reject') await onReject(item);
        else {
          const analysis = analyzeVerbatim(item.verbatim, analyzer, { allTurns: options.allTurns === true });
          local.add(analysis);
          if (annotations) await annotations.write(analysis, item.source);
        }
        if (++pending === 500) {
          options.onProgress?.(pending);
          pending = 0;
        }
      }
      options.onProgress?.(pending);
      state = local.snapshot();
    }
  } catch (error) {
    failed = true;
    // Nothing half-written: the annotation and reject files stay as they were before the run.
    rejects?.fail(error);
    await annotations?.abort();
    await rejectsWritten?.catch(() => undefined);
    throw error;
  } finally {
    try {
      if (!failed) {
        rejects?.end();
        await annotations?.close();
        await rejectsWritten;
      }
    } finally {
      await spooled.cleanup();
    }
  }
  return { report: finalizeReport(state, { ...corpus, ...(options.sections ? { sections: options.sections } : {}) }) };
}

/** Workers to use by default: one per core (at most 8) for inputs over 20 MB, else in-process. */
export function defaultWorkers(totalBytes: number): number {
  return totalBytes > 20e6 ? Math.min(8, Math.max(1, availableParallelism())) : 1;
}

/**
 * The items of `items` with the copies of one-shot inputs (standard input, a
 * FIFO) named as the user gave them, in sources and in input errors; a
 * whole-file reject throws unless `allowFileRejects`.
 */
async function* named(items: AsyncGenerator<ReadItem>, names: Map<string, string>, allowFileRejects: boolean): AsyncGenerator<ReadItem> {
  try {
    for await (const item of items) {
      const name = names.get(item.source.file);
      const named = name === undefined ? item : { ...item, source: { ...item.source, file: name } };
      if (!allowFileRejects && named.type === 'reject' && named.source.row === 0) {
        throw new InputError([{ file: named.source.file, message: named.reason, hint: named.hint }]);
      }
      yield named;
    }
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.issues.map((issue) => ({ ...issue, file: names.get(issue.file) ?? issue.file })));
    throw error;
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
