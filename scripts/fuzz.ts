// npm run fuzz -- --seed N --count N [--formats csv,json,...] [--out DIR] [--only INDEX] [--small] [--times FILE.jsonl]
//
// Generates malformed CSV/TSV/JSONL/JSON/XLSX files and lexicons
// (test/fuzz/cases.ts), runs the CLI on each in-process through main(), and
// checks every run (test/fuzz/run.ts): a documented exit code, a message and
// never a stack trace on stderr, nothing on stdout on failure, every record
// analysed or rejected once, nothing written for a refused input. Time is
// compared across files per MB and per record (test/fuzz/timing.ts): a run
// much slower than the others of its kind is run again, and reported if it
// still is. A sample of cases also runs as a
// real process (the built bin) to compare exit codes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FUZZ_FORMATS, fuzzCases, type FuzzCase, type FuzzFormat } from '../test/fuzz/cases.js';
import { argvIn, runCase, STACK, writeCase, type CaseResult } from '../test/fuzz/run.js';
import { LARGE_BYTES, slowRuns } from '../test/fuzz/timing.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '1000' },
    formats: { type: 'string', default: FUZZ_FORMATS.join(',') },
    out: { type: 'string' },
    only: { type: 'string' },
    'spawn-every': { type: 'string', default: '200' },
    timeout: { type: 'string', default: '300' },
    'slow-factor': { type: 'string', default: '10' },
    small: { type: 'boolean', default: false },
    times: { type: 'string' },
  },
});

const seed = Number(values.seed);
const count = Number(values.count);
const formats = values.formats.split(',').map((f) => f.trim()) as FuzzFormat[];
const unknown = formats.filter((f) => !(FUZZ_FORMATS as readonly string[]).includes(f));
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1 || unknown.length > 0 || formats.length === 0) {
  process.stderr.write(`usage: npm run fuzz -- --seed N --count N [--formats ${FUZZ_FORMATS.join(',')}] [--out DIR] [--only INDEX]\n`);
  process.exit(2);
}
const only = values.only === undefined ? undefined : Number(values.only);
const spawnEvery = Number(values['spawn-every']);
const timeoutMs = Number(values.timeout) * 1000;
const slowFactor = Number(values['slow-factor']);
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'dist/cli/bin.js');
const work = mkdtempSync(join(tmpdir(), 'verbatim-fuzz-'));
const outDir = values.out === undefined ? undefined : resolve(values.out);
const small = values.small;
const replay = (index: number): string => `npm run fuzz -- --seed ${seed} --formats ${formats.join(',')}${small ? ' --small' : ''} --only ${index}`;

interface Spawned {
  index: number;
  problems: string[];
}

