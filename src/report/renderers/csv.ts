/**
 * One long Excel-friendly table, one row per figure of every section:
 * section;channel;key;label;metric;value — `;`-separated, UTF-8 with BOM,
 * CRLF line ends, decimal comma by default (what French Excel reads as
 * numbers), text cells that Excel would run as formulas neutralised.
 */
import { csvCell } from '../../_utils/csv.js';
import type { Report } from '../types.js';
import type { Renderer, RenderOptions } from './types.js';
import { createView, sectionsOfView, type CsvValue } from './view.js';

export interface CsvRenderOptions extends RenderOptions {
  /** Field delimiter (default `;`). */
  delimiter?: string;
  /** Decimal separator of numbers (default `,` with the `;` delimiter, else `.`). */
  decimal?: ',' | '.';
  /** Start with a UTF-8 byte-order mark so Excel detects the encoding (default true). */
  bom?: boolean;
  /** Add example verbatims as rows (`section` `example`, default true). */
  examples?: boolean;
}

export const CSV_COLUMNS = ['section', 'channel', 'key', 'label', 'metric', 'value'] as const;

function renderCsv(report: Report, options: CsvRenderOptions = {}): string {
  const view = createView(report, options);
  const delimiter = options.delimiter ?? ';';
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  const text = (v: string): string => csvCell(v, { delimiter });
  const value = (v: CsvValue): string => {
    if (v === null) return '';
    if (typeof v === 'number') {
      // Our own numbers are data: written as the decimal separator says, never neutralised (-25 stays a number).
      const s = String(v);
      return csvCell(decimal === ',' ? s.replace('.', ',') : s, { delimiter, neutralizeFormulas: false });
    }
    return text(String(v));
  };
  const lines: string[] = [CSV_COLUMNS.join(delimiter)];
  for (const { section, result, context } of sectionsOfView(view, { examples: options.examples ?? true })) {
    for (const r of section.render?.csv?.(result, context) ?? []) {
      lines.push([text(r.section), text(r.channel), text(r.key), text(r.label), text(r.metric), value(r.value)].join(delimiter));
    }
  }
  return `${options.bom ?? true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export const csvRenderer: Renderer<CsvRenderOptions, string> = { name: 'csv', extension: 'csv', render: renderCsv };
