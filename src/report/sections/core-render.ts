// How the core figures show in each format: the summary, the channel table, the
// rankings with their example verbatims, word tables and rejects.
import { ENTRY_KINDS, ENTRY_LISTS, TONALITIES, type EntryKind } from '../../types.js';
import { LOW_BASE } from '../base.js';
import type { ScoresResult } from '../insight/scores.js';
import type { Messages } from '../messages.js';
import type { HeatCell } from '../renderers/html/charts.js';
import { anchorId, escapeHtml as esc, examplesAnchor, highlightText } from '../renderers/html/escape.js';
import { absent, CAPTION_MIN_BASE, cell, chartFrame, figure, maxBy, table, type Cell, loadCharts, type Charts } from '../renderers/html/kit.js';
import {
  boldHighlights,
  formatNumber,
  formatShare,
  mdCell,
  oneLine,
  padEnd,
  padStart,
  truncate,
  widthOf,
  wrapParts,
  wrapWords,
} from '../renderers/text.js';
import { collapseSpaces, snippet, SNIPPET_MAX, type Snippet } from '../renderers/snippet.js';
import type { CsvRow, CsvValue, HtmlBlock, HtmlContext, MarkdownContext, TableContext, TextBlock } from '../renderers/view.js';
import type { SectionRender } from '../section.js';
import type { ChannelReport, CoreReport, CoverageFigure, RankedEntry, RankedTerm, Report, ReportExample, ScoreSummary } from '../types.js';
import type { ChatFigures } from './chat.js';



/** Where the core's blocks go; the other sections' blocks fall in between (default order 500). */
export const CORE_ORDER = { head: 100, coverage: 250, rankings: 300, end: 900 } as const;

// ---------------------------------------------------------------- shared by table and Markdown

/** An example cut to `width` characters around its first highlight; on one line for the table and Markdown. */
function snippetOf(e: ReportExample, width: number, flat: boolean): Snippet {
  const source = flat ? collapseSpaces(e.text, e.highlights) : { text: e.text, highlights: e.highlights };
  return snippet(source.text, source.highlights, width);
}

/** Channel label in the renderer's language (the all-channels view is named by the renderer). */
const channelName = (ch: ChannelReport, m: Messages): string => (ch.channel === 'all' ? m.allChannels : ch.label);

/** A channel whose shares rest on fewer than `LOW_BASE` verbatims (the all-channels line too, on a tiny corpus). */
const isLowBase = (ch: ChannelReport): boolean => ch.verbatims > 0 && ch.verbatims < LOW_BASE;
/** The mark of a low-base channel in the text tables, explained by a footnote under them. */
const LOW_MARK = '†';
/** A channel's name, marked when its base is low; cut to `width` (the mark kept) for the terminal. */
function markedName(ch: ChannelReport, m: Messages, width = Infinity): string {
  const name = channelName(ch, m);
  return isLowBase(ch) ? `${truncate(name, width - 2)} ${LOW_MARK}` : name;
}
/** The footnote of the mark, when a line of the table has it. */
const lowBaseNotes = (report: Report, m: Messages): string[] =>
  [...report.channels, report.all].some(isLowBase) ? [m.text.lowBaseNote(LOW_MARK, String(LOW_BASE))] : [];

/** Header line figures shared by table and Markdown. */
function summaryParts(report: Report, m: Messages): string[] {
  const s = report.summary;
  const t = m.text;
  const parts = [`${s.inputRows} ${t.inputRows(s.inputRows)}`, `${s.analysed} ${t.analysed(s.analysed)}`, `${s.rejected} ${t.rejected(s.rejected)}`];
  if (s.period !== null) parts.push(`${t.period} ${s.period.from} → ${s.period.to}`);
  parts.push(`${t.masked}${m.colon}${s.maskedPersonalData ? m.yes : m.no}`);
  if (report.all.agentMessages > 0) parts.push(`${report.all.agentMessages} ${t.agentMessages}`);
  if (s.approximate) parts.push(t.approximate(String(s.maxUndercount)));
  if (s.channelsMerged !== undefined) parts.push(t.channelsMerged(String(s.channelsMerged)));
  return parts;
}

/** Tonality split as whole percentages: "+38 -38 =13 ~13". */
function formatTonality(ch: ChannelReport): string {
  if (ch.verbatims === 0) return '—';
  const p = (s: number | null) => String(Math.round((s ?? 0) * 100));
  const t = ch.tonality;
  return `+${p(t.positif.share)} -${p(t.negatif.share)} =${p(t.neutre.share)} ~${p(t.mitige.share)}`;
}

function formatScore(score: ScoreSummary | null, m: Messages, lang: string): string {
  if (score === null) return '—';
  switch (score.scale) {
    case 'nps': {
      const nps = score.nps ?? null;
      const sign = nps !== null && nps > 0 ? '+' : '';
      return `NPS ${nps === null ? '—' : sign + formatNumber(nps, 0, lang)} (n=${score.n})`;
    }
    case 'stars':
      return `${formatNumber(score.mean, 2, lang)}/5 (n=${score.n})`;
    case 'mixed':
      return `${m.text.mixed} (n=${score.n})`;
    default:
      return `${m.mean} ${formatNumber(score.mean, 2, lang)} (n=${score.n})`;
  }
}

/** A coverage share with its base: "75 % (3/4)"; a dash when the state had no counts. */
function formatCoverage(figure: CoverageFigure | null, lang: string): string {
  return figure === null || figure.verbatims === 0 ? '—' : `${formatShare(figure.share, lang, 0)} (${figure.explained}/${figure.verbatims})`;
}

/** The residual dissatisfaction: "17 % (1)", or a dash when no verbatim got the residual label. */
function formatResidual(ch: ChannelReport, lang: string): string {
  const r = ch.coverage.residual;
  return r === null ? '—' : `${formatShare(r.share, lang, 0)} (${r.count})`;
}

/** How the dissatisfied and satisfied were found: by score, tonality, or both (all channels). */
function formatBasis(ch: ChannelReport, m: Messages): string {
  const basis = ch.coverage.dissatisfied?.basis;
  return basis === undefined ? '—' : m.coverage.bases[basis];
}

