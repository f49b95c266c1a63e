// The run's side of the worker threads: the workers start (and compile their
// lexicons) at once, the first says what the analyser is; then batches of
// verbatims go out to the workers in turn, analyses come back in any order
// and are written in input order, and each worker's report state comes back
// at the end.
import { Worker } from 'node:worker_threads';
import type { ReadItem, ReadReject, SourceRef } from '../io/types.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';
import type { AnnotationWriter } from './outputs.js';
import { BATCH, batches } from './batch.js';
import { readWorkerStates, type AnalyzerSummary, type FromWorker, type ToWorker, type WorkerSetup, type WorkerStates } from './protocol.js';

/**
 * The worker that analyses the verbatim at `index` (0-based, in input order)
 * of a run on `count` workers: blocks of `BATCH` verbatims in a fixed round
 * robin, so that the same input on the same number of workers gives the same
 * report, however the reader's batches were cut (a live feed's pauses).
 */
export const workerOfVerbatim = (index: number, count: number): number => Math.floor(index / BATCH) % count;
/** Batches in flight per worker before the reader waits. */
const IN_FLIGHT = 4;
/** Batches sent but not yet written (in flight, or back and waiting for their turn or for the disk), per worker, before the reader waits. */
const UNWRITTEN = 2 * IN_FLIGHT;
/**
 * A worker's young generation, in MB (V8's default is 48 on 64 bits). Each
 * worker's unused semi-spaces were a tenth of the run's peak RSS: 8 MB gave
 * 360 instead of 404 MB with two workers on a 5 MB growing export. With
 * allocation-site pretenuring off (the CLI's heap policy), 16 MB lets most
 * of a batch's analyses die young: half the scavenges and half the bytes
 * promoted, 6–10 % less CPU on a 100 MB export, the same peak RSS
 * (bench/README.md).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/** Worker threads started for a run. */
export interface WorkerPool {
  /** Resolves once the first worker has compiled its lexicons, with what it says of its analyser (rejects if a worker failed first). */
  ready: Promise<AnalyzerSummary>;
  /**
   * Fans the batches of `items` out to the workers, writes annotations back
   * in input order, and returns each worker's state (and discovery state,
   * when asked). Rejects are handled here, in order, as read.
   */
  run(
    items: AsyncIterable<ReadItem>,
    onReject: (item: ReadReject) => Promise<void>,
    annotations: AnnotationWriter | undefined,
    onProgress: ((rows: number) => void) | undefined,
  ): Promise<WorkerStates[]>;
  /** Stops every worker (after a failure elsewhere). */
  terminate(): Promise<void>;
}


