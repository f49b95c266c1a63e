// Temporary files and folders that must not outlive the process: copies of
// what a stream held (an XLSX file read from standard input, a record whose
// quote does not close: they hold personal data) and outputs not yet renamed
// into place. The CLI removes what is left on SIGINT, SIGTERM and exit.
import { rmSync } from 'node:fs';

const live = new Set<string>();

/** Remember a temporary path until `releaseTemp`. */
export function trackTemp(path: string): void {
  live.add(path);
}

export function releaseTemp(path: string): void {
  live.delete(path);
}

/** Remove every temporary path still tracked (synchronous: safe in signal and exit handlers). */
export function removeTempsSync(): void {
  for (const path of live) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // best effort: nothing more can be done on the way out
    }
  }
  live.clear();
}

/** Paths still tracked (for tests). */
export function trackedTemps(): string[] {
  return [...live];
}
