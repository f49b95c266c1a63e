/** Markdown report: the table report's content, plus examples with matched words in bold. */
import type { ChannelReport, RankedEntry, RankedTerm, Report, ReportExample } from '../types.js';
import {
  channelLabel,
  formatNumber,
  formatScore,
  formatShare,
  formatTonality,
  rankedLists,
  summaryParts,
  wordingFor,
  type Wording,
} from './format.js';
import type { Renderer, RenderOptions } from './types.js';

export interface MarkdownRenderOptions extends RenderOptions {
  /** Entries listed per ranking (default 10). */
  top?: number;
  /** Add themes, irritants and enchantments of each channel (default true). */
  perChannel?: boolean;
}

/** Escapes text so Markdown shows it literally (also safe inside table cells). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

const cell = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

/** The example text on one line, each highlighted span in bold (overlapping spans joined). */
export function boldHighlights(example: ReportExample): string {
  const spans = [...example.highlights]
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const h of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ start: h.start, end: h.end });
  }
  const text = example.text;
  let out = '';
  let pos = 0;
  for (const m of merged) {
    // Markdown bold must not start or end on a space.
    let start = Math.max(m.start, pos);
    let end = Math.min(m.end, text.length);
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end <= start) continue;
    out += `${escapeMarkdown(text.slice(pos, start))}**${escapeMarkdown(text.slice(start, end))}**`;
    pos = end;
  }
  out += escapeMarkdown(text.slice(pos));
  return out.replace(/\s+/g, ' ').trim();
}

function channelTable(report: Report, w: Wording, lang: string): string[] {
  const header = [w.channel, w.verbatims, w.wordsPerVerbatim, `${w.median} (p10–p90)`, w.conceptsPerVerbatim, w.withIrritant, w.withEnchantment, w.tonality, w.score];
  const line = (c: ChannelReport, bold: boolean): string => {
    const values = [
      cell(channelLabel(c, w)),
      String(c.verbatims),
      formatNumber(c.wordsPerVerbatim.mean, 1, lang),
      `${formatNumber(c.wordsPerVerbatim.median, 1, lang)} (${formatNumber(c.wordsPerVerbatim.p10, 1, lang)}–${formatNumber(c.wordsPerVerbatim.p90, 1, lang)})`,
      formatNumber(c.conceptsPerVerbatim.mean, 1, lang),
      formatShare(c.withIrritant.share, lang, 0),
      formatShare(c.withEnchantment.share, lang, 0),
      cell(formatTonality(c)),
      cell(formatScore(c.score, lang)),
    ];
    return `| ${(bold ? values.map((v, i) => (i === 0 ? `**${v}**` : v)) : values).join(' | ')} |`;
  };
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 || i >= 7 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...report.channels.map((c) => line(c, false)),
    line(report.all, true),
  ];
}

function rankingTable(entries: RankedEntry[], w: Wording, lang: string, top: number, title: string): string[] {
  return [
    `| # | ${cell(title)} | ${w.verbatims} | ${w.share} |`,
    '| ---: | --- | ---: | ---: |',
    ...entries.slice(0, top).map((e, i) => `| ${i + 1} | ${cell(e.label)} | ${e.verbatims} | ${formatShare(e.share, lang)} |`),
  ];
}

function termTable(terms: RankedTerm[], w: Wording, lang: string, title: string): string[] {
  return [
    `| # | ${cell(title)} | ${w.verbatims} | ${w.share} |`,
    '| ---: | --- | ---: | ---: |',
    ...terms.map((t, i) => `| ${i + 1} | ${cell(t.key)} | ${t.verbatims} | ${formatShare(t.share, lang)} |`),
  ];
}

function exampleLines(e: ReportExample): string[] {
  const where = [e.channel, e.date, e.score === undefined ? undefined : `score ${e.score}`, e.id].filter((x) => x !== undefined);
  return [`> ${boldHighlights(e)}`, `> — ${cell(where.join(' · '))}`, ''];
}

function renderMarkdown(report: Report, options: MarkdownRenderOptions = {}): string {
  const lang = options.lang ?? report.lang;
  const w = wordingFor(lang);
  const top = options.top ?? 10;
  const out: string[] = [`# ${w.title}`, ''];
  out.push(...summaryParts(report, w).map((p) => `- ${cell(p)}`), '');

  out.push(`## ${w.byChannel}`, '', ...channelTable(report, w, lang), '');

  const all = report.all;
  out.push(`## ${cell(channelLabel(all, w))}`, '');
  for (const [title, entries] of rankedLists(all, w)) {
    if (entries.length === 0) continue;
    out.push(`### ${title}`, '', ...rankingTable(entries, w, lang, top, title), '');
    for (const e of entries.slice(0, top)) {
      if (e.examples.length === 0) continue;
      out.push(`#### ${cell(e.label)} — ${e.verbatims} ${w.verbatims.toLowerCase()} (${formatShare(e.share, lang)})`, '');
      for (const ex of e.examples) out.push(...exampleLines(ex));
    }
  }
  if (all.topWords.length > 0) out.push(`### ${w.topWords}`, '', ...termTable(all.topWords, w, lang, w.topWords), '');
  if (all.topExpressions.length > 0) {
    out.push(`### ${w.topExpressions}`, '', ...termTable(all.topExpressions, w, lang, w.topExpressions), '');
  }

  if (options.perChannel ?? true) {
    for (const ch of report.channels) {
      out.push(`## ${w.channel}${w.colon}${cell(ch.label)}`, '');
      for (const [title, entries] of rankedLists(ch, w).filter(([t]) => t !== w.concepts && t !== w.intents)) {
        if (entries.length === 0) continue;
        out.push(`### ${title}`, '', ...rankingTable(entries, w, lang, top, title), '');
      }
    }
  }

  const s = report.summary;
  if (s.rejected > 0) {
    out.push(`## ${w.rejects}`, '', `| ${w.reason} | ${w.verbatims} |`, '| --- | ---: |');
    for (const r of s.rejectsByReason) out.push(`| ${cell(r.reason)} | ${r.count} |`);
    out.push('');
    for (const r of s.firstRejects) {
      out.push(`- ${cell(`${r.source.file} ${w.row} ${r.source.row}${w.colon}${r.reason}${r.hint === '' ? '' : ` — ${r.hint}`}`)}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export const markdownRenderer: Renderer<MarkdownRenderOptions> = { name: 'md', extension: 'md', render: renderMarkdown };
