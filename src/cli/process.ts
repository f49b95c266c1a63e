// What only the process running the CLI does: remove temporary files on every
// way out, end quietly when stdout is closed, and never print a stack trace
// for an error that escaped (unless --debug, through `report`).
import { removeTempsSync } from '../io/temp-files.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a command does on SIGINT or SIGTERM instead of ending at once (see `onStopSignal`). */
let stopHandler: ((signal: NodeJS.Signals) => void) | undefined;

/**
 * While a command runs that can end cleanly (`queue work`: finish the chunk
 * in hand, then stop), SIGINT and SIGTERM call `stop` instead of ending the
 * process; the next one ends it at once, as usual. Returns the undo. Without
 * `installProcessGuards` (the CLI called in-process), nothing listens.
 */
export function onStopSignal(stop: (signal: NodeJS.Signals) => void): () => void {
  stopHandler = stop;
  return () => {
    if (stopHandler === stop) stopHandler = undefined;
  };
}

/**
 * Installs the handlers; call `done(code)` when main() has settled. `report`
 * turns an error that escaped into a message and an exit code.
 */
export function installProcessGuards(report: (error: unknown) => number): { done(code: number): void } {
  let settled = false;
  process.on('exit', removeTempsSync);
  for (const signal of SIGNALS) {
    const end = (): void => {
      // Temporary copies (an XLSX read from a stream, a stream's long record) and unfinished outputs go; then the signal's usual end.
      removeTempsSync();
      process.kill(process.pid, signal);
    };
    process.once(signal, () => {
      const stop = signal === 'SIGHUP' ? undefined : stopHandler;
      if (stop === undefined) return end();
      stopHandler = undefined;
      process.once(signal, end);
      stop(signal);
    });
  }
  // Write errors are reported where the writes are awaited (the report, the outputs); without these
  // listeners a reader closing the pipe (`| head`) or a full disk would crash the process with a stack trace.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const fatal = (error: unknown): void => {
    removeTempsSync();
    process.exitCode = report(error);
    process.exit();
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  // A promise that never settles empties the event loop: say so instead of exiting 0 without a word.
  process.on('beforeExit', () => {
    if (settled) return;
    settled = true;
    process.exitCode = report(new Error('the run stopped before its end (an input stream never finished)'));
  });
  return {
    done(code) {
      settled = true;
      process.exitCode = code;
    },
  };
}
