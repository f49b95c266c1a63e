// The producer: read the inputs once (the readers find the format, encoding,
// columns and record boundaries, as for a single run), cut them into chunks
// of consecutive rows, enqueue each chunk as a bullmq job whose id is a hash
// of its content, and record the run once every chunk is in the queue.
import { inputProblem } from '../io/issue-messages.js';
import { createAnalyzer } from '../analyze/index.js';
import { hostname } from 'node:os';
import { InputError } from '../io/errors.js';
import { loadLexiconFiles } from '../io/lexicon-files.js';
import { readVerbatims } from '../io/read.js';
import { QUIET_MS } from '../io/source.js';
import { rejectLang } from '../io/reject-messages.js';
import type { ColumnOptions, ColumnsUsed, InputSpec, ReadItem } from '../io/types.js';
import { checkGroupColumn } from '../run/exports.js';
import { runProvenance } from '../run/provenance.js';
import { analyzerId } from '../run/run-state.js';
import { DEFAULT_CHUNK_ROWS, DEFAULT_QUEUE, DEFAULT_REDIS_URL, loadBullmq, openQueue } from './connection.js';
import {
  chunkId,
  packChunkData,
  JOB_NAME,
  PRODUCER_ALIVE_KEY,
  PRODUCER_HEARTBEAT,
  PRODUCER_KEY,
  PRODUCER_SILENCE,
  RUN_FORMAT,
  RUN_KEY,
  settingsId,
  settingsKey,
  type ChunkData,
  type ChunkItem,
  type ProducerStatus,
  type QueueAnalysisOptions,
  type QueueRun,
  type QueueSettings,
  type RunChunk,
} from './run.js';
import { channelLimit, periodLimit, vocabularyBudget } from '../run/vocabulary.js';
import { expectedError } from '../_utils/describe.js';

export { DEFAULT_CHUNK_ROWS };
/** Times a chunk is tried before it fails for good (a worker that stops mid-chunk does not use one up). */
const ATTEMPTS = 3;

/** Options of `produceQueue`. */
export interface ProduceQueueOptions extends QueueAnalysisOptions {
  /** Language of the reject reasons (`fr` or `en`; default: English). */
  lang?: string;
  /** Redis URL (default `redis://127.0.0.1:6379`). */
  redis?: string;
  /** Queue name (default `verbatim`): one run per queue at a time. */
  queue?: string;
  /** Input rows per chunk (default 1000). */
  chunkRows?: number;
  columns?: ColumnOptions;
  /** Have the workers return each row's analysis, for `mergeQueue({ annotate })` (default false). */
  keepAnnotations?: boolean;
  /** A file that cannot be read at all is one reject (default true), or throws an `InputError` (false). */
  allowFileRejects?: boolean;
  maxXlsxSize?: number;
  maxRecordSize?: number;
  maxStreamMemory?: number;
  /** What `-` reads (default `process.stdin`). */
  stdin?: AsyncIterable<Uint8Array | string>;
  onProgress?: (rows: number) => void;
  /** Called as each input opens, with the columns and format it is read with (before its first row). */
  onColumns?: (used: ColumnsUsed) => void;
}

/** What `produceQueue` enqueued. */
export interface ProduceQueueResult {
  queue: string;
  /** Chunks of the run (enqueued now, or already in the queue from an earlier produce of the same input). */
  chunks: number;
  rows: number;
  /** Chunks that had failed for good in an earlier produce of the same input, tried again. */
  retried: number;
}

/**
 * Enqueues the rows of `files` in chunks for `workQueue` workers on any
 * machine, and records the run for `mergeQueue`. Producing the same input
 * again adds no chunk twice (a chunk's id is a hash of its content) and
 * retries the chunks that failed for good.
 */