/** True when a channel's report comes from a state without the coverage counts. */
const coverageMissing = (report: Report): boolean => [...report.channels, report.all].some((c) => c.coverage.dissatisfied === null);

/** Ranked lists in reading order. */
const rankedLists = (ch: ChannelReport, m: Messages): Array<[kind: EntryKind, title: string, entries: RankedEntry[]]> =>
  ENTRY_KINDS.map((kind) => [kind, m.text.lists[kind], ch[ENTRY_LISTS[kind]]]);

// ---------------------------------------------------------------- table

interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
  cell(ch: ChannelReport): string;
}

function channelColumns(m: Messages, lang: string): Column[] {
  const t = m.text;
  return [
    { header: m.channel, width: 15, align: 'left', cell: (c) => markedName(c, m, 15) },
    { header: m.verbatims, width: 9, align: 'right', cell: (c) => String(c.verbatims) },
    { header: t.wordsPerVerbatim, width: 8, align: 'right', cell: (c) => formatNumber(c.wordsPerVerbatim.mean, 1, lang) },
    { header: t.conceptsPerVerbatim, width: 11, align: 'right', cell: (c) => formatNumber(c.conceptsPerVerbatim.mean, 1, lang) },
    { header: t.withIrritant, width: 8, align: 'right', cell: (c) => formatShare(c.withIrritant.share, lang, 0) },
    { header: t.withEnchantment, width: 10, align: 'right', cell: (c) => formatShare(c.withEnchantment.share, lang, 0) },
    { header: t.tonality, width: 16, align: 'left', cell: (c) => formatTonality(c) },
    { header: m.score, width: 16, align: 'left', cell: (c) => formatScore(c.score, m, lang) },
  ];
}

function coverageColumns(m: Messages, lang: string): Column[] {
  const t = m.coverage.short;
  return [
    { header: m.channel, width: 15, align: 'left', cell: (c) => markedName(c, m, 15) },
    { header: t.withConcept, width: 12, align: 'right', cell: (c) => formatShare(c.coverage.withConcept.share, lang, 0) },
    { header: t.dissatisfied, width: 20, align: 'right', cell: (c) => formatCoverage(c.coverage.dissatisfied, lang) },
    { header: t.satisfied, width: 20, align: 'right', cell: (c) => formatCoverage(c.coverage.satisfied, lang) },
    { header: t.residual, width: 10, align: 'right', cell: (c) => formatResidual(c, lang) },
    { header: t.basis, width: 9, align: 'left', cell: (c) => formatBasis(c, m) },
  ];
}

function tableRow(cells: string[], columns: Column[]): string {
  return cells
    .map((text, i) => {
      const col = columns[i] as Column;
      const fitted = truncate(text, col.width);
      return col.align === 'left' ? padEnd(fitted, col.width) : padStart(fitted, col.width);
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
    // A window around the matched words, on one line; truncate only neutralises (the snippet fits already).
    const shown = example === undefined ? undefined : snippetOf(example, room - 2, true).text;
    lines.push(shown !== undefined && room >= 10 ? `${head}  « ${truncate(shown, room - 2)} »` : head);
  });
  return lines;
}

function coreTable(report: Report, ctx: TableContext): TextBlock[] {
  const { m, lang, width, heading } = ctx;
  const head: string[] = [heading(truncate(oneLine(ctx.title), width)), ...wrapParts(summaryParts(report, m), width), ''];
  const columns = channelColumns(m, lang);
  const header = tableRow(columns.map((c) => c.header), columns);
  const rule = '─'.repeat(Math.min(width, widthOf(header)));
  head.push(heading(header), rule);
  for (const ch of report.channels) head.push(tableRow(columns.map((c) => c.cell(ch)), columns));
  head.push(rule, tableRow(columns.map((c) => c.cell(report.all)), columns));

  // After the chat line (200), which reads with the channel table.
  const coverage = coverageColumns(m, lang);
  const coverageHeader = tableRow(coverage.map((c) => c.header), coverage);
  const coverageRule = '─'.repeat(Math.min(width, widthOf(coverageHeader)));
  const covered: string[] = ['', heading(m.coverage.title), heading(coverageHeader), coverageRule];
  for (const ch of report.channels) covered.push(tableRow(coverage.map((c) => c.cell(ch)), coverage));
  covered.push(coverageRule, tableRow(coverage.map((c) => c.cell(report.all)), coverage));
  // The mark's footnote once, under the second table that has it (the chat line reads with the first).
  for (const note of lowBaseNotes(report, m)) covered.push(...wrapWords(note, width));
  covered.push(...wrapWords(m.coverage.note, width));
  if (coverageMissing(report)) covered.push(...wrapWords(m.coverage.missing, width));

  const rankings: string[] = [];
  for (const [, title, entries] of rankedLists(report.all, m).filter(([kind]) => kind === 'theme' || kind === 'irritant' || kind === 'enchantment')) {
    if (entries.length === 0) continue;
    rankings.push('', heading(`${title} (${channelName(report.all, m)})`), ...rankingLines(entries, lang, width, ctx.top));
  }

  const end: string[] = [];
  const s = report.summary;
  if (s.rejected > 0) {
    end.push('', heading(`${m.text.rejects}${m.colon}${s.rejected}`));
    for (const r of s.rejectsByReason) end.push(`  ${padEnd(truncate(r.reason, 30), 30)} ${padStart(String(r.count), 6)}`);
    for (const r of s.firstRejects) {
      // The row as a spreadsheet shows it; where and why are never cut, the hint is shortened to the width.
      const where = `  ${truncate(oneLine(`${r.source.file} ${m.text.row} ${r.source.sheetRow ?? r.source.row}${m.colon}${r.reason}`), Infinity)}`;
      end.push(r.hint === '' ? where : `${where}${truncate(` — ${oneLine(r.hint)}`, Math.max(24, width - where.length))}`);
    }
  }
  return [
    { order: CORE_ORDER.head, lines: head },
    { order: CORE_ORDER.coverage, lines: covered },
    { order: CORE_ORDER.rankings, lines: rankings },
    { order: CORE_ORDER.end, lines: end },
  ];
}

