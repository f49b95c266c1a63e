/** Plain-text report for terminals, readable at 100 columns. */
import type { ChannelReport, RankedEntry, Report } from '../types.js';
import {
  channelLabel,
  channelLabels,
  entryLabels,
  formatHeadline,
  formatNumber,
  formatScore,
  formatShare,
  formatSigned,
  formatTonality,
  headlineName,
  insightWordingFor,
  oneLine,
  padEnd,
  padStart,
  summaryParts,
  truncate,
  widthOf,
  wordingFor,
  wrapParts,
} from './format.js';
import { readChat, readInsight } from './html/insight.js';
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

/** One line (wrapped at `width`) of chat exchanges per conversation, or nothing without chats. */
function chatLines(report: Report, lang: string, width: number): string[] {
  const w = wordingFor(lang);
  const iw = insightWordingFor(lang);
  const labels = channelLabels(report, w);
  const order = new Map(report.channels.map((c, i) => [c.channel, i]));
  const rank = (id: string) => (id === 'all' ? Infinity : (order.get(id) ?? order.size));
  let rows = [...readChat(report)].filter(([, c]) => c.conversations > 0).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  if (rows.length === 2) rows = rows.filter(([id]) => id !== 'all');
  if (rows.length === 0) return [];
  const parts = rows.map(([id, c]) =>
    iw.chatLine(labels.get(id) ?? id, formatNumber(c.mean, 1, lang), formatNumber(c.median, 1, lang), String(c.conversations)),
  );
  parts[0] = `${iw.chat}${w.colon}${parts[0] as string}`;
  return wrapParts(parts, width);
}

/** The five irritants that weigh most on the score, when the report carries the score analysis. */
function impactLines(report: Report, lang: string, width: number, heading: (s: string) => string): string[] {
  const iw = insightWordingFor(lang);
  const scores = readInsight(report).scores;
  if (scores === undefined || scores.overall.scored === 0) return [];
  const irritants = (scores.entries.irritant ?? []).filter((e) => e.scored > 0).slice(0, 5);
  if (irritants.length === 0) return [];
  const kind = scores.scale.kind;
  const name = headlineName(iw, kind);
  const labels = entryLabels(report);
  const out = ['', heading(`${iw.scoreImpact} (${name} ${formatHeadline(kind, scores.overall.headline, lang)}, n = ${scores.overall.scored})`)];
  irritants.forEach((e, i) => {
    const impact = padStart(`${formatSigned(e.impact, 1, lang)} pts`, 11);
    const gap = `${iw.withEntry.toLowerCase()} ${formatHeadline(kind, e.headline ?? null, lang)} / ${iw.withoutEntry.toLowerCase()} ${formatHeadline(kind, e.without?.headline ?? null, lang)}`;
    const base = `n = ${e.scored}${e.lowBase ? ` (${iw.lowBase})` : ''}`;
    out.push(truncate(`${padStart(`${i + 1}.`, 4)} ${padEnd(truncate(labels.get(e.id) ?? e.id, 28), 28)} ${impact}  ${padEnd(gap, 26)} ${base}`, width));
  });
  return out;
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
  out.push(...chatLines(report, lang, width));

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
  out.push(...impactLines(report, lang, width, heading));

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
