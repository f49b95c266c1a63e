// The whole CLI (dist/cli/bin.js, in a child process) on generated exports of
// growing size, both kinds of bench/gen-corpus.mjs: `sample` (the texts of
// corpora/sample.csv repeated: the vocabulary stops growing) and `growing` (Zipf
// words over a Heaps-law vocabulary: new words and 2-/3-word sequences keep coming,
// as in real exports). Each file is analysed with --workers 1 and --workers 2,
// `--format json --out FILE`. Reported per run: rows/s and MB/s (wall), wall and
// CPU seconds, rows per CPU second, peak RSS of the process (worker threads
// included), and the wall time a linear projection gives for 1 GB.
//
// CPU time and peak RSS come from the child itself at exit (process.cpuUsage and
// process.resourceUsage().maxRSS, printed by an --import hook); while it runs, the
// bench also reads /proc/<pid>/status (VmHWM) and /proc/<pid>/stat (utime + stime)
// every half second, so that a run killed by the heap limit or the timeout still
// has its figures (then marked as lower bounds).
//
// Targets (issue 11): 1 GB in ≤ 4 minutes on two cores, ≤ 300 MB peak RSS per process.
//
// `verbatim discover` reads the same exports with BENCH_MEMORY_COMMANDS=analyze,discover
// (its memory must stay bounded too: a bottom-k sample, and a report of which it reads
// only the summary).
//
// Env: BENCH_MB (default "5,20"; the big ones: BENCH_MB=100,1000), BENCH_MEMORY_KINDS
// (default "sample,growing"; `stores` is the growing kind with BENCH_STORES store codes,
// default 2,000, as channels: memory must not grow with them), BENCH_MEMORY_WORKERS (default "1,2"),
// BENCH_MEMORY_TIMEOUT (seconds per CLI run, default 1800 or 4 s per MB, whichever is
// more), BENCH_MEMORY_DIR (where the generated files go, default the system temp folder;
// a 1 GB run needs 1 GB free). After the runs of one file with 1 and N workers, a line
// gives the speed-up in wall time (what the user waits), the CPU each row costs
// with N workers against 1 (what the threads add: messages, merging, idle spinning,
// and V8 compiling the same code once per thread), the cores one worker's run keeps
// busy (V8's helper threads compile and collect beside it), and the most N workers
// can gain on N cores with that CPU: N × the one-worker wall / the N-worker CPU.
// On Linux each run also gets its CPU by thread (/proc/<pid>/task, sampled every half
// second): the main thread, the N busiest others (the workers), and the rest (V8's
// helper threads, which compile and collect garbage for every thread with a heap).
// The 1 GB run: BENCH_MB=1000 (5.2 M rows of the growing kind).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCorpus, generateCorpus } from './gen-corpus.mjs';
import { AT_EXIT, atExit } from './_clock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist/cli/bin.js');
const TARGET = { seconds1GB: 240, rssMB: 300 };

const list = (value, fallback) => (value ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/** CPU seconds in a /proc `stat` line (a process' or a thread's): utime + stime, the 12th and 13th fields after the command name (which may hold spaces), in clock ticks of 1/100 s. */
function cpuOfStat(stat) {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds of each thread of a running process (by thread id), from
 * /proc/<pid>/task; undefined once it is gone. The threads Node starts for V8
 * (compilation, parallel and concurrent garbage collection) are there beside the
 * main thread and the workers: they are how a one-worker run keeps more than one
 * core busy.
 */
function probeThreads(pid) {
  try {
    const out = new Map();
    for (const tid of readdirSync(`/proc/${pid}/task`)) out.set(Number(tid), cpuOfStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The CPU by thread at the last sample: the main thread (the process' own id), the
 * `workers` busiest others (the analysis workers, when there are any), and the rest
 * (V8's helper threads, libuv's pool).
 */
function threadSplit(threads, pid, workers) {
  if (threads.size === 0) return undefined;
  const main = threads.get(pid) ?? 0;
  const others = [...threads].filter(([tid]) => tid !== pid).map(([, cpu]) => cpu).sort((a, b) => b - a);
  const busiest = workers > 1 ? others.slice(0, workers) : [];
  const helpers = others.slice(busiest.length).reduce((a, b) => a + b, 0);
  return { main, workers: busiest, helpers };
}

/** Peak RSS (MB) and CPU seconds of a running process, from /proc; undefined once it is gone. */
function probeProc(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    return { hwm, cpu: cpuOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8')) };
  } catch {
    return undefined;
  }
}

function runCli(command, file, workers, out, timeoutSeconds) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', AT_EXIT, bin, command, file, '--format', 'json', '--workers', String(workers), '--out', out, '--no-progress'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let err = '';
    let polled = { hwm: 0, cpu: 0 };
    // Every thread seen, at its last sample: a worker's thread ends before the process does.
    const threads = new Map();
    let timedOut = false;
    const poll = setInterval(() => {
      const p = probeProc(child.pid);
      if (p !== undefined) polled = { hwm: Math.max(polled.hwm, p.hwm), cpu: Math.max(polled.cpu, p.cpu) };
      for (const [tid, cpu] of probeThreads(child.pid) ?? []) threads.set(tid, cpu);
    }, 500);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 1e5) err = err.slice(-5e4);
    });
    child.on('error', (error) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const wall = (performance.now() - started) / 1000;
      const printed = atExit(err);
      const own = printed ? { cpu: printed.cpuMs / 1000, rss: printed.rssMB } : undefined;
      const outcome = timedOut ? `timeout after ${timeoutSeconds} s` : /heap limit|out of memory/i.test(err) ? 'heap limit' : code === 0 ? 'ok' : `exit ${code ?? signal}`;
      resolve({
        wall,
        cpu: own?.cpu ?? polled.cpu,
        rss: Math.max(own?.rss ?? 0, polled.hwm),
        outcome,
        exact: own !== undefined,
        threads: threadSplit(threads, child.pid, workers),
        stderr: outcome === 'ok' ? '' : err.trim().split('\n').slice(-3).join(' | '),
      });
    });
  });
}

