// Stores the compiled default lexicons next to the bundle (dist/default-matchers.bin):
// the tries the default analyser compiles (French lexicons, English layer), built
// here once with the library's own compiler, so that createAnalyzer() in Node reads
// them instead of compiling them in every process and worker thread (src/lexicon/store.ts),
// and the keys of the words it keys when it starts (sentiment, modality, negation).
// Run after tsup (tsup.config.ts `onSuccess`): tsup empties dist/ first, so a store
// never outlives the bundle it was built with. Checks that the bundle finds it.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const { register } = await import('tsx/esm/api');
const unregister = register();
const { createAnalyzer } = await import('../src/analyze/analyze.ts');
const { collectStored, serializeMatchers, STORE_FILE } = await import('../src/lexicon/store.ts');
unregister();

const { matchers, keys } = collectStored(() => {
  const analyzer = createAnalyzer();
  analyzer.english?.();
});
const target = join(root, 'dist', STORE_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, serializeMatchers(matchers, keys));

// The bundle must find both tries: a fingerprint that differs between the build and the
// bundle would silently fall back to compiling.
const lib = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const analyzer = lib.createAnalyzer();
if (!analyzer.compiled.stored || !analyzer.english?.().compiled.stored) {
  console.error(`build-matchers: dist/index.js does not find the tries stored in dist/${STORE_FILE}`);
  process.exit(1);
}
const kb = (statSync(target).size / 1024).toFixed(0);
const texts = keys.reduce((n, k) => n + k.texts.length, 0);
if (!process.argv.includes('--quiet')) console.log(`build-matchers: ${matchers.length} default tries and the keys of ${texts} words stored in dist/${STORE_FILE} (${kb} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
