// Throughput per core of each layer, as ratios against a bare one-regex tokenizer
// (lowercase + one Unicode word regex, match-all: the floor) over the same texts,
// in one run (the targets of issue 11):
//   text            tokenize()                                    target ≥ 0.5×
//   text + stem     tokenize() + stem() of every word (as bench/text.bench.mjs)
//   analyze         analyzeVerbatim(), language detection on     target ≥ 0.05×
//   analyze no-lang analyzeVerbatim(), detectLanguage: false
//   analyze+report  analyzeVerbatim() + createReportBuilder().add(), then snapshot + finalizeReport
//   analyze+report batches  batches of 256 analysed, then added by addAll(), as the CLI does (no finalize;
//                   the CLI's word budget, 10,000 a table; analyze+report counts exactly, the API's default)
//   CLI             `verbatim analyze FILE.csv --workers 1 --format json` in a child process,
//                   on a CSV of the same texts (its process CPU time, start-up included)
//                                                                 target ≥ 0.20×
// All figures are process CPU time (process.cpuUsage: user + system, GC threads
// included), not wall time: the machine is shared. Passes are interleaved
// (bare, text, …, bare, text, …) and each ratio is the median over rounds of
// bare CPU / layer CPU in the same round, so that a change of load hits all alike.
//
// Then the heap allocated per verbatim by each layer, in a child process run with
// --expose-gc and a 256 MB young generation: gc(), heapUsed before and after a pass
// with no collection inside (checked with a PerformanceObserver on gc), divided by
// the verbatims of the pass; the smallest of three such passes, after two warm-up
// passes (memos filled, code optimised). Noise: about ±0.5 KB.
//
// Env: BENCH_THROUGHPUT_VERBATIMS (default 60,000: the texts of corpora/sample.csv
// repeated), BENCH_THROUGHPUT_KIND (sample | growing, see bench/gen-corpus.mjs; with
// growing, every pass reads the next rows of the stream, never the same texts twice),
// BENCH_THROUGHPUT_ROUNDS (default 3), BENCH_THROUGHPUT_CLI_RUNS (default 1),
// BENCH_THROUGHPUT_ALLOC (verbatims per allocation pass, default 1,000; 0 skips it).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusRows, describeCorpus, generateCorpus } from './gen-corpus.mjs';
import { AT_EXIT, atExit, cpuMs as cpu } from './_clock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist/cli/bin.js');
const distUrl = pathToFileURL(join(root, 'dist/index.js')).href;

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The next `n` rows of the corpus (from its start by default) as verbatims, the channel normalised as the readers do. */
const channelTables = new WeakMap();
function verbatims(api, kind, n, rows = corpusRows({ kind })) {
  if (!channelTables.has(api)) channelTables.set(api, api.createAnalyzer({ detectLanguage: false }).lexicon.channels);
  const channels = channelTables.get(api);
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const r = rows.next().value;
    const v = { id: r.id, text: r.commentaire, channel: api.normalizeChannel(r.canal || undefined, channels), date: r.date };
    if (r.note !== '') v.score = r.note;
    out.push(v);
  }
  return out;
}

/**
 * Each layer: a function over all verbatims returning a checksum (so nothing is
 * optimised away). `finalize: false` leaves snapshot + finalizeReport out of analyze+report.
 */
