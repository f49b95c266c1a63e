// Public API of src/report (re-exported by src/index.ts).
export { buildReport, createReportBuilder, finalizeReport, mergeReportStates } from './build.js';
export type { MergeReportStatesOptions, ReportBuilder } from './build.js';
export { defineSection } from './section.js';
export type { Section, SectionContext, SectionFinalizeContext, SectionRender } from './section.js';
export type {
  CsvContext,
  CsvRow,
  CsvValue,
  HtmlBlock,
  HtmlContext,
  MarkdownContext,
  ReportView,
  SectionRenderContext,
  TableContext,
  TextBlock,
} from './renderers/view.js';
export type { Kinds, Messages, ReportLang } from './messages.js';
export type { ChartLocale } from './renderers/html/charts.js';
export type { NumberFormats } from './renderers/html/kit.js';
export {
  chatSection,
  cooccurrenceSection,
  coreSection,
  defaultSections,
  journeySection,
  keynessBySection,
  keynessSection,
  scoresSection,
  trendsSection,
} from './sections/index.js';
export type {
  ChatFigures,
  ChatSectionState,
  ChatWording,
  CooccurrenceWording,
  JourneyWording,
  KeynessWording,
  KeynessByResult,
  KeynessBySectionOptions,
  KeynessByState,
  KeynessByWording,
  KeynessGroup,
  ScoresWording,
  TrendsWording,
  CooccurrenceSectionOptions,
  DefaultSectionsOptions,
  KeynessSectionOptions,
  ScoresSectionOptions,
  ScoresSectionState,
  TrendsSectionOptions,
} from './sections/index.js';
export { ScoreScaleError, describeScoreScaleIssue } from './scales.js';
export type { ScoreScaleIssue, ScoreScaleIssueCode } from './scales.js';
export { LOW_BASE } from './base.js';
export { maskPersonalData } from './mask.js';
export type { MaskPersonalDataOptions, MaskReplacement, MaskResult, PersonalDataKind } from './mask.js';
export { renderReport, renderers } from './renderers/index.js';
export { renderJsonChunks } from './renderers/json.js';
export type {
  CsvRenderOptions,
  HtmlRenderOptions,
  JsonRenderOptions,
  MarkdownRenderOptions,
  Renderer,
  RenderOptions,
  RenderReportOptions,
  ReportFormat,
  TableRenderOptions,
} from './renderers/index.js';
export type * from './types.js';
export * from './insight/index.js';
export { reportMeta } from './meta.js';
export { renderHtml } from './renderers/html.js';
export { cooccurrenceTable, driversTable, keynessTable, reportTable, tidyCsv, trendsTable } from './tables.js';
export type { ReportTableKind, TidyCell, TidyTable } from './tables.js';
