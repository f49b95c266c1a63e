/**
 * Markdown report: the table report's content, plus examples with matched words
 * in bold, then the analyses found in `report.sections` (chat exchanges, score
 * impact, keyness, co-occurrence, trends, journey).
 */
import { neutralizeText } from '../../_utils/display.js';
import type { ChannelReport, RankedEntry, RankedTerm, Report, ReportExample } from '../types.js';
import type { CooccurrencePair, EntryScore, KeyItem, TrendMove, TrendSeries } from '../insight/index.js';
import {
  channelLabel,
  channelLabels,
  entryLabels,
  formatHeadline,
  formatNumber,
  formatP,
  formatPoints,
  formatScore,
  formatShare,
  formatSigned,
  formatTonality,
  headlineName,
  insightWordingFor,
  rankedLists,
  summaryParts,
  wordingFor,
  type InsightWording,
  type Wording,
} from './format.js';
import { readChat, readInsight, type ChatView, type InsightView } from './html/insight.js';
import type { Renderer, RenderOptions } from './types.js';

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

/** Escapes text so Markdown shows it literally (also safe inside table cells). */
export function escapeMarkdown(text: string): string {
  return neutralizeText(text).replace(/[\\`*_[\]<>#|~]/g, '\\$&');
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

// ---------------------------------------------------------------- sections (chat, insight)

interface SectionContext {
  report: Report;
  lang: string;
  w: Wording;
  iw: InsightWording;
  insight: InsightView;
  chat: Map<string, ChatView>;
  labels: Map<string, string>;
  channels: Map<string, string>;
  top: number;
  keyItems: number;
  trendSeries: number;
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (x: unknown): string => (typeof x === 'number' && Number.isFinite(x) ? String(x) : '—');
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A Markdown table; every cell is escaped here. */
function mdTable(head: readonly string[], right: readonly boolean[], rows: readonly string[][]): string[] {
  return [
    `| ${head.map((h) => (h === '#' ? h : cell(h))).join(' | ')} |`,
    `|${head.map((_, i) => (right[i] === true ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

const labelOf = (ctx: SectionContext, id: string): string => ctx.labels.get(id) ?? id;
const kindName = (ctx: SectionContext, kind: string | undefined): string => (kind === undefined ? '' : (ctx.iw.kindNames[kind] ?? kind));
const itemName = (ctx: SectionContext, id: string, kind: string): string => `${labelOf(ctx, id)} (${kindName(ctx, kind)})`;

/** Channel ids in the report's order (most verbatims first), unknown ones after by id, `all` last. */
function byReportOrder<T>(ctx: SectionContext, items: readonly T[], channelOf: (item: T) => string): T[] {
  const order = new Map(ctx.report.channels.map((c, i) => [c.channel, i]));
  const rank = (id: string): number => (id === 'all' ? Infinity : (order.get(id) ?? order.size));
  return [...items].sort((a, b) => rank(channelOf(a)) - rank(channelOf(b)) || (channelOf(a) < channelOf(b) ? -1 : channelOf(a) > channelOf(b) ? 1 : 0));
}

function chatLines(ctx: SectionContext): string[] {
  const { iw, lang } = ctx;
  const out = [`## ${iw.chat}`, ''];
  let rows = byReportOrder(ctx, [...ctx.chat].filter(([, c]) => c.conversations > 0), ([id]) => id);
  if (rows.length === 0) return [...out, iw.noChat, ''];
  // The all-channels row only adds something when chats come from several channels.
  if (rows.length === 2) rows = rows.filter(([id]) => id !== 'all');
  const table = mdTable(
    [ctx.w.channel, iw.conversations, iw.exchangesMean, iw.exchangesMedian],
    [false, true, true, true],
    rows.map(([id, c]) => [ctx.channels.get(id) ?? id, String(c.conversations), formatNumber(c.mean, 1, lang), formatNumber(c.median, 1, lang)]),
  );
  return [...out, ...table, ''];
}

function impactTable(ctx: SectionContext, title: string, kindLabel: string, list: readonly EntryScore[], scaleKind: string): string[] {
  const { iw, lang } = ctx;
  const scored = list.filter((e) => e.scored > 0).slice(0, ctx.top);
  if (scored.length === 0) return [`### ${title}`, '', iw.noScoredEntries, ''];
  const rows = scored.map((e, i) => [
    String(i + 1),
    labelOf(ctx, e.id),
    formatSigned(e.impact, 1, lang),
    formatHeadline(scaleKind, e.headline ?? null, lang),
    formatHeadline(scaleKind, isDict(e.without) ? (e.without.headline ?? null) : null, lang),
    formatSigned(e.meanGap, 2, lang),
    e.lowBase ? `${e.scored} (${iw.lowBase})` : String(e.scored),
  ]);
  const head = ['#', kindLabel, iw.impactPts, iw.withEntry, iw.withoutEntry, iw.meanGap, iw.base];
  return [`### ${title}`, '', ...mdTable(head, [true, false, true, true, true, true, true], rows), ''];
}

function scoreLines(ctx: SectionContext): string[] {
  const { iw, w, lang, report } = ctx;
  const out = [`## ${iw.scoreImpact}`, ''];
  const s = ctx.insight.scores;
  if (s === undefined) {
    const anyScore = report.all.score !== null && report.all.score.n > 0;
    return [...out, anyScore ? iw.noScoreInsight : iw.noScores, ''];
  }
  if (s.overall.scored === 0) return [...out, iw.noScores, ''];
  const kind = s.scale.kind;
  const headline = headlineName(iw, kind);
  out.push(
    `- ${cell(`${iw.scale}${w.colon}${iw.scaleNames[kind] ?? kind}`)}`,
    `- ${cell(`${iw.overallScore}${w.colon}${headline} ${formatHeadline(kind, s.overall.headline, lang)} (n = ${s.overall.scored})`)}`,
    '',
  );
  if (s.mixedScales) out.push(cell(iw.mixedScales), '');
  out.push(cell(iw.impactNote(headline)), '');
  out.push(...impactTable(ctx, iw.irritantsByImpact, capitalize(kindName(ctx, 'irritant')), s.entries.irritant ?? [], kind));
  out.push(...impactTable(ctx, iw.enchantmentsByImpact, capitalize(kindName(ctx, 'enchantment')), s.entries.enchantment ?? [], kind));

  out.push(`### ${iw.segments}`, '');
  if (kind === 'unknown' || s.overall.detractors + s.overall.promoters === 0) return [...out, iw.noSegments, ''];
  const themes = (s.entries.theme ?? [])
    .filter((e) => (e.amongDetractors ?? 0) > 0 || (e.amongPromoters ?? 0) > 0)
    .sort((a, b) => (b.amongDetractors ?? 0) - (a.amongDetractors ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, ctx.top);
  if (themes.length === 0) return [...out, iw.noScoredEntries, ''];
  const nps = kind === 'nps';
  const gap = (e: EntryScore): number | null =>
    e.amongDetractors === null || e.amongPromoters === null || e.amongPromoters === undefined ? null : e.amongDetractors - e.amongPromoters;
  const table = mdTable(
    ['#', capitalize(kindName(ctx, 'theme')), nps ? iw.amongDetractors : iw.amongDissatisfied, nps ? iw.amongPromoters : iw.amongSatisfied, iw.gapPts, iw.base],
    [true, false, true, true, true, true],
    themes.map((e, i) => [
      String(i + 1),
      labelOf(ctx, e.id),
      formatPoints(e.amongDetractors, lang),
      formatPoints(e.amongPromoters ?? null, lang),
      formatSigned(gap(e), 1, lang),
      e.lowBase ? `${e.scored} (${iw.lowBase})` : String(e.scored),
    ]),
  );
  return [...out, cell(iw.segmentNote(kind)), '', ...table, ''];
}

function keynessLines(ctx: SectionContext): string[] {
  const { iw, w, lang } = ctx;
  const out = [`## ${iw.keyness}`, ''];
  const k = ctx.insight.keyness;
  if (k === undefined) return [...out, iw.noKeyness, ''];
  const maxP = formatNumber(k.threshold.maxP, k.threshold.maxP < 0.01 ? 3 : 2, lang);
  if (k.channels.filter((c) => c.verbatims > 0).length < 2) return [...out, iw.oneChannel, ''];
  const items = (c: (typeof k.channels)[number], which: 'over' | 'under'): KeyItem[] => [
    ...c.concept[which].slice(0, ctx.keyItems),
    ...c.word[which].slice(0, ctx.keyItems),
    ...(isDict(c.expression) && Array.isArray(c.expression[which]) ? c.expression[which].slice(0, ctx.keyItems) : []),
  ];
  const channels = byReportOrder(ctx, k.channels, (c) => c.channel).filter((c) => items(c, 'over').length + items(c, 'under').length > 0);
  if (channels.length === 0) return [...out, cell(iw.noKeyItems(maxP)), ''];
  const minFrequency = typeof k.threshold.minFrequency === 'number' ? String(k.threshold.minFrequency) : '—';
  out.push(cell(iw.keynessNote(maxP, minFrequency)), '');
  const head = ['#', iw.term, iw.type, iw.inChannelOthers, 'G²', 'p', iw.logRatio];
  const right = [true, false, false, true, true, true, true];
  for (const c of channels) {
    out.push(`### ${w.channel}${w.colon}${cell(ctx.channels.get(c.channel) ?? c.channel)} (${c.verbatims} ${w.verbatims.toLowerCase()})`, '');
    for (const [title, which] of [[iw.over, 'over'], [iw.under, 'under']] as const) {
      const list = items(c, which);
      if (list.length === 0) {
        out.push(`**${cell(title)}**${cell(w.colon)}${cell(iw.nothing)}`, '');
        continue;
      }
      const rows = list.map((item, i) => [
        String(i + 1),
        item.kind === 'concept' ? labelOf(ctx, item.key) : item.key,
        kindName(ctx, item.kind === 'concept' ? (item.entryKind ?? 'concept') : item.kind),
        `${count(item.count)} / ${count(item.otherCount)}`,
        formatSigned(item.g2, 1, lang),
        typeof item.p === 'number' ? formatP(item.p, lang) : '—',
        formatSigned(typeof item.logRatio === 'number' ? item.logRatio : null, 2, lang),
      ]);
      out.push(`**${cell(title)}**`, '', ...mdTable(head, right, rows), '');
    }
  }
  return out;
}

function isPair(p: unknown): p is CooccurrencePair {
  const side = (x: unknown) => isDict(x) && typeof x.id === 'string' && typeof x.kind === 'string';
  return isDict(p) && side(p.a) && side(p.b) && typeof p.count === 'number' && typeof p.lift === 'number';
}

function cooccurrenceLines(ctx: SectionContext): string[] {
  const { iw, lang } = ctx;
  const out = [`## ${iw.cooccurrence}`, ''];
  const c = ctx.insight.cooccurrence;
  if (c === undefined) return [...out, iw.noCooccurrence, ''];
  const pairs = c.pairs.filter(isPair).slice(0, ctx.top);
  if (pairs.length === 0) return [...out, iw.noPairs, ''];
  const table = mdTable(
    ['#', iw.itemA, iw.itemB, iw.together, 'A', 'B', iw.lift],
    [true, false, false, true, true, true, true],
    pairs.map((p, i) => [
      String(i + 1),
      itemName(ctx, p.a.id, p.a.kind),
      itemName(ctx, p.b.id, p.b.kind),
      String(p.count),
      count(p.a.count),
      count(p.b.count),
      formatNumber(p.lift, 2, lang),
    ]),
  );
  return [...out, cell(iw.cooccurrenceNote), '', ...table, ''];
}

function trendLines(ctx: SectionContext): string[] {
  const { iw, w, lang } = ctx;
  const out = [`## ${iw.trends}`, ''];
  const t = ctx.insight.trends;
  if (t === undefined) return [...out, iw.noTrends, ''];
  if (t.periods.length === 0) return [...out, iw.noDates, ''];
  if (t.periods.length === 1) return [...out, cell(iw.onePeriod(t.periods[0] as string)), ''];
  out.push(cell(iw.trendsNote), '');
  const total = (s: TrendSeries): number => s.counts.reduce((a, b) => a + b, 0);
  for (const [kind, title] of [['theme', iw.themesByPeriod], ['irritant', iw.irritantsByPeriod]] as const) {
    const series = t.entries
      .filter((s) => s.kind === kind && total(s) > 0)
      .sort((a, b) => total(b) - total(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, ctx.trendSeries);
    out.push(`### ${title}`, '');
    if (series.length === 0) {
      out.push(iw.noneOfKind, '');
      continue;
    }
    const table = mdTable(
      [iw.periodCol, w.verbatims, ...series.map((s) => labelOf(ctx, s.id))],
      [false, true, ...series.map(() => true)],
      t.periods.map((p, i) => [p, count(t.verbatims[i]), ...series.map((s) => `${formatPoints(s.shares[i] ?? null, lang)} (${count(s.counts[i])})`)]),
    );
    out.push(...table, '');
  }
  if (t.undated > 0) out.push(cell(iw.undated(String(t.undated))), '');
  if (t.compared !== null && Array.isArray(t.compared) && t.compared.length === 2) {
    const [a, b] = t.compared;
    out.push(`### ${cell(iw.movesTitle(a, b))}`, '');
    const moves: Array<[string, TrendMove]> = [...t.risers.map((m) => [iw.up, m] as [string, TrendMove]), ...t.fallers.map((m) => [iw.down, m] as [string, TrendMove])];
    if (moves.length === 0) out.push(iw.noMoves, '');
    else {
      const table = mdTable(
        [iw.direction, iw.term, iw.type, a, b, iw.change],
        [false, false, false, true, true, true],
        moves.map(([dir, m]) => [
          dir,
          labelOf(ctx, m.id),
          kindName(ctx, m.kind),
          `${formatPoints(m.from.share, lang)} (${count(m.from.count)})`,
          `${formatPoints(m.to.share, lang)} (${count(m.to.count)})`,
          formatSigned(m.change, 1, lang),
        ]),
      );
      out.push(...table, '');
    }
  }
  return out;
}

interface StageView {
  mentions: number;
  stages: Record<string, { count?: unknown; share?: unknown } | undefined>;
}

const isStageView = (v: unknown): v is StageView => isDict(v) && typeof v.mentions === 'number' && isDict(v.stages);

function journeyLines(ctx: SectionContext): string[] {
  const { iw, w, lang } = ctx;
  const out = [`## ${iw.journey}`, ''];
  const j = ctx.insight.journey;
  if (j === undefined) return [...out, iw.noJourney, ''];
  const overall = [
    [capitalize(ctx.w.irritants), j.overall.irritant],
    [capitalize(ctx.w.enchantments), j.overall.enchantment],
  ] as const;
  if (overall.every(([, s]) => s.mentions === 0)) return [...out, iw.noJourneyMentions, ''];
  const countOf = (s: StageView, stage: string): number => {
    const c = s.stages[stage]?.count;
    return typeof c === 'number' ? c : 0;
  };
  const shareOf = (s: StageView, stage: string): number | null => {
    const x = s.stages[stage]?.share;
    return typeof x === 'number' ? x : null;
  };
  const stages = ['avant', 'pendant', 'apres', 'inconnu'].filter((stage) => stage !== 'inconnu' || overall.some(([, s]) => countOf(s, stage) > 0));
  const line = (s: StageView): string[] => [...stages.map((stage) => `${formatPoints(shareOf(s, stage), lang)} (${countOf(s, stage)})`), String(s.mentions)];
  const head = (first: string) => [first, ...stages.map((s) => iw.stages[s] ?? s), iw.mentions];
  const right = [false, ...stages.map(() => true), true];
  out.push(...mdTable(head(iw.family), right, overall.map(([family, s]) => [family, ...line(s)])), '');
  const rows: Array<{ channel: string; irritant: StageView }> = [];
  for (const c of j.channels as unknown[]) {
    if (isDict(c) && typeof c.channel === 'string' && isStageView(c.irritant) && c.irritant.mentions > 0) rows.push({ channel: c.channel, irritant: c.irritant });
  }
  const channels = byReportOrder(ctx, rows, (c) => c.channel);
  if (channels.length > 1) {
    out.push(`### ${iw.journeyChannels}`, '', ...mdTable(head(w.channel), right, channels.map((c) => [ctx.channels.get(c.channel) ?? c.channel, ...line(c.irritant)])), '');
  }
  return out;
}

function positiveOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`verbatim-fr: expected ${name} to be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** The sections read from `report.sections`, each present or replaced by a sentence saying why not. */
function sectionLines(report: Report, options: MarkdownRenderOptions, lang: string, w: Wording): string[] {
  const iw = insightWordingFor(lang);
  const insight = readInsight(report);
  const chat = readChat(report);
  const sections: unknown = report.sections;
  const chatPresent = isDict(sections) && Array.isArray(sections.chat);
  if (!chatPresent && Object.keys(insight).length === 0) return [`## ${iw.extra}`, '', cell(iw.noSections), ''];
  const ctx: SectionContext = {
    report,
    lang,
    w,
    iw,
    insight,
    chat,
    labels: entryLabels(report),
    channels: channelLabels(report, w),
    top: options.top ?? 10,
    keyItems: positiveOption('keyItems', options.keyItems, 5),
    trendSeries: positiveOption('trendSeries', options.trendSeries, 5),
  };
  return [...chatLines(ctx), ...scoreLines(ctx), ...keynessLines(ctx), ...cooccurrenceLines(ctx), ...trendLines(ctx), ...journeyLines(ctx)];
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
  out.push(...sectionLines(report, options, lang, w));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export const markdownRenderer: Renderer<MarkdownRenderOptions> = { name: 'md', extension: 'md', render: renderMarkdown };
