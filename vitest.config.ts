import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  // The version the build writes into state files (src/run/version.ts), so states written in tests and by the built bin merge.
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Golden files are never written by a plain run, on a laptop as in CI: a missing or changed
    // one fails. Regenerate on purpose with `npx vitest run -u <file>` and review the diff.
    update: 'none',
  },
});