export default async function bench() {
  const sizes = list(process.env.BENCH_MB, '5,20').map(Number).filter((n) => n > 0);
  const kinds = list(process.env.BENCH_MEMORY_KINDS, 'sample,growing');
  const workerCounts = list(process.env.BENCH_MEMORY_WORKERS, '1,2').map(Number);
  const commands = list(process.env.BENCH_MEMORY_COMMANDS, 'analyze');
  const timeoutFor = (mb) => Number(process.env.BENCH_MEMORY_TIMEOUT ?? Math.max(1800, 4 * mb));
  const dir = mkdtempSync(join(process.env.BENCH_MEMORY_DIR ?? tmpdir(), 'verbatim-bench-memory-'));
  console.log(`targets (issue 11): 1 GB in ≤ ${TARGET.seconds1GB} s wall on two cores, peak RSS ≤ ${TARGET.rssMB} MB per process`);
  console.log('command | kind | MB | rows | workers | rows/s | MB/s | wall s | CPU s | rows/CPU s | peak RSS MB | 1 GB at this rate | outcome | load before');
  const results = [];
  try {
    for (const kind of kinds) {
      for (const mb of sizes) {
        const file = join(dir, `corpus-${kind}-${mb}.csv`);
        // `stores`: the growing kind with its channel column holding BENCH_STORES store codes (default 2,000).
        const corpus = await generateCorpus(kind === 'stores' ? { kind: 'growing', stores: Number(process.env.BENCH_STORES ?? 2000), mb, out: file } : { kind, mb, out: file });
        console.log(`# ${kind} ${mb} MB: ${describeCorpus(corpus)}`);
        const size = corpus.bytes / 1e6;
        for (const command of commands) {
          for (const workers of workerCounts) {
            const before = load();
            const run = await runCli(command, file, workers, join(dir, 'report.json'), timeoutFor(mb));
            const bound = run.exact ? '' : '≥';
            const projected = (1000 / size) * run.wall;
            results.push({ command, kind, mb, workers, rows: corpus.rows, ...run });
            console.log(
              [
                command,
                kind,
                size.toFixed(0),
                corpus.rows,
                workers,
                run.outcome === 'ok' ? Math.round(corpus.rows / run.wall) : '-',
                run.outcome === 'ok' ? (size / run.wall).toFixed(2) : '-',
                run.wall.toFixed(1),
                bound + run.cpu.toFixed(1),
                run.outcome === 'ok' ? Math.round(corpus.rows / run.cpu) : '-',
                `${bound}${run.rss.toFixed(0)}${run.rss > TARGET.rssMB ? ' (over)' : ''}`,
                run.outcome === 'ok' ? `${(projected / 60).toFixed(1)} min${projected > TARGET.seconds1GB ? ' (over)' : ''}` : '-',
                run.outcome,
                before,
              ].join(' | '),
            );
            if (run.stderr) console.log(`  ${run.stderr.slice(0, 300)}`);
            // Read every half second: the last half second of the run is missing.
            if (run.threads !== undefined) {
              const t = run.threads;
              const busiest = t.workers.length > 0 ? `, workers ${t.workers.map((c) => c.toFixed(1)).join(' + ')} s` : '';
              console.log(`  CPU by thread (to the last half-second sample): main ${t.main.toFixed(1)} s${busiest}, V8's helper threads and others ${t.helpers.toFixed(1)} s`);
            }
          }
          const one = results.find((r) => r.command === command && r.kind === kind && r.mb === mb && r.workers === 1 && r.outcome === 'ok');
          for (const r of results.filter((x) => x.command === command && x.kind === kind && x.mb === mb && x.workers > 1 && x.outcome === 'ok' && one)) {
            // The best wall time N workers can have on N cores is their CPU over N; the one-worker run's wall is
            // already below its CPU (V8 compiles and collects on helper threads), so the cap is N·wall₁ / CPU_N.
            console.log(
              `  ${command}, ${r.workers} workers / 1: wall speed-up ×${(one.wall / r.wall).toFixed(2)}, CPU per row ×${(r.cpu / one.cpu).toFixed(2)}, cores used by one worker ${(one.cpu / one.wall).toFixed(2)} (speed-up on ${r.workers} cores at most ×${((r.workers * one.wall) / r.cpu).toFixed(2)})`,
            );
          }
        }
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
