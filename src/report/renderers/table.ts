/** Plain-text report for terminals, readable at 100 columns: each section's lines, in order. */
import type { Report } from '../types.js';
import type { Renderer, RenderOptions } from './types.js';
import { createView, ordered, sectionsOfView, type TextBlock } from './view.js';

export interface TableRenderOptions extends RenderOptions {
  /** Line width (default 100). */
  width?: number;
  /** Entries listed per ranking (default 10). */
  top?: number;
  /** Bold headings with ANSI escapes (default false). */
  color?: boolean;
}

function renderTable(report: Report, options: TableRenderOptions = {}): string {
  const view = createView(report, options);
  const extra = {
    width: options.width ?? 100,
    top: options.top ?? 10,
    heading: (s: string) => (options.color === true ? `\u001b[1m${s}\u001b[22m` : s),
  };
  const blocks: TextBlock[] = [];
  for (const { section, result, context } of sectionsOfView(view, extra)) blocks.push(...(section.render?.table?.(result, context) ?? []));
  return `${ordered(blocks).flatMap((b) => b.lines).join('\n')}\n`;
}

export const tableRenderer: Renderer<TableRenderOptions, string> = { name: 'table', extension: 'txt', render: renderTable };
