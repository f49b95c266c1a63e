// Public API of src/analyze (re-exported by src/index.ts).
export { createAnalyzer, createAnalyzerAsync, analyze } from './analyze.js';
export { TONALITY_THRESHOLDS } from './sentiment.js';
export type { Analyzer, AnalyzerOptions, AnalyzedMatch, CancelReason } from './analyze.js';
export type { TonalityThresholds } from './sentiment.js';
export { evaluate, checkThresholds, parseThresholds } from './evaluate.js';
export type {
  EvalReport,
  EvalFamily,
  EvaluateOptions,
  FamilyScore,
  LabelScore,
  ErrorExample,
  TonalityScore,
  Threshold,
  ThresholdFailure,
  GoldVerbatim,
} from './evaluate.js';
export type { LabelSuggestions, SuggestedExclusion, SuggestedTerm, SuggestionExample, SuggestOptions } from './suggest.js';
export { parseGoldJsonl, GoldError, describeGoldIssue } from './gold.js';
export type { GoldIssue, GoldIssueCode, GoldIssueParams, GoldIssueProblem } from './gold.js';
export { renderEvalReport } from './render.js';
export type { RenderEvalOptions } from './render.js';
export { analyzeVerbatim } from './transcript.js';
export { isBrandMessage } from './author.js';
export { suggestSectors } from './sectors.js';
export type { SectorSuggestion, SuggestSectorsOptions } from './sectors.js';
export type { AnalyzeVerbatimOptions } from './transcript.js';
export { analyzeStream } from './stream.js';
