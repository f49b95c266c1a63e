// Whole analysis, this build against an earlier build, in one process and one run.
//
//   BENCH_BASELINE=/path/to/baseline/dist npm run bench baseline
//
// Build the baseline once into a temporary folder, e.g. for 166b642 (before
// issue 8's lemmas, misspellings, English layer, modality, implied complaints):
//   mkdir /tmp/vfr-base && git archive 166b642 | tar -x -C /tmp/vfr-base
//   (cd /tmp/vfr-base && npm ci && npm run build)
//   BENCH_BASELINE=/tmp/vfr-base/dist npm run bench baseline
//
// Both `dist/index.js` are loaded side by side; each gets one createAnalyzer()
// with the default options (language detection on) and analyses the texts of
// corpora/sample.csv, repeated to BENCH_BASELINE_VERBATIMS (default 20,000),
// through analyzeVerbatim (plain analyze on builds without it). Passes alternate
// new, old, old, new, … so a change of load on the shared machine hits both
// alike; the figure is process CPU time (process.cpuUsage, user + system, GC
// threads included), not wall time. Reported: median and spread of the
// per-round ratio new/old, and createAnalyzer() CPU time new/old (first call,
// then the median of repeated calls). BENCH_BASELINE_FRENCH=1 keeps only the
// texts detected as French (the English layer left out of the figure).
// After the headline, a breakdown by language (BENCH_BASELINE_SPLIT=0 turns it
// off): the texts this build detects as English and the others, each repeated
// into passes of their own (BENCH_BASELINE_SPLIT_VERBATIMS, default 1,000),
// interleaved the same way, so that the cost of the English layer is seen
// apart. Without BENCH_BASELINE it does nothing.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseSync } from 'csv-parse/sync';
import { cpuMs as cpu } from './_clock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 2) => x.toFixed(d);

function sampleRows() {
  return parseSync(readFileSync(join(root, 'corpora/sample.csv')), { bom: true, delimiter: ';', columns: true });
}
const sampleTexts = () => sampleRows().map((r) => r.commentaire);

function corpus(size, keep = () => true) {
  const rows = sampleRows().filter((r) => keep(r.commentaire));
  const docs = [];
  for (let i = 0; i < size; i += 1) {
    const r = rows[i % rows.length];
    docs.push({ id: `B${i}`, text: r.commentaire, channel: r.canal });
  }
  return docs;
}

async function load(dist) {
  const mod = await import(pathToFileURL(join(resolve(dist), 'index.js')).href);
  const run = mod.analyzeVerbatim ?? mod.analyze;
  return { mod, run, via: mod.analyzeVerbatim !== undefined ? 'analyzeVerbatim' : 'analyze' };
}

/** One pass over the corpus: CPU ms, and a checksum of what was found (same texts, so it must not drift between passes). */
function pass(build, analyzer, docs) {
  const t0 = cpu();
  let found = 0;
  for (const d of docs) {
    const a = build.run(d, analyzer);
    found += a.matches.length + a.irritants.length;
  }
  return { ms: cpu() - t0, found };
}

