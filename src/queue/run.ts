// A run on the queue, as Redis holds it: the settings every chunk is analysed
// with (stored once), the chunks (one bullmq job each, its id a hash of its
// content), the result of each (a chunk's state, and its rows' analyses when
// annotations are kept), and the run's record (its chunks in input order),
// written by the producer once every chunk is enqueued.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ReadReject, SourceRef } from '../io/types.js';
import type { LexiconDocument } from '../lexicon/types.js';
import type { ReportOptions, ReportProvenance } from '../report/types.js';
import { canonicalSha256 } from '../run/canonical-hash.js';
import type { RunState } from '../run/state-file.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';

/** The analysis options of a run, the same as `analyzeFiles`' (and `verbatim analyze`'s). */
export interface QueueAnalysisOptions {
  /** Lexicon files or folders layered over the default: read by the producer, their content sent to the workers. */
  lexicons?: string[];
  /** Start from the default French lexicons (default true). */
  includeDefault?: boolean;
  /** Sector layers over the default lexicons (`['banque']`). */
  sectors?: string[];
  /** The corpus' language, for texts too short to tell (default `fra`). */
  defaultLanguage?: string;
  /** Analyse agent turns of chat transcripts too (default false). */
  allTurns?: boolean;
  examples?: number;
  topWords?: number;
  /** Mask personal data in the report and the annotations (default true). */
  maskPersonalData?: boolean;
  period?: 'month' | 'week';
  scale?: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  /**
   * Keyness by the values of this input column too (`ReportOptions.groupBy`,
   * `--by`), beside keyness by channel: checked by the producer as `analyzeFiles`
   * checks it, carried to the workers in the run's report options.
   */
  groupBy?: string;
  /**
   * Word and expression tables of at most 2·k terms per channel
   * (`ReportOptions.maxVocabulary`; default 10,000 as `analyzeFiles` and the
   * CLI; `'exact'` keeps every term). Each chunk's state and
   * the merge stay within it, so the merge's memory does not grow with the
   * corpus; counts are then within `summary.maxUndercount`, and the chunks
   * being other parts than a single run's, the approximate tables may differ
   * from that run's within the same bound.
   */
  maxVocabulary?: number | 'exact';
  /**
   * Channels kept apart at most (`ReportOptions.maxChannels`; default 100 as
   * `analyzeFiles` and the CLI; `'all'` keeps every channel apart): past
   * that many in all the chunks, every channel is counted in one, in the
   * merge as in a single run.
   */
  maxChannels?: number | 'all';
  /**
   * Trend periods listed at most (`ReportOptions.maxPeriods`; default 120 as
   * `analyzeFiles` and the CLI; `'all'` lists every period), in the report
   * the merge gives.
   */
  maxPeriods?: number | 'all';
}

/** What every chunk of a run is analysed with: stored once in Redis, read by each worker. */
export interface QueueSettings {
  /** The lexicon paths as the producer was given them (said in states and messages). */
  lexiconFiles: string[];
  /** Their content, as the producer read it: workers need no lexicon file. */
  lexicons: LexiconDocument[];
  includeDefault: boolean;
  sectors: string[];
  defaultLanguage: string;
  allTurns: boolean;
  /** Report options (JSON values only). */
  report: Omit<ReportOptions, 'meta' | 'sections'>;
  /** Workers return each row's analysis too, for `mergeQueue({ annotate })`. */
  keepAnnotations: boolean;
}

/** One input row of a chunk: a verbatim and where it comes from, or a reader's reject. */
export type ChunkItem = { v: Verbatim; s: SourceRef } | { r: ReadReject };

/** A job's data: a chunk of consecutive rows of one input file. */
export interface ChunkData {
  /** Id of the run's settings in Redis. */
  settings: string;
  /** Position of the chunk in the run (0-based, input order). */
  index: number;
  file: string;
  /** Row number (1-based, in its file) of the chunk's first row. */
  firstRow: number;
  items: ChunkItem[];
}

/** A job's data as Redis keeps it: the chunk's rows as JSON, gzipped, in base64 (Redis keeps them as long as the run's results). */
export interface ChunkJob extends Omit<ChunkData, 'items'> {
  packed: string;
}

/** A JSON value gzipped (level 1: most of the gain, 4.9× against 6.2× at level 6, for half the time), in base64. */
const pack = (value: unknown): string => gzipSync(JSON.stringify(value), { level: 1 }).toString('base64');
/** What `pack` packed; throws on anything else. */
const unpack = (packed: string): unknown => JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8'));

export function packChunkData({ items, ...rest }: ChunkData): ChunkJob {
  return { ...rest, packed: pack(items) };
}

/** What the `packed` field of a job's data or result holds, or undefined when it holds nothing that can be read. */
function unpacked(value: unknown): unknown {
  const packed = typeof value === 'object' && value !== null ? (value as { packed?: unknown }).packed : undefined;
  if (typeof packed !== 'string') return undefined;
  try {
    return unpack(packed);
  } catch {
    return undefined;
  }
}

/** The chunk of a job's data, or undefined when it holds none that can be read. */
export function unpackChunkData(job: unknown): ChunkData | undefined {
  const items = unpacked(job);
  if (!Array.isArray(items)) return undefined;
  const { packed: _packed, ...rest } = job as ChunkJob;
  return { ...rest, items: items as ChunkItem[] };
}