// ---------------------------------------------------------------- Markdown

function channelTable(report: Report, m: Messages, lang: string): string[] {
  const t = m.text;
  const header = [m.channel, m.verbatims, t.wordsPerVerbatim, `${t.median} (p10–p90)`, t.conceptsPerVerbatim, t.withIrritant, t.withEnchantment, t.tonality, m.score];
  const line = (c: ChannelReport, bold: boolean): string => {
    const values = [
      mdCell(markedName(c, m)),
      String(c.verbatims),
      formatNumber(c.wordsPerVerbatim.mean, 1, lang),
      `${formatNumber(c.wordsPerVerbatim.median, 1, lang)} (${formatNumber(c.wordsPerVerbatim.p10, 1, lang)}–${formatNumber(c.wordsPerVerbatim.p90, 1, lang)})`,
      formatNumber(c.conceptsPerVerbatim.mean, 1, lang),
      formatShare(c.withIrritant.share, lang, 0),
      formatShare(c.withEnchantment.share, lang, 0),
      mdCell(formatTonality(c)),
      mdCell(formatScore(c.score, m, lang)),
    ];
    return `| ${(bold ? values.map((v, i) => (i === 0 ? `**${v}**` : v)) : values).join(' | ')} |`;
  };
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 || i >= 7 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...report.channels.map((c) => line(c, false)),
    line(report.all, true),
  ];
}

function coverageTable(report: Report, m: Messages, lang: string): string[] {
  const t = m.coverage;
  const header = [m.channel, t.withConcept, t.dissatisfied, t.satisfied, t.residual, t.basis];
  const line = (c: ChannelReport, bold: boolean): string => {
    const values = [
      mdCell(markedName(c, m)),
      formatShare(c.coverage.withConcept.share, lang, 0),
      formatCoverage(c.coverage.dissatisfied, lang),
      formatCoverage(c.coverage.satisfied, lang),
      formatResidual(c, lang),
      mdCell(formatBasis(c, m)),
    ];
    return `| ${(bold ? values.map((v, i) => (i === 0 ? `**${v}**` : v)) : values).join(' | ')} |`;
  };
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 || i === 5 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...report.channels.map((c) => line(c, false)),
    line(report.all, true),
  ];
}

function rankingTable(entries: RankedEntry[], m: Messages, lang: string, top: number, title: string): string[] {
  return [
    `| # | ${mdCell(title)} | ${m.verbatims} | ${m.share} |`,
    '| ---: | --- | ---: | ---: |',
    ...entries.slice(0, top).map((e, i) => `| ${i + 1} | ${mdCell(e.label)} | ${e.verbatims} | ${formatShare(e.share, lang)} |`),
  ];
}

function termTable(terms: RankedTerm[], m: Messages, lang: string, title: string): string[] {
  return [
    `| # | ${mdCell(title)} | ${m.verbatims} | ${m.share} |`,
    '| ---: | --- | ---: | ---: |',
    ...terms.map((t, i) => `| ${i + 1} | ${mdCell(t.key)} | ${t.verbatims} | ${formatShare(t.share, lang)} |`),
  ];
}

function exampleLines(e: ReportExample): string[] {
  const where = [e.channel, e.date, e.score === undefined ? undefined : `score ${e.score}`, e.id].filter((x) => x !== undefined);
  return [`> ${boldHighlights({ ...e, ...snippetOf(e, SNIPPET_MAX, true) })}`, `> — ${mdCell(where.join(' · '))}`, ''];
}

function coreMarkdown(report: Report, ctx: MarkdownContext): TextBlock[] {
  const { m, lang, top } = ctx;
  const t = m.text;
  const out: string[] = [`# ${mdCell(ctx.title)}`, ''];
  out.push(...summaryParts(report, m).map((p) => `- ${mdCell(p)}`), '');
  const notes = lowBaseNotes(report, m).flatMap((note) => [mdCell(note), '']);
  out.push(`## ${t.byChannel}`, '', ...channelTable(report, m, lang), '', ...notes);
  out.push(`## ${mdCell(m.coverage.title)}`, '', ...coverageTable(report, m, lang), '', ...notes, mdCell(m.coverage.note), '');
  if (coverageMissing(report)) out.push(mdCell(m.coverage.missing), '');

  const all = report.all;
  out.push(`## ${mdCell(channelName(all, m))}`, '');
  for (const [, title, entries] of rankedLists(all, m)) {
    if (entries.length === 0) continue;
    out.push(`### ${title}`, '', ...rankingTable(entries, m, lang, top, title), '');
    for (const e of entries.slice(0, top)) {
      if (e.examples.length === 0) continue;
      out.push(`#### ${mdCell(e.label)} — ${e.verbatims} ${m.verbatims.toLowerCase()} (${formatShare(e.share, lang)})`, '');
      for (const ex of e.examples) out.push(...exampleLines(ex));
    }
  }
  if (all.topWords.length > 0) out.push(`### ${t.topWords}`, '', ...termTable(all.topWords, m, lang, t.topWords), '');
  if (all.topExpressions.length > 0) out.push(`### ${t.topExpressions}`, '', ...termTable(all.topExpressions, m, lang, t.topExpressions), '');

  if (ctx.perChannel) {
    for (const ch of report.channels) {
      // A low-base channel's rankings say their base under the heading: n = 4, and the mark's footnote.
      out.push(`## ${m.channel}${m.colon}${mdCell(markedName(ch, m))}`, '');
      if (isLowBase(ch)) out.push(mdCell(`${m.html.base(String(ch.verbatims))}. ${m.text.lowBaseNote(LOW_MARK, String(LOW_BASE))}`), '');
      for (const [kind, title, entries] of rankedLists(ch, m)) {
        if (kind === 'concept' || kind === 'intent' || entries.length === 0) continue;
        out.push(`### ${title}`, '', ...rankingTable(entries, m, lang, top, title), '');
      }
    }
  }

  const s = report.summary;
  if (s.rejected > 0) {
    out.push(`## ${t.rejects}`, '', `| ${t.reason} | ${m.verbatims} |`, '| --- | ---: |');
    for (const r of s.rejectsByReason) out.push(`| ${mdCell(r.reason)} | ${r.count} |`);
    out.push('');
    for (const r of s.firstRejects) {
      out.push(`- ${mdCell(`${r.source.file} ${t.row} ${r.source.sheetRow ?? r.source.row}${m.colon}${r.reason}${r.hint === '' ? '' : ` — ${r.hint}`}`)}`);
    }
    out.push('');
  }
  return [{ order: CORE_ORDER.head, lines: out }];
}

