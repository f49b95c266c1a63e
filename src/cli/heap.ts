// How far the V8 heap may grow between two full collections, for the CLI's
// process (the library leaves the host's heap alone).
//
// V8 lets the old generation grow to up to four times what survived the last
// full collection before it collects again. A run's live heap stays bounded
// (memos, word tables under their budget), but what it lets go — memo
// generations, words cut from the tables — is promoted garbage, and the
// process peaked at four times its live heap: 490–510 MB of RSS for 117 MB
// live on a 100 MB export with one worker (bench/README.md). A smaller
// growth factor collects sooner, at a small CPU cost.
import { givenToNode, setV8Flag } from './v8-flag.js';

/** Default growth of the old generation between full collections, in percent of the live heap. */
export const DEFAULT_HEAP_GROWTH = 50;

/** What `VERBATIM_HEAP_GROWTH` gives: a percentage, `off` (V8's own policy), or a bad value to report. */
export type HeapGrowthChoice = { percent: number | undefined } | { badValue: string };

/**
 * Reads `VERBATIM_HEAP_GROWTH`: unset or empty gives the default, `0` or
 * `off` leaves V8's policy, an integer from 10 to 400 is the growth in
 * percent. Anything else is a bad value.
 */
export function chooseHeapGrowth(env: Record<string, string | undefined>): HeapGrowthChoice {
  const raw = env['VERBATIM_HEAP_GROWTH']?.trim().toLowerCase();
  if (raw === undefined || raw === '') return { percent: DEFAULT_HEAP_GROWTH };
  if (raw === 'off' || raw === '0') return { percent: undefined };
  if (/^\d+$/.test(raw)) {
    const percent = Number(raw);
    if (percent >= 10 && percent <= 400) return { percent };
  }
  return { badValue: env['VERBATIM_HEAP_GROWTH'] as string };
}

/**
 * Sets the growth for the whole process (worker threads included: the flag
 * is read each time V8 sizes a heap), unless Node was started with its own
 * setting. Returns whether it was set.
 */
export function setHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): boolean {
  return setV8Flag('heap-growing-percent', Math.round(percent), execArgv, nodeOptions);
}

/**
 * Keeps every young generation of the process at the size it starts with
 * (`--semi-space-growth-factor=1`: V8 reads it each time it would grow one),
 * unless Node was given its own setting. V8 grows the main thread's to 32 MB
 * while the CLI loads and reads, and a young generation never shrinks back:
 * the reading thread of a two-worker run held 33.6 MB of it for 9 MB in use.
 * Kept at its start, the 100 MB growing export with two workers peaked at
 * 366–367 MB instead of 436–440, for 3 % more CPU on average, about the
 * runs' noise (bench/README.md). V8 puts the flag back to 2 as it sets up each new
 * isolate, so each worker thread sets it again once it runs
 * (`keepWorkerYoungGenerations`). Returns whether it was set.
 */
export function setYoungGenerationGrowth(factor = 1, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): boolean {
  if (givenToNode('max-semi-space-size', execArgv, nodeOptions)) return false;
  return setV8Flag('semi-space-growth-factor', factor, execArgv, nodeOptions);
}

/** V8's own growth factor of a young generation, which `setYoungGenerationGrowth(V8_SEMI_SPACE_GROWTH)` gives back. */
export const V8_SEMI_SPACE_GROWTH = 2;

/**
 * Set by the CLI for the worker threads it starts (they copy the environment
 * as they start): V8 puts the young generations' growth back to its default
 * as it sets up each new thread, so each worker keeps them small again
 * (`keepWorkerYoungGenerations`). Absent in a process that is not the CLI's
 * (the tests, a program using the library): its workers leave V8 alone.
 */
export const KEEP_YOUNG_ENV = 'VERBATIM_INTERNAL_KEEP_YOUNG';

/** `setYoungGenerationGrowth` unless `VERBATIM_HEAP_GROWTH` leaves V8 its own policy (or is a bad value, which the CLI reports). */
export function keepYoungGenerations(env: Record<string, string | undefined>): boolean {
  const growth = chooseHeapGrowth(env);
  return 'percent' in growth && growth.percent !== undefined && setYoungGenerationGrowth();
}

/** In a worker thread of the CLI: the young generations kept small again when the CLI asked for it (`KEEP_YOUNG_ENV`). */
export function keepWorkerYoungGenerations(env: Record<string, string | undefined>): boolean {
  return env[KEEP_YOUNG_ENV] === '1' && setYoungGenerationGrowth();
}
