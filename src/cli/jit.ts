// When V8's optimising compiler takes up a function, for the CLI's process (the
// library leaves its host's engine alone).
//
// V8 compiles a function with TurboFan once it has run through its interrupt
// budget a few times. On a short run (a month of reviews, a survey wave, a
// pipeline's new batch) most of the CPU goes there: the compiler takes up
// functions that will not run long enough to repay it, some of them twice
// after a deoptimisation, and the two cores it shares are busy compiling
// instead of analysing. A budget sixteen times V8's lets fewer functions be
// compiled, later and with fuller type feedback, while the main thread runs
// longer in unoptimised code: on inputs up to about 1 MB (5,000 rows) both
// the CPU and the wall time drop (the sample corpus: a third less CPU, a
// quarter less wall); from 2 MB on the CPU still drops (a sixth on 10,000
// rows) but the wall time rises on a machine with a core to spare, and from
// about 5 MB the CPU no longer drops either (bench/README.md). So the CLI
// asks for it for inputs of at most 1 MB; `VERBATIM_JIT=late` asks for it
// always, for runs judged by their CPU (many processes side by side, a
// shared machine).
import { setV8Flag } from './v8-flag.js';

/** Inputs up to this size (bytes, all files together) are analysed with the late budget. */
export const LATE_TIER_UP_MAX_BYTES = 1_000_000;

/** The late budget: sixteen times V8's default in Node 20 (`node --v8-options`: 67,584). */
export const LATE_INTERRUPT_BUDGET = 16 * 67_584;

/** `auto`: late for a small input of known size; `late`: always; `off`: V8's own budget. */
export type TierUpMode = 'auto' | 'late' | 'off';

/** What `VERBATIM_JIT` gives: a mode, or a bad value to report. */
export type TierUpChoice = { mode: TierUpMode } | { badValue: string };

/** Reads `VERBATIM_JIT`: unset or empty gives `auto`; `auto`, `late` and `off` as said; anything else is a bad value. */
export function chooseTierUp(env: Record<string, string | undefined>): TierUpChoice {
  const raw = env['VERBATIM_JIT']?.trim().toLowerCase();
  if (raw === undefined || raw === '') return { mode: 'auto' };
  if (raw === 'auto' || raw === 'late' || raw === 'off') return { mode: raw };
  return { badValue: env['VERBATIM_JIT'] as string };
}

/**
 * Whether a run over `inputBytes` (undefined: not known, as for standard
 * input) takes the late budget in `mode`.
 */
export function lateTierUp(mode: TierUpMode, inputBytes: number | undefined): boolean {
  if (mode !== 'auto') return mode === 'late';
  return inputBytes !== undefined && inputBytes <= LATE_TIER_UP_MAX_BYTES;
}

/**
 * Sets V8's interrupt budget for the whole process (worker threads started
 * after it too: V8 reads it each time it sets a function's counter), unless
 * Node was started with its own. Returns whether it was set.
 */
export function setInterruptBudget(budget: number, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): boolean {
  return setV8Flag('interrupt-budget', Math.round(budget), execArgv, nodeOptions);
}