// ---------------------------------------------------------------- HTML

const channelAxisLabel = (ctx: HtmlContext, ch: ChannelReport): string => `${ch.label} (${ctx.f.num(ch.verbatims, 0)})`;

/** A channel's name in an HTML table, tagged "low base" when its shares rest on fewer than `LOW_BASE` verbatims. */
const htmlChannelName = (ctx: HtmlContext, ch: ChannelReport, label: string): string =>
  `${esc(label)}${isLowBase(ch) ? ` <span class="tag low-base" title="${esc(ctx.m.html.base(ctx.f.num(ch.verbatims, 0)))}">${esc(ctx.m.html.lowBase)}</span>` : ''}`;

/** Channels large enough to be named in a finding, or all when none is. */
function solidChannels(channels: ChannelReport[]): ChannelReport[] {
  const solid = channels.filter((c) => c.verbatims >= CAPTION_MIN_BASE);
  return solid.length > 0 ? solid : channels;
}

/** A channel score as plain text: the value and its base (`n = 97`), or null when nothing was scored. */
function scoreParts(ctx: HtmlContext, s: ScoreSummary | null): { value: string; base: string } | null {
  const { m, f } = ctx;
  if (s === null || s.n === 0) return null;
  const base = m.html.base(f.num(s.n, 0));
  const sv = m.html.scoreValue;
  switch (s.scale) {
    case 'nps':
      return { value: sv.nps(typeof s.nps === 'number' ? f.signed(s.nps, 0) : '—'), base };
    case 'stars':
      return { value: sv.stars(f.num(s.mean, 1)), base };
    case 'mixed':
      return { value: sv.mixed, base };
    default:
      return { value: sv.mean(f.num(s.mean, 1)), base };
  }
}

function htmlScore(ctx: HtmlContext, s: ScoreSummary | null): string {
  const parts = scoreParts(ctx, s);
  const low = s?.lowBase === true ? ` <span class="tag">${esc(ctx.m.html.lowBase)}</span>` : '';
  return parts === null ? '—' : `${esc(parts.value)}<span class="sub">${esc(parts.base)}${low}</span>`;
}

function summaryBlock(report: Report, ctx: HtmlContext): HtmlBlock {
  const { m, f } = ctx;
  const h = m.html;
  const s = report.summary;
  const figures: Array<[label: string, value: string, sub?: string]> = [
    [h.inputRows, f.num(s.inputRows, 0)],
    [h.analysed, f.num(s.analysed, 0)],
    [h.rejected, f.num(s.rejected, 0)],
    [h.channelCount, f.num(s.channels, 0)],
  ];
  if (s.period !== null) figures.push([h.period, h.periodValue(f.date(s.period.from), f.date(s.period.to))]);
  const scores = ctx.result<ScoresResult>('scores');
  // With mixed scales the insight headline reads stars as NPS; the core report says "mixed" instead.
  // The insight scores may cover only the channels of the dominant scale: then the core report's "mixed" is the honest global figure.
  const coversAllScored =
    scores !== undefined && scores.channels.filter((c) => c.scored > 0).length >= report.channels.filter((c) => c.score !== null && c.score.n > 0).length;
  const groups =
    scores !== undefined && Array.isArray(scores.otherScales)
      ? [scores, ...scores.otherScales].filter((g) => typeof g?.overall?.scored === 'number' && g.overall.scored > 0 && Array.isArray(g.channels))
      : [];
  if (groups.length > 1) {
    // Channels on several scales: one figure per scale, each with its channels ("NPS −21 (Enquête) · 4,1/5 (Avis)").
    const value = groups
      .map((g) => {
        const o = g.overall;
        const figure =
          g.scale.kind === 'nps'
            ? h.scoreValue.nps(f.signed(o.nps, 0))
            : g.scale.kind === 'stars'
              ? h.scoreValue.stars(f.num(o.mean, 1))
              : g.scale.kind === 'csat'
                ? `${f.pctPoints(o.satisfied)} ${h.headline.satisfied.replace(/^(le|la) /, '').replace(/^% (de )?/, '')}`
                : h.scoreValue.mean(f.num(o.mean, 1));
        const names = g.channels.filter((c) => c.scored > 0).map((c) => ctx.channelLabel(c.channel));
        return `${figure} (${names.length > 2 ? `${names.slice(0, 2).join(', ')}…` : names.join(', ')})`;
      })
      .join(' · ');
    figures.push([h.overallScore, value, groups.map((g) => h.base(f.num(g.overall.scored, 0))).join(' · ')]);
  } else if (scores !== undefined && coversAllScored && !scores.mixedScales && scores.overall.scored > 0 && scores.overall.headline !== null) {
    const kind = scores.scale.kind;
    const value =
      kind === 'nps'
        ? h.scoreValue.nps(f.signed(scores.overall.headline, 0))
        : kind === 'stars' || kind === 'csat'
          ? `${f.pctPoints(scores.overall.headline)} ${h.headline.satisfied.replace(/^(le|la) /, '').replace(/^% (de )?/, '')}`
          : h.scoreValue.mean(f.num(scores.overall.headline, 1));
    figures.push([h.overallScore, value, h.base(f.num(scores.overall.scored, 0))]);
  } else if (report.all.score !== null && report.all.score.n > 0) {
    const parts = scoreParts(ctx, report.all.score);
    if (parts !== null) figures.push([h.overallScore, parts.value, parts.base]);
  }
  const dd = (v: string, sub?: string) => `<dd>${esc(v)}${sub !== undefined ? `<span class="sub">${esc(sub)}</span>` : ''}</dd>`;
  let html = `<dl class="figures">${figures.map(([k, v, sub]) => `<div><dt>${esc(k)}</dt>${dd(v, sub)}</div>`).join('')}</dl>`;
  html += s.maskedPersonalData ? `<p class="note">${esc(h.maskedYes)}</p>` : `<p class="warning" role="note">${esc(h.maskedNo)}</p>`;
  if (s.approximate) html += `<p class="note">${esc(h.approximate(String(s.maxUndercount)))}</p>`;
  if (s.channelsMerged !== undefined) html += `<p class="warning" role="note">${esc(h.channelsMerged(String(s.channelsMerged)))}</p>`;
  if (s.rejected > 0) {
    const reasons = table(
      null,
      [cell(esc(h.reason)), cell(esc(h.rejected), true)],
      s.rejectsByReason.map((r) => [cell(esc(r.reason)), cell(f.num(r.count, 0), true)]),
    );
    const first =
      s.firstRejects.length > 0
        ? table(
            esc(h.firstRejects),
            [cell(esc(h.file)), cell(esc(h.row), true), cell(esc(h.line), true), cell(esc(h.reason)), cell(esc(h.hint))],
            s.firstRejects.map((r) => [
              cell(esc(r.source.file)),
              cell(f.num(r.source.row, 0), true),
              cell(r.source.line !== undefined ? f.num(r.source.line, 0) : '—', true),
              cell(esc(r.reason)),
              cell(esc(r.hint)),
            ]),
          )
        : '';
    html += `<details class="more"><summary>${esc(h.rejectReasons)}</summary>${reasons}${first}</details>`;
  }
  return { order: CORE_ORDER.head, id: 'synthese', title: h.sections.summary, html };
}

