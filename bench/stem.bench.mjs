// French stemmer alone, on the same word list in the same run:
//   ours     src/text/stem-fr.ts stemFrench (loaded from source through tsx: it is not a public export)
//   natural  natural's PorterStemmerFr.stem, which it replaces (devDependency, the oracle)
// on an-array-of-french-words (336k words) as written, then on their folded keys (what stem() passes
// at run time). No memo on either side. Ratio = natural time / our time. Target: ≥ 1 (not slower).
// Run: npm run bench stem
import { createRequire } from 'node:module';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import { tsImport } from 'tsx/esm/api';
import { foldKey } from '../dist/index.js';

const RUNS = 5;
const require = createRequire(import.meta.url);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function run(stemmer, words) {
  let sink = 0;
  for (const word of words) sink += stemmer(word).length;
  return sink;
}

export default async function bench() {
  const { stemFrench } = await tsImport('../src/text/stem-fr.ts', import.meta.url);
  const raw = require('an-array-of-french-words');
  const lists = { 'as written': raw, folded: raw.map((word) => foldKey(word)) };
  const contenders = { ours: (word) => stemFrench(word), natural: (word) => PorterStemmerFr.stem(word) };
  const results = {};
  for (const [listName, words] of Object.entries(lists)) {
    const times = { ours: [], natural: [] };
    for (const name of Object.keys(contenders)) run(contenders[name], words); // warm-up (JIT)
    // Interleaved runs, so that a change of machine load hits both alike.
    for (let r = 0; r < RUNS; r++) {
      for (const [name, stemmer] of Object.entries(contenders)) {
        const started = performance.now();
        run(stemmer, words);
        times[name].push(performance.now() - started);
      }
    }
    const ours = median(times.ours);
    const natural = median(times.natural);
    results[listName] = { ours, natural, ratio: natural / ours };
    console.log(
      `${listName.padEnd(10)} ${words.length} words  ours ${(words.length / ours / 1e3).toFixed(2)} M words/s  ` +
        `natural ${(words.length / natural / 1e3).toFixed(2)} M words/s  natural/ours ${(natural / ours).toFixed(2)} (target ≥ 1)`,
    );
  }
  return results;
}
