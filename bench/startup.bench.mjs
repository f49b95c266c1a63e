// What a process pays before its first verbatim: createAnalyzer() with the
// default lexicons, the English layer, and the CLI on a one-row CSV. Measured
// in fresh processes (every CLI run and every worker thread starts cold), with
// the tries the build stores next to the bundle (dist/default-matchers.bin)
// against a copy of the bundle without them, which compiles the tries as every
// process did before; interleaved, median of each. Also the sizes that the
// store and the generated data add to the package and to a browser bundle (first load and
// the data loaded on demand).
// Then the two start-ups issue 11 sets targets for, cold, in fresh processes:
// `verbatim tokenize "bonjour"` (≤ 0.5 s) and an analysis worker of
// `verbatim analyze --workers N` ready to analyse (≤ 0.2 s: from `new Worker`
// on the script the CLI gives its workers, dist/cli/worker.js or else the bin,
// to the reply to a first batch of one verbatim), against another build's
// dist/ in the same run when BENCH_STARTUP_BASELINE names one.
// Last, a short run (most runs are: a month of reviews, a survey wave, a pipeline's new batch): the CLI
// on 10,000 and on 20,000 rows of the growing export, one worker, against the one-row run. What the
// second 10,000 rows cost is the steady rate; what the first cost beyond it and the start-up is the
// warm-up (V8's optimising compiler, on its own threads, and each word's first sighting), all three
// with V8's own policy (VERBATIM_JIT=off: the one-row file alone is small enough for the CLI's
// later one). Then small inputs, which the CLI analyses with a later optimisation (src/cli/jit.ts):
// the sample corpus and 5,000 growing rows, as by default and with VERBATIM_JIT=off, interleaved.
// Run: npm run bench startup (BENCH_STARTUP_RUNS, default 7; BENCH_STARTUP_BASELINE;
// BENCH_STARTUP_SHORT_ROWS, default 10,000, 0 skips the short run; BENCH_STARTUP_SHORT_RUNS, default 3)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { AT_EXIT, atExit } from './_clock.mjs';
import { generateCorpus } from './gen-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const STORE = 'default-matchers.bin';
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
const SHORT_ROWS = Number(process.env.BENCH_STARTUP_SHORT_ROWS ?? 10_000);
const SHORT_RUNS = Number(process.env.BENCH_STARTUP_SHORT_RUNS ?? 3);

/** dist/ without the store, inside the repository so that packages still resolve from node_modules. */
function bundleWithoutStore() {
  const out = join(root, 'bench', 'out', 'startup-no-store');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'cli'), { recursive: true });
  for (const f of readdirSync(dist)) if (/\.(js|cjs)$/.test(f)) copyFileSync(join(dist, f), join(out, f));
  // The CLI's bin and its chunks (dist/cli/chunk-*.js, one a command).
  for (const f of readdirSync(join(dist, 'cli'))) if (f.endsWith('.js')) copyFileSync(join(dist, 'cli', f), join(out, 'cli', f));
  return out;
}

/** createAnalyzer() and the English layer in a fresh process: CPU milliseconds of each, and whether the tries were stored. */
const PROBE = `
const lib = await import(process.argv[1]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const a = lib.createAnalyzer();
const fr = cpu() - t;
t = cpu();
const en = a.english();
console.log(JSON.stringify({ fr, en: cpu() - t, stored: a.compiled.stored && en.compiled.stored }));
`;

function probe(bundle) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, pathToFileURL(join(bundle, 'index.js')).href], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/**
 * `verbatim analyze FILE --format json` (and `options`): wall and CPU milliseconds, its main thread's
 * (both printed at exit: its own process.cpuUsage, /proc on Linux), and its report.
 */
function cli(bundle, csv, options = [], env = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', AT_EXIT, join(bundle, 'cli', 'bin.js'), 'analyze', csv, '--format', 'json', ...options], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(run.stderr);
  const printed = atExit(run.stderr);
  return { wall, cpu: printed?.cpuMs ?? NaN, main: printed?.mainMs ?? NaN, out: run.stdout };
}

