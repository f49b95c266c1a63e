/**
 * Markdown report: each section's part in order — the core figures (channel
 * table, rankings with examples in which matched words are bold, word tables,
 * rejects), then chat exchanges, score impact, keyness, co-occurrence, trends
 * and journey, each present or replaced by a sentence saying why not.
 */
import type { Report } from '../types.js';
import type { Renderer, RenderOptions } from './types.js';
import { createView, ordered, positiveOption, sectionsOfView, type TextBlock } from './view.js';

export interface MarkdownRenderOptions extends RenderOptions {
  /** Entries listed per ranking (default 10). */
  top?: number;
  /** Add themes, irritants and enchantments of each channel (default true). */
  perChannel?: boolean;
  /** Over- and under-represented items listed per kind and channel in the keyness tables (default 5). */
  keyItems?: number;
  /** Themes and irritants followed in the per-period tables (default 5). */
  trendSeries?: number;
}

function renderMarkdown(report: Report, options: MarkdownRenderOptions = {}): string {
  const view = createView(report, options);
  const extra = {
    top: options.top ?? 10,
    perChannel: options.perChannel ?? true,
    keyItems: positiveOption('keyItems', options.keyItems, 5),
    trendSeries: positiveOption('trendSeries', options.trendSeries, 5),
  };
  const blocks: TextBlock[] = [];
  for (const { section, result, context } of sectionsOfView(view, extra)) blocks.push(...(section.render?.md?.(result, context) ?? []));
  const out = ordered(blocks).flatMap((b) => b.lines);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export const markdownRenderer: Renderer<MarkdownRenderOptions, string> = { name: 'md', extension: 'md', render: renderMarkdown };
