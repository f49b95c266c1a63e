// Instructions a verbatim costs, counted by valgrind: a figure that does not move with the
// machine's load. On a shared machine two runs of the same code differ by 5–20 % in CPU time,
// which hides most single changes; the count of instructions executed does not.
//
//   npm run build && node bench/instructions.mjs [--kind growing|sample] [--phase both|analyze]
//                                                [--rows 2000] [--warm 6000] [--against OTHER/dist] [--repeat 1]
//
// For each build (this one's dist/, and the one given with --against), two processes under
// `valgrind --tool=cachegrind`, Node made repeatable: --single-threaded (the compiler and the
// garbage collector work on the main thread, all of it counted, none of it racing),
// --predictable-gc-schedule (no collection timed by the clock, which valgrind slows) and fixed
// hash and random seeds (the same tables, probed the same way). Two runs of one build then
// differ by about half a per cent, against 5–20 % for CPU time on this shared machine; but now
// and then a pair of processes lands apart from the others (with the report's adds, 2–8 % in three
// of six sets of three, bench/README.md), so claims are made on the median of --repeat 3.
// Both analyse `warm` rows (the code optimised, the memos filled), then one analyses `rows`
// more; the difference, divided by `rows`, is what a row costs once warm (with --phase both,
// its analysis and its addition to a report by batches of 256, as the CLI does, the report the
// warm-up's: its tables full, as in a long run). With
// --against, the ratio of the two builds (this one over the other).
//
// What it does not see: a cache miss costs as much as an instruction here, and the text layer's
// hash tables are mostly misses on large vocabularies; a change that trades instructions for
// memory traffic must still be timed (npm run bench). Each process takes about a minute
// (valgrind runs Node some 40 times slower); a build's two run side by side.
// Not part of `npm run bench`: valgrind is a developer's tool (skipped, said, when absent).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const probe = join(root, 'bench/_instructions-probe.mjs');

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'growing' },
    phase: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '2000' },
    warm: { type: 'string', default: '6000' },
    against: { type: 'string' },
    repeat: { type: 'string', default: '1' },
  },
});

/** The instructions valgrind counted in one probe process. */
function count(dist, measure) {
  return new Promise((done, fail) => {
    const env = { ...process.env, DIST: dist, KIND: values.kind, PHASE: values.phase, ROWS: values.rows, WARM: values.warm, MEASURE: measure ? '1' : '0' };
    const child = spawn('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable-gc-schedule', '--hash-seed=1', '--random-seed=1', probe], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || m === null) fail(new Error(`valgrind exited ${code}: ${err.slice(-800)}`));
      else done(Number((m[1] ?? '').replaceAll(',', '')));
    });
  });
}

export default async function instructions() {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('valgrind not found: skipped (Debian: apt-get install valgrind)');
    return;
  }
  if (!['growing', 'sample'].includes(values.kind) || !['both', 'analyze'].includes(values.phase)) {
    throw new Error('--kind is growing or sample, --phase both or analyze');
  }
  const builds = [join(root, 'dist'), ...(values.against === undefined ? [] : [resolve(values.against)])];
  for (const dist of builds) if (!existsSync(join(dist, 'index.js'))) throw new Error(`${dist}/index.js not found: build it first (npm run build)`);
  const rows = Number(values.rows);
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat is a whole number of 1 or more');
  console.log(`${rows} ${values.kind} rows after ${values.warm} of warm-up, ${values.phase === 'both' ? 'analysis and report' : 'analysis'}; valgrind, node made repeatable`);
  // A build's two processes side by side, one build after the other, `repeat` times (the builds alternate):
  // the median (the lower middle for an even count) sets aside a pair that landed apart.
  const perRow = builds.map(() => []);
  for (let r = 0; r < repeat; r++) {
    for (const [b, dist] of builds.entries()) {
      const [without, measured] = await Promise.all([count(dist, false), count(dist, true)]);
      perRow[b].push((measured - without) / rows);
    }
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)] ?? 0;
  const figure = (x) => Math.round(x).toLocaleString('en');
  builds.forEach((dist, b) => console.log(`  ${dist}: ${figure(median(perRow[b]))} instructions a row${repeat > 1 ? ` (median of ${perRow[b].map(figure).join(', ')})` : ''}`));
  if (builds.length === 2) console.log(`  this build / the other: ${(median(perRow[0]) / median(perRow[1])).toFixed(3)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await instructions();
