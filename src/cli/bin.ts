import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runAnalysisWorker } from '../io/analyze-files.js';
import { main } from './main.js';

// The same file serves as the analysis worker of `verbatim analyze --workers N`.
if (!isMainThread && parentPort && (workerData as { kind?: string } | null)?.kind === 'verbatim-fr-analysis-worker') {
  void runAnalysisWorker(workerData, parentPort);
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 70;
    },
  );
}
