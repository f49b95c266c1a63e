/** Plain-text report for terminals, readable at 100 columns. */
import type { ChannelReport, RankedEntry, Report } from '../types.js';
import {
  channelLabel,
  formatNumber,
  formatScore,
  formatShare,
  formatTonality,
  oneLine,
  padEnd,
  padStart,
  summaryParts,
  truncate,
  widthOf,
  wordingFor,
  wrapParts,
} from './format.js';
import type { Renderer, RenderOptions } from './types.js';

export interface TableRenderOptions extends RenderOptions {
  /** Line width (default 100). */
  width?: number;
  /** Entries listed per ranking (default 10). */
  top?: number;
  /** Bold headings with ANSI escapes (default false). */
  color?: boolean;
}

interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
  cell(ch: ChannelReport): string;
}

function channelColumns(lang: string): Column[] {
  const w = wordingFor(lang);
  return [
    { header: w.channel, width: 15, align: 'left', cell: (c) => channelLabel(c, w) },
    { header: w.verbatims, width: 9, align: 'right', cell: (c) => String(c.verbatims) },
    { header: w.wordsPerVerbatim, width: 8, align: 'right', cell: (c) => formatNumber(c.wordsPerVerbatim.mean, 1, lang) },
    { header: w.conceptsPerVerbatim, width: 11, align: 'right', cell: (c) => formatNumber(c.conceptsPerVerbatim.mean, 1, lang) },
    { header: w.withIrritant, width: 8, align: 'right', cell: (c) => formatShare(c.withIrritant.share, lang, 0) },
    { header: w.withEnchantment, width: 10, align: 'right', cell: (c) => formatShare(c.withEnchantment.share, lang, 0) },
    { header: w.tonality, width: 16, align: 'left', cell: (c) => formatTonality(c) },
    { header: w.score, width: 16, align: 'left', cell: (c) => formatScore(c.score, lang) },
  ];
}

function row(cells: string[], columns: Column[]): string {
  return cells
    .map((cell, i) => {
      const col = columns[i] as Column;
      const text = truncate(cell, col.width);
      return col.align === 'left' ? padEnd(text, col.width) : padStart(text, col.width);
    })
    .join(' ')
    .trimEnd();
}

function rankingLines(entries: RankedEntry[], lang: string, width: number, top: number): string[] {
  const lines: string[] = [];
  entries.slice(0, top).forEach((e, i) => {
    const head = `${padStart(`${i + 1}.`, 4)} ${padEnd(truncate(e.label, 28), 28)} ${padStart(String(e.verbatims), 6)} ${padStart(formatShare(e.share, lang), 8)}`;
    const example = e.examples[0];
    const room = width - widthOf(head) - 5;
    lines.push(example !== undefined && room >= 10 ? `${head}  « ${truncate(oneLine(example.text), room - 2)} »` : head);
  });
  return lines;
}

function renderTable(report: Report, options: TableRenderOptions = {}): string {
  const lang = options.lang ?? report.lang;
  const w = wordingFor(lang);
  const width = options.width ?? 100;
  const top = options.top ?? 10;
  const heading = (s: string) => (options.color === true ? `\u001b[1m${s}\u001b[22m` : s);
  const out: string[] = [];

  out.push(heading(w.title));
  out.push(...wrapParts(summaryParts(report, w), width));
  out.push('');

  const columns = channelColumns(lang);
  const header = row(columns.map((c) => c.header), columns);
  const rule = '─'.repeat(Math.min(width, widthOf(header)));
  out.push(heading(header), rule);
  for (const ch of report.channels) out.push(row(columns.map((c) => c.cell(ch)), columns));
  out.push(rule, row(columns.map((c) => c.cell(report.all)), columns));

  const sections: Array<[string, RankedEntry[]]> = [
    [w.themes, report.all.themes],
    [w.irritants, report.all.irritants],
    [w.enchantments, report.all.enchantments],
  ];
  for (const [title, entries] of sections) {
    if (entries.length === 0) continue;
    out.push('', heading(`${title} (${channelLabel(report.all, w)})`));
    out.push(...rankingLines(entries, lang, width, top));
  }

  const s = report.summary;
  if (s.rejected > 0) {
    out.push('', heading(`${w.rejects}${w.colon}${s.rejected}`));
    for (const r of s.rejectsByReason) out.push(`  ${padEnd(truncate(r.reason, 30), 30)} ${padStart(String(r.count), 6)}`);
    for (const r of s.firstRejects) {
      const where = `${r.source.file} ${w.row} ${r.source.row}`;
      out.push(truncate(`  ${where}${w.colon}${r.reason}${r.hint === '' ? '' : ` — ${oneLine(r.hint)}`}`, width));
    }
  }
  return `${out.join('\n')}\n`;
}

export const tableRenderer: Renderer<TableRenderOptions> = { name: 'table', extension: 'txt', render: renderTable };
