// The run's side of the worker threads: batches of verbatims go out to the
// least busy worker, analyses come back in any order and are written in input
// order, and each worker's report state comes back at the end.
import { Worker } from 'node:worker_threads';
import type { ReadItem, ReadReject, SourceRef } from '../io/types.js';
import type { ReportState } from '../report/index.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';
import type { AnnotationWriter } from './outputs.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';

/** Verbatims sent to a worker at once: large enough to amortise messaging, small enough to keep memory flat. */
const BATCH = 256;
/** Batches in flight per worker before the reader waits. */
const IN_FLIGHT = 4;

/**
 * Fans batches out to workers, writes annotations back in input order, and
 * returns each worker's state. Rejects are handled here, in order, as read.
 */
export async function runOnWorkers(
  items: AsyncIterable<ReadItem>,
  count: number,
  script: string | URL,
  setup: WorkerSetup,
  onReject: (item: ReadReject) => Promise<void>,
  annotations: AnnotationWriter | undefined,
  onProgress: ((rows: number) => void) | undefined,
): Promise<ReportState[]> {
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
      new Promise<ReportState>((resolve, reject) => {
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
