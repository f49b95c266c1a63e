// Discovery against the analysis it sits on (issue 12: discover on 100k
// verbatims costs no more than twice analyze on the same input), in one run,
// in-process, on the rows of bench/gen-corpus.mjs:
//   analyze   analyzeVerbatim() of every verbatim, nothing kept (the floor)
//   report    analyzeVerbatim() + createReportBuilder().add(), then snapshot + finalizeReport
//             (what `verbatim analyze` does past the reading)
//   discover  analyzeVerbatim() + createDiscoverBuilder().add(), then snapshot + finalizeDiscover
//             (what `verbatim discover` does past the reading; it builds the core figures too)
// Figures are process CPU time (user + system); the passes are interleaved per
// round (analyze, report, discover) and the ratio is the median over rounds of
// discover / report in the same round. Target: ≤ 2.
//
// Env: BENCH_DISCOVER_VERBATIMS (default 100,000), BENCH_DISCOVER_KIND (growing |
// sample, default growing), BENCH_DISCOVER_ROUNDS (default 1).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusRows } from './gen-corpus.mjs';
import { cpuMs as cpu } from './_clock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export default async function run() {
  const api = await import(pathToFileURL(join(root, 'dist/index.js')).href);
  const n = Number(process.env.BENCH_DISCOVER_VERBATIMS ?? 100_000);
  const kind = process.env.BENCH_DISCOVER_KIND ?? 'growing';
  const rounds = Number(process.env.BENCH_DISCOVER_ROUNDS ?? 1);
  const analyzer = api.createAnalyzer();
  const rows = corpusRows({ kind });
  const docs = [];
  for (let i = 0; i < n; i += 1) {
    const r = rows.next().value;
    const v = { id: r.id, text: r.commentaire, channel: api.normalizeChannel(r.canal || undefined, analyzer.lexicon.channels), date: r.date };
    if (r.note !== '') v.score = Number(r.note);
    docs.push(v);
  }
  const passes = {
    analyze(docs) {
      let sink = 0;
      for (const d of docs) sink += api.analyzeVerbatim(d, analyzer).matches.length;
      return sink;
    },
    report(docs) {
      const builder = api.createReportBuilder();
      for (const d of docs) builder.add(api.analyzeVerbatim(d, analyzer));
      return api.finalizeReport(builder.snapshot()).summary.analysed;
    },
    discover(docs) {
      const report = api.createReportBuilder({ sections: [api.coreSection()] });
      const builder = api.createDiscoverBuilder();
      for (const d of docs) {
        const a = api.analyzeVerbatim(d, analyzer);
        report.add(a);
        builder.add(a);
      }
      api.finalizeReport(report.snapshot(), { sections: [api.coreSection()] });
      return api.finalizeDiscover(builder.snapshot()).topics.length;
    },
  };
  // Warm-up: code optimised, memos (stems, language) filled, before any figure.
  for (const pass of Object.values(passes)) pass(docs.slice(0, Math.min(2000, n)));
  const times = { analyze: [], report: [], discover: [] };
  let topics = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, pass] of Object.entries(passes)) {
      const t0 = cpu();
      const out = pass(docs);
      times[name].push(cpu() - t0);
      if (name === 'discover') topics = out;
    }
  }
  const ms = (name) => median(times[name]);
  const ratio = median(times.discover.map((d, i) => d / times.report[i]));
  console.log(`${n.toLocaleString('en')} verbatims (${kind}), ${rounds} round(s), CPU ms (median):`);
  for (const name of Object.keys(passes)) console.log(`  ${name.padEnd(9)} ${ms(name).toFixed(0).padStart(8)} ms  ${((n / ms(name)) * 1000).toFixed(0).padStart(7)} verbatims/s`);
  console.log(`  discover past the analysis: ${(ms('discover') - ms('analyze')).toFixed(0)} ms; report past it: ${(ms('report') - ms('analyze')).toFixed(0)} ms; ${topics} topics`);
  console.log(`  discover / analyze+report: ${ratio.toFixed(2)}× (target ≤ 2) ${ratio <= 2 ? 'ok' : 'OVER'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