function layers(api, { finalize = true } = {}) {
  const withLanguage = api.createAnalyzer();
  const withoutLanguage = api.createAnalyzer({ detectLanguage: false });
  return {
    bare(docs) {
      let sink = 0;
      for (const d of docs) {
        const words = d.text.toLowerCase().match(WORD) ?? [];
        sink += words.length;
        for (const w of words) sink += w.length;
      }
      return sink;
    },
    text(docs) {
      let sink = 0;
      for (const d of docs) for (const t of api.tokenize(d.text)) sink += t.norm.length;
      return sink;
    },
    'text+stem'(docs) {
      let sink = 0;
      for (const d of docs) for (const t of api.tokenize(d.text)) sink += t.kind === 'word' ? api.stem(t.norm).length : t.norm.length;
      return sink;
    },
    analyze(docs) {
      let sink = 0;
      for (const d of docs) sink += api.analyzeVerbatim(d, withLanguage).matches.length;
      return sink;
    },
    'analyze no-lang'(docs) {
      let sink = 0;
      for (const d of docs) sink += api.analyzeVerbatim(d, withoutLanguage).matches.length;
      return sink;
    },
    'analyze+report'(docs) {
      const builder = api.createReportBuilder();
      let sink = 0;
      for (const d of docs) {
        const a = api.analyzeVerbatim(d, withLanguage);
        builder.add(a);
        sink += a.matches.length;
      }
      if (!finalize) return sink;
      const t0 = cpu();
      const report = api.finalizeReport(builder.snapshot());
      lastFinalize = cpu() - t0;
      return sink + report.summary.analysed;
    },
    // As the CLI runs: a batch of 256 analysed, then added section by section (src/run/batch.ts),
    // to word tables of the CLI's default budget (`--vocabulary`, src/run/vocabulary.ts).
    'analyze+report batches'(docs) {
      const builder = api.createReportBuilder({ maxVocabulary: 10_000 });
      let sink = 0;
      for (let i = 0; i < docs.length; i += 256) {
        const analyses = docs.slice(i, i + 256).map((d) => api.analyzeVerbatim(d, withLanguage));
        builder.addAll(analyses);
        for (const a of analyses) sink += a.matches.length;
      }
      return sink;
    },
  };
}
let lastFinalize = 0;

const TARGETS = { text: 0.5, analyze: 0.05, CLI: 0.2 };

function runCli(csv, out) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', AT_EXIT, bin, 'analyze', csv, '--format', 'json', '--workers', '1', '--out', out, '--no-progress'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const own = atExit(err);
      if (code !== 0 || own === undefined) reject(new Error(`verbatim analyze exited ${code}: ${err.slice(0, 500)}`));
      else resolve({ cpu: own.cpuMs, wall: performance.now() - started, rss: own.rssMB });
    });
  });
}

// The allocation probe, run in a child with --expose-gc and a large young generation.
const ALLOC_PROBE = `
import { PerformanceObserver, performance } from 'node:perf_hooks';
const [distUrl, benchUrl, kind, n] = process.argv.slice(1);
const api = await import(distUrl);
const bench = await import(benchUrl);
const rows = (await import(new URL('./gen-corpus.mjs', benchUrl).href)).corpusRows({ kind });
// A growing vocabulary: every pass on texts never seen (the word memos stay cold, as in a real run).
const first = bench.verbatims(api, kind, Number(n), rows);
const next = () => (kind === 'growing' ? bench.verbatims(api, kind, Number(n), rows) : first);
const all = bench.layers(api, { finalize: false });
const gcs = [];
new PerformanceObserver((list) => gcs.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
const tick = () => new Promise((r) => setTimeout(r, 5));
const out = {};
for (const [name, run] of Object.entries(all)) {
  run(next()); // two warm-up passes: JIT (optimised code and its feedback allocate too), memos, lazily built layers
  run(next());
  // The smallest of three passes without a collection inside: background work (compilation) only adds.
  let best;
  let collected = 0;
  for (let pass = 0; pass < 3; pass += 1) {
    const docs = next();
    gc();
    await tick();
    const t0 = performance.now();
    const h0 = process.memoryUsage().heapUsed;
    run(docs);
    const h1 = process.memoryUsage().heapUsed;
    const t1 = performance.now();
    await tick();
    if (gcs.some((e) => e.startTime >= t0 && e.startTime <= t1)) collected += 1;
    else best = Math.min(best ?? Infinity, (h1 - h0) / docs.length);
  }
  out[name] = { bytes: best ?? NaN, collections: collected };
}
console.log(JSON.stringify(out));
`;

function allocation(kind, n) {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', '--min-semi-space-size=256', '--max-semi-space-size=256', '--input-type=module', '-e', ALLOC_PROBE, distUrl, import.meta.url, kind, String(n)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`allocation probe exited ${code}: ${err.slice(0, 500)}`))));
  });
}

export { layers, verbatims };

