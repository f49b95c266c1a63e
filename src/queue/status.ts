// Where a queued run stands, without merging it: the run recorded and where
// each of its chunks is, the producer, and bullmq's counts for the whole
// queue (what `verbatim queue status` prints).
import { DEFAULT_QUEUE, DEFAULT_REDIS_URL, loadBullmq, openQueue, shownUrl } from './connection.js';
import { producerOf, RUN_KEY, runIdOf, type ProducerSeen, type QueueRun } from './run.js';

/** Options of `queueStatus`. */
export interface QueueStatusOptions {
  /** Redis URL (default `redis://127.0.0.1:6379`). */
  redis?: string;
  /** Queue name (default `verbatim`). */
  queue?: string;
}

/** Where the chunks of the recorded run stand. */
export interface QueueRunStatus {
  /** The run's id (`MergeQueueResult.runId`). */
  id: string;
  files: string[];
  rows: number;
  keepAnnotations: boolean;
  chunks: number;
  /** Analysed: their results wait for the merge. */
  done: number;
  /** Held by a worker now. */
  active: number;
  /** Not taken yet (or delayed, or given back by a worker that stopped). */
  waiting: number;
  /** Failed for good: the merge will stop on them (produce the input again to retry them). */
  failed: number;
  /** No longer in Redis (removed by hand, or the queue emptied since). */
  gone: number;
}

/** What `queueStatus` says. */
export interface QueueStatus {
  queue: string;
  /** The Redis URL, without its password. */
  url: string;
  /** The run `queue merge` would read; absent while no producer has finished one. */
  run?: QueueRunStatus;
  /** A producer at work, failed, or silent (stopped saying it is alive before the end of its input); absent otherwise. */
  producer?: ProducerSeen;
  /** bullmq's counts over every job of the queue, whatever run it belongs to. */
  jobs: { waiting: number; active: number; completed: number; failed: number; delayed: number };
}

/** Chunks whose state is asked at once (one round trip: ioredis pipelines them). */
const STATES_AT_ONCE = 500;

/** Where the queue's run stands: its chunks by state, its producer, the queue's job counts. Reads only. */
export async function queueStatus(options: QueueStatusOptions = {}): Promise<QueueStatus> {
  const url = options.redis ?? DEFAULT_REDIS_URL;
  const name = options.queue ?? DEFAULT_QUEUE;
  const bullmq = await loadBullmq();
  const queue = await openQueue(bullmq, url, name, undefined, true);
  try {
    const client = await queue.client;
    const [record, producer, counts] = await Promise.all([
      client.get(queue.toKey(RUN_KEY)),
      producerOf(client, (key) => queue.toKey(key)),
      queue.getJobCounts('waiting', 'prioritized', 'paused', 'waiting-children', 'active', 'completed', 'failed', 'delayed'),
    ]);
    const count = (state: string): number => counts[state] ?? 0;
    const status: QueueStatus = {
      queue: name,
      url: shownUrl(url),
      jobs: {
        waiting: count('waiting') + count('prioritized') + count('paused') + count('waiting-children'),
        active: count('active'),
        completed: count('completed'),
        failed: count('failed'),
        delayed: count('delayed'),
      },
    };
    if (producer !== undefined) status.producer = producer;
    if (record !== null) {
      const run = JSON.parse(record) as QueueRun;
      const chunks: QueueRunStatus = { id: runIdOf(record), files: run.files, rows: run.rows, keepAnnotations: run.keepAnnotations, chunks: run.chunks.length, done: 0, active: 0, waiting: 0, failed: 0, gone: 0 };
      for (let from = 0; from < run.chunks.length; from += STATES_AT_ONCE) {
        const states = await Promise.all(run.chunks.slice(from, from + STATES_AT_ONCE).map((chunk) => queue.getJobState(chunk.id)));
        for (const state of states) {
          if (state === 'completed') chunks.done += 1;
          else if (state === 'active') chunks.active += 1;
          else if (state === 'failed') chunks.failed += 1;
          else if (state === 'unknown') chunks.gone += 1;
          else chunks.waiting += 1;
        }
      }
      status.run = chunks;
    }
    return status;
  } finally {
    await queue.close();
  }
}
