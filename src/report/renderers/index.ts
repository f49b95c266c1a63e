/** Report renderers behind one interface, and the `renderReport` dispatcher. */
import type { Report } from '../types.js';
import { csvRenderer, type CsvRenderOptions } from './csv.js';
import { htmlRenderer, type HtmlRenderOptions } from './html.js';
import { jsonRenderer, type JsonRenderOptions } from './json.js';
import { markdownRenderer, type MarkdownRenderOptions } from './markdown.js';
import { tableRenderer, type TableRenderOptions } from './table.js';
import type { Renderer, RenderOptions } from './types.js';
import { expectedError } from '../../_utils/describe.js';

export type { Renderer, RenderOptions } from './types.js';
export type { TableRenderOptions } from './table.js';
export type { MarkdownRenderOptions } from './markdown.js';
export type { JsonRenderOptions } from './json.js';
export type { CsvRenderOptions } from './csv.js';
export type { HtmlRenderOptions } from './html.js';

/** Built-in renderers by format name. */
export const renderers: Readonly<Record<ReportFormat, Renderer>> = Object.freeze({
  table: tableRenderer,
  md: markdownRenderer,
  json: jsonRenderer,
  csv: csvRenderer,
  html: htmlRenderer,
});

/** Names of the built-in formats. */
export type ReportFormat = 'table' | 'md' | 'json' | 'csv' | 'html';

/** Options of `renderReport`: those of the format rendered. */
export type RenderReportOptions = TableRenderOptions | MarkdownRenderOptions | JsonRenderOptions | CsvRenderOptions | HtmlRenderOptions;

/**
 * Renders a report: `format` is a built-in format name (default `table`) or
 * any `Renderer`. Text formats return a string; HTML, which draws its charts,
 * a promise of one (`await` works for every format). Other names do not
 * type-check and throw a `TypeError` at run time.
 */
export function renderReport(report: Report, format?: 'table', options?: TableRenderOptions): string;
export function renderReport(report: Report, format: 'md', options?: MarkdownRenderOptions): string;
export function renderReport(report: Report, format: 'json', options?: JsonRenderOptions): string;
export function renderReport(report: Report, format: 'csv', options?: CsvRenderOptions): string;
export function renderReport(report: Report, format: 'html', options?: HtmlRenderOptions): Promise<string>;
export function renderReport<O extends RenderOptions, T extends string | Promise<string>>(report: Report, format: Renderer<O, T>, options?: O): T;
export function renderReport(report: Report, format: ReportFormat, options?: RenderReportOptions): string | Promise<string>;
export function renderReport(report: Report, format: ReportFormat | Renderer = 'table', options?: RenderOptions): string | Promise<string> {
  const renderer: Renderer | undefined =
    typeof format === 'string' ? (Object.hasOwn(renderers, format) ? renderers[format] : undefined) : format;
  if (renderer === undefined || typeof renderer.render !== 'function') {
    throw expectedError(`format to be one of ${Object.keys(renderers).join(', ')} or a Renderer`, typeof format === 'string' ? format : typeof format);
  }
  return renderer.render(report, options);
}
