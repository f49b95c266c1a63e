// Merging many states (what `verbatim merge` and `queue merge` do with the
// states of an engine's partitions or a queue's chunks):
//
//   npm run bench merge
//
// BENCH_MERGE_STATES (default 60) states of BENCH_MERGE_ROWS (default 500)
// rows each of the growing export (`gen-corpus.mjs`), built as a queue worker
// builds a chunk's (the word budget of runs on files), are merged, alternately
// for BENCH_MERGE_ROUNDS (default 3) rounds:
//   baseline   the pure merges two at a time, a left fold of mergeReportStates
//              (what mergeRunStates did before 2026-12-05: each merge copies
//              the state merged so far)
//   merger     mergeRunStates (each state added into the state it made)
// Reported: CPU ms of each (median), the ratio merger/baseline (lower is
// better), and whether both give the same state, byte for byte.
import { analyzeVerbatim, createAnalyzer, createReportBuilder, mergeReportStates, normalizeChannel, reportMeta } from '../dist/index.js';
import { createRunState, mergeRunStates, stringifyRunState } from '../dist/io/index.js';
import { cpuMs as cpu } from './_clock.mjs';
import { corpusRows } from './gen-corpus.mjs';

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export default async function bench() {
  const count = Number(process.env.BENCH_MERGE_STATES ?? 60);
  const rows = Number(process.env.BENCH_MERGE_ROWS ?? 500);
  const rounds = Number(process.env.BENCH_MERGE_ROUNDS ?? 3);
  const analyzer = createAnalyzer();
  const source = corpusRows({ kind: 'growing' });
  const t0 = cpu();
  const states = [];
  for (let k = 0; k < count; k++) {
    const builder = createReportBuilder({ maxVocabulary: 10_000, meta: reportMeta(analyzer) });
    for (let i = 0; i < rows; i++) {
      const r = source.next().value;
      const v = { id: r.id, text: r.commentaire, channel: normalizeChannel(r.canal || undefined, analyzer.lexicon.channels), date: r.date };
      if (r.note !== '') v.score = r.note;
      builder.add(analyzeVerbatim(v, analyzer));
    }
    states.push({ name: `chunk ${k + 1}`, state: createRunState(builder.snapshot(), analyzer, { report: { maxVocabulary: 10_000 } }) });
  }
  const bytes = states.reduce((s, x) => s + stringifyRunState(x.state).length, 0);
  console.log(`${count} states of ${rows} growing rows (${(bytes / 1e6).toFixed(1)} MB of JSON), built in ${((cpu() - t0) / 1000).toFixed(1)} s; ${rounds} rounds, CPU time`);
  const times = { baseline: [], merger: [] };
  let same = true;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['baseline', 'merger'] : ['merger', 'baseline'];
    const out = {};
    for (const which of order) {
      const t = cpu();
      out[which] = which === 'baseline' ? states.slice(1).reduce((a, b) => mergeReportStates(a, b.state.state), structuredClone(states[0].state.state)) : mergeRunStates(states).state;
      times[which].push(cpu() - t);
    }
    same &&= JSON.stringify(out.baseline) === JSON.stringify(out.merger);
  }
  const [b, m] = [median(times.baseline), median(times.merger)];
  console.log(`baseline (pure merges, a left fold)  ${b.toFixed(0).padStart(7)} ms`);
  console.log(`mergeRunStates (added in place)      ${m.toFixed(0).padStart(7)} ms   ratio ${(m / b).toFixed(3)}   same state: ${same ? 'yes' : 'NO'}`);
}
