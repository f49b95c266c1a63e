import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isWorkerSetup } from '../run/protocol.js';
import { usableCores } from '../run/machine.js';
import { capMainYoungGeneration, keepYoungGenerations, scavengeAlone, setHeapGrowth, setYoungGenerationGrowth, stopParallelScavenges, stopPretenuring, V8_SEMI_SPACE_GROWTH } from './heap.js';

/** The analysis workers' script: the worker entry built next to the bin (dist/cli/worker.js), or the bin itself. */
function workerScript(): string {
  const worker = fileURLToPath(new URL('worker.js', import.meta.url));
  return existsSync(worker) ? worker : fileURLToPath(import.meta.url);
}

// The same file serves as the analysis worker of `verbatim analyze --workers N`.
// Each side imports only what it runs: a worker never loads the commands, and a
// command loads its own modules when it runs (a cold `verbatim tokenize` reads
// no CSV reader, report renderer or queue code).
if (!isMainThread && parentPort && isWorkerSetup(workerData)) {
  const port = parentPort;
  const { runAnalysisWorker } = await import('../run/worker.js');
  void runAnalysisWorker(workerData, port);
} else {
  // Young generations kept small while the modules load (they never shrink back); main() lets them grow, capped while worker threads analyse.
  keepYoungGenerations(process.env);
  // Before any worker thread starts: a batch's analyses are not to be allocated as if they were long-lived.
  stopPretenuring(process.env);
  const [{ main, reportError }, { installProcessGuards }, { setLateTierUp }] = await Promise.all([import('./main.js'), import('./process.js'), import('./jit.js')]);
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
  const debug = process.argv.includes('--debug');
  const run = installProcessGuards((error) => reportError(error, io, debug));
  main(process.argv.slice(2), io, {
    workerScript: workerScript(),
    setHeapGrowth: (percent) => void setHeapGrowth(percent),
    capYoungGenerations: (cap) => void (cap ? capMainYoungGeneration() : setYoungGenerationGrowth(V8_SEMI_SPACE_GROWTH)),
    setLateTierUp: () => void setLateTierUp(),
    tuneScavenges: (threads) => void (scavengeAlone(threads, usableCores()) && stopParallelScavenges()),
  }).then(run.done, (error: unknown) => run.done(reportError(error, io, debug)));
}
