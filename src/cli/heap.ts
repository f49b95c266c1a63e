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
import { setV8Flag } from './v8-flag.js';

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
