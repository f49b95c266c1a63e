// What every command of the CLI is given: where to write, in which language, and how to end.
import type { CliLang, CliMessages } from './messages.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  stdin?: NodeJS.ReadableStream;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** eval below --fail-under, lexicon check found problems */
  failed: 1,
  /** bad command line */
  usage: 2,
  /** an input is missing, unreadable or invalid (or no row could be analysed), or a lexicon is invalid */
  input: 3,
  /** an output cannot be written: missing folder, no permission, one of the inputs, disk full */
  output: 4,
  /** a service is unavailable: Redis cannot be reached, bullmq is not installed, a queue run cannot be merged (verbatim queue) */
  unavailable: 69,
  /** a bug: please report it */
  internal: 70,
} as const;

/** What a command's action reads and sets: the streams, and the exit code once it is done. */
export interface CommandContext {
  io: CliIo;
  /** The language of messages and reports (`--lang`, `VERBATIM_LANG`; default `fr`). */
  lang: CliLang;
  /** Its catalogue. */
  m: CliMessages;
  /** `--quiet`: no line saying where an output was written. */
  quiet: boolean;
  /** The code `main()` resolves to when the command ends without an error (default `EXIT.ok`). */
  setExitCode(code: number): void;
  /** The script analysis worker threads start from (the bin passes itself; default: the module of the command). */
  workerScript?: string;
  /**
   * Said by a command once it knows the size of its input in bytes
   * (undefined: it reads standard input), before it analyses: a short run
   * asks V8 to optimise later (see src/cli/jit.ts).
   */
  tuneForInput?(bytes: number | undefined): void;
  /**
   * Told how many threads will analyse, before they start: with two or more,
   * the main thread only reads, and the CLI caps its young generation (see
   * capMainYoungGeneration in src/cli/heap.ts).
   */
  tuneForWorkers?(count: number): void;
}