function toneBar(ctx: HtmlContext, ch: ChannelReport): string {
  const { m, f } = ctx;
  const parts = TONALITIES.map((t) => [t, ch.tonality[t]?.share ?? null] as const);
  const spoken = parts.map(([t, share]) => `${m.html.tonalities[t]} ${f.pct(share)}`).join(', ');
  const bar = parts.map(([t, share]) => (share !== null && share > 0 ? `<span class="${t}" style="width:${(share * 100).toFixed(1)}%"></span>` : '')).join('');
  const short = parts.map(([, share]) => f.pct(share)).join(' · ');
  return `<span class="tone-text" aria-hidden="true">${esc(short)}</span><span class="tone" aria-hidden="true">${bar}</span><span class="visually-hidden">${esc(spoken)}</span>`;
}

function channelTableBlock(report: Report, ctx: HtmlContext): HtmlBlock {
  const { m, f } = ctx;
  const h = m.html;
  // Exchanges per conversation of each channel's chat transcripts, when the chat section has any.
  const chats = new Map((ctx.result<ChatFigures[]>('chat') ?? []).filter((c) => c.conversations > 0).map((c) => [c.channel, c] as const));
  const withExchanges = [...report.channels, report.all].some((ch) => chats.has(ch.channel));
  const toneLegend = TONALITIES.map((t) => h.tonalities[t]).join(' · ');
  const head = [
    cell(esc(m.channel)),
    cell(esc(m.verbatims), true),
    cell(`${esc(h.wordsPerVerbatim)}<span class="sub">${esc(`${m.mean} / ${h.median}`)}</span>`, true),
    cell(`${esc(h.conceptsPerVerbatim)}<span class="sub">${esc(`${m.mean} / ${h.median}`)}</span>`, true),
    cell(esc(h.withIrritant), true),
    cell(esc(h.withEnchantment), true),
    cell(`${esc(h.tonality)}<span class="sub">${esc(toneLegend)}</span>`),
    cell(esc(m.score), true),
  ];
  if (withExchanges) head.push(cell(`${esc(h.exchanges)}<span class="sub">${esc(`${m.mean} / ${h.median}`)}</span>`, true));
  const row = (ch: ChannelReport, label: string): Cell[] => {
    const cells = [
      cell(htmlChannelName(ctx, ch, label)),
      cell(f.num(ch.verbatims, 0), true),
      cell(`${f.num(ch.wordsPerVerbatim.mean, 1)}<span class="sub">${f.num(ch.wordsPerVerbatim.median, 0)}</span>`, true),
      cell(`${f.num(ch.conceptsPerVerbatim.mean, 1)}<span class="sub">${f.num(ch.conceptsPerVerbatim.median, 0)}</span>`, true),
      cell(f.pct(ch.withIrritant.share), true),
      cell(f.pct(ch.withEnchantment.share), true),
      cell(toneBar(ctx, ch)),
      cell(htmlScore(ctx, ch.score), true),
    ];
    if (withExchanges) {
      const chat = chats.get(ch.channel);
      const { mean, median } = chat?.exchanges ?? { mean: null, median: null };
      cells.push(cell(chat === undefined ? '—' : `${f.num(mean, 1)}<span class="sub">${f.num(median, 0)} · ${esc(h.conversations(f.num(chat.conversations, 0), chat.conversations))}</span>`, true));
    }
    return cells;
  };
  const html =
    report.channels.length === 0
      ? absent(h.absent.noVerbatims)
      : table(null, head, report.channels.map((ch) => row(ch, ch.label)), row(report.all, m.allChannels), 'channels');
  return { order: CORE_ORDER.head + 10, id: 'canaux', title: h.sections.channels, html };
}

