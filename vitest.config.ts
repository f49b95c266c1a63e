import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Golden files are never written by a plain run, on a laptop as in CI: a missing or changed
    // one fails. Regenerate on purpose with `npx vitest run -u <file>` and review the diff.
    update: 'none',
  },
});
