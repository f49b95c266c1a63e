/** Report renderers behind one interface, and the `renderReport` dispatcher. */
import type { Report } from '../types.js';
import { csvRenderer, type CsvRenderOptions } from './csv.js';
import { jsonRenderer, type JsonRenderOptions } from './json.js';
import { markdownRenderer, type MarkdownRenderOptions } from './markdown.js';
import { tableRenderer, type TableRenderOptions } from './table.js';
import type { Renderer, RenderOptions } from './types.js';

export type { Renderer, RenderOptions } from './types.js';
export type { TableRenderOptions } from './table.js';
export type { MarkdownRenderOptions } from './markdown.js';
export type { JsonRenderOptions } from './json.js';
export type { CsvRenderOptions } from './csv.js';

/** Built-in renderers by format name. */
export const renderers: Readonly<Record<string, Renderer>> = Object.freeze({
  table: tableRenderer,
  md: markdownRenderer,
  json: jsonRenderer,
  csv: csvRenderer,
});

/** Names of the built-in formats. */
export type ReportFormat = 'table' | 'md' | 'json' | 'csv';

/** Options of `renderReport`: those of the format rendered. */
export type RenderReportOptions = TableRenderOptions | MarkdownRenderOptions | JsonRenderOptions | CsvRenderOptions;

/**
 * Renders a report as text: `format` is a built-in format name (default
 * `table`) or any `Renderer`. Other names do not type-check and throw a
 * `TypeError` at run time (HTML is `renderHtml`, which is async).
 */
export function renderReport(report: Report, format?: 'table', options?: TableRenderOptions): string;
export function renderReport(report: Report, format: 'md', options?: MarkdownRenderOptions): string;
export function renderReport(report: Report, format: 'json', options?: JsonRenderOptions): string;
export function renderReport(report: Report, format: 'csv', options?: CsvRenderOptions): string;
export function renderReport(report: Report, format: ReportFormat, options?: RenderReportOptions): string;
export function renderReport<O extends RenderOptions>(report: Report, format: Renderer<O>, options?: O): string;
export function renderReport(report: Report, format: ReportFormat | Renderer<RenderOptions> = 'table', options?: RenderOptions): string {
  if (typeof report !== 'object' || report === null || !(report.schemaVersion === 2 || (report.schemaVersion as number) === 1)) {
    // v1 reports (before sections were documented) read the same: renderers accept both.
    throw new TypeError(`verbatim-fr: expected a Report (schemaVersion 2), got ${report === null ? 'null' : typeof report}`);
  }
  const renderer: Renderer | undefined =
    typeof format === 'string'
      ? Object.prototype.hasOwnProperty.call(renderers, format)
        ? renderers[format]
        : undefined
      : format;
  if (renderer === undefined || typeof renderer.render !== 'function') {
    throw new TypeError(
      `verbatim-fr: expected format to be one of ${Object.keys(renderers).join(', ')} or a Renderer, got ${typeof format === 'string' ? format : typeof format}`,
    );
  }
  return renderer.render(report, options);
}
