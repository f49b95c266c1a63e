// The worker side of `analyzeFiles({ workers })`: compile the lexicons once,
// say so (and, for the first worker, what the analyser is), analyse each
// batch, keep a report state, and send it back at the end.
import { createAnalyzer } from '../analyze/index.js';
import { rememberSource, unplaced } from '../lexicon/source.js';
import { addStoredMatchers } from '../lexicon/store.js';
import { coreSection, createReportBuilder, reportMeta } from '../report/index.js';
import { analyzeRows } from './batch.js';
import { errorText, writeWorkerStates, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';

/** The worker's end of the channel (`parentPort` in a worker thread). */
export interface WorkerPort {
  on(event: 'message', fn: (m: ToWorker) => void): unknown;
  postMessage(m: FromWorker, transfer?: ArrayBuffer[]): void;
}

/**
 * The worker side of `analyzeFiles({ workers })`: call it from the worker
 * script when `isWorkerSetup(workerData)` (the `verbatim` CLI's bin does).
 */
export async function runAnalysisWorker(setup: unknown, port: WorkerPort): Promise<void> {
  const s = setup as WorkerSetup;
  try {
    // The tries the run's thread compiled for its layers: read, not compiled again.
    if (s.matchers !== undefined) addStoredMatchers(s.matchers);
    // The layers come checked by the run's thread: each is told its file again (the one thing a copy loses), no position.
    for (const { file, data } of s.lexicons) rememberSource(data, unplaced(file));
    // What only some setups need is imported when they do (a worker starts cold): the discovery builder, the analyser's id.
    const analyzer = createAnalyzer({
      lexicons: s.lexicons.map(({ data }) => data),
      includeDefault: s.includeDefault,
      sectors: s.sectors,
      defaultLanguage: s.defaultLanguage,
    });
    const meta = reportMeta(analyzer);
    const accumulator = createReportBuilder({ ...s.corpus, meta, ...(s.coreOnly === true ? { sections: [coreSection()] } : {}) });
    const discovery = s.discover === undefined ? undefined : (await import('../discover/discover.js')).createDiscoverBuilder(s.discover);
    const analyzerId = s.describe ? (await import('./run-state.js')).analyzerId : undefined;
    port.on('message', (message) => {
      try {
        if (message.type === 'finish') {
          const bytes = writeWorkerStates(discovery === undefined ? { state: accumulator.snapshot() } : { state: accumulator.snapshot(), discover: discovery.snapshot() });
          port.postMessage({ type: 'state', bytes }, [bytes]);
          return;
        }
        // The whole batch is analysed, then added: each phase keeps its own tables and code in the CPU caches (`analyzeRows`).
        const { analyses } = analyzeRows(message.verbatims, (verbatim) => verbatim, analyzer, { allTurns: s.allTurns });
        accumulator.addAll(analyses);
        for (const analysis of analyses) discovery?.add(analysis);
        port.postMessage(s.returnAnalyses ? { type: 'batch', seq: message.seq, analyses } : { type: 'batch', seq: message.seq });
      } catch (error) {
        port.postMessage({ type: 'error', message: errorText(error) });
      }
    });
    port.postMessage(
      analyzerId !== undefined
        ? {
            type: 'ready',
            analyzer: { channels: [...analyzer.lexicon.channels], meta, id: analyzerId(analyzer, s.allTurns), defaultLanguage: analyzer.options.defaultLanguage },
          }
        : { type: 'ready' },
    );
  } catch (error) {
    port.postMessage({ type: 'error', message: errorText(error) });
  }
}
