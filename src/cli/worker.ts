import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isWorkerSetup } from '../run/protocol.js';
import { runAnalysisWorker } from '../run/worker.js';

// The analysis worker of `verbatim analyze --workers N` and `verbatim discover
// --workers N` (bin.ts names this file as the pool's script). Built as one
// file (tsup.config.ts) holding only what a worker runs: a worker thread starts
// cold, and resolving, reading and compiling the CLI's twenty-odd shared
// chunks cost it about 20 ms more than one file. The bin still serves as a
// worker for a script that names it.
if (!isMainThread && parentPort && isWorkerSetup(workerData)) void runAnalysisWorker(workerData, parentPort);
