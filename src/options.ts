// The options type of each public function, named `<Function>Options` (the names the
// README promises). Each is the type the function declares; where that type has an
// older name (`AnalyzerOptions`, `ReportOptions`…), the older name stays exported too.
// (`RenderReportOptions`, `MergeReportStatesOptions` and `DefaultSectionsOptions` are declared
// with their functions, in src/report; `LoadDefaultLexiconsOptions` with its function, in src/lexicon.)
import type { AnalyzerOptions } from './analyze/analyze.js';
import type { AnalyzeVerbatimOptions } from './analyze/transcript.js';
import type { defineLexicon, ParseLexiconOptions } from './lexicon/parse.js';
import type { HtmlRenderOptions } from './report/renderers/html.js';
import type { ReportOptions } from './report/types.js';
import type { StopwordOptions } from './text/stopwords.js';

/** Options of `isStopword` (custom stop words). */
export type IsStopwordOptions = StopwordOptions;
/** Options of `contentKeywords` (custom stop words). */
export type ContentKeywordsOptions = StopwordOptions;
/** Options of `safeParseLexicon`: those of `parseLexicon`. */
export type SafeParseLexiconOptions = ParseLexiconOptions;
/** Options of `defineLexicon`. */
export type DefineLexiconOptions = NonNullable<Parameters<typeof defineLexicon>[1]>;
/** Options of `createAnalyzer` (also exported as `AnalyzerOptions`). */
export type CreateAnalyzerOptions = AnalyzerOptions;
/** Options of `createAnalyzerAsync`: those of `createAnalyzer`. */
export type CreateAnalyzerAsyncOptions = AnalyzerOptions;
/** Options of `analyzeStream`: those of `analyzeVerbatim`. */
export type AnalyzeStreamOptions = AnalyzeVerbatimOptions;
/** Options of `buildReport` (also exported as `ReportOptions`). */
export type BuildReportOptions = ReportOptions;
/** Options of `createReportBuilder`: those of `buildReport`. */
export type CreateReportBuilderOptions = ReportOptions;
/** Options of `finalizeReport`: those of `buildReport`. */
export type FinalizeReportOptions = ReportOptions;
/** Options of `renderHtml` (also exported as `HtmlRenderOptions`). */
export type RenderHtmlOptions = HtmlRenderOptions;