function coverageBlock(report: Report, ctx: HtmlContext): HtmlBlock {
  const { m, f } = ctx;
  const t = m.coverage;
  const figureCell = (figure: CoverageFigure | null): Cell =>
    cell(figure === null || figure.verbatims === 0 ? '—' : `${f.pct(figure.share)}<span class="sub">${f.num(figure.explained, 0)} / ${f.num(figure.verbatims, 0)}</span>`, true);
  const head = [cell(esc(m.channel)), cell(esc(t.withConcept), true), cell(esc(t.dissatisfied), true), cell(esc(t.satisfied), true), cell(esc(t.residual), true), cell(esc(t.basis))];
  const row = (ch: ChannelReport, label: string): Cell[] => {
    const r = ch.coverage.residual;
    return [
      cell(htmlChannelName(ctx, ch, label)),
      cell(f.pct(ch.coverage.withConcept.share), true),
      figureCell(ch.coverage.dissatisfied),
      figureCell(ch.coverage.satisfied),
      cell(r === null ? '—' : `${f.pct(r.share)}<span class="sub">${esc(m.html.verbatimCount(f.num(r.count, 0), r.count))}</span>`, true),
      cell(esc(formatBasis(ch, m))),
    ];
  };
  const notes = `<p class="note">${esc(t.note)}</p>${coverageMissing(report) ? `<p class="warning" role="note">${esc(t.missing)}</p>` : ''}`;
  const html =
    report.channels.length === 0
      ? absent(m.html.absent.noVerbatims)
      : table(null, head, report.channels.map((ch) => row(ch, ch.label)), row(report.all, m.allChannels)) + notes;
  return { order: CORE_ORDER.head + 15, id: 'couverture', title: t.title, html };
}

function comparisonBlock(report: Report, ctx: HtmlContext, { comparisonChart }: Charts): HtmlBlock {
  const { m, f } = ctx;
  const h = m.html;
  const id = 'comparaison';
  const title = h.sections.comparison;
  const block = (html: string): HtmlBlock => ({ order: CORE_ORDER.head + 20, id, title, html });
  const channels = report.channels.filter((c) => c.verbatims > 0);
  if (channels.length === 0) return block(absent(h.absent.noVerbatims));
  const rows = channels.map((ch) => ({
    channel: channelAxisLabel(ctx, ch),
    words: ch.wordsPerVerbatim.mean,
    concepts: ch.conceptsPerVerbatim.mean,
    irritant: ch.withIrritant.share,
    wordsText: f.num(ch.wordsPerVerbatim.mean, 1),
    conceptsText: f.num(ch.conceptsPerVerbatim.mean, 1),
    irritantText: f.pct(ch.withIrritant.share),
  }));
  const solid = solidChannels(channels);
  const longest = maxBy(solid, (c) => c.wordsPerVerbatim.mean);
  const richest = maxBy(solid, (c) => c.conceptsPerVerbatim.mean);
  const finding =
    longest && richest
      ? h.captions.comparison(longest.label, f.num(longest.wordsPerVerbatim.mean, 1), richest.label, f.num(richest.conceptsPerVerbatim.mean, 1))
      : '';
  const svg = comparisonChart(
    rows,
    { words: `${h.wordsPerVerbatim} (${m.mean})`, concepts: `${h.conceptsPerVerbatim} (${m.mean})`, irritant: h.withIrritant },
    chartFrame(ctx, id, `${title}. ${finding}`),
  );
  return block(figure(m, id, svg, `${esc(finding)} <span class="note">${esc(h.captions.comparisonNote)}</span>`));
}

function heatmapBlock(report: Report, ctx: HtmlContext, { heatmapChart }: Charts): HtmlBlock {
  const { m, f } = ctx;
  const h = m.html;
  const id = 'themes';
  const title = h.sections.heatmap;
  const block = (html: string): HtmlBlock => ({ order: CORE_ORDER.head + 30, id, title, html });
  const channels = report.channels.filter((c) => c.verbatims > 0);
  const themes = report.all.themes.filter((t) => t.verbatims > 0).slice(0, ctx.limits.heatmapThemes);
  if (channels.length === 0) return block(absent(h.absent.noVerbatims));
  if (themes.length === 0) return block(absent(h.absent.noThemes));
  const shareIn = (ch: ChannelReport, theme: string): number => {
    const entry = ch.themes.find((t) => t.id === theme);
    return entry?.share ?? (ch.verbatims > 0 ? (entry?.verbatims ?? 0) / ch.verbatims : 0);
  };
  // Each cell leads to the theme's examples in that channel (or to its examples when the page has one channel).
  const drill = examplesByChannel(report);
  const hrefOf = (ch: ChannelReport, theme: string): string | undefined =>
    (ch.themes.find((t) => t.id === theme)?.verbatims ?? 0) > 0 ? `#${examplesAnchor('theme', theme, drill ? ch.channel : undefined)}` : undefined;
  const cells: HeatCell[] = [];
  for (const theme of themes) {
    for (const ch of channels) {
      const share = shareIn(ch, theme.id);
      const href = hrefOf(ch, theme.id);
      // A share of a handful of verbatims is hatched and says its n, never drawn as solid as the others.
      const low = isLowBase(ch) ? { lowBase: `${theme.label} — ${ch.label}${m.colon}${f.pct(share)} (${h.base(f.num(ch.verbatims, 0))}, ${h.lowBase})` } : {};
      cells.push({ theme: theme.label, channel: channelAxisLabel(ctx, ch), share, label: f.pct(share), ...low, ...(href !== undefined ? { href } : {}) });
    }
  }
  const top = themes[0] as RankedEntry;
  let best: { theme: string; channel: string; share: number } | undefined;
  for (const ch of solidChannels(channels)) {
    for (const theme of themes) {
      const share = shareIn(ch, theme.id);
      if (best === undefined || share > best.share) best = { theme: theme.label, channel: ch.label, share };
    }
  }
  let finding = best ? h.captions.heatmap(top.label, f.pct(top.share), best.theme, best.channel, f.pct(best.share)) : '';
  if (channels.some((c) => c.verbatims < CAPTION_MIN_BASE)) finding += ` ${h.smallBases(f.num(CAPTION_MIN_BASE, 0))}`;
  const linked = (ch: ChannelReport, theme: string, html: string): string => {
    const href = hrefOf(ch, theme);
    return href === undefined ? html : `<a href="${href}">${html}</a>`;
  };
  const svg = heatmapChart(
    cells,
    themes.map((t) => t.label),
    channels.map((c) => channelAxisLabel(ctx, c)),
    h.shareOfVerbatims,
    chartFrame(ctx, id, `${title}. ${finding}`),
    channels.some(isLowBase) ? h.heatmapLowBase(f.num(LOW_BASE, 0)) : undefined,
  );
  const data = table(
    null,
    [cell(esc(h.theme)), ...channels.map((c) => cell(htmlChannelName(ctx, c, c.label), true)), cell(esc(m.allChannels), true)],
    themes.map((t) => [
      cell(`<a href="#${examplesAnchor('theme', t.id)}">${esc(t.label)}</a>`),
      ...channels.map((c) => cell(linked(c, t.id, f.pct(shareIn(c, t.id))), true)),
      cell(f.pct(t.share), true),
    ]),
  );
  return block(figure(m, id, svg, `${esc(finding)} <span class="note">${esc(h.captions.heatmapLinks)}</span>`, data));
}

