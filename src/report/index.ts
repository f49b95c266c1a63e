// Public API of src/report (re-exported by src/index.ts).
export { buildReport, createReportBuilder, finalizeReport, mergeReportStates } from './build.js';
export type { MergeReportStatesOptions, ReportBuilder } from './build.js';
export { defineSection } from './section.js';
export type { Section, SectionContext, SectionFinalizeContext } from './section.js';
export {
  chatSection,
  cooccurrenceSection,
  coreSection,
  defaultSections,
  journeySection,
  keynessSection,
  scoresSection,
  trendsSection,
} from './sections/index.js';
export type {
  ChatFigures,
  ChatSectionState,
  CooccurrenceSectionOptions,
  DefaultSectionsOptions,
  KeynessSectionOptions,
  ScoresSectionOptions,
  ScoresSectionState,
  TrendsSectionOptions,
} from './sections/index.js';
export { maskPersonalData } from './mask.js';
export type { MaskPersonalDataOptions, MaskReplacement, MaskResult, PersonalDataKind } from './mask.js';
export { renderReport, renderers } from './renderers/index.js';
export type {
  CsvRenderOptions,
  JsonRenderOptions,
  MarkdownRenderOptions,
  Renderer,
  RenderOptions,
  ReportFormat,
  TableRenderOptions,
} from './renderers/index.js';
export type * from './types.js';
export * from './insight/index.js';
export { reportMeta } from './meta.js';
export { renderHtml } from './renderers/html.js';
export type { HtmlRenderOptions } from './renderers/html.js';
