// A worker: take chunks from the queue, analyse their rows with the run's
// settings (lexicons compiled once per run), and return each chunk's state
// (and its rows' analyses when the run keeps annotations) as the job's
// result. A worker that stops mid-chunk holds its lock no longer: bullmq
// gives the chunk to another worker, and the chunk's result is the one of the
// attempt that completed.
import { hostname } from 'node:os';
import type * as BullMQ from 'bullmq';
import { createAnalyzer, type Analyzer } from '../analyze/index.js';
import { createReportBuilder, reportMeta } from '../report/index.js';
import type { ReportOptions } from '../report/types.js';
import type { VerbatimAnalysis } from '../types.js';
import { reportedReject } from '../run/analyze-files.js';
import { analyzeRows, BATCH } from '../run/batch.js';
import { createRunState } from '../run/run-state.js';
import { DEFAULT_QUEUE, DEFAULT_REDIS_URL, loadBullmq, openQueue, ready, redisOptions } from './connection.js';
import { packChunk, settingsKey, unpackChunkData, type ChunkJob, type ChunkResult, type ChunkRow, type QueueSettings } from './run.js';
import { expectedError } from '../_utils/describe.js';

/** Options of `workQueue`. */
export interface WorkQueueOptions {
  /** Redis URL (default `redis://127.0.0.1:6379`). */
  redis?: string;
  /** Queue name (default `verbatim`). */
  queue?: string;
  /** Chunks taken at once by this worker (default 1; the analysis uses one core: run one worker per core for more). */
  concurrency?: number;
  /**
   * Stop once no chunk is waiting, delayed or being analysed anywhere
   * (default false: wait for chunks until `close()`). A chunk left by a
   * stopped worker counts as being analysed until its lock expires and it is
   * taken again.
   */
  untilEmpty?: boolean;
  /**
   * How long a worker's hold on a chunk lasts without renewal, in ms (default
   * 30,000): a worker that stopped mid-chunk (killed, machine down) gives its
   * chunk back after this long, and the stalled chunks are looked for as often.
   */
  lockDuration?: number;
  /** Called after each chunk this worker analysed. */
  onChunk?: (chunk: { id: string; file: string; firstRow: number; rows: number }) => void;
  /** Called with the errors met while running (Redis gone, a chunk that failed); default: ignored. */
  onError?: (error: Error) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** Stops taking chunks, waits for the ones being analysed, and disconnects. */
  close(): Promise<void>;
  /** Resolves once the worker stopped (`close()`, or an empty queue with `untilEmpty`): chunks and rows analysed. */
  done: Promise<{ chunks: number; rows: number }>;
}

/** A chunk that stalls more than this many times (its worker stopped each time) fails for good. */
const MAX_STALLED = 3;

/**
 * Starts a worker on the queue (on any machine that reaches the Redis):
 * analyses chunks until closed, or until the queue is empty with `untilEmpty`.
 * Resolves once connected; a Redis that cannot be reached throws a `QueueError`.
 */
