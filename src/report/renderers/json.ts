/** The versioned Report object as stable JSON (object keys sorted, arrays kept in rank order): every section's result in its place. */
import type { Report } from '../types.js';
import type { Renderer, RenderOptions } from './types.js';
import { checkReport } from './view.js';
import { relabelReport } from '../labels.js';

export interface JsonRenderOptions extends RenderOptions {
  /** Indentation (default 2; 0 for one line). */
  indent?: number;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) Object.defineProperty(out, key, { value: sortKeys(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function renderJson(report: Report, options: JsonRenderOptions = {}): string {
  checkReport(report);
  return `${JSON.stringify(sortKeys(relabelReport(report, options)), null, options.indent ?? 2)}\n`;
}

export const jsonRenderer: Renderer<JsonRenderOptions, string> = { name: 'json', extension: 'json', render: renderJson };
