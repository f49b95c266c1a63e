import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // Library entries: "." is browser-safe, "./io" is node-only (the readers' room and the corpus run, src/node.ts).
    entry: { index: 'src/index.ts', 'io/index': 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // Shared chunks: one copy of the library for both entries, so `instanceof LexiconError` holds across them.
    splitting: true,
    // The version written into state files (src/run/version.ts).
    define: { __VERSION__: JSON.stringify(version) },
    // import.meta.url in the CJS build (the stored matchers, dist/default-matchers.bin, are read next to the library).
    shims: true,
    // The default lexicons' compiled tries, stored next to the bundle (scripts/build-matchers.mjs).
    onSuccess: async () => {
      execFileSync(process.execPath, ['scripts/build-matchers.mjs', ...(process.argv.includes('--silent') ? ['--quiet'] : [])], { stdio: 'inherit' });
    },
  },
  {
    // The CLI: ESM only, with a shebang.
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
]);