export async function produceQueue(files: Array<string | InputSpec>, options: ProduceQueueOptions = {}): Promise<ProduceQueueResult> {
  if (!Array.isArray(files) || files.length === 0) throw new TypeError('verbatim-fr: expected a non-empty array of input files, got ' + (Array.isArray(files) ? 'none' : typeof files));
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) throw expectedError('chunkRows to be a whole number of 1 or more', String(chunkRows));
  const bullmq = await loadBullmq();
  const lexicons = options.lexicons?.length ? await loadLexiconFiles(options.lexicons) : [];
  const settings: QueueSettings = {
    lexiconFiles: options.lexicons ?? [],
    lexicons,
    includeDefault: options.includeDefault ?? true,
    sectors: options.sectors ?? [],
    defaultLanguage: options.defaultLanguage ?? 'fra',
    allTurns: options.allTurns === true,
    report: {
      ...(options.examples !== undefined ? { examples: options.examples } : {}),
      ...(options.topWords !== undefined ? { topWords: options.topWords } : {}),
      ...(options.maskPersonalData !== undefined ? { maskPersonalData: options.maskPersonalData } : {}),
      ...(options.scale !== undefined ? { scoreScale: options.scale } : {}),
      ...(options.period !== undefined ? { period: options.period } : {}),
      ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}),
      ...vocabularyBudget(options.maxVocabulary),
      ...channelLimit(options.maxChannels),
      ...periodLimit(options.maxPeriods),
    },
    keepAnnotations: options.keepAnnotations === true,
  };
  // The producer compiles the lexicons too: a bad lexicon fails here, before anything is enqueued, and the readers need the channels.
  const analyzer = createAnalyzer({ lexicons, includeDefault: settings.includeDefault, sectors: settings.sectors, defaultLanguage: settings.defaultLanguage });
  const inputs: InputSpec[] = files.map((f) => (typeof f === 'string' ? { path: f, ...options.columns } : { ...options.columns, ...f }));
  for (const input of inputs) if (input.path === '-' && input.stream === undefined) input.stream = options.stdin ?? process.stdin;
  const settingsRef = settingsId(settings);
  const name = options.queue ?? DEFAULT_QUEUE;
  const queue = await openQueue(bullmq, options.redis ?? DEFAULT_REDIS_URL, name);
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const client = await queue.client;
  const status: ProducerStatus = { state: 'producing', started: new Date().toISOString(), by: `${hostname()}:${process.pid}` };
  try {
    // The record of an earlier run goes first: a merge started now waits for this run's record, never reads the last one's.
    await client.del(queue.toKey(RUN_KEY));
    // Then this producer says it is at work, and keeps saying it: a merge waiting for the record sees it fail or die.
    const alive = (): Promise<unknown> => client.set(queue.toKey(PRODUCER_ALIVE_KEY), status.by, { PX: PRODUCER_SILENCE });
    // Alive first: a merge that reads "producing" must also see the sign of life.
    await alive();
    await client.set(queue.toKey(PRODUCER_KEY), JSON.stringify(status));
    heartbeat = setInterval(() => void alive().catch(() => undefined), PRODUCER_HEARTBEAT);
    heartbeat.unref();
    await client.set(queue.toKey(settingsKey(settingsRef)), JSON.stringify(settings));
    const chunks: RunChunk[] = [];
    let rows = 0;
    let items: ChunkItem[] = [];
    let file = '';
    let firstRow = 0;
    const flush = async (): Promise<void> => {
      if (items.length === 0) return;
      const data: ChunkData = { settings: settingsRef, index: chunks.length, file, firstRow, items };
      const id = chunkId(data);
      // An id already in the queue (the same chunk produced before) adds nothing: bullmq keeps the job it has.
      await queue.add(JOB_NAME, packChunkData(data), { jobId: id, attempts: ATTEMPTS, removeOnComplete: false, removeOnFail: false });
      chunks.push({ id, file, firstRow, rows: items.length });
      options.onProgress?.(items.length);
      items = [];
    };
    const columnsUsed: ColumnsUsed[] = [];
    const read = readVerbatims(inputs, {
      channels: analyzer.lexicon.channels,
      ...(options.lang !== undefined ? { lang: rejectLang(options.lang) } : {}),
      onColumns: (used) => {
        columnsUsed.push(used);
        options.onColumns?.(used);
      },
      ...(options.maxXlsxSize !== undefined ? { maxXlsxSize: options.maxXlsxSize } : {}),
      ...(options.maxRecordSize !== undefined ? { maxRecordSize: options.maxRecordSize } : {}),
      ...(options.maxStreamMemory !== undefined ? { maxStreamMemory: options.maxStreamMemory } : {}),
    });
    // --by: a column the inputs have and no role reads, refused before the run is recorded, as analyze refuses it.
    const rowsRead = options.groupBy !== undefined ? checkGroupColumn(read, options.groupBy, columnsUsed) : read;
    // A live feed (an input read from a stream) is not held back for a full chunk: the rows read go out when its writer
    // pauses. The run's record lists the chunks it made, so a merge counts each row once however the chunks were cut.
    const live = inputs.some((input) => input.stream !== undefined);
    const rowsIn = (rowsRead as AsyncIterable<ReadItem>)[Symbol.asyncIterator]();
    for (;;) {
      const pending = rowsIn.next();
      let next: IteratorResult<ReadItem> | 'quiet';
      if (live && items.length > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        next = await Promise.race([pending, new Promise<'quiet'>((resolve) => (timer = setTimeout(() => resolve('quiet'), QUIET_MS)))]);
        clearTimeout(timer);
        if (next === 'quiet') {
          await flush();
          next = await pending;
        }
      } else next = await pending;
      if (next.done === true) break;
      const item = next.value;
      if (item.type === 'reject' && item.source.row === 0 && options.allowFileRejects === false) {
        throw new InputError([{ file: item.source.file, ...inputProblem('rejected_file', { reject: item.code ?? 'cannot_read_file', reason: item.reason, hint: item.hint }) }]);
      }
      if (items.length === chunkRows || (items.length > 0 && item.source.file !== file)) await flush();
      if (items.length === 0) {
        file = item.source.file;
        firstRow = item.source.row;
      }
      items.push(item.type === 'reject' ? { r: item } : { v: item.verbatim, s: item.source });
      rows += 1;
    }
    await flush();
    // Chunks that failed for good in an earlier produce of the same input are tried again.
    const ours = new Set(chunks.map((c) => c.id));
    let retried = 0;
    for (const job of await queue.getJobs(['failed'])) {
      if (job?.id === undefined || !ours.has(job.id)) continue;
      await job.retry('failed');
      retried += 1;
    }
    const provenance = await runProvenance({ id: analyzerId(analyzer, settings.allTurns), defaultLanguage: analyzer.options.defaultLanguage }, { allTurns: settings.allTurns, includeDefault: settings.includeDefault, sectors: settings.sectors, lexicons: settings.lexiconFiles }, settings.report, columnsUsed);
    const run: QueueRun = { format: RUN_FORMAT, version: 1, settings: settingsRef, files: inputs.map((i) => i.path), rows, keepAnnotations: settings.keepAnnotations, chunks, provenance };
    await client.set(queue.toKey(RUN_KEY), JSON.stringify(run));
    clearInterval(heartbeat);
    await client.del(queue.toKey(PRODUCER_KEY), queue.toKey(PRODUCER_ALIVE_KEY));
    return { queue: name, chunks: chunks.length, rows, retried };
  } catch (error) {
    // Said to the merge, which would otherwise wait for a record that never comes.
    clearInterval(heartbeat);
    const failed: ProducerStatus = { ...status, state: 'failed', error: oneLine(error) };
    await client.set(queue.toKey(PRODUCER_KEY), JSON.stringify(failed)).catch(() => undefined);
    await client.del(queue.toKey(PRODUCER_ALIVE_KEY)).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
    await queue.close();
  }
}

/** An error's message on one line (a reader's error lists its problems on the next lines), at most 500 characters. */
function oneLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^verbatim-fr: /, '').replace(/\s*\n\s*/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
