import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isWorkerSetup } from '../run/protocol.js';
import { runAnalysisWorker } from '../run/worker.js';
import { main, reportError, type CliIo } from './main.js';
import { installProcessGuards } from './process.js';

// The same file serves as the analysis worker of `verbatim analyze --workers N`.
if (!isMainThread && parentPort && isWorkerSetup(workerData)) {
  void runAnalysisWorker(workerData, parentPort);
} else {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
  const debug = process.argv.includes('--debug');
  const run = installProcessGuards((error) => reportError(error, io, debug));
  main(process.argv.slice(2), io).then(run.done, (error: unknown) => run.done(reportError(error, io, debug)));
}
