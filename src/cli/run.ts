import { createInsightBuilder, createReportBuilder, finalizeInsight, finalizeReport } from '../index.js';
import type { Analyzer, Report, ReportMeta, ReportReject, ReportSection } from '../index.js';
import { analyzeVerbatim } from '../analyze/transcript.js';
import { chatSection } from '../report/sections.js';
import { createAnnotationWriter, readVerbatims, writeRejects } from '../io/index.js';
import type { ColumnOptions, InputSpec, ReadReject } from '../io/index.js';

export interface RunAnalysisOptions {
  columns?: ColumnOptions;
  examples?: number;
  topWords?: number;
  maskPersonalData?: boolean;
  /** Analyse agent turns of chat transcripts too (default false: customer turns only). */
  allTurns?: boolean;
  period?: 'month' | 'week';
  scale?: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  /** Write one row per analysed verbatim here (.csv or .jsonl). */
  annotate?: string;
  /** Write skipped rows here (CSV). */
  rejects?: string;
  /** Standard input, for the `-` path. */
  stdin?: NodeJS.ReadableStream;
  /** Extra report sections. */
  sections?: readonly ReportSection[];
  onProgress?: (rows: number) => void;
}

export interface RunAnalysisResult {
  report: Report;
}

/** Reads the inputs, analyses every verbatim, and builds the report; every row ends analysed or rejected. */
export async function runAnalysis(files: string[], analyzer: Analyzer, options: RunAnalysisOptions = {}): Promise<RunAnalysisResult> {
  const meta = reportMetaOf(analyzer);
  const reportOptions = {
    meta,
    ...(options.examples !== undefined ? { examples: options.examples } : {}),
    ...(options.topWords !== undefined ? { topWords: options.topWords } : {}),
    ...(options.maskPersonalData !== undefined ? { maskPersonalData: options.maskPersonalData } : {}),
    scoreScale: options.scale === 'nps' || options.scale === 'stars' ? options.scale : ('auto' as const),
    sections: [chatSection(), ...(options.sections ?? [])],
  };
  const builder = createReportBuilder(reportOptions);
  const insight = createInsightBuilder();
  const annotations = options.annotate ? await createAnnotationWriter(options.annotate) : undefined;
  const rejects: ReadReject[] = [];
  const inputs: InputSpec[] = files.map((path) => ({ path, ...options.columns }));
  let pending = 0;
  try {
    for await (const item of readVerbatims(inputs, { channels: analyzer.lexicon.channels, ...(options.stdin ? { stdin: options.stdin } : {}) })) {
      if (item.type === 'reject') {
        const reject: ReportReject = { source: item.source, reason: item.reason, hint: item.hint };
        builder.reject(reject);
        if (options.rejects) rejects.push(item);
      } else {
        const analysis = analyzeVerbatim(item.verbatim, analyzer, { allTurns: options.allTurns === true });
        builder.add(analysis);
        insight.add(analysis);
        if (annotations) await annotations.write(analysis, item.source);
      }
      if (++pending === 500) {
        options.onProgress?.(pending);
        pending = 0;
      }
    }
    options.onProgress?.(pending);
  } finally {
    await annotations?.close();
  }
  if (options.rejects) await writeRejects(rejects, options.rejects);
  const report = finalizeReport(builder.snapshot(), reportOptions);
  report.sections.insight = finalizeInsight(insight.state(), {
    scores: { scale: options.scale ?? 'auto' },
    trends: { period: options.period ?? 'month' },
    journey: { entries: meta.entries ?? {} },
  });
  return { report };
}

/** Labels and themes of every entry and channel, as the report renderers want them. */
export function reportMetaOf(analyzer: Analyzer): ReportMeta {
  const entries: NonNullable<ReportMeta['entries']> = {};
  for (const e of analyzer.lexicon.entries) {
    const info = { label: e.label, kind: e.kind, ...(e.theme ? { theme: e.theme } : {}), ...(e.stage ? { stage: e.stage } : {}) };
    entries[e.id] = info;
    // Analyses list tagged entries by their tag; a tag shared with another entry keeps that entry's label.
    if (e.tag !== undefined && entries[e.tag] === undefined) entries[e.tag] = info;
  }
  const channels: NonNullable<ReportMeta['channels']> = {};
  for (const c of analyzer.lexicon.channels) channels[c.id] = { label: c.label ?? c.id };
  return { entries, channels };
}
