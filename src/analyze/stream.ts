import type { Verbatim, VerbatimAnalysis } from '../types.js';
import type { Analyzer } from './analyze.js';
import { analyzeVerbatim, type AnalyzeVerbatimOptions } from './transcript.js';
import { expectedError, typeName } from '../_utils/describe.js';

/**
 * Analyses a stream of verbatims lazily, one result per verbatim in input
 * order (chat transcripts on their customer turns unless `allTurns`). Memory
 * does not grow with the stream.
 */
export async function* analyzeStream(
  verbatims: Iterable<Verbatim> | AsyncIterable<Verbatim>,
  analyzer: Analyzer,
  options: AnalyzeVerbatimOptions = {},
): AsyncGenerator<VerbatimAnalysis> {
  if (verbatims === null || typeof verbatims !== 'object' || !(Symbol.iterator in verbatims || Symbol.asyncIterator in verbatims)) {
    throw expectedError('an iterable of verbatims', typeName(verbatims));
  }
  for await (const verbatim of verbatims) yield analyzeVerbatim(verbatim, analyzer, options);
}
