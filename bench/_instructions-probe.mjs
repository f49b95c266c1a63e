// The process bench/instructions.mjs runs under valgrind (not a benchmark: bench/run.mjs runs *.bench.mjs only).
// Analyses (and, with PHASE=both, adds to a report by batches of 256, as the CLI does) WARM rows of the
// corpus, then ROWS more: the instructions of the second part are the difference between a run with
// ROWS and one without.
//   DIST   the built package to load (a dist/ folder)
//   KIND   sample | growing (bench/gen-corpus.mjs)
//   PHASE  analyze | both
//   VOCABULARY  the word tables' budget with PHASE=both: the CLI's default (--vocabulary 10000) unless given, 'exact' for none
// Its own pass, not bench/throughput.bench.mjs's layer: that layer starts a new report on each pass,
// and counted that way one build gave 0.96–1.13 M instructions a growing row from run to run, where
// one report kept from the warm-up gives 0.86–0.88 M (tables full, as in a long run).
import { pathToFileURL } from 'node:url';
import { verbatims } from './throughput.bench.mjs';
import { corpusRows } from './gen-corpus.mjs';

const env = process.env;
const api = await import(pathToFileURL(`${env.DIST}/index.js`).href);
const kind = env.KIND ?? 'growing';
const rows = corpusRows({ kind });
const analyzer = api.createAnalyzer();
// The report as the CLI keeps it: word tables under their budget, cut as they fill (exact tables only grow).
const vocabulary = env.VOCABULARY ?? '10000';
const report = env.PHASE === 'both' ? api.createReportBuilder(vocabulary === 'exact' ? {} : { maxVocabulary: Number(vocabulary) }) : undefined;

function pass(docs) {
  for (let i = 0; i < docs.length; i += 256) {
    const analyses = docs.slice(i, i + 256).map((d) => api.analyzeVerbatim(d, analyzer));
    report?.addAll(analyses);
  }
}

pass(verbatims(api, kind, Number(env.WARM), rows));
// The rows are made in both runs, measured or not: only their analysis differs.
const more = verbatims(api, kind, Number(env.ROWS), rows);
if (env.MEASURE === '1') pass(more);
