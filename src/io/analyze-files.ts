import { analyzeVerbatim, createAnalyzer } from '../analyze/index.js';
import type { Analyzer } from '../analyze/index.js';
import {
  chatSection,
  createCooccurrenceAccumulator,
  createJourneyAccumulator,
  createReportBuilder,
  createScoresAccumulator,
  createTrendsAccumulator,
  finalizeCooccurrence,
  finalizeJourney,
  finalizeKeyness,
  finalizeReport,
  finalizeScores,
  finalizeTrends,
  keynessStateFromReport,
  reportMeta,
} from '../report/index.js';
import type { Insight, Report, ReportReject, ReportSection } from '../report/index.js';
import { readVerbatims } from './read.js';
import { createAnnotationWriter, writeRejects } from './write.js';
import type { ColumnOptions, InputSpec, ReadReject } from './types.js';

export interface AnalyzeFilesOptions {
  /** Compiled lexicons (default: `createAnalyzer()`, the default French lexicons). */
  analyzer?: Analyzer;
  columns?: ColumnOptions;
  examples?: number;
  topWords?: number;
  maskPersonalData?: boolean;
  /** Analyse agent turns of chat transcripts too (default false: customer turns only). */
  allTurns?: boolean;
  period?: 'month' | 'week';
  scale?: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  /** Write one row per input row here (.csv or .jsonl): its coding, or `skipped` with the reason. */
  annotate?: string;
  /** Write skipped rows here (CSV). */
  rejects?: string;
  /** Extra report sections. */
  sections?: readonly ReportSection[];
  onProgress?: (rows: number) => void;
}

export interface AnalyzeFilesResult {
  /** The per-channel report, with `sections.chat` and `sections.insight`. */
  report: Report;
}

/**
 * Reads exported files (CSV/TSV/JSON/JSONL/XLSX), analyses every verbatim and
 * builds the report: what `verbatim analyze` does, for Node scripts and
 * notebooks. Every input row ends analysed or rejected (`report.summary`).
 */
export async function analyzeFiles(files: Array<string | InputSpec>, options: AnalyzeFilesOptions = {}): Promise<AnalyzeFilesResult> {
  const analyzer = options.analyzer ?? createAnalyzer();
  const meta = reportMeta(analyzer);
  const reportOptions = {
    meta,
    ...(options.examples !== undefined ? { examples: options.examples } : {}),
    ...(options.topWords !== undefined ? { topWords: options.topWords } : {}),
    ...(options.maskPersonalData !== undefined ? { maskPersonalData: options.maskPersonalData } : {}),
    scoreScale: options.scale === 'nps' || options.scale === 'stars' ? options.scale : ('auto' as const),
    sections: [chatSection(), ...(options.sections ?? [])],
  };
  const builder = createReportBuilder(reportOptions);
  // Insight accumulators; keyness is read off the report's own word tables at the end.
  const insight = [createScoresAccumulator(), createCooccurrenceAccumulator(), createTrendsAccumulator(), createJourneyAccumulator()] as const;
  const [scores, cooccurrence, trends, journey] = insight;
  const annotations = options.annotate ? await createAnnotationWriter(options.annotate) : undefined;
  // Rejects stream to their file as they come: a badly mapped file can reject millions of rows.
  const rejects = options.rejects ? queue<ReadReject>() : undefined;
  const rejectsWritten = rejects && options.rejects ? writeRejects(rejects, options.rejects) : undefined;
  const inputs: InputSpec[] = files.map((f) => (typeof f === 'string' ? { path: f, ...options.columns } : { ...options.columns, ...f }));
  let pending = 0;
  try {
    for await (const item of readVerbatims(inputs, { channels: analyzer.lexicon.channels })) {
      if (item.type === 'reject') {
        const reject: ReportReject = { source: item.source, reason: item.reason, hint: item.hint };
        builder.reject(reject);
        rejects?.push(item);
        if (annotations) await annotations.skip(item);
      } else {
        const analysis = analyzeVerbatim(item.verbatim, analyzer, { allTurns: options.allTurns === true });
        builder.add(analysis);
        for (const accumulator of insight) accumulator.add(analysis);
        if (annotations) await annotations.write(analysis, item.source);
      }
      if (++pending === 500) {
        options.onProgress?.(pending);
        pending = 0;
      }
    }
    options.onProgress?.(pending);
  } finally {
    rejects?.end();
    await annotations?.close();
    await rejectsWritten;
  }
  const state = builder.snapshot();
  const report = finalizeReport(state, reportOptions);
  const result: Insight = {
    scores: finalizeScores(scores.state(), { scale: options.scale ?? 'auto' }),
    keyness: finalizeKeyness(keynessStateFromReport(state)),
    cooccurrence: finalizeCooccurrence(cooccurrence.state()),
    trends: finalizeTrends(trends.state(), { period: options.period ?? 'month' }),
    journey: finalizeJourney(journey.state(), { entries: meta.entries ?? {} }),
  };
  report.sections.insight = result;
  return { report };
}


/** A push-fed async iterable: the consumer drains it while the producer goes on. */
function queue<T>(): AsyncIterable<T> & { push(item: T): void; end(): void } {
  const items: T[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(item) {
      items.push(item);
      signal();
    },
    end() {
      ended = true;
      signal();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (items.length > 0) yield items.shift() as T;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
