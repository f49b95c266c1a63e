/** Report renderers behind one interface, and the `renderReport` dispatcher. */
import type { Report } from '../types.js';
import { csvRenderer } from './csv.js';
import { jsonRenderer } from './json.js';
import { markdownRenderer } from './markdown.js';
import { tableRenderer } from './table.js';
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

/**
 * Renders a report as text: `format` is a built-in format name (default
 * `table`) or any `Renderer` (e.g. an HTML renderer).
 */
export function renderReport<O extends RenderOptions = RenderOptions>(
  report: Report,
  format: ReportFormat | (string & {}) | Renderer<O> = 'table',
  options?: O,
): string {
  if (typeof report !== 'object' || report === null || report.schemaVersion !== 1) {
    throw new TypeError(`verbatim-fr: expected a Report (schemaVersion 1), got ${report === null ? 'null' : typeof report}`);
  }
  const renderer: Renderer<O> | undefined =
    typeof format === 'string'
      ? Object.prototype.hasOwnProperty.call(renderers, format)
        ? (renderers[format] as Renderer<O>)
        : undefined
      : format;
  if (renderer === undefined || typeof renderer.render !== 'function') {
    throw new TypeError(
      `verbatim-fr: expected format to be one of ${Object.keys(renderers).join(', ')} or a Renderer, got ${String(typeof format === 'string' ? format : typeof format)}`,
    );
  }
  return renderer.render(report, options);
}