/** The case run again as a real process on the built bin: same exit code, no stack trace. */
function spawnCase(c: FuzzCase, inProcess: CaseResult): Spawned {
  const dir = join(work, `spawn-${c.index}`);
  writeCase(c, dir);
  const run = spawnSync(process.execPath, [bin, ...argvIn(c, dir)], { encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  rmSync(dir, { recursive: true, force: true });
  const problems: string[] = [];
  const code = run.status ?? `signal ${run.signal}`;
  if (code !== inProcess.code) problems.push(`spawned: exit ${code}, in-process ${inProcess.code}`);
  if (STACK.test(run.stderr)) problems.push(`spawned: stack trace on stderr`);
  if (run.status !== 0 && run.stdout !== '') problems.push(`spawned: exit ${code} with output on stdout`);
  return { index: c.index, problems };
}

function save(c: FuzzCase, result: CaseResult, dir: string): void {
  if (!outDir) return;
  const target = join(outDir, `seed-${seed}-case-${c.index}`);
  mkdirSync(target, { recursive: true });
  cpSync(dir, target, { recursive: true });
  writeFileSync(
    join(target, 'case.json'),
    `${JSON.stringify({ seed, formats, index: c.index, replay: replay(c.index), label: c.label, argv: result.argv, code: result.code, ms: Math.round(result.ms), problems: result.problems, stderr: result.stderr.slice(0, 4000) }, null, 2)}\n`,
  );
}

const started = Date.now();
const results: CaseResult[] = [];
const spawned: Spawned[] = [];
const spawnable = existsSync(bin);
process.stderr.write(`fuzz: seed ${seed}, ${only !== undefined ? `case ${only}` : `${count} files`}, formats ${formats.join(',')}; work folder ${work}\n`);
if (!spawnable && spawnEvery > 0) process.stderr.write('fuzz: dist/cli/bin.js missing (npm run build): no case is spawned as a process\n');

for (const c of fuzzCases(seed, count, { formats, small, ...(only !== undefined && { only }) })) {
  const dir = join(work, `case-${c.index}`);
  const result = await runCase(c, dir, { timeoutMs });
  results.push(result);
  if (spawnable && spawnEvery > 0 && (only !== undefined || c.index % spawnEvery === 0)) {
    const s = spawnCase(c, result);
    spawned.push(s);
    result.problems.push(...s.problems);
  }
  if (result.problems.length > 0) save(c, result, dir);
  if (only !== undefined) {
    process.stdout.write(`${JSON.stringify({ index: c.index, label: c.label, argv: result.argv, code: result.code, ms: Math.round(result.ms), bytes: result.bytes, problems: result.problems }, null, 2)}\nstderr:\n${result.stderr}\nfiles kept in ${dir}\n`);
  } else rmSync(dir, { recursive: true, force: true });
  if (only === undefined && (c.index + 1) % 100 === 0) {
    const failed = results.filter((r) => r.problems.length > 0).length;
    const { rss, heapUsed } = process.memoryUsage();
    process.stderr.write(`fuzz: ${c.index + 1}/${count} files, ${failed} failing, ${Math.round((Date.now() - started) / 1000)} s, heap ${Math.round(heapUsed / 1e6)} MB, rss ${Math.round(rss / 1e6)} MB\n`);
  }
}

// Time: runs far slower per MB (and per record) than the others are run once more; the faster of the two counts.
const slow: CaseResult[] = [];
let rerun = 0;
if (only === undefined) {
  for (const { result, limit, by } of slowRuns(results, slowFactor)) {
    rerun++;
    const c = [...fuzzCases(seed, count, { formats, small, only: result.index })][0]!;
    const dir = join(work, `again-${c.index}`);
    const again = await runCase(c, dir, { timeoutMs, reader: false });
    result.ms = Math.min(result.ms, again.ms);
    if (result.ms > limit) {
      slow.push(result);
      result.problems.push(`slow: ${Math.round(result.ms)} ms for ${(result.size / 1024).toFixed(0)} KB${result.records !== undefined ? ` (${result.records} records)` : ''}, over ${Math.round(limit)} ms (${slowFactor}× the median time per ${by === 'bytes' ? 'MB' : 'MB and per record'}), twice`);
      save(c, result, dir);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
if (only === undefined) rmSync(work, { recursive: true, force: true });

// Each run's time, for a look at how time grows with size.
if (values.times !== undefined) {
  const pick = ({ index, format, argv, sizeClass, bytes, size, records, ms, code }: CaseResult) => ({ index, format, argv, sizeClass, bytes, size, records, ms: Math.round(ms), code });
  writeFileSync(resolve(values.times), results.map((r) => JSON.stringify(pick(r))).join('\n') + '\n');
}

// Summary.
const seconds = (Date.now() - started) / 1000;
const failing = results.filter((r) => r.problems.length > 0);
const perFormat = new Map<string, { files: number; failed: number; bytes: number; large: number; records: number }>();
for (const r of results) {
  const f = perFormat.get(r.format) ?? { files: 0, failed: 0, bytes: 0, large: 0, records: 0 };
  f.files++;
  f.bytes += r.bytes;
  f.records += r.records ?? 0;
  if (r.size >= LARGE_BYTES) f.large++;
  if (r.problems.length > 0) f.failed++;
  perFormat.set(r.format, f);
}
const exits = new Map<string, number>();
for (const r of results) exits.set(String(r.code), (exits.get(String(r.code)) ?? 0) + 1);
const lines = [
  `fuzz: seed ${seed}, ${results.length} files in ${seconds.toFixed(0)} s, ${failing.length} failing`,
  ...[...perFormat].map(([format, f]) => `  ${format.padEnd(8)} ${String(f.files).padStart(6)} files  ${(f.bytes / 1024 / 1024).toFixed(1).padStart(7)} MB  ${String(f.large).padStart(4)} over 64 KB  ${String(f.records).padStart(8)} records  ${f.failed} failing`),
  `  exit codes: ${[...exits].sort().map(([code, n]) => `${code}: ${n}`).join(', ')}`,
  `  spawned as processes: ${spawned.length}${spawned.some((s) => s.problems.length > 0) ? `, ${spawned.filter((s) => s.problems.length > 0).length} differing` : ''}`,
  `  slowest per MB: ${results
    .filter((r) => r.size >= LARGE_BYTES)
    .sort((a, b) => b.ms / b.size - a.ms / a.size)
    .slice(0, 3)
    .map((r) => `#${r.index} ${r.format} ${(r.size / 1024).toFixed(0)} KB in ${(r.ms / 1000).toFixed(1)} s`)
    .join('; ') || 'no file over 64 KB'}`,
  `  time: ${rerun} runs over the limit run again, ${slow.length} over it twice`,
  ...failing.slice(0, 50).flatMap((r) => [`  FAIL #${r.index} ${r.label}`, ...r.problems.slice(0, 4).map((p) => `       ${p}`), `       replay: ${replay(r.index)}`]),
  ...(failing.length > 50 ? [`  … and ${failing.length - 50} more`] : []),
  ...(failing.length > 0 && outDir ? [`  failing files written to ${outDir}`] : []),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failing.length > 0 ? 1 : 0;
