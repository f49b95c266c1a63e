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
import { getHeapSpaceStatistics } from 'node:v8';
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
 * Sets the growth factor of the process' young generations
 * (`--semi-space-growth-factor`, which V8 reads each time it would grow one):
 * 1 keeps each at its size, `V8_SEMI_SPACE_GROWTH` lets them grow again.
 * Left alone when Node was given that flag or `--max-semi-space-size`.
 * Returns whether it was set.
 */
export function setYoungGenerationGrowth(factor = 1, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): boolean {
  if (givenToNode('max-semi-space-size', execArgv, nodeOptions)) return false;
  return setV8Flag('semi-space-growth-factor', factor, execArgv, nodeOptions);
}

/**
 * V8 allocates an object straight in the old generation when most objects
 * from the same place in the code outlived two young collections
 * (allocation-site pretenuring). A batch's analyses live until the batch has
 * been added to the report, longer than a worker's small young generation
 * lasts, so V8 pretenured the analysis' objects: each row then left about
 * 2 KB of garbage in the old generation, for the full collections to find,
 * and a worker's old generation grew with it (bench/README.md). Without it,
 * they die young. Set for the whole process (worker threads included) unless
 * `VERBATIM_HEAP_GROWTH` leaves V8 its own policy, or Node was given the flag.
 * Returns whether it was set.
 */
export function stopPretenuring(env: Record<string, string | undefined>, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): boolean {
  return heapPolicyOn(env) && setV8Flag('allocation-site-pretenuring', false, execArgv, nodeOptions);
}

/** Whether the CLI's heap settings apply: `VERBATIM_HEAP_GROWTH` neither `off` nor a bad value (which the CLI reports). */
function heapPolicyOn(env: Record<string, string | undefined>): boolean {
  const growth = chooseHeapGrowth(env);
  return 'percent' in growth && growth.percent !== undefined;
}

/**
 * V8 scavenges a young generation with helper tasks on its other threads.
 * When more threads analyse and read than the machine has cores (two worker
 * threads and the reading thread on two cores), a scavenge waits for helpers
 * that find no free core, and the thread it stopped waits with it: on two
 * cores, two workers ran 4–10 % faster (wall and CPU) with each heap
 * scavenged by its own thread; one thread on two cores did not
 * (bench/README.md). True when `threads` busy threads outnumber `cores`.
 */
export const scavengeAlone = (threads: number, cores: number): boolean => threads > cores;

/** Scavenges each heap on its own thread only (`--no-parallel-scavenge`), for the whole process, unless Node was given the flag either way. Returns whether it was set. */
export function stopParallelScavenges(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): boolean {
  return setV8Flag('parallel-scavenge', false, execArgv, nodeOptions);
}

/** V8's own growth factor of a young generation, which `setYoungGenerationGrowth(V8_SEMI_SPACE_GROWTH)` gives back. */
export const V8_SEMI_SPACE_GROWTH = 2;

/**
 * Keeps the young generations at their size unless `VERBATIM_HEAP_GROWTH`
 * leaves V8 its own policy (or is a bad value, which the CLI reports): the
 * bin calls it first, so that loading the commands grows none.
 */
export function keepYoungGenerations(env: Record<string, string | undefined>): boolean {
  return heapPolicyOn(env) && setYoungGenerationGrowth();
}

/** The young generation the main thread may reach while worker threads analyse (both semi-spaces): it only reads. */
export const READING_YOUNG_GENERATION = 8 * 2 ** 20;

/**
 * While worker threads analyse, the main thread only reads, but V8 grows its
 * young generation to 32 MB (two 16 MB semi-spaces), and a young generation
 * never shrinks back. `--max-semi-space-size` can only be given to Node at
 * its start, and V8 puts the growth factor back to its default as it sets up
 * each new isolate (each worker). So: let the young generations grow (V8's
 * factor) until the main thread's reaches `cap` bytes, then keep them all at
 * their size, checked every quarter of a second (unref'd). The workers,
 * which allocate far more, reach their own cap (16 MB) first. The 100 MB
 * growing export with two workers peaked at 413–414 MB instead of 436–440
 * (bench/README.md). Returns a function that stops the check.
 */
export function capMainYoungGeneration(cap = READING_YOUNG_GENERATION, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): () => void {
  if (!setYoungGenerationGrowth(V8_SEMI_SPACE_GROWTH, execArgv, nodeOptions)) return () => undefined;
  const timer = setInterval(() => {
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
    if (young < cap) return;
    setYoungGenerationGrowth(1, execArgv, nodeOptions);
    clearInterval(timer);
  }, 250);
  timer.unref();
  return () => clearInterval(timer);
}