/** One row of a chunk's result, for the annotations: an analysis and its source, or a reject. */
export type ChunkRow = { a: VerbatimAnalysis; s: SourceRef } | { r: ReadReject };

/** What a chunk gives: its state (its `parts` is the chunk's id), and its rows when annotations are kept. */
export interface ChunkContent {
  state: RunState;
  rows?: ChunkRow[];
}

/**
 * A job's result as Redis keeps it: the chunk's content as JSON, gzipped,
 * in base64. Redis holds every chunk's result until the queue is emptied,
 * and a state is 1.65 MB of JSON for 1,000 rows (0.45 MB packed), so a
 * 100 MB export took 2 GB of Redis memory.
 */
export interface ChunkResult {
  packed: string;
}

export function packChunk(content: ChunkContent): ChunkResult {
  return { packed: pack(content) };
}

/** The content of a job's result, or undefined when it holds none that can be read. */
export function unpackChunk(result: unknown): ChunkContent | undefined {
  const content = unpacked(result) as Partial<ChunkContent> | null | undefined;
  return typeof content === 'object' && content !== null && content.state !== undefined ? (content as ChunkContent) : undefined;
}

/** A chunk as the run's record lists it. */
export interface RunChunk {
  id: string;
  file: string;
  firstRow: number;
  rows: number;
}

/** The run's record: written once every chunk is enqueued; what the merge waits for and reads. */
export interface QueueRun {
  format: typeof RUN_FORMAT;
  version: 1;
  settings: string;
  files: string[];
  rows: number;
  keepAnnotations: boolean;
  /** In input order. */
  chunks: RunChunk[];
  /** What made the run (version, lexicon layers, options, the columns the producer read): the merged report's. */
  provenance?: ReportProvenance;
}

/**
 * The producer while it reads its input (`PRODUCER_KEY`): producing, or
 * failed with its error. A producing one also keeps `PRODUCER_ALIVE_KEY`
 * alive (it expires `PRODUCER_SILENCE` ms after the producer's last sign of
 * life), so that a merge waiting for the run sees a producer that died.
 */
export interface ProducerStatus {
  state: 'producing' | 'failed';
  /** When it started (ISO 8601). */
  started: string;
  /** Host and process id. */
  by: string;
  /** With `failed`: the error's first line. */
  error?: string;
}

/** A producer as the others see it: at work, failed, or silent (at work, but its heartbeat has expired). */
export interface ProducerSeen {
  state: 'producing' | 'failed' | 'silent';
  /** When it started (ISO 8601). */
  started: string;
  /** Host and process id. */
  by: string;
  /** With `failed`: the error's first line. */
  error?: string;
}

/**
 * The queue's producer, read from its status and its heartbeat (what the
 * merge waits on, `queue status` says and `queue clear` respects), or
 * undefined when none is at work or failed.
 */
export async function producerOf(client: { get(key: string): Promise<string | null> }, toKey: (key: string) => string): Promise<ProducerSeen | undefined> {
  const [status, alive] = await Promise.all([client.get(toKey(PRODUCER_KEY)), client.get(toKey(PRODUCER_ALIVE_KEY))]);
  if (status === null) return undefined;
  const producer = JSON.parse(status) as ProducerStatus;
  return { ...producer, state: producer.state === 'failed' ? 'failed' : alive === null ? 'silent' : 'producing' };
}

export const RUN_FORMAT = 'verbatim-fr/queue-run';
/** The key suffixes, under the queue's own keys (`bull:<queue>:…`): removed with the queue. */
export const RUN_KEY = 'verbatim-run';
export const PRODUCER_KEY = 'verbatim-producer';
export const PRODUCER_ALIVE_KEY = 'verbatim-producer-alive';
/** How often a producer says it is alive, and how long its silence may last before a merge calls it dead (ms). */
export const PRODUCER_HEARTBEAT = 1000;
export const PRODUCER_SILENCE = 10_000;
export const settingsKey = (id: string): string => `verbatim-settings:${id}`;
/** The name of every job of the queue. */
export const JOB_NAME = 'verbatim-chunk';

/** Hex sha256 of text. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The id of a run: a hash of its record as Redis holds it (the same input produced again is the same run). */
export const runIdOf = (record: string): string => sha256(record).slice(0, 16);

/** The id of a run's settings: their hash. */
export const settingsId = (settings: QueueSettings): string => canonicalSha256(settings).slice(0, 32);

/**
 * A chunk's job id: a hash of its settings and its rows (file, row numbers
 * and content), so that enqueuing the same input again adds nothing new.
 */
export const chunkId = (data: ChunkData): string => `chunk-${canonicalSha256(data).slice(0, 40)}`;

/** A chunk as messages name it. */
export function chunkName(chunk: RunChunk, index: number, total: number): string {
  const last = chunk.firstRow + chunk.rows - 1;
  return `chunk ${index + 1} of ${total} (${chunk.file}, row${chunk.rows === 1 ? ` ${chunk.firstRow}` : `s ${chunk.firstRow}-${last}`})`;
}
