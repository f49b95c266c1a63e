// Public API of src/report (re-exported by src/index.ts).
export { createReportBuilder, mergeReportStates } from './state.js';
export type { MergeReportStatesOptions } from './state.js';
export { finalizeReport, buildReport } from './finalize.js';
export { maskPersonalData } from './mask.js';
export type { MaskPersonalDataOptions, MaskReplacement, MaskResult, PersonalDataKind } from './mask.js';
export { renderReport, renderers } from './renderers/index.js';
export type {
  CsvRenderOptions,
  JsonRenderOptions,
  MarkdownRenderOptions,
  Renderer,
  RenderOptions,
  RenderReportOptions,
  ReportFormat,
  TableRenderOptions,
} from './renderers/index.js';
export type * from './types.js';
export { chatSection, keynessStateFromReport } from './sections.js';
export type { ChatFigures, ChatSectionState } from './sections.js';
export * from './insight/index.js';
export { reportMeta } from './meta.js';
export { renderHtml } from './renderers/html.js';
export type { HtmlRenderOptions } from './renderers/html.js';
export { createCorpusAccumulator, mergeCorpusStates, finalizeCorpus } from './corpus.js';
export type { CorpusAccumulator, CorpusOptions, CorpusState } from './corpus.js';
