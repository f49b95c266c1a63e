import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyzeVerbatim, createAnalyzer } from '../analyze/index.js';
import type { Analyzer, AnalyzerOptions } from '../analyze/index.js';
import { createCorpusAccumulator, finalizeCorpus, mergeCorpusStates, reportMeta } from '../report/index.js';
import type { CorpusOptions, CorpusState, Report, ReportSection } from '../report/index.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';
import { loadLexiconFiles } from './lexicon-files.js';
import { InputError } from './errors.js';
import { readVerbatims } from './read.js';
import { spoolInputs } from './spool.js';
import { createAnnotationWriter, writeRejects } from './write.js';
import type { ColumnOptions, InputSpec, ReadItem, ReadReject, SourceRef } from './types.js';

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
  /** Extra report sections (in-process runs only). */
  sections?: readonly ReportSection[];
  /**
   * Analyse on this many worker threads (default 1: in-process). Needs
   * `workerScript`, a module that calls `runAnalysisWorker()` when it starts
   * in a worker (the `verbatim` CLI does). The report is the same whatever the
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

/** Verbatims sent to a worker at once: large enough to amortise messaging, small enough to keep memory flat. */
const BATCH = 256;
/** Batches in flight per worker before the reader waits. */
const IN_FLIGHT = 4;

/** What a worker is started with (structured-cloned). */
interface WorkerSetup {
  kind: 'verbatim-fr-analysis-worker';
  lexicons: string[];
  includeDefault: boolean;
  sectors: string[];
  defaultLanguage: string;
  allTurns: boolean;
  corpus: CorpusOptions;
  returnAnalyses: boolean;
}