export async function workQueue(options: WorkQueueOptions = {}): Promise<QueueWorker> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw expectedError('concurrency to be a whole number of 1 or more', String(concurrency));
  const lockDuration = options.lockDuration ?? 30_000;
  if (!Number.isFinite(lockDuration) || lockDuration < 100) throw expectedError('lockDuration in ms (100 or more)', String(lockDuration));
  const url = options.redis ?? DEFAULT_REDIS_URL;
  const name = options.queue ?? DEFAULT_QUEUE;
  const onError = options.onError ?? (() => undefined);
  const bullmq = await loadBullmq();
  const queue = await openQueue(bullmq, url, name, onError);
  const client = await queue.client;
  /** Settings id → the analyser and report options of that run, compiled once. */
  const runs = new Map<string, Promise<{ settings: QueueSettings; analyzer: Analyzer; corpus: ReportOptions }>>();
  const prepare = (id: string) => {
    let run = runs.get(id);
    if (run === undefined) {
      run = (async () => {
        const text = await client.get(queue.toKey(settingsKey(id)));
        if (text === null) throw new Error(`the settings of this chunk (${id}) are not in the queue any more: produce the input again`);
        const settings = JSON.parse(text) as QueueSettings;
        const analyzer = createAnalyzer({ lexicons: settings.lexicons, includeDefault: settings.includeDefault, sectors: settings.sectors, defaultLanguage: settings.defaultLanguage });
        return { settings, analyzer, corpus: { meta: reportMeta(analyzer), ...settings.report } };
      })();
      run.catch(() => runs.delete(id));
      runs.set(id, run);
    }
    return run;
  };
  let chunks = 0;
  let rows = 0;
  const processor = async (job: BullMQ.Job<ChunkJob>): Promise<ChunkResult> => {
    const data = unpackChunkData(job.data);
    // A job whose rows cannot be read fails (and is tried again, then reported by the merge).
    if (data === undefined) throw new Error(`the rows of chunk ${job.id ?? ''} cannot be read: produce the input again`);
    const { settings, analyzer, corpus } = await prepare(data.settings);
    const builder = createReportBuilder(corpus);
    const kept: ChunkRow[] | undefined = settings.keepAnnotations ? [] : undefined;
    // Each batch of the chunk's rows: its verbatims analysed, then added (`analyzeRows`), then every row kept in input order.
    for (let from = 0; from < data.items.length; from += BATCH) {
      const rows = data.items.slice(from, from + BATCH);
      const { analyses, byRow } = analyzeRows(rows, (item) => ('r' in item ? undefined : item.v), analyzer, { allTurns: settings.allTurns });
      builder.addAll(analyses);
      for (const [i, item] of rows.entries()) {
        if ('r' in item) {
          builder.reject(reportedReject(item.r));
          kept?.push({ r: item.r });
        } else kept?.push({ a: byRow[i] as VerbatimAnalysis, s: item.s });
      }
    }
    const state = createRunState(builder.snapshot(), analyzer, {
      allTurns: settings.allTurns,
      report: settings.report,
      lexicons: settings.lexiconFiles,
      includeDefault: settings.includeDefault,
      sectors: settings.sectors,
    });
    // The chunk's id as the state's run id: two results of one chunk could never be merged together.
    state.parts = [job.id ?? `chunk ${data.index}`];
    chunks += 1;
    rows += data.items.length;
    options.onChunk?.({ id: job.id ?? '', file: data.file, firstRow: data.firstRow, rows: data.items.length });
    return packChunk(kept ? { state, rows: kept } : { state });
  };
  const { connected, ...connection } = redisOptions(url);
  const worker = new bullmq.Worker<ChunkJob, ChunkResult>(name, processor, {
    connection: connection as BullMQ.ConnectionOptions,
    // Each job says which worker completed it (`processedBy`): host and process.
    name: `${hostname()}:${process.pid}`,
    concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  });
  let open = false;
  worker.on('error', (error) => {
    if (open) onError(error);
  });
  worker.on('failed', (job, error) => onError(new Error(`chunk ${job?.id ?? '?'} failed: ${error.message}`)));
  try {
    await ready(worker, url);
  } catch (error) {
    await Promise.all([worker.close(true), queue.close()]).catch(() => undefined);
    throw error;
  }
  connected();
  open = true;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(watch);
      await worker.close();
      await queue.close();
    })();
    return closing;
  };
  const running = worker.run();
  running.catch(onError);
  // With untilEmpty: look at the queue now and then (and when it drains), and stop once nothing is left anywhere.
  const check = async (): Promise<void> => {
    if (closing) return;
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused', 'waiting-children');
    if (Object.values(counts).every((n) => n === 0)) await close();
  };
  const watch = setInterval(() => {
    if (options.untilEmpty === true) check().catch(onError);
  }, Math.min(1000, lockDuration));
  if (options.untilEmpty === true) worker.on('drained', () => void check().catch(onError));
  const done = new Promise<{ chunks: number; rows: number }>((resolve) => {
    worker.on('closed', () => resolve({ chunks, rows }));
  }).then(async (summary) => {
    await closing;
    return summary;
  });
  return { close, done };
}