/** `verbatim tokenize bonjour` in a fresh process: wall and CPU milliseconds. */
function tokenizeCold(bundle) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', AT_EXIT, join(bundle, 'cli', 'bin.js'), 'tokenize', 'bonjour'], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(run.stderr);
  return { wall, cpu: atExit(run.stderr)?.cpuMs ?? NaN };
}

/**
 * An analysis worker as `verbatim analyze --workers N` starts it (the bin as the worker script), in a fresh
 * process: milliseconds from `new Worker` to the reply to a first batch of one verbatim, posted at once, wall and
 * CPU (the process', the parent only waiting).
 */
const WORKER_PROBE = `
const { Worker } = await import('node:worker_threads');
const setup = { kind: 'verbatim-fr-analysis-worker', lexicons: [], includeDefault: true, sectors: [], defaultLanguage: 'fra', allTurns: false, corpus: {}, returnAnalyses: false, describe: false };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const started = performance.now();
const cpu0 = cpu();
const worker = new Worker(process.argv[1], { workerData: setup, execArgv: [] });
worker.postMessage({ type: 'batch', seq: 0, verbatims: [{ id: 'w1', text: 'Colis arrivé en retard, personne pour répondre.' }] });
worker.on('message', (m) => {
  if (m.type === 'error') throw new Error(m.message);
  if (m.type !== 'batch') return;
  // The parent waits meanwhile: the process' CPU is the worker's start-up.
  console.log(JSON.stringify({ ready: performance.now() - started, cpu: cpu() - cpu0 }));
  void worker.terminate();
});
`;
function workerReady(bundle) {
  // The script the CLI starts its workers on: the worker entry (dist/cli/worker.js) when the build has one, else the bin.
  const script = existsSync(join(bundle, 'cli', 'worker.js')) ? join(bundle, 'cli', 'worker.js') : join(bundle, 'cli', 'bin.js');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', WORKER_PROBE, script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/**
 * Minified and gzipped size of the browser entry built from src/ as the browser build bundles it
 * (packages left out: our code and data only): what loads first, and the data chunks loaded on demand.
 */
async function browserSize() {
  const { build } = await import('esbuild');
  const { browserData } = await import('../scripts/browser-data.mjs');
  const r = await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    bundle: true,
    splitting: true,
    outdir: join(root, 'bench', 'out', 'startup-browser'),
    minify: true,
    format: 'esm',
    platform: 'browser',
    packages: 'external',
    plugins: [browserData],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [entry, ...lazy] = r.outputFiles.filter((f) => f.path.endsWith('.js')).sort((a, b) => Number(b.path.endsWith('/index.js')) - Number(a.path.endsWith('/index.js')));
  const inputs = Object.entries(Object.values(r.metafile.outputs).find((o) => o.entryPoint !== undefined).inputs);
  const data = inputs.filter(([k]) => k.startsWith('src/data/')).reduce((n, [, v]) => n + v.bytesInOutput, 0);
  const store = inputs.filter(([k]) => k.includes('lexicon/store')).reduce((n, [, v]) => n + v.bytesInOutput, 0);
  const lazyBytes = Buffer.concat(lazy.map((f) => f.contents));
  return { min: entry.contents.length, gzip: gzipSync(entry.contents).length, data, store, lazyMin: lazyBytes.length, lazyGzip: gzipSync(lazyBytes).length };
}

export default async function bench() {
  if (!existsSync(join(dist, STORE))) {
    console.log(`no dist/${STORE}: run npm run build first`);
    return;
  }
  const bare = bundleWithoutStore();
  const csv = join(root, 'bench', 'out', 'startup-one-row.csv');
  writeFileSync(csv, '\uFEFFid;date;canal;note;commentaire\r\nB1;2025-03-02;Avis Google;2;Colis arrivé avec dix jours de retard et personne au service client pour répondre.\r\n');
  const with_ = { fr: [], en: [], wall: [], cpu: [] };
  const without = { fr: [], en: [], wall: [], cpu: [] };
  let same = true;
  let reference;
  for (let i = 0; i < RUNS; i += 1) {
    for (const [bundle, into, stored] of [[dist, with_, true], [bare, without, false]]) {
      const p = probe(bundle);
      if (p.stored !== stored) throw new Error(`${bundle}: expected stored=${stored}, got ${p.stored}`);
      into.fr.push(p.fr);
      into.en.push(p.en);
      const run = cli(bundle, csv);
      into.wall.push(run.wall);
      into.cpu.push(run.cpu);
      reference ??= run.out;
      same &&= run.out === reference;
    }
  }
  const row = (label, a, b) => console.log(`${label.padEnd(46)} ${median(b).toFixed(0).padStart(6)} ms -> ${median(a).toFixed(0).padStart(5)} ms  (ratio ${(median(a) / median(b)).toFixed(2)})`);
  console.log(`fresh processes, median of ${RUNS}; compiled at run time -> stored at build`);
  row('createAnalyzer(), default lexicons, CPU', with_.fr, without.fr);
  row('English layer (first English verbatim), CPU', with_.en, without.en);
  row('verbatim analyze one-row.csv, CPU', with_.cpu, without.cpu);
  row('verbatim analyze one-row.csv, wall', with_.wall, without.wall);
  console.log(`CLI reports identical with and without the store: ${same}`);
  console.log(`store dist/${STORE}: ${kb(statSync(join(dist, STORE)).size)} (${kb(gzipSync(readFileSync(join(dist, STORE))).length)} gzip, as in the npm tarball)`);
  const size = await browserSize();
  console.log(`browser entry (src/index.ts, packages external): ${kb(size.min)} min, ${kb(size.gzip)} gzip; generated data ${kb(size.data)} min of it; store reader ${kb(size.store)} min`);
  console.log(`  default lexicon data loaded on demand (loadDefaultLexicons): ${kb(size.lazyMin)} min, ${kb(size.lazyGzip)} gzip`);
  rmSync(bare, { recursive: true, force: true });
  rmSync(csv, { force: true });

  // Issue 11's start-up targets, this build (and another, interleaved).
  const baseline = process.env.BENCH_STARTUP_BASELINE;
  const builds = [['this build', dist], ...(baseline ? [[`baseline ${baseline}`, baseline]] : [])];
  const figures = builds.map(() => ({ wall: [], cpu: [], worker: [], workerCpu: [] }));
  for (let i = 0; i < RUNS; i += 1) {
    builds.forEach(([, bundle], b) => {
      const t = tokenizeCold(bundle);
      figures[b].wall.push(t.wall);
      figures[b].cpu.push(t.cpu);
      const w = workerReady(bundle);
      figures[b].worker.push(w.ready);
      figures[b].workerCpu.push(w.cpu);
    });
  }
  console.log(`\ncold start-ups, fresh processes, median (min-max) of ${RUNS}; targets (issue 11): tokenize ≤ 500 ms, a worker ready ≤ 200 ms`);
  const spread = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
  builds.forEach(([label], b) => {
    console.log(`${label}: verbatim tokenize bonjour wall ${spread(figures[b].wall)}, CPU ${spread(figures[b].cpu)}; worker ready (new Worker -> first batch of one analysed) wall ${spread(figures[b].worker)}, CPU ${spread(figures[b].workerCpu)}`);
  });
  if (SHORT_ROWS > 0) {
    await shortRuns();
    await smallInputs();
  }
}

/** A short run against a run twice as long and a one-row run: the start-up, the warm-up and the steady rate. */
async function shortRuns() {
  const dir = join(root, 'bench', 'out', 'startup-short');
  mkdirSync(dir, { recursive: true });
  const sizes = [1, SHORT_ROWS, 2 * SHORT_ROWS];
  // The same stream of rows (seed and all): the longer file starts with the shorter one's rows.
  const files = [];
  for (const rows of sizes) {
    const file = join(dir, `growing-${rows}.csv`);
    await generateCorpus({ kind: 'growing', rows, out: file, stats: false });
    files.push(file);
  }
  const cpu = sizes.map(() => []);
  const main = sizes.map(() => []);
  for (let i = 0; i < SHORT_RUNS; i += 1) {
    files.forEach((file, k) => {
      // V8's own policy for all three: the one-row run alone is small enough for the CLI to optimise later.
      const r = cli(dist, file, ['--workers', '1', '--out', join(dir, 'report.json')], { VERBATIM_JIT: 'off' });
      cpu[k].push(r.cpu);
      main[k].push(r.main);
    });
  }
  rmSync(dir, { recursive: true, force: true });
  const [one, short, long] = cpu.map(median);
  const steady = (long - short) / SHORT_ROWS;
  const warmUp = short - one - steady * SHORT_ROWS;
  const n = (x) => x.toLocaleString('en-US');
  console.log(`\nshort runs: verbatim analyze on growing rows (bench/gen-corpus.mjs), one worker, JSON report, VERBATIM_JIT=off; median of ${SHORT_RUNS}, CPU of the process (of its main thread; the rest is V8's other threads: the optimising compiler, the collector's helpers)`);
  sizes.forEach((rows, k) => console.log(`  ${n(rows).padStart(6)} row${rows === 1 ? " " : "s"}: ${median(cpu[k]).toFixed(0).padStart(6)} ms (main thread ${Number.isNaN(median(main[k])) ? 'unknown' : `${median(main[k]).toFixed(0)} ms`})`));
  console.log(
    `  the second ${n(SHORT_ROWS)} rows: ${((steady * 1000) | 0)} µs a row; the first ${n(SHORT_ROWS)}: ${(((short - one) / SHORT_ROWS) * 1000) | 0} µs a row beyond the one-row run, of which warm-up ${warmUp.toFixed(0)} ms (${((warmUp / short) * 100).toFixed(0)} % of the ${n(SHORT_ROWS)}-row run; start-up ${((one / short) * 100).toFixed(0)} %)`,
  );
}

/** The CLI on small inputs as it runs them (V8 asked to optimise later) and with V8's own policy: CPU, main thread, wall. */
async function smallInputs() {
  const dir = join(root, 'bench', 'out', 'startup-small');
  mkdirSync(dir, { recursive: true });
  const growing = join(dir, 'growing-5000.csv');
  await generateCorpus({ kind: 'growing', rows: 5_000, out: growing, stats: false });
  const files = [join(root, 'corpora', 'sample.csv'), growing];
  const modes = [
    ['default', {}],
    ['VERBATIM_JIT=off', { VERBATIM_JIT: 'off' }],
  ];
  const runs = files.map(() => modes.map(() => ({ cpu: [], main: [], wall: [] })));
  for (let i = 0; i < SHORT_RUNS; i += 1) {
    files.forEach((file, k) =>
      modes.forEach(([, env], j) => {
        const r = cli(dist, file, ['--workers', '1', '--out', join(dir, 'report.json')], env);
        runs[k][j].cpu.push(r.cpu);
        runs[k][j].main.push(r.main);
        runs[k][j].wall.push(r.wall);
      }),
    );
  }
  const sizes = files.map((file) => statSync(file).size / 1e6);
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nsmall inputs (≤ 1 MB: the CLI asks V8 to optimise later), one worker, JSON report; median of ${SHORT_RUNS}: CPU of the process, of its main thread, wall`);
  files.forEach((file, k) => {
    const [late, off] = runs[k].map((r) => ({ cpu: median(r.cpu), main: median(r.main), wall: median(r.wall) }));
    const ms = (x) => `${x.cpu.toFixed(0)} / ${Number.isNaN(x.main) ? '?' : x.main.toFixed(0)} / ${x.wall.toFixed(0)} ms`;
    console.log(
      `  ${file === growing ? '5,000 growing rows' : 'corpora/sample.csv'} (${sizes[k].toFixed(2)} MB): default ${ms(late)}, VERBATIM_JIT=off ${ms(off)}; ratio CPU ${(late.cpu / off.cpu).toFixed(2)}, wall ${(late.wall / off.wall).toFixed(2)}`,
    );
  });
}
