// What the run and its worker threads say to each other. Every message is
// structured-cloned by `postMessage`, so it holds plain data only: verbatims,
// analyses and report states, never an analyzer (each worker compiles its own).
import type { DiscoverOptions, DiscoverState } from '../discover/types.js';
import type { ChannelDefinition } from '../lexicon/channels.js';
import type { StoredMatcher } from '../lexicon/store.js';
import type { LexiconDocument } from '../lexicon/types.js';
import type { ReportOptions, ReportState } from '../report/index.js';
import type { ReportMeta } from '../report/types.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';
import { deserialize, serialize } from 'node:v8';

/** The `kind` of a worker's setup: how a script started as a worker knows it is one of ours. */
export const WORKER_KIND = 'verbatim-fr-analysis-worker';

/** What a worker is started with (its `workerData`). */
export interface WorkerSetup {
  kind: typeof WORKER_KIND;
  /**
   * The lexicon layers over the default, as the run's thread read and checked
   * them: a worker parses no file again (a YAML lexicon of 100,000 entries
   * took each thread 18 s and 1.7 GB to parse).
   */
  lexicons: WorkerLexicon[];
  includeDefault: boolean;
  sectors: string[];
  defaultLanguage: string;
  allTurns: boolean;
  /** The report options of the run, so that the worker's state merges with the others' (`meta`: the worker's analyser's). */
  corpus: Omit<ReportOptions, 'meta'>;
  /** Say what the analyser is when ready (the run's first worker: the main thread builds no analyser of its own). */
  describe: boolean;
  /** Send each analysis back (for `--annotate`), not only the report state at the end. */
  returnAnalyses: boolean;
  /** Keep the core section only (the run's `sections` are the core alone: `verbatim discover`), not every default section. */
  coreOnly?: boolean;
  /** Keep a discovery state too (`verbatim discover`), sent back with the report state. */
  discover?: DiscoverOptions;
  /**
   * The tries the run's thread compiled for these lexicons (layers and
   * sectors, which the build does not store): the worker reads them instead
   * of compiling the same lexicons again.
   */
  matchers?: StoredMatcher[];
}

/** A lexicon layer as a worker gets it: the data, and the file its entries and issues name. */
export interface WorkerLexicon {
  file: string;
  data: LexiconDocument;
}

/** From the run to a worker: a batch to analyse (numbered in input order), or the end of the input. */
export type ToWorker = { type: 'batch'; seq: number; verbatims: Verbatim[] } | { type: 'finish' };

/** What the run needs to know of the analyser it does not build: the readers' channels, the report's labels, its identity. */
export interface AnalyzerSummary {
  channels: ChannelDefinition[];
  meta: ReportMeta;
  /** `analyzerId(analyzer, allTurns)`. */
  id: string;
  defaultLanguage: string;
}

/** From a worker to the run: ready (lexicons compiled), a batch done (with its analyses if asked), its states at the end, or what went wrong. */
export type FromWorker =
  | { type: 'ready'; analyzer?: AnalyzerSummary }
  | { type: 'batch'; seq: number; analyses?: VerbatimAnalysis[] }
  /** `bytes`: the worker's states (`writeWorkerStates`), transferred, and read once the worker has stopped. */
  | { type: 'state'; bytes: ArrayBuffer }
  | { type: 'error'; message: string };

/** What a worker sends back at the end. */
export interface WorkerStates {
  state: ReportState;
  discover?: DiscoverState;
}

/**
 * A worker's states as bytes to transfer. A message would be read by the
 * run's thread as it arrives, the worker's heap still held: the first
 * worker's states made the run's peak (bench/README.md). Bytes are moved, not
 * copied, and read once the worker has stopped.
 */
export function writeWorkerStates(states: WorkerStates): ArrayBuffer {
  const bytes = serialize(states);
  // A Buffer may be a view of a larger one: transfer exactly its bytes.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

export const readWorkerStates = (bytes: ArrayBuffer): WorkerStates => deserialize(new Uint8Array(bytes)) as WorkerStates;

/** Whether a script's `workerData` is the setup of an analysis worker. */
export function isWorkerSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === WORKER_KIND;
}

/** An error as a worker sends it: its stack when it has one (it crosses the thread as text). */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
