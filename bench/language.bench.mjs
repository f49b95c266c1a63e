// detectLanguage on the same texts in the same run:
//   profiles  this build's detectLanguage (dist/): marker fast paths, then the hand-written profiles
//   franc     the franc-based detectLanguage of main before issue 10 (test/text/language-franc.ts,
//             loaded from source through tsx; franc is a devDependency)
// on three sets: the texts of corpora/sample.csv (a French export), the real reviews of
// ../shared/eval/real/reviews-ecommerce-a.csv when present (the team's machines; figures only), and
// the multilingual fixture test/fixtures/languages/*.jsonl. Each set is repeated to about 20,000
// texts; interleaved runs, median of 5. Ratio = franc time / profiles time. Target on the French
// exports: ≥ 1 (not slower).
// Run: npm run bench language
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseSync } from 'csv-parse/sync';
import { tsImport } from 'tsx/esm/api';
import { detectLanguage } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;
const TARGET = 20_000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function repeated(texts) {
  const out = [];
  while (out.length < TARGET) out.push(...texts);
  return out;
}

function sets() {
  const out = {};
  const sample = parseSync(readFileSync(join(root, 'corpora/sample.csv')), { bom: true, delimiter: ';', columns: true });
  out['sample.csv'] = sample.map((row) => row.commentaire);
  const real = join(root, '../shared/eval/real/reviews-ecommerce-a.csv');
  if (existsSync(real)) out['real reviews'] = parseSync(readFileSync(real), { columns: true }).map((row) => row.content_review);
  const fixtures = join(root, 'test/fixtures/languages');
  out['12-language fixture'] = readdirSync(fixtures)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(fixtures, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).text));
  return out;
}

function run(detect, texts) {
  let sink = 0;
  for (const text of texts) sink += detect(text).length;
  return sink;
}

export default async function bench() {
  const { detectLanguageFranc } = await tsImport('../test/text/language-franc.ts', import.meta.url);
  const contenders = { profiles: (text) => detectLanguage(text), franc: (text) => detectLanguageFranc(text) };
  const results = {};
  for (const [setName, distinct] of Object.entries(sets())) {
    const texts = repeated(distinct);
    const times = { profiles: [], franc: [] };
    for (const detect of Object.values(contenders)) run(detect, texts); // warm-up (JIT)
    // Interleaved runs, so that a change of machine load hits both alike.
    for (let r = 0; r < RUNS; r++) {
      for (const [name, detect] of Object.entries(contenders)) {
        const started = performance.now();
        run(detect, texts);
        times[name].push(performance.now() - started);
      }
    }
    const profiles = median(times.profiles);
    const franc = median(times.franc);
    results[setName] = { profiles, franc, ratio: franc / profiles };
    const perText = (ms) => `${((ms * 1e3) / texts.length).toFixed(2)} µs/text`;
    console.log(
      `${setName.padEnd(20)} ${distinct.length} texts ×${(texts.length / distinct.length).toFixed(0)}  ` +
        `profiles ${perText(profiles)}  franc ${perText(franc)}  franc/profiles ${(franc / profiles).toFixed(2)} (target ≥ 1)`,
    );
  }
  return results;
}