export default async function bench() {
  const n = Number(process.env.BENCH_THROUGHPUT_VERBATIMS ?? 60_000);
  const kind = process.env.BENCH_THROUGHPUT_KIND ?? 'sample';
  const rounds = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 3);
  const cliRuns = Number(process.env.BENCH_THROUGHPUT_CLI_RUNS ?? 1);
  const allocN = Number(process.env.BENCH_THROUGHPUT_ALLOC ?? 1_000);
  const api = await import(distUrl);
  const rows = corpusRows({ kind });
  const docs = verbatims(api, kind, n, rows);
  // sample: every pass on the same texts (they repeat every 496 rows anyway). growing: every
  // pass of every layer on the next n rows, never seen, so that the word memos stay as cold as
  // in a real run; the ratios then compare rates on slices of the same stream.
  const fresh = kind === 'growing';
  const slice = () => (fresh ? verbatims(api, kind, n, rows) : docs);
  const megabytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0) / 1e6;
  const all = layers(api);
  const names = Object.keys(all);
  console.log(`${n} verbatims (${kind}: ${kind === 'sample' ? 'corpora/sample.csv repeated' : 'bench/gen-corpus.mjs, seed 11, new rows for every pass'}), ${megabytes.toFixed(1)} MB of text, ${rounds} rounds, CPU time; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  // Warm-up on a slice: JIT, memos, the English layer.
  const warm = docs.slice(0, Math.min(docs.length, 5_000));
  for (const name of names) all[name](warm);

  const times = Object.fromEntries(names.map((name) => [name, []]));
  const ratios = Object.fromEntries(names.map((name) => [name, []]));
  const finalize = [];
  const sinks = {};
  for (let r = 0; r < rounds; r += 1) {
    const t = {};
    for (const name of r % 2 === 0 ? names : [...names].reverse()) {
      const pass = slice();
      const t0 = cpu();
      const sink = all[name](pass);
      t[name] = cpu() - t0;
      if (name === 'analyze+report') {
        finalize.push(lastFinalize);
        t[name] -= lastFinalize; // the per-verbatim cost; finalize is reported apart
      }
      if (!fresh && sinks[name] !== undefined && sinks[name] !== sink) throw new Error(`${name}: results drifted between rounds`);
      sinks[name] = sink;
      times[name].push(t[name]);
    }
    for (const name of names) ratios[name].push(t.bare / t[name]);
  }

  // The CLI on a CSV of the same rows, in a child process (one worker: the analysis runs in its main thread).
  const dir = join(root, 'bench', 'out', 'throughput');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `corpus-${kind}-${n}.csv`);
  const generated = await generateCorpus({ kind, rows: n, out: csv, stats: false });
  const cli = [];
  try {
    for (let i = 0; i < cliRuns; i += 1) cli.push(await runCli(csv, join(dir, 'report.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bareMs = median(times.bare);
  const cliCpu = median(cli.map((c) => c.cpu));

  const line = (label, ms, ratio, target) => {
    const perSecond = (n / ms) * 1000;
    const rate = perSecond >= 1e5 ? `${(perSecond / 1e3).toFixed(0)}k` : perSecond.toFixed(0);
    const goal = target === undefined ? '' : `   target ≥ ${target.toFixed(2)}× ${ratio >= target ? 'met' : `(${(target / ratio).toFixed(1)}× to go)`}`;
    console.log(`${label.padEnd(22)} ${ms.toFixed(0).padStart(7)} CPU ms  ${rate.padStart(7)} verbatims/CPU s  ${(megabytes / ms * 1000).toFixed(2).padStart(7)} MB/CPU s  ratio ${ratio.toFixed(4).padStart(7)}×${goal}`);
  };
  for (const name of names) line(name, median(times[name]), median(ratios[name]), TARGETS[name]);
  console.log(`finalizeReport (snapshot + finalize, after analyze+report): ${median(finalize).toFixed(0)} CPU ms`);
  line('CLI --workers 1', cliCpu, bareMs / cliCpu, TARGETS.CLI);
  console.log(`CLI: ${describeCorpus(generated)}; wall ${(median(cli.map((c) => c.wall)) / 1000).toFixed(1)} s, peak RSS ${median(cli.map((c) => c.rss)).toFixed(0)} MB (start-up included in its CPU time)`);

  let alloc;
  if (allocN > 0) {
    alloc = await allocation(kind, allocN);
    const parts = Object.entries(alloc).map(([name, a]) => `${name} ${Number.isNaN(a.bytes) ? 'unknown (a GC in every pass: lower BENCH_THROUGHPUT_ALLOC)' : `${(a.bytes / 1024).toFixed(1)} KB`}`);
    console.log(`heap allocated per verbatim (${allocN} verbatims, smallest of 3 passes without a GC, after two warm-up passes; report: add only): ${parts.join(', ')}`);
  }
  return { times, ratios, cli, alloc };
}

