// Emptying a queue: Redis keeps every chunk of a run (its rows and its
// result) until then, about 3 MB of Redis memory per MB of input. bullmq's
// obliterate removes the jobs and the queue's own keys; the run's record,
// settings and producer keys are ours, and go with them.
import type * as BullMQ from 'bullmq';
import { DEFAULT_QUEUE, DEFAULT_REDIS_URL, loadBullmq, openQueue, shownUrl } from './connection.js';
import { QueueError } from './errors.js';
import { producerOf, RUN_KEY, runIdOf } from './run.js';

/** Options of `clearQueue`. */
export interface ClearQueueOptions {
  /** Redis URL (default `redis://127.0.0.1:6379`). */
  redis?: string;
  /** Queue name (default `verbatim`). */
  queue?: string;
  /**
   * Empty it even while workers hold chunks or a producer is at work
   * (default false: a `QueueError` says so and nothing is removed). Their
   * chunks are lost: the workers say it and go on waiting.
   */
  force?: boolean;
  /**
   * Empty it only while this run (`MergeQueueResult.runId`) is still the
   * queue's: a run produced since (or being produced) is left alone.
   */
  run?: string;
}

/** What `clearQueue` removed. */
export interface ClearQueueResult {
  queue: string;
  /** Chunks (jobs) removed, whatever their state. */
  chunks: number;
}

/** Keys of ours under the queue's prefix (the run's record, settings, producer): obliterate leaves them. */
const OURS = 'verbatim-*';
/** A key prefix as a SCAN pattern that matches it alone (a queue named `a*` must not match `abc`'s keys). */
const literal = (prefix: string): string => prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/**
 * Empties a queue: every chunk whatever its state (waiting, done, failed),
 * its results, the run's record and settings. Refuses, removing nothing,
 * while a worker holds a chunk or a producer is at work (unless `force`),
 * or when `run` is given and is no longer the queue's run.
 */
export async function clearQueue(options: ClearQueueOptions = {}): Promise<ClearQueueResult> {
  const url = options.redis ?? DEFAULT_REDIS_URL;
  const name = options.queue ?? DEFAULT_QUEUE;
  const place = { queue: name, url: shownUrl(url) };
  const bullmq = await loadBullmq();
  const queue = await openQueue(bullmq, url, name);
  try {
    const client = await queue.client;
    if (options.run !== undefined) {
      const record = await client.get(queue.toKey(RUN_KEY));
      if (record === null || runIdOf(record) !== options.run) throw new QueueError('busy', { reason: 'run_replaced', params: place });
    }
    const counts = await queue.getJobCounts();
    /** Why the queue cannot be emptied now (a worker holding chunks, a producer at work), if it cannot. */
    const busy = async (active: number): Promise<QueueError | undefined> => {
      const producing = (await producerOf(client, (key) => queue.toKey(key)))?.state === 'producing';
      return active > 0 || producing ? new QueueError('busy', { reason: 'queue_busy', params: { ...place, active, producing } }) : undefined;
    };
    if (options.force !== true) {
      const why = await busy(counts.active ?? 0);
      if (why !== undefined) throw why;
    }
    try {
      await queue.obliterate({ force: options.force === true });
    } catch (error) {
      // A worker took a chunk between the look above and the obliteration (which then removes nothing).
      const why = options.force === true ? undefined : await busy((await queue.getJobCounts('active')).active ?? 0);
      throw why ?? error;
    }
    await removeOurKeys(client, queue);
    return { queue: name, chunks: Object.values(counts).reduce((a, b) => a + b, 0) };
  } finally {
    await queue.close();
  }
}

async function removeOurKeys(client: Awaited<BullMQ.Queue['client']>, queue: BullMQ.Queue): Promise<void> {
  // ioredis' SCAN with its options (its typings name only the cursor).
  const scan = client.scan.bind(client) as unknown as (cursor: string, ...options: Array<string | number>) => Promise<[string, string[]]>;
  let cursor = '0';
  do {
    const [next, keys] = await scan(cursor, 'MATCH', literal(queue.toKey('')) + OURS, 'COUNT', 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
