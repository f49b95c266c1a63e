// When V8's optimising compiler takes up a function, for the CLI's process (the
// library leaves its host's engine alone).
//
// V8 compiles a function with TurboFan once it has run long enough: through
// its interrupt budget three times in Node 20, 3,000 calls in Node 21 and
// later (the budget is gone there). On a short run (a month of reviews, a
// survey wave, a pipeline's new batch) most of the CPU goes there: the compiler takes up
// functions that will not run long enough to repay it, some of them twice
// after a deoptimisation, and the two cores it shares are busy compiling
// instead of analysing. A threshold sixteen times V8's lets fewer functions be
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

/** Inputs up to this size (bytes, all files together) are analysed with TurboFan delayed. */
export const LATE_TIER_UP_MAX_BYTES = 1_000_000;

/** How much later than V8's own threshold a function is optimised. */
export const LATE_TIER_UP_FACTOR = 16;

/** A V8 flag and its value. */
export interface V8Setting {
  name: string;
  value: number;
}

/**
 * The flag that delays TurboFan in this V8 (`process.versions.v8`), set
 * to LATE_TIER_UP_FACTOR times its default (`node --v8-options`): the
 * interrupt budget up to V8 11.3 (Node 20, default 67,584), the call count
 * from then on (Node 21 on, default 3,000), where `--interrupt-budget` is an
 * unknown flag that V8 would complain of on standard error. Measured on Node
 * 22 (the same gains as on 20) and 24 (about a quarter of them: its Maglev
 * compiler already takes the middle ground); bench/README.md.
 */
export function lateTierUpSetting(v8Version: string = process.versions.v8): V8Setting {
  const [major = 0, minor = 0] = v8Version.split('.').map(Number);
  return major < 11 || (major === 11 && minor <= 3)
    ? { name: 'interrupt-budget', value: LATE_TIER_UP_FACTOR * 67_584 }
    : { name: 'invocation-count-for-turbofan', value: LATE_TIER_UP_FACTOR * 3_000 };
}

/** `auto`: later for a small input of known size; `late`: always; `off`: V8's own threshold. */
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
 * Delays TurboFan for the whole process (worker threads started after it
 * too: V8 reads the flag each time it sets a function's counter), unless
 * Node was started with that flag. Returns whether it was set.
 */
export function setLateTierUp(setting: V8Setting = lateTierUpSetting(), execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS']): boolean {
  return setV8Flag(setting.name, setting.value, execArgv, nodeOptions);
}