export default async function bench() {
  const baseline = process.env.BENCH_BASELINE;
  if (baseline === undefined || baseline === '') {
    console.log('skipped: set BENCH_BASELINE=/path/to/baseline/dist (see the head of bench/baseline.bench.mjs)');
    return undefined;
  }
  const size = Number(process.env.BENCH_BASELINE_VERBATIMS ?? 20_000);
  const rounds = Number(process.env.BENCH_BASELINE_ROUNDS ?? 8);
  const builds = { new: await load(join(root, 'dist')), old: await load(baseline) };
  // BENCH_BASELINE_FRENCH=1: only the texts this build detects as French (no English layer in the figure).
  const frenchOnly = process.env.BENCH_BASELINE_FRENCH === '1';
  const probe = frenchOnly ? builds.new.mod.createAnalyzer() : undefined;
  const docs = corpus(size, frenchOnly ? (text) => builds.new.run({ id: '', text }, probe).language === 'fra' : undefined);
  console.log(`${docs.length} verbatims (corpora/sample.csv${frenchOnly ? ', French texts only,' : ''} repeated), ${rounds} rounds, CPU time; baseline ${resolve(baseline)}`);
  console.log(`new via ${builds.new.via}, old via ${builds.old.via}`);

  // createAnalyzer(): the first call (module-level tables built on first use) and repeated calls, alternated.
  const first = {};
  const analyzers = {};
  for (const name of ['new', 'old']) {
    const t0 = cpu();
    analyzers[name] = builds[name].mod.createAnalyzer();
    first[name] = cpu() - t0;
  }
  const build = { new: [], old: [] };
  for (let r = 0; r < 5; r += 1) {
    for (const name of r % 2 === 0 ? ['new', 'old'] : ['old', 'new']) {
      const t0 = cpu();
      builds[name].mod.createAnalyzer();
      build[name].push(cpu() - t0);
    }
  }
  console.log(
    `createAnalyzer CPU ms: new first ${fmt(first.new, 0)}, repeated ${fmt(median(build.new), 0)}; ` +
      `old first ${fmt(first.old, 0)}, repeated ${fmt(median(build.old), 0)}; ` +
      `ratio new/old first ${fmt(first.new / first.old)}, repeated ${fmt(median(build.new) / median(build.old))}`,
  );

  // Warm-up pass each: JIT, memos, lazily built layers (English).
  const found = {};
  for (const name of ['new', 'old']) found[name] = pass(builds[name], analyzers[name], docs).found;
  const times = { new: [], old: [] };
  const ratios = [];
  for (let r = 0; r < rounds; r += 1) {
    const order = r % 2 === 0 ? ['new', 'old'] : ['old', 'new'];
    const t = {};
    for (const name of order) {
      const p = pass(builds[name], analyzers[name], docs);
      if (p.found !== found[name]) throw new Error(`${name}: results drifted between passes`);
      t[name] = p.ms;
      times[name].push(p.ms);
    }
    ratios.push(t.new / t.old);
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  for (const name of ['new', 'old']) {
    const ms = median(times[name]);
    console.log(`${name}: median ${fmt(ms, 0)} CPU ms per pass, ${fmt((docs.length / ms) * 1000, 0)} verbatims/CPU s (passes ${times[name].map((x) => fmt(x, 0)).join(', ')})`);
  }
  console.log(
    `ratio CPU new/old, whole analysis: median ${fmt(median(ratios))}, min ${fmt(sorted[0])}, max ${fmt(sorted[sorted.length - 1])} ` +
      `(per round ${ratios.map((x) => fmt(x)).join(' ')}; target <= 1.10)`,
  );
  const split = process.env.BENCH_BASELINE_SPLIT === '0' ? undefined : splitByLanguage(builds, analyzers, Math.max(2, Math.ceil(rounds / 2)));
  return { ratios, times, first, build, split };
}

/** Per-verbatim CPU time of each build on the English texts and on the others, in passes of their own. */
function splitByLanguage(builds, analyzers, rounds) {
  const size = Number(process.env.BENCH_BASELINE_SPLIT_VERBATIMS ?? 1_000);
  const english = new Set(sampleTexts().filter((text) => builds.new.run({ id: '', text }, analyzers.new).language === 'eng'));
  const out = {};
  for (const [group, keep] of [['English', (text) => english.has(text)], ['other', (text) => !english.has(text)]]) {
    const distinct = sampleTexts().filter(keep).length;
    const docs = corpus(size, keep);
    if (docs.length === 0) continue;
    for (const name of ['new', 'old']) pass(builds[name], analyzers[name], docs);
    const perDoc = { new: [], old: [] };
    for (let r = 0; r < rounds; r += 1) {
      for (const name of r % 2 === 0 ? ['new', 'old'] : ['old', 'new']) perDoc[name].push(pass(builds[name], analyzers[name], docs).ms / docs.length);
    }
    out[group] = { texts: distinct, new: median(perDoc.new), old: median(perDoc.old) };
  }
  const parts = Object.entries(out).map(
    ([group, g]) => `${group} (${g.texts} texts of the sample): new ${fmt(g.new * 1000, 0)} µs, old ${fmt(g.old * 1000, 0)} µs per verbatim, ratio ${fmt(g.new / g.old)}`,
  );
  console.log(`by language, CPU per verbatim (median of ${rounds} rounds): ${parts.join('; ')}`);
  return out;
}
