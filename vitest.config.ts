import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
/** Test files that measure how far their own heap grows. */
const MEASURE_THEIR_HEAP = ['test/analyze/vocabulary-memory.test.ts', 'test/io/read-formats.test.ts', 'test/io/retention.test.ts'];

export default defineConfig({
  // The version the build writes into state files (src/run/version.ts), so states written in tests and by the built bin merge.
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    // The run's temporary files in one folder, removed at the end (test/_tmp.ts).
    globalSetup: ['test/_tmp.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // One fork per core: vitest's default (cores − 1) runs the suite in one fork on a two-core CI machine,
    // where its main process is idle and the second core only serves the CLI tests' child processes (231 s → 140 s).
    maxWorkers: availableParallelism(),
    projects: [
      // Test files share their fork's process and modules instead of a fresh process each: the suite's
      // time went mostly to importing the library again for every file (113 s of 279, two cores). The
      // tests hold no global state to leak (no mocks, spies, stubbed globals or environment changes;
      // the library's module state is memos of pure functions), and CLIs run in child processes.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MEASURE_THEIR_HEAP, isolate: false } },
      // Files that measure their own heap's growth run alone in a process: in a shared one, V8 lets
      // garbage pile up in proportion to everything the other files left.
      { extends: true, test: { name: 'alone', include: MEASURE_THEIR_HEAP, isolate: true } },
    ],
    // Golden files are never written by a plain run, on a laptop as in CI: a missing or changed
    // one fails. Regenerate on purpose with `npx vitest run -u <file>` and review the diff.
    update: 'none',
  },
});