/** Longest snippet of the examples listed by channel (the overall ones show SNIPPET_MAX). */
const CHANNEL_SNIPPET_MAX = 160;

/**
 * Kinds whose examples are also listed channel by channel: those the heat map
 * and the score drivers link to. Concepts and intents, finer and more numerous,
 * keep their overall examples only, which keeps the page light.
 */
const DRILLED_KINDS: ReadonlySet<EntryKind> = new Set(['theme', 'irritant', 'enchantment']);

/** Examples are also listed channel by channel when the page has more than one channel with verbatims. */
const examplesByChannel = (report: Report): boolean => report.channels.filter((c) => c.verbatims > 0).length > 1;

function exampleItem(ctx: HtmlContext, example: ReportExample, withChannel: boolean, width: number): string {
  const { m, f } = ctx;
  const meta = withChannel ? [ctx.channelLabel(example.channel)] : [];
  if (example.date !== undefined) meta.push(f.date(example.date));
  if (typeof example.score === 'number') meta.push(`${m.html.exampleScore} ${f.num(example.score, Number.isInteger(example.score) ? 0 : 1)}`);
  // A long verbatim shows a window around the matched words.
  const shown = snippet(example.text, example.highlights, width);
  const where = meta.length > 0 ? `<span class="meta">${esc(meta.join(' · '))}</span>` : '';
  return `<li><blockquote>${highlightText(shown.text, shown.highlights)}</blockquote>${where}</li>`;
}

function examplesBlock(report: Report, ctx: HtmlContext): HtmlBlock {
  const { m, f } = ctx;
  const h = m.html;
  const id = 'exemples';
  const title = h.sections.examples;
  const block = (html: string): HtmlBlock => ({ order: CORE_ORDER.end, id, title, html });
  const groups = ENTRY_KINDS.map((kind) => [kind, report.all[ENTRY_LISTS[kind]].filter((e) => e.verbatims > 0)] as const).filter(([, entries]) => entries.length > 0);
  if (groups.length === 0) return block(absent(report.summary.analysed === 0 ? h.absent.noVerbatims : h.absent.noEntries));
  const note = `${h.captions.examplesNote}${report.summary.maskedPersonalData ? ` ${h.captions.maskedExamples}` : ''}`;
  const drill = examplesByChannel(report);
  const count = (e: RankedEntry): string => `— ${h.verbatimCount(f.num(e.verbatims, 0), e.verbatims)} · ${f.pct(e.share)}`;
  // The channel lists repeat the overall examples of their channel: shorter windows keep the page light.
  const list = (examples: readonly ReportExample[], withChannel: boolean, anchor: string): string =>
    examples.length > 0
      ? `<ul class="examples" id="${anchor}">${examples.map((x) => exampleItem(ctx, x, withChannel, withChannel ? SNIPPET_MAX : CHANNEL_SNIPPET_MAX)).join('')}</ul>`
      : `<p class="note" id="${anchor}">${esc(h.noExamples)}</p>`;
  // Each channel's examples of the entry, folded under the channel's name with the entry's count and share there.
  const perChannel = (kind: EntryKind, e: RankedEntry): string => {
    if (!drill || !DRILLED_KINDS.has(kind)) return '';
    const parts = report.channels.flatMap((ch) => {
      const here = ch[ENTRY_LISTS[kind]].find((x) => x.id === e.id);
      if (here === undefined || here.verbatims === 0) return [];
      return [`<details class="channel-examples"><summary>${htmlChannelName(ctx, ch, ch.label)} <span class="count">${esc(count(here))}</span></summary>${list(here.examples, false, examplesAnchor(kind, e.id, ch.channel))}</details>`];
    });
    return parts.length > 0 ? `<div class="by-channel"><p class="by-channel-title">${esc(h.examplesByChannel)}</p>${parts.join('')}</div>` : '';
  };
  const html = groups
    .map(([kind, entries]) => {
      const items = entries
        .map((e) => `<details class="entry"><summary>${esc(e.label)} <span class="count">${esc(count(e))}</span></summary>${list(e.examples, true, examplesAnchor(kind, e.id))}${perChannel(kind, e)}</details>`)
        .join('');
      return `<h3 id="${anchorId('ex', kind)}">${esc(h.kinds[kind])} <span class="count">(${entries.length})</span></h3>${items}`;
    })
    .join('');
  return block(`<p class="note">${esc(note)}</p>${html}`);
}

async function coreHtml(report: Report, ctx: HtmlContext): Promise<HtmlBlock[]> {
  const charts = await loadCharts();
  return [summaryBlock(report, ctx), channelTableBlock(report, ctx), coverageBlock(report, ctx), comparisonBlock(report, ctx, charts), heatmapBlock(report, ctx, charts), examplesBlock(report, ctx)];
}

// ---------------------------------------------------------------- CSV

const pct = (share: number | null): number | null => (share === null ? null : Math.round(share * 10000) / 100);