/** Starts `count` workers on `script`; the first describes the analyser (the run builds none of its own). */
export function startWorkers(count: number, script: string | URL, setup: Omit<WorkerSetup, 'describe'>): WorkerPool {
  const pool = Array.from({ length: count }, (_, w) => new Worker(script, { workerData: { ...setup, describe: w === 0 } satisfies WorkerSetup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }));
  const inFlight = new Array<number>(count).fill(0);
  let failure: Error | undefined;
  let wakeReader: (() => void) | undefined;
  let described: ((summary: AnalyzerSummary) => void) | undefined;
  let failedEarly: ((error: Error) => void) | undefined;
  const ready = new Promise<AnalyzerSummary>((resolve, reject) => {
    described = resolve;
    failedEarly = reject;
  });
  ready.catch(() => undefined);
  let onProgress: ((rows: number) => void) | undefined;
  let onReject: (item: ReadReject) => Promise<void> = async () => undefined;
  let annotations: AnnotationWriter | undefined;
  // Annotation rows must follow the input order: batches (and the rejects read between them) are written by sequence.
  // `order` replays the input: null for the next analysis of the batch, else a reject read at that point.
  // `sources`: each verbatim's, kept only for annotations; `verbatims`: how many the batch holds.
  const pendingOut = new Map<number, { analyses?: VerbatimAnalysis[]; sources: SourceRef[]; verbatims: number; order: Array<ReadReject | null> }>();
  const sourcesOf = new Map<number, { sources: SourceRef[]; verbatims: number; order: Array<ReadReject | null> }>();
  let nextToWrite = 0;
  let writing = Promise.resolve();
  const flush = (): void => {
    writing = writing.then(async () => {
      for (let entry = pendingOut.get(nextToWrite); entry !== undefined; entry = pendingOut.get(nextToWrite)) {
        pendingOut.delete(nextToWrite);
        nextToWrite += 1;
        wakeReader?.();
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
      new Promise<ArrayBuffer>((resolve, reject) => {
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'ready') {
            if (message.analyzer) described?.(message.analyzer);
          } else if (message.type === 'batch') {
            inFlight[w] = (inFlight[w] ?? 1) - 1;
            const meta = sourcesOf.get(message.seq);
            sourcesOf.delete(message.seq);
            pendingOut.set(message.seq, { ...(message.analyses ? { analyses: message.analyses } : {}), sources: meta?.sources ?? [], verbatims: meta?.verbatims ?? 0, order: meta?.order ?? [] });
            onProgress?.(meta?.verbatims ?? 0);
            flush();
            wakeReader?.();
          } else if (message.type === 'state') {
            resolve(message.bytes);
            void worker.terminate();
          } else {
            failure = new Error(`verbatim-fr: analysis worker failed: ${message.message}`);
            reject(failure);
            failedEarly?.(failure);
            wakeReader?.();
          }
        });
        worker.on('error', (error) => {
          failure = error;
          reject(error);
          failedEarly?.(error);
          wakeReader?.();
        });
      }),
  );
  // Surface worker failures through the returned promise even before the reader finishes.
  for (const s of states) s.catch(() => undefined);
  let seq = 0;
  /** Verbatims sent so far: the index of the batch's first. */
  let sent = 0;
  let batch: Verbatim[] = [];
  let sources: SourceRef[] = [];
  let order: Array<ReadReject | null> = [];
  const send = async (): Promise<void> => {
    for (;;) {
      if (failure) throw failure;
      // A block of verbatims always goes to the same worker, never to the least busy one: with a word
      // budget (`maxVocabulary`) a worker's tables depend on which rows it saw, and the report must
      // not depend on timing. Blocks are equal in size, so the round robin keeps the workers even.
      const target = workerOfVerbatim(sent, count);
      // Backpressure on both ends: the worker busy, or analyses waiting to be written (a slow disk, a late batch).
      if ((inFlight[target] ?? 0) < IN_FLIGHT && seq - nextToWrite < count * UNWRITTEN) {
        inFlight[target] = (inFlight[target] ?? 0) + 1;
        sourcesOf.set(seq, { sources, verbatims: batch.length, order });
        const message: ToWorker = { type: 'batch', seq, verbatims: batch };
        pool[target]?.postMessage(message);
        seq += 1;
        sent += batch.length;
        batch = [];
        sources = [];
        order = [];
        return;
      }
      await new Promise<void>((resolve) => (wakeReader = resolve));
      wakeReader = undefined;
    }
  };
  const terminate = async (): Promise<void> => {
    await Promise.all(pool.map((worker) => worker.terminate()));
  };
  const run = async (
    items: AsyncIterable<ReadItem>,
    rejected: (item: ReadReject) => Promise<void>,
    writer: AnnotationWriter | undefined,
    progress: ((rows: number) => void) | undefined,
  ): Promise<WorkerStates[]> => {
    onReject = rejected;
    annotations = writer;
    onProgress = progress;
    try {
      // Read as the single thread reads (`batches`): a live feed's rows go out when its writer pauses
      // (their annotations are not held back for rows to come), a batch never crossing a block's end.
      for await (const group of batches(items, BATCH)) {
        for (const item of group) {
          if (item.type === 'reject') order.push(item);
          else {
            batch.push(item.verbatim);
            // Held until the batch's analyses are written: only annotations read them (a run's rows in flight
            // outlived the reading thread's young generation, and each collection copied them).
            if (annotations !== undefined) sources.push(item.source);
            order.push(null);
            if ((sent + batch.length) % BATCH === 0) await send();
          }
        }
        if (group.length < BATCH && order.length > 0) await send();
      }
      if (order.length > 0) await send();
      // One worker at a time sends its states and stops: they are copied on their way (the worker's
      // snapshot, its bytes, this thread's copy), and two workers doing it at once, their heaps still held,
      // made the run's peak; the bytes are read once the worker has stopped and its heap is gone (bench/README.md).
      // The next worker is asked for its states as soon as one has stopped: it writes them while this
      // thread reads the bytes just received, instead of waiting idle for its turn.
      const result: WorkerStates[] = [];
      pool[0]?.postMessage({ type: 'finish' } satisfies ToWorker);
      for (const [w, worker] of pool.entries()) {
        const bytes = await (states[w] as Promise<ArrayBuffer>);
        await worker.terminate();
        pool[w + 1]?.postMessage({ type: 'finish' } satisfies ToWorker);
        result.push(readWorkerStates(bytes));
      }
      await writing;
      return result;
    } catch (error) {
      await terminate();
      throw error;
    }
  };
  return { ready, run, terminate };
}
