// Rows are analysed a batch at a time, then added to the report.
import { analyzeVerbatim, type AnalyzeVerbatimOptions } from '../analyze/transcript.js';
import type { Analyzer } from '../analyze/analyze.js';
import type { Verbatim, VerbatimAnalysis } from '../types.js';

/**
 * Rows analysed at once, and sent to a worker at once: large enough to
 * amortise messaging and to keep the caches warm (`analyzeBatch`), small
 * enough to keep memory flat.
 */
export const BATCH = 256;

/**
 * The analyses of `verbatims`, made before any of them goes to a report.
 * Alternating the analyser and the report builder row by row makes each push
 * the other's tables and code out of the CPU caches: analysing a batch of a
 * few hundred rows, then adding them, takes 15–20 % less CPU for the same
 * report (bench/README.md, "Batches").
 */
export function analyzeBatch(verbatims: readonly Verbatim[], analyzer: Analyzer, options: AnalyzeVerbatimOptions = {}): VerbatimAnalysis[] {
  return verbatims.map((verbatim) => analyzeVerbatim(verbatim, analyzer, options));
}
