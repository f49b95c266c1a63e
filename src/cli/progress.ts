import type { SingleBar } from 'cli-progress';

/** A progress display that can be a no-op: callers never need to check. */
export interface Progress {
  tick(rows: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Where the bar is drawn; it is never stdout. */
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Show nothing before this many milliseconds (default 2000). */
  delayMs?: number;
  /** Force off (e.g. `--no-progress`, CI). */
  enabled?: boolean;
  /** The bar's line (cli-progress tokens: {value}, {rate}, {duration_formatted}). */
  format?: string;
}

/**
 * A bar on stderr for runs longer than a couple of seconds, only on a TTY:
 * redirected or piped output must stay clean.
 */
export function createProgress(options: ProgressOptions): Progress {
  const { stream, delayMs = 2000, enabled = true, format = 'verbatim-fr | {value} verbatims | {rate}/s | {duration_formatted}' } = options;
  if (!enabled || !stream.isTTY) return { tick() {}, stop() {} };
  const startedAt = Date.now();
  let rows = 0;
  let bar: SingleBar | undefined;
  // Loaded only when a bar may be drawn (a terminal), long before the delay is over: runs in scripts and pipes never load it.
  let cliProgress: typeof import('cli-progress') | undefined;
  void import('cli-progress').then((m) => (cliProgress = m.default));
  return {
    tick(n) {
      rows += n;
      if (!bar && cliProgress !== undefined && Date.now() - startedAt >= delayMs) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format,
            hideCursor: true,
            clearOnComplete: true,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(0, rows, { rate: 0 });
      }
      if (bar) {
        const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
        bar.update(rows, { rate: Math.round(rows / seconds) });
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
