/** The versioned Report object as stable JSON (object keys sorted, arrays kept in rank order): every section's result in its place. */
import type { Report } from '../types.js';
import type { Renderer, RenderOptions } from './types.js';
import { checkReport } from './view.js';
import { relabelReport } from '../labels.js';
import { jsonChunks } from '../../_utils/json-chunks.js';

export interface JsonRenderOptions extends RenderOptions {
  /** Indentation (default 2; 0 for one line). */
  indent?: number;
}

/**
 * `JSON.stringify(value, null, indent)` with object keys sorted, and a final
 * newline, in chunks of about 64 K characters: a large value is written
 * without being held as one string, nor as a sorted copy.
 */
export function* stableJsonChunks(value: unknown, indent: number | string = 2): Generator<string> {
  // The report, its lists of channels and sections, their tables are walked; each value below is one JSON.stringify.
  yield* jsonChunks(value, { indent, sortKeys: true, levels: 3, end: '\n' });
}

/**
 * The JSON report in chunks of about 64 K characters, which together are
 * `renderReport(report, 'json')`: a report of thousands of entries per
 * channel, each with its examples, is written without being held whole as
 * text.
 */
export function renderJsonChunks(report: Report, options: JsonRenderOptions = {}): Generator<string> {
  checkReport(report);
  return stableJsonChunks(relabelReport(report, options), options.indent ?? 2);
}

function renderJson(report: Report, options: JsonRenderOptions = {}): string {
  return [...renderJsonChunks(report, options)].join('');
}

export const jsonRenderer: Renderer<JsonRenderOptions, string> = { name: 'json', extension: 'json', render: renderJson };