type ToWorker = { type: 'batch'; seq: number; verbatims: Verbatim[] } | { type: 'finish' };
type FromWorker = { type: 'batch'; seq: number; analyses?: VerbatimAnalysis[] } | { type: 'state'; state: CorpusState } | { type: 'error'; message: string };

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
  const corpus: CorpusOptions = {
    meta: reportMeta(analyzer),
    ...(options.examples !== undefined ? { examples: options.examples } : {}),
    ...(options.topWords !== undefined ? { topWords: options.topWords } : {}),
    ...(options.maskPersonalData !== undefined ? { maskPersonalData: options.maskPersonalData } : {}),
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
    ...(options.period !== undefined ? { period: options.period } : {}),
  };
  const local = createCorpusAccumulator({ ...corpus, ...(options.sections ? { sections: options.sections } : {}) });
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
  let state: CorpusState;
  let failed = false;
  try {
    if (workers > 1 && options.workerScript !== undefined) {
      const setup: WorkerSetup = {
        kind: 'verbatim-fr-analysis-worker',
        lexicons: options.lexicons ?? [],
        includeDefault: options.includeDefault ?? true,
        sectors: options.sectors ?? [],
        defaultLanguage: options.defaultLanguage ?? 'fra',
        allTurns: options.allTurns === true,
        corpus,
        returnAnalyses: annotations !== undefined,
      };
      const parts = await runOnWorkers(items, workers, options.workerScript, setup, onReject, annotations, options.onProgress);
      state = parts.reduce((a, b) => mergeCorpusStates(a, b, corpus), local.state());
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
      state = local.state();
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
  return { report: finalizeCorpus(state, { ...corpus, ...(options.sections ? { sections: options.sections } : {}) }) };
}

/**
 * Fans batches out to workers, writes annotations back in input order, and
 * returns each worker's state. Rejects are handled here, in order, as read.
 */
async function runOnWorkers(
  items: AsyncIterable<ReadItem>,
  count: number,
  script: string | URL,
  setup: WorkerSetup,
  onReject: (item: ReadReject) => Promise<void>,
  annotations: ReturnType<typeof createAnnotationWriter> | undefined,
  onProgress: ((rows: number) => void) | undefined,
): Promise<CorpusState[]> {
  const pool = Array.from({ length: count }, () => new Worker(script, { workerData: setup }));
  const inFlight = new Array<number>(count).fill(0);
  let failure: Error | undefined;
  let wakeReader: (() => void) | undefined;
  // Annotation rows must follow the input order: batches (and the rejects read between them) are written by sequence.
  // `order` replays the input: null for the next analysis of the batch, else a reject read at that point.
  const pendingOut = new Map<number, { analyses?: VerbatimAnalysis[]; sources: SourceRef[]; order: Array<ReadReject | null> }>();
  const sourcesOf = new Map<number, { sources: SourceRef[]; order: Array<ReadReject | null> }>();
  let nextToWrite = 0;
  let writing = Promise.resolve();
  const flush = (): void => {
    writing = writing.then(async () => {
      for (let entry = pendingOut.get(nextToWrite); entry !== undefined; entry = pendingOut.get(nextToWrite)) {
        pendingOut.delete(nextToWrite);
        nextToWrite += 1;
        let next = 0;
        for (const slot of entry.order) {
          if (slot !== null) await onReject(slot);
          else {
            if (annotations && entry.analyses) await annotations.write(entry.analyses[next] as VerbatimAnalysis, entry.sources[next]);
            next += 1;
          }
        }
      }
    });
  };
  const states = pool.map(
    (worker, w) =>
      new Promise<CorpusState>((resolve, reject) => {
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'batch') {
            inFlight[w] = (inFlight[w] ?? 1) - 1;
            const meta = sourcesOf.get(message.seq);
            sourcesOf.delete(message.seq);
            pendingOut.set(message.seq, { ...(message.analyses ? { analyses: message.analyses } : {}), sources: meta?.sources ?? [], order: meta?.order ?? [] });
            onProgress?.(meta?.sources.length ?? 0);
            flush();
            wakeReader?.();
          } else if (message.type === 'state') {
            resolve(message.state);
            void worker.terminate();
          } else {
            failure = new Error(`verbatim-fr: analysis worker failed: ${message.message}`);
            reject(failure);
            wakeReader?.();
          }
        });
        worker.on('error', (error) => {
          failure = error;
          reject(error);
          wakeReader?.();
        });
      }),
  );
  // Surface worker failures through the returned promise even before the reader finishes.
  for (const s of states) s.catch(() => undefined);
  let seq = 0;
  let batch: Verbatim[] = [];
  let sources: SourceRef[] = [];
  let order: Array<ReadReject | null> = [];
  const send = async (): Promise<void> => {
    for (;;) {
      if (failure) throw failure;
      let best = 0;
      for (let w = 1; w < count; w++) if ((inFlight[w] ?? 0) < (inFlight[best] ?? 0)) best = w;
      if ((inFlight[best] ?? 0) < IN_FLIGHT) {
        inFlight[best] = (inFlight[best] ?? 0) + 1;
        sourcesOf.set(seq, { sources, order });
        const message: ToWorker = { type: 'batch', seq, verbatims: batch };
        pool[best]?.postMessage(message);
        seq += 1;
        batch = [];
        sources = [];
        order = [];
        return;
      }
      await new Promise<void>((resolve) => (wakeReader = resolve));
      wakeReader = undefined;
    }
  };
  try {
    for await (const item of items) {
      if (item.type === 'reject') order.push(item);
      else {
        batch.push(item.verbatim);
        sources.push(item.source);
        order.push(null);
        if (batch.length === BATCH) await send();
      }
    }
    if (order.length > 0) await send();
    for (const worker of pool) worker.postMessage({ type: 'finish' } satisfies ToWorker);
    const result = await Promise.all(states);
    await writing;
    return result;
  } catch (error) {
    await Promise.all(pool.map((worker) => worker.terminate()));
    throw error;
  }
}

/**
 * The worker side of `analyzeFiles({ workers })`: call it from the worker
 * script when `workerData.kind === 'verbatim-fr-analysis-worker'`.
 */
export async function runAnalysisWorker(setup: unknown, port: { on(event: 'message', fn: (m: ToWorker) => void): unknown; postMessage(m: FromWorker): void }): Promise<void> {
  const s = setup as WorkerSetup;
  try {
    const analyzer = createAnalyzer({
      lexicons: s.lexicons.length > 0 ? await loadLexiconFiles(s.lexicons) : [],
      includeDefault: s.includeDefault,
      sectors: s.sectors,
      defaultLanguage: s.defaultLanguage,
    });
    const accumulator = createCorpusAccumulator(s.corpus);
    port.on('message', (message) => {
      try {
        if (message.type === 'finish') {
          port.postMessage({ type: 'state', state: accumulator.state() });
          return;
        }
        const analyses: VerbatimAnalysis[] = [];
        for (const verbatim of message.verbatims) {
          const analysis = analyzeVerbatim(verbatim, analyzer, { allTurns: s.allTurns });
          accumulator.add(analysis);
          if (s.returnAnalyses) analyses.push(analysis);
        }
        port.postMessage(s.returnAnalyses ? { type: 'batch', seq: message.seq, analyses } : { type: 'batch', seq: message.seq });
      } catch (error) {
        port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
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