function coreCsv(report: Report, examples: boolean): CsvRow[] {
  const rows: CsvRow[] = [];
  const row = (section: string, channel: string, key: string, label: string, metric: string, value: CsvValue): void => {
    rows.push({ section, channel, key, label, metric, value });
  };
  const s = report.summary;
  row('summary', '', '', '', 'input_rows', s.inputRows);
  row('summary', '', '', '', 'analysed', s.analysed);
  row('summary', '', '', '', 'rejected', s.rejected);
  row('summary', '', '', '', 'channels', s.channels);
  if (s.period !== null) {
    row('summary', '', '', '', 'period_from', s.period.from);
    row('summary', '', '', '', 'period_to', s.period.to);
  }
  row('summary', '', '', '', 'masked_personal_data', s.maskedPersonalData ? 1 : 0);
  row('summary', '', '', '', 'approximate', s.approximate ? 1 : 0);
  if (s.approximate) row('summary', '', '', '', 'max_undercount', s.maxUndercount);
  if (s.channelsMerged !== undefined) row('summary', '', '', '', 'channels_merged', s.channelsMerged);
  for (const r of s.rejectsByReason) row('reject_reason', '', r.reason, r.reason, 'count', r.count);
  for (const r of s.firstRejects) row('reject', '', `${r.source.file}:${r.source.row}`, r.reason, 'hint', r.hint);

  const channel = (c: ChannelReport): void => {
    const id = c.channel;
    const fig = (metric: string, v: CsvValue) => row('channel', id, id, c.label, metric, v);
    fig('verbatims', c.verbatims);
    // The channel's shares rest on fewer than LOW_BASE verbatims: as the trends and score rows say it.
    fig('low_base', isLowBase(c) ? 1 : 0);
    fig('words_mean', c.wordsPerVerbatim.mean);
    fig('words_median', c.wordsPerVerbatim.median);
    fig('words_p10', c.wordsPerVerbatim.p10);
    fig('words_p90', c.wordsPerVerbatim.p90);
    fig('content_words_mean', c.contentWordsPerVerbatim.mean);
    fig('concepts_mean', c.conceptsPerVerbatim.mean);
    fig('concepts_median', c.conceptsPerVerbatim.median);
    fig('themes_mean', c.themesPerVerbatim.mean);
    fig('themes_median', c.themesPerVerbatim.median);
    fig('with_irritant', c.withIrritant.count);
    fig('with_irritant_pct', pct(c.withIrritant.share));
    fig('with_enchantment', c.withEnchantment.count);
    fig('with_enchantment_pct', pct(c.withEnchantment.share));
    const cov = c.coverage;
    row('coverage', id, id, c.label, 'with_concept', cov.withConcept.count);
    row('coverage', id, id, c.label, 'with_concept_pct', pct(cov.withConcept.share));
    for (const [name, figure] of [['dissatisfied', cov.dissatisfied], ['satisfied', cov.satisfied]] as const) {
      if (figure === null) continue;
      row('coverage', id, id, c.label, name, figure.verbatims);
      row('coverage', id, id, c.label, `${name}_explained`, figure.explained);
      row('coverage', id, id, c.label, `${name}_explained_pct`, pct(figure.share));
      row('coverage', id, id, c.label, `${name}_basis`, figure.basis);
    }
    if (cov.residual !== null) {
      row('coverage', id, cov.residual.id, cov.residual.label, 'residual', cov.residual.count);
      row('coverage', id, cov.residual.id, cov.residual.label, 'residual_pct', pct(cov.residual.share));
    }
    if (c.period !== null) {
      fig('period_from', c.period.from);
      fig('period_to', c.period.to);
    }
    for (const [t, cs] of Object.entries(c.tonality)) {
      row('tonality', id, t, t, 'verbatims', cs.count);
      row('tonality', id, t, t, 'pct', pct(cs.share));
    }
    for (const l of c.languages) {
      row('language', id, l.id, l.id, 'verbatims', l.count);
      row('language', id, l.id, l.id, 'pct', pct(l.share));
    }
    if (c.score !== null) {
      const sc = c.score;
      row('score', id, sc.scale, sc.scale, 'n', sc.n);
      row('score', id, sc.scale, sc.scale, 'ignored', sc.ignored);
      row('score', id, sc.scale, sc.scale, 'mean', sc.mean);
      if (sc.scale === 'nps') {
        row('score', id, sc.scale, sc.scale, 'nps', sc.nps ?? null);
        row('score', id, sc.scale, sc.scale, 'promoters', sc.promoters ?? 0);
        row('score', id, sc.scale, sc.scale, 'passives', sc.passives ?? 0);
        row('score', id, sc.scale, sc.scale, 'detractors', sc.detractors ?? 0);
      }
    }
    for (const list of [c.themes, c.concepts, c.irritants, c.enchantments, c.intents]) {
      for (const e of list) {
        row(e.kind, id, e.id, e.label, 'verbatims', e.verbatims);
        row(e.kind, id, e.id, e.label, 'pct', pct(e.share));
        if (examples) e.examples.forEach((ex, i) => row('example', id, e.id, e.label, `example_${i + 1}`, oneLine(ex.text)));
      }
    }
    for (const [section, terms] of [['word', c.topWords], ['expression', c.topExpressions]] as const) {
      for (const t of terms) {
        row(section, id, t.key, t.key, 'verbatims', t.verbatims);
        row(section, id, t.key, t.key, 'occurrences', t.occurrences);
        row(section, id, t.key, t.key, 'pct', pct(t.share));
      }
    }
  };
  for (const c of report.channels) channel(c);
  channel(report.all);
  return rows;
}

/** The core figures in every format (the report itself is their JSON). */
export const coreRender: SectionRender<CoreReport, unknown> = {
  table: (_, ctx) => coreTable(ctx.report, ctx),
  md: (_, ctx) => coreMarkdown(ctx.report, ctx),
  html: (_, ctx) => coreHtml(ctx.report, ctx),
  csv: (_, ctx) => coreCsv(ctx.report, ctx.examples),
};
