// The merge: wait for the run's record and for every chunk's result, then
// fold the chunks' states, one result per chunk, into the state of the whole
// input (its report is the report of a single run over the same inputs) and
// write the annotations chunk by chunk, in input order.
import type * as BullMQ from 'bullmq';
import type { Report } from '../report/types.js';
import { createAnnotationWriter, type AnnotationFormat } from '../run/outputs.js';
import { createRunStateMerger, finalizeRunState, type RunState } from '../run/state-file.js';
import { DEFAULT_QUEUE, DEFAULT_REDIS_URL, loadBullmq, openQueue, shownUrl } from './connection.js';
import { QueueError } from './errors.js';
import type { ChunkPlace } from './messages.js';
import { chunkName, PRODUCER_SILENCE, producerOf, RUN_FORMAT, RUN_KEY, runIdOf, settingsKey, unpackChunk, type ChunkResult, type QueueRun } from './run.js';

/** Options of `mergeQueue`. */
export interface MergeQueueOptions {
  /** Language of the report's labels (`fr` default, `en`). */
  lang?: string;
  /** Redis URL (default `redis://127.0.0.1:6379`). */
  redis?: string;
  /** Queue name (default `verbatim`). */
  queue?: string;
  /** Give up after this many ms without the whole run done (default: wait as long as it takes). */
  timeout?: number;
  /** Write one row per input row, in input order (needs a run produced with `keepAnnotations`): a path (.csv or .jsonl) or a stream. */
  annotate?: string | NodeJS.WritableStream;
  /** Format of `annotate` (default: `jsonl` for a path ending in .jsonl/.ndjson and for a stream, else `csv`). */
  annotateFormat?: AnnotationFormat;
  /** Called while waiting: chunks done, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** What `mergeQueue` returns. */
export interface MergeQueueResult {
  /** The report: the one a single run over the same inputs gives. */
  report: Report;
  /** The merged state (what `verbatim merge` reads): one part per chunk. */
  state: RunState;
  chunks: number;
  rows: number;
  /** The id of the run merged: `clearQueue({ run })` empties the queue only while it is still this run's. */
  runId: string;
}

/** How often the merge looks again at what it waits for (ms). */
const POLL = 200;

/**
 * Waits for the run of the queue and merges its chunks' results, each as
 * soon as it is done and in input order, into the report of a single run
 * over the same inputs (and the rows' annotations, in input order): it may
 * start before the workers, and holds the run's state and one chunk's. A
 * chunk that failed for good, or a run not done within `timeout`, throws a
 * `QueueError` naming it (nothing written: the annotations are dropped).
 */
export async function mergeQueue(options: MergeQueueOptions = {}): Promise<MergeQueueResult> {
  const url = options.redis ?? DEFAULT_REDIS_URL;
  const name = options.queue ?? DEFAULT_QUEUE;
  const deadline = options.timeout === undefined ? Infinity : Date.now() + options.timeout;
  const bullmq = await loadBullmq();
  const queue = await openQueue(bullmq, url, name);
  try {
    const client = await queue.client;
    const where = `queue "${name}" at ${shownUrl(url)}`;
    const place = { queue: name, url: shownUrl(url) };
    const chunkPlace = (chunk: { file: string; firstRow: number; rows: number }, k: number, total: number): ChunkPlace => ({ n: k + 1, total, file: chunk.file, firstRow: chunk.firstRow, rows: chunk.rows });
    const late = (done: number, total: number): QueueError =>
      new QueueError('timeout', { reason: 'timeout', params: { ...place, seconds: Math.round((options.timeout ?? 0) / 1000), done, total } });
    // The run's record: written by the producer once every chunk is enqueued. Until then, a
    // producer that failed, or stopped saying it is alive, ends the wait: its record will not come.
    let run: QueueRun | undefined;
    let runId = '';
    for (;;) {
      const text = await client.get(queue.toKey(RUN_KEY));
      if (text !== null) {
        run = JSON.parse(text) as QueueRun;
        runId = runIdOf(text);
        break;
      }
      const status = await producerOf(client, (key) => queue.toKey(key));
      if (status?.state === 'failed') {
        throw new QueueError('producer-failed', { reason: 'producer_failed', params: { ...place, by: status.by, started: status.started, ...(status.error !== undefined ? { error: status.error } : {}) } });
      }
      // Read again after the alive key: the record may have come between the two looks.
      if (status?.state === 'silent' && (await client.get(queue.toKey(RUN_KEY))) === null) {
        throw new QueueError('producer-failed', { reason: 'producer_silent', params: { ...place, by: status.by, started: status.started, seconds: PRODUCER_SILENCE / 1000 } });
      }
      if (Date.now() >= deadline) {
        throw new QueueError('no-run', { reason: 'no_run', params: place });
      }
      await sleep(POLL);
    }
    if (run.format !== RUN_FORMAT || run.version !== 1) {
      throw new QueueError('no-run', { reason: 'run_other_version', params: place });
    }
    if (options.annotate !== undefined && !run.keepAnnotations) {
      throw new QueueError('no-run', { reason: 'run_without_annotations', params: place });
    }
    const total = run.chunks.length;
    const settings = JSON.parse((await client.get(queue.toKey(settingsKey(run.settings)))) ?? '{}') as { report?: { maskPersonalData?: boolean } };
    const annotations = options.annotate === undefined ? undefined : createAnnotationWriter(options.annotate, options.annotateFormat, { maskPersonalData: settings.report?.maskPersonalData !== false });
    // Each chunk's state is merged into the run's as it comes: the merge holds the run's state and one chunk's.
    const merger = createRunStateMerger();
    try {
      // Each chunk in order, merged as soon as it is done: the merge goes on while the workers do, and
      // ends soon after the last chunk (it used to wait for every chunk, then merge them all).
      for (let k = 0; k < total; k++) {
        const chunk = run.chunks[k]!;
        for (;;) {
          // Its state alone: reading the job would read its rows and its result (a state of a megabyte or more).
          const state = await queue.getJobState(chunk.id);
          if (state === 'completed') break;
          // The job itself is read only to say why it failed (its reason, its attempts).
          const job = state === 'failed' ? await queue.getJob(chunk.id) : undefined;
          if (state === 'unknown' || (state === 'failed' && job === undefined)) {
            throw new QueueError('chunk-failed', { reason: 'chunk_gone', params: { ...place, chunk: chunkPlace(chunk, k, total) } });
          }
          if (job !== undefined) {
            const error = job.failedReason === undefined ? {} : { error: job.failedReason.split('\n')[0] ?? '' };
            throw new QueueError('chunk-failed', { reason: 'chunk_failed', params: { ...place, chunk: chunkPlace(chunk, k, total), attempts: job.attemptsMade, ...error } });
          }
          if (Date.now() >= deadline) throw late(k, total);
          options.onProgress?.(k, total);
          await sleep(POLL);
        }
        // The result of the attempt that completed: exactly one per chunk.
        const result = unpackChunk(((await queue.getJob(chunk.id)) as BullMQ.Job<unknown, ChunkResult> | undefined)?.returnvalue);
        if (result === undefined) {
          throw new QueueError('chunk-failed', { reason: 'chunk_without_result', params: { ...place, chunk: chunkPlace(chunk, k, total) } });
        }
        merger.add({ name: chunkName(chunk, k, total), state: result.state });
        if (annotations) {
          for (const row of result.rows ?? []) {
            if ('r' in row) await annotations.skip(row.r);
            else await annotations.write(row.a, row.s);
          }
        }
      }
      options.onProgress?.(total, total);
    } catch (error) {
      await annotations?.abort();
      throw error;
    }
    await annotations?.close();
    if (total === 0) throw new QueueError('no-run', { reason: 'run_without_chunk', params: place });
    const merged = merger.result();
    // The chunks' states carry no column mapping: the producer's record of the run does.
    if (run.provenance !== undefined) merged.provenance = run.provenance;
    return { report: finalizeRunState(merged, { name: where, ...(options.lang !== undefined ? { lang: options.lang } : {}) }), state: merged, chunks: total, rows: run.rows, runId };
  } finally {
    await queue.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
