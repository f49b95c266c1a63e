// Rows are analysed a batch at a time, then added to the report.
import { analyzeVerbatim, type AnalyzeVerbatimOptions } from '../analyze/transcript.js';
import type { Analyzer } from '../analyze/analyze.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';

/**
 * Rows analysed at once, and sent to a worker at once: large enough to
 * amortise messaging and to keep the caches warm (`analyzeRows`), small
 * enough to keep memory flat.
 */
export const BATCH = 256;

/**
 * The analyses of a batch of rows, made before any of them goes to a report:
 * `analyses` to add (`ReportBuilder.addAll`), and `byRow`, aligned with `rows`
 * (undefined where `verbatimOf` gives no verbatim: a rejected row).
 * Alternating the analyser and the report builder row by row makes each push
 * the other's tables and code out of the CPU caches: analysing a batch of a
 * few hundred rows, then adding them, takes 15–20 % less CPU for the same
 * report (bench/README.md, "Batches").
 */
export function analyzeRows<R>(
  rows: readonly R[],
  verbatimOf: (row: R) => Verbatim | undefined,
  analyzer: Analyzer,
  options: AnalyzeVerbatimOptions = {},
): { analyses: VerbatimAnalysis[]; byRow: Array<VerbatimAnalysis | undefined> } {
  const analyses: VerbatimAnalysis[] = [];
  const byRow = rows.map((row) => {
    const verbatim = verbatimOf(row);
    if (verbatim === undefined) return undefined;
    const analysis = analyzeVerbatim(verbatim, analyzer, options);
    analyses.push(analysis);
    return analysis;
  });
  return { analyses, byRow };
}

const WAITING = Symbol('waiting');
/** How long a batch waits for input that is not there yet (a pipe whose writer is slow) before it goes as it is. */
const STALL_MS = 20;

const after = <T>(schedule: (done: () => void) => unknown, value: T): Promise<T> => new Promise((resolve) => schedule(() => resolve(value)));

/**
 * The items of `items` in batches of at most `size`, in order. A batch also
 * ends when the next item has not come within `STALL_MS` (standard input fed
 * by a slow writer): rows read so far are not held back for rows to come.
 * Reading a file, the next item is almost always there at once: a
 * `setImmediate` turn tells, and the timer only starts when it is not. The
 * turn is shared by the items that come within it (a file's rows come
 * hundreds to a turn): one per row cost a fifth of reading them.
 */
export async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  const iterator = items[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | undefined;
  let batch: T[] = [];
  let turn: Promise<typeof WAITING> | undefined;
  try {
    for (;;) {
      pending ??= iterator.next();
      // An item already there wins the race (it comes first), even once the turn has passed.
      let result: IteratorResult<T> | typeof WAITING = batch.length === 0 ? await pending : await Promise.race([pending, (turn ??= after(setImmediate, WAITING))]);
      if (result === WAITING) {
        turn = undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        result = await Promise.race([pending, after((done) => (timer = setTimeout(done, STALL_MS)), WAITING)]);
        clearTimeout(timer);
      }
      if (result === WAITING) {
        yield batch;
        batch = [];
        continue;
      }
      pending = undefined;
      if (result.done === true) break;
      batch.push(result.value);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    // Stopped early (an error downstream): close the source; one still waiting for input closes when it comes.
    if (pending === undefined) await iterator.return?.();
    else void pending.then(() => iterator.return?.()).catch(() => undefined);
  }
}
