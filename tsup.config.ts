import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { browserData } from './scripts/browser-data.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // Library entries: "." is browser-safe, "./io" is node-only (the readers' room and the corpus run, src/node.ts),
    // "./queue" too (the run over bullmq; bullmq, a peer dependency, stays external and is imported when used).
    entry: { index: 'src/index.ts', 'io/index': 'src/node.ts', 'queue/index': 'src/queue/index.ts' },
    format: ['esm', 'cjs'],
    // Declarations leave out what is marked @internal (the analyser's compiled tables, the store's readers).
    dts: { compilerOptions: { stripInternal: true } },
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
    // The browser build of "." (the `browser` condition of its `import` export): the same code,
    // but the default lexicon data loads on demand, each part in its own chunk
    // (src/lexicon/default-data.browser.ts; loadDefaultLexicons, createAnalyzerAsync). Types: dist/index.d.ts.
    // lexicon/yaml.browser.ts (yaml.ts in Node) as an entry too: its own chunk, dropped with `yaml` by a page that parses no lexicon.
    entry: { 'browser/index': 'src/index.ts', 'browser/yaml': 'src/lexicon/yaml.browser.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    // No source maps: the code is not minified (readable as it is), and the data chunks' maps
    // would add 2.5 MB to the install for nothing.
    sourcemap: false,
    splitting: true,
    esbuildPlugins: [browserData],
    esbuildOptions(options) {
      options.chunkNames = 'browser/[name]-[hash]';
    },
  },
  {
    // The CLI: ESM only, with a shebang. Split: each command (and the analysis worker) loads its
    // own chunk when it runs (dist/cli/chunk-*.js), so that a cold start compiles only what it uses.
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'cli/[name]-[hash]';
    },
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
  {
    // The analysis worker the CLI starts (src/cli/worker.ts): one file, not split, with only the modules a
    // worker runs, so that a cold worker thread resolves and reads one file instead of some twenty chunks.
    // It repeats the library code the CLI's chunks hold (workers send plain data back, never instances).
    entry: { 'cli/worker': 'src/cli/worker.ts' },
    format: ['esm'],
    splitting: false,
    target: 'node20',
    // No source map: it would add 2.2 MB to the install for stacks that a worker sends back as text.
    sourcemap: false,
    define: { __VERSION__: JSON.stringify(version) },
  },
]);
